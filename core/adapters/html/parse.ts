// HTML string → MinimalNode tree without any DOM global: htmlparser2 (forgiving like a browser, decodes
// entities, ~30 KB) parses; a thin wrapper gives its nodes the DOM member names the walker reads.
import { parseDocument } from 'htmlparser2';
import type { MinimalNode } from './node.ts';

// domhandler's node shapes, declared here so the core does not depend on domhandler's types.
type HpNode = { type: string; name?: string; data?: string; attribs?: Record<string, string>; children?: HpNode[] };

const NODE_TYPE: Record<string, number> = { tag: 1, script: 1, style: 1, text: 3, cdata: 4, comment: 8, root: 9, directive: 10 };

class Wrapped implements MinimalNode {
  private kids?: Wrapped[];
  constructor(private readonly n: HpNode) {}
  get nodeType(): number {
    return NODE_TYPE[this.n.type] ?? 8;
  }
  get nodeName(): string {
    return this.n.type === 'root' ? '#document' : this.n.name ? this.n.name.toUpperCase() : '#' + this.n.type;
  }
  get nodeValue(): string | null {
    return this.n.type === 'text' ? (this.n.data ?? '') : null;
  }
  get childNodes(): Wrapped[] {
    this.kids ??= (this.n.children ?? []).map((c) => new Wrapped(c));
    return this.kids;
  }
  getAttribute(name: string): string | null {
    return this.n.attribs?.[name.toLowerCase()] ?? null;
  }
}

export function parseHtml(html: string): MinimalNode {
  return new Wrapped(parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true }) as unknown as HpNode);
}
