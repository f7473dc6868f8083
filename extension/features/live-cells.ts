// From a cell's place (table, row, cell) back to the page's own <td>, the way the core's HTML walker
// counts (core/adapters/html/walk.ts: tables in document order, a table's own rows through
// thead/tbody/tfoot in document order, td/th children of the row). Only the one table is walked, so
// the page's other nodes are never touched from JS.
import type { CellPlace } from './wire-check.ts';

/** The page's HTML as the background reads it: one native serialisation (our UI hangs off <html>, outside). */
export function pageHtml(doc: Document): string {
  return (doc.body ?? doc.documentElement)?.outerHTML ?? '';
}

export function liveTable(doc: Document, index: number): HTMLTableElement | undefined {
  return (doc.getElementsByTagName('table')[index] as HTMLTableElement | undefined) ?? undefined;
}

const lower = (el: Element) => el.tagName.toLowerCase();

function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  // an explicit stack, as in the HTML adapter's walks: a page's DOM is untrusted input (issue 15)
  const stack = Array.from(table.children).reverse();
  while (stack.length) {
    const c = stack.pop()!;
    const t = lower(c);
    if (t === 'tr') rows.push(c);
    else if (t === 'thead' || t === 'tbody' || t === 'tfoot') stack.push(...Array.from(c.children).reverse());
  }
  return rows;
}

export function liveCell(doc: Document, place: CellPlace): HTMLElement | undefined {
  const table = liveTable(doc, place.table);
  const tr = table && ownRows(table)[place.row];
  const cells = tr ? Array.from(tr.children).filter((c) => lower(c) === 'td' || lower(c) === 'th') : [];
  return cells[place.cell] as HTMLElement | undefined;
}
