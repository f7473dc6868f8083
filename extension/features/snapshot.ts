// A plain-object copy of the page's node tree for the core's HTML walker. The walker visits every node
// several times (text statistics, chrome detection, table indexing, the walk itself), and on a live
// DOM each visit crosses into the browser (childNodes lists, nodeName, attributes): ~35 ms for the
// saved real page in chromium. One pass copying nodeType/nodeName/nodeValue and the child lists makes
// those repeated visits plain JS. Attributes are read from the live element on demand (the walker
// asks for a handful). Each copy keeps its live node, so a finding's cell is the page's own <td>.
import type { MinimalNode } from '../../core/adapters/html/index.ts';

/** Their text is never content (the walker skips them): copy the element, not its text. */
const NO_CHILDREN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG']);

export class SnapNode implements MinimalNode {
  readonly childNodes: SnapNode[] = [];
  constructor(
    readonly live: Node,
    readonly nodeType: number,
    readonly nodeName: string,
    readonly nodeValue: string | null,
  ) {}

  getAttribute(name: string): string | null {
    return this.nodeType === 1 ? (this.live as Element).getAttribute(name) : null;
  }
}

export function snapshot(root: Document | Element): SnapNode {
  const top = new SnapNode(root, root.nodeType, root.nodeName, null);
  const stack: [Node, SnapNode][] = [[root, top]];
  while (stack.length) {
    const [node, copy] = stack.pop()!;
    for (let c = node.firstChild; c; c = c.nextSibling) {
      const type = c.nodeType;
      if (type === 3) {
        copy.childNodes.push(new SnapNode(c, 3, '#text', c.nodeValue));
      } else if (type === 1) {
        // our own UI never counts (the walker would skip it too)
        if ((c as Element).hasAttribute('data-gkc-ui')) continue;
        const el = new SnapNode(c, 1, c.nodeName, null);
        copy.childNodes.push(el);
        if (!NO_CHILDREN.has(c.nodeName)) stack.push([c, el]);
      }
      // comments, processing instructions: the walker ignores them
    }
  }
  return top;
}
