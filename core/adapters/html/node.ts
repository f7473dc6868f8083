// The few DOM members the HTML adapter reads. A browser Document/Element, happy-dom, linkedom and the
// wrapped htmlparser2 tree (parse.ts) all satisfy it, so one walker serves the content script, the site
// and Node.
export interface MinimalNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<MinimalNode>;
  getAttribute?(name: string): string | null;
}

/** A Document or Element to read from. */
export type MinimalParentNode = MinimalNode;

export const ELEMENT = 1;
export const TEXT = 3;

export function tagOf(node: MinimalNode): string {
  return node.nodeType === ELEMENT ? node.nodeName.toLowerCase() : '';
}

export function attr(node: MinimalNode, name: string): string | null {
  return node.nodeType === ELEMENT && node.getAttribute ? node.getAttribute(name) : null;
}

export function children(node: MinimalNode): MinimalNode[] {
  return Array.from(node.childNodes);
}

export function elementChildren(node: MinimalNode): MinimalNode[] {
  return children(node).filter((c) => c.nodeType === ELEMENT);
}
