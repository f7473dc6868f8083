// Which parts of a full government page are site chrome rather than the report: navigation, footers,
// link lists (menus, breadcrumbs, "related articles"), hidden and scripted nodes, and our own UI.
import { ELEMENT, TEXT, attr, children, tagOf, type MinimalNode } from './node.ts';

/** Never content. */
const SKIP_TAGS = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'title', 'meta', 'link', 'svg', 'canvas', 'iframe',
  'object', 'embed', 'select', 'option', 'button', 'input', 'textarea', 'video', 'audio', 'map',
]);
/** Chrome unless it holds a report table (some CMSs wrap the whole article in <header>/<aside>). */
const CHROME_TAGS = new Set(['nav', 'footer', 'aside', 'header', 'menu']);
const CHROME_NAME = /(^|[-_\s])(nav|navbar|menu|footer|foot|breadcrumb|crumbs?|sidebar|share|toolbar|copyright|topbar|header)([-_\s\d]|$)/i;

export type TextStats = { text: number; link: number; tables: number };

/** Text length, link-text length and table count per element, computed once per walk. */
export class PageStats {
  private readonly memo = new Map<MinimalNode, TextStats>();

  of(node: MinimalNode): TextStats {
    const hit = this.memo.get(node);
    if (hit) return hit;
    // Post-order over an explicit stack (a page is untrusted input: 10 000 nested <div>s would overflow
    // a recursive walk): a node is summed once all its children are in the memo.
    const stack: { node: MinimalNode; ready: boolean }[] = [{ node, ready: false }];
    while (stack.length) {
      const top = stack.pop()!;
      const n = top.node;
      if (this.memo.has(n)) continue;
      const tag = n.nodeType === ELEMENT || n.nodeType === 9 ? tagOf(n) : '';
      const inner = (n.nodeType === ELEMENT || n.nodeType === 9) && !SKIP_TAGS.has(tag);
      if (inner && !top.ready) {
        stack.push({ node: n, ready: true });
        for (const c of children(n)) if (!this.memo.has(c)) stack.push({ node: c, ready: false });
        continue;
      }
      const s: TextStats = { text: 0, link: 0, tables: 0 };
      if (n.nodeType === TEXT) s.text = (n.nodeValue ?? '').replace(/\s+/g, '').length;
      else if (inner) {
        for (const c of children(n)) {
          const cs = this.memo.get(c)!;
          s.text += cs.text;
          s.link += cs.link;
          s.tables += cs.tables;
        }
        if (tag === 'a') s.link = s.text;
        if (tag === 'table') s.tables += 1;
      }
      this.memo.set(n, s);
    }
    return this.memo.get(node)!;
  }
}

export function isHidden(node: MinimalNode): boolean {
  if (attr(node, 'hidden') !== null || attr(node, 'aria-hidden') === 'true') return true;
  const style = attr(node, 'style');
  return !!style && /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** True when the element and everything under it should be left out of the Doc. */
export function isChrome(node: MinimalNode, stats: PageStats): boolean {
  const tag = tagOf(node);
  if (SKIP_TAGS.has(tag)) return true;
  if (attr(node, 'data-gkc-ui') !== null) return true;
  if (isHidden(node)) return true;
  const s = stats.of(node);
  if (s.tables > 0) return false;
  if (CHROME_TAGS.has(tag)) return true;
  const name = `${attr(node, 'id') ?? ''} ${attr(node, 'class') ?? ''}`;
  if (name.trim() && CHROME_NAME.test(name) && s.text < 400) return true;
  // A block that is mostly links is a menu, breadcrumb or list of other articles.
  if (tag !== 'a' && tag !== 'p' && s.text >= 4 && s.link / s.text >= 0.6) return true;
  return false;
}
