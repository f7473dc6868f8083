// The page in document order → Doc blocks: each run of inline text is a para block, each data table a
// grid block whose cells keep their rowspan/colspan and a `dom` source (table index among all <table>s
// of the root, row index within that table, cell index within the row), so a face can find the <td>
// again with findDomCell. Layout tables (tables holding tables, one-column frames) are read as
// containers.
import type { Block, GridCell } from '../../types.ts';
import { ELEMENT, TEXT, attr, children, elementChildren, tagOf, type MinimalNode } from './node.ts';
import { PageStats, isChrome } from './chrome.ts';

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'thead', 'tfoot', 'tr', 'td', 'th', 'ul', 'body', 'html',
]);

/**
 * Where a browser's DOM holds no elements (template content lives apart; the others hold raw text), but
 * a string parser of the same page's serialised HTML may find some: never counted, so a table's index
 * is the same in the live page and in its outerHTML read elsewhere (the extension's background).
 */
const NO_TABLES_INSIDE = new Set(['template', 'noscript', 'iframe', 'noembed', 'noframes', 'xmp', 'textarea', 'script', 'style']);

/** All <table>s under root in document order, the order getElementsByTagName('table') gives. */
export function allTables(root: MinimalNode): MinimalNode[] {
  const out: MinimalNode[] = [];
  // An explicit stack, as in every walk over a page: a page is untrusted input, and 10 000 nested <div>s
  // overflow the call stack of a recursive walk (issue 15).
  const stack: MinimalNode[] = [...children(root)].reverse();
  while (stack.length) {
    const c = stack.pop()!;
    if (c.nodeType !== ELEMENT) continue;
    const tag = tagOf(c);
    if (tag === 'table') out.push(c);
    if (!NO_TABLES_INSIDE.has(tag)) pushChildren(stack, c);
  }
  return out;
}

/** Pushes a node's children so that they pop in document order. */
function pushChildren<T>(stack: (MinimalNode | T)[], node: MinimalNode): void {
  const kids = node.childNodes;
  for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
}

/** The table's own rows (not those of nested tables), in document order. */
export function tableRows(table: MinimalNode): MinimalNode[] {
  const rows: MinimalNode[] = [];
  const stack: MinimalNode[] = elementChildren(table).reverse();
  while (stack.length) {
    const c = stack.pop()!;
    const t = tagOf(c);
    if (t === 'tr') rows.push(c);
    else if (t === 'thead' || t === 'tbody' || t === 'tfoot') stack.push(...elementChildren(c).reverse());
  }
  return rows;
}

export function rowCells(tr: MinimalNode): MinimalNode[] {
  return elementChildren(tr).filter((c) => tagOf(c) === 'td' || tagOf(c) === 'th');
}

const FLUSH = Symbol('flush');

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** HTML whitespace collapsing, except that a line break between two Chinese characters is no space. */
export function collapse(s: string): string {
  const t = s.replace(/[\s\u00a0]+/g, (ws, i: number, all: string) => {
    const before = all[i - 1] ?? '';
    const after = all[i + ws.length] ?? '';
    return /[\r\n]/.test(ws) && CJK.test(before) && CJK.test(after) ? '' : ' ';
  });
  return t.trim();
}

function span(node: MinimalNode, name: string): number {
  const n = parseInt(attr(node, name) ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

export function walkPage(root: MinimalNode): Block[] {
  const stats = new PageStats();
  const tableIndex = new Map<MinimalNode, number>();
  allTables(root).forEach((t, i) => tableIndex.set(t, i));
  const blocks: Block[] = [];
  let buf = '';

  const flush = (): void => {
    const text = collapse(buf);
    buf = '';
    if (text) blocks.push({ kind: 'para', text, source: { kind: 'para', block: blocks.length } });
  };

  /** Text of a cell: block children and <br> become line breaks, the rest is joined. */
  const cellText = (node: MinimalNode): string => {
    let out = '';
    // nodes to read, and strings to write once the nodes pushed after them are read
    const stack: (MinimalNode | string)[] = [];
    pushChildren(stack, node);
    while (stack.length) {
      const n = stack.pop()!;
      if (typeof n === 'string') {
        out += n;
        continue;
      }
      if (n.nodeType === TEXT) {
        out += n.nodeValue ?? '';
        continue;
      }
      if (n.nodeType !== ELEMENT || isChrome(n, stats)) continue;
      const tag = tagOf(n);
      if (tag === 'br') {
        out += '\n';
        continue;
      }
      const block = BLOCK_TAGS.has(tag);
      if (block) {
        out += '\n';
        stack.push('\n');
      }
      pushChildren(stack, n);
    }
    return out
      .split('\n')
      .map((l) => collapse(l))
      .filter(Boolean)
      .join('\n');
  };

  const isLayoutTable = (table: MinimalNode, rows: MinimalNode[]): boolean =>
    stats.of(table).tables > 1 || rows.every((r) => rowCells(r).length <= 1);

  // Nodes to visit, and FLUSH marks where a block ends once the nodes pushed after it are visited.
  const stack: (MinimalNode | typeof FLUSH)[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === FLUSH) {
      flush();
      continue;
    }
    if (node.nodeType === TEXT) {
      buf += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== ELEMENT && node.nodeType !== 9) continue;
    if (node.nodeType === ELEMENT && isChrome(node, stats)) continue;
    const tag = tagOf(node);
    if (tag === 'br') {
      flush();
      continue;
    }
    if (tag === 'table') {
      flush();
      const rows = tableRows(node);
      if (isLayoutTable(node, rows)) {
        // each cell's content, then a flush; pushed last cell first so the first is visited first
        const cells = rows.flatMap((r) => rowCells(r));
        for (let i = cells.length - 1; i >= 0; i--) {
          stack.push(FLUSH);
          pushChildren(stack, cells[i]!);
        }
        continue;
      }
      const index = tableIndex.get(node) ?? -1;
      const grid: GridCell[][] = rows.map((tr, r) =>
        rowCells(tr).map((td, c) => ({
          text: cellText(td),
          rowSpan: span(td, 'rowspan'),
          colSpan: span(td, 'colspan'),
          source: { kind: 'dom' as const, table: index, row: r, cell: c },
        })),
      );
      if (grid.some((r) => r.length)) blocks.push({ kind: 'grid', rows: grid, source: { kind: 'dom', table: index, row: 0, cell: 0 }, layout: 'html' });
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) {
      flush();
      stack.push(FLUSH);
    }
    pushChildren(stack, node);
  }
  flush();
  return blocks;
}
