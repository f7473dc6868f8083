// Positioned text (a PDF's text layer; later OCR words) → Doc. Items are clustered into lines by their
// baseline, a line into cells by horizontal gaps, and the lines are written out as tab-separated text
// so the text adapter's readers (the same ones that read PDF text pasted by users, seed 001) build the
// grids. Every character of that text remembers the item it came from, so each cell's source becomes a
// `pdf` box on its page.
import type { Block, Doc, GridCell, SourceRef } from '../../types.ts';
import { textToDoc } from '../text/index.ts';

/** One run of text on a page, in PDF user space (origin bottom-left, y up). */
export type TextItem = { str: string; x: number; y: number; w: number; h: number };
export type PageText = { page: number; width: number; height: number; items: TextItem[] };

type Line = { y: number; h: number; items: TextItem[] };
type Cell = { text: string; x0: number; x1: number; y0: number; y1: number; h: number; numeric: boolean };

/** Page furniture that would cut a table in two where it crosses a page break. */
const FURNITURE = /^[-—–\s]*(第\s*)?\d{1,3}(\s*页)?[-—–\s]*$|^\d+\s*\/\s*\d+$/;

export function linesOf(items: TextItem[]): Line[] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const it of sorted) {
    // Numbers are often set larger than labels and sit a point or two lower: same row.
    const line = lines.find((l) => Math.abs(l.y - it.y) <= 0.4 * Math.max(l.h, it.h));
    if (line) {
      line.items.push(it);
      line.h = Math.max(line.h, it.h);
    } else lines.push({ y: it.y, h: it.h, items: [it] });
  }
  for (const l of lines) l.items.sort((a, b) => a.x - b.x);
  return lines.sort((a, b) => b.y - a.y);
}

const NUMBERISH = /^[\s\d.,，+\-—–/%万元]*$/;

/** Items closer than a fraction of their height are one phrase; numbers stay apart from anything else. */
export function cellsOf(line: Line): Cell[] {
  const cells: Cell[] = [];
  let cur: (Cell & { numeric: boolean }) | undefined;
  for (const it of line.items) {
    const numeric = NUMBERISH.test(it.str);
    const gap = cur ? it.x - cur.x1 : Infinity;
    // Prose splits runs at every font change (「国令第」「711」「号」) with no gap; table cells sit far apart.
    const join = cur && gap < 0.6 * Math.min(it.h, line.h) && !(numeric && cur.numeric && gap > 0.15 * it.h);
    if (cur && join) {
      cur.text += it.str;
      cur.numeric &&= numeric;
      cur.h = Math.max(cur.h, it.h);
      cur.x1 = Math.max(cur.x1, it.x + it.w);
      cur.y0 = Math.min(cur.y0, it.y);
      cur.y1 = Math.max(cur.y1, it.y + it.h);
    } else {
      cur = { text: it.str, x0: it.x, x1: it.x + it.w, y0: it.y, y1: it.y + it.h, h: it.h, numeric };
      cells.push(cur);
    }
  }
  return cells.map((c) => ({ ...c, text: c.text.trim() }));
}

const isValueRow = (cells: Cell[]): boolean => cells.filter((c) => c.numeric).length >= 2 || (cells.length >= 2 && cells.some((c) => c.numeric));

/**
 * Table labels wrap over two or three lines with the numbers on one of them (「5.要求行政机关确认或重新出」
 * / values / 「具已获取信息」). Each label-only line inside a table joins the nearest row that has values;
 * its text goes into the cell it overlaps horizontally, above or below the text already there.
 */
export function mergeWrappedLabels(rows: Cell[][]): { merged: Cell[][]; inTable: boolean[] } {
  const anchors = rows.map((r, i) => (isValueRow(r) ? i : -1)).filter((i) => i >= 0);
  const yOf = (r: Cell[]) => Math.max(...r.map((c) => c.y1));
  const hOf = (r: Cell[]) => Math.max(...r.map((c) => c.h));
  const labelH = (r: Cell[]) => Math.max(0, ...r.filter((c) => !c.numeric).map((c) => c.h));
  const target = new Map<number, number>(); // label-only line → anchor row it joins
  for (let k = 0; k + 1 < anchors.length; k++) {
    const a = anchors[k]!;
    const b = anchors[k + 1]!;
    const span = yOf(rows[a]!) - yOf(rows[b]!);
    // Two value rows far apart are two tables (or a table and prose in between).
    if (span > 8 * hOf(rows[a]!)) continue;
    const maxH = 1.15 * Math.max(labelH(rows[a]!), labelH(rows[b]!), 1);
    for (let i = a + 1; i < b; i++) {
      const r = rows[i]!;
      if (isValueRow(r) || hOf(r) > maxH) continue;
      const da = yOf(rows[a]!) - yOf(r);
      const db = yOf(r) - yOf(rows[b]!);
      target.set(i, da < db ? a : b);
    }
  }
  // A label line just after the last value row of a table (its second line) joins it too.
  for (const a of anchors) {
    const i = a + 1;
    const r = rows[i];
    if (!r || isValueRow(r) || target.has(i) || r.length !== 1) continue;
    const d = yOf(rows[a]!) - yOf(r);
    if (d <= 1.6 * hOf(rows[a]!) && hOf(r) <= 1.15 * Math.max(labelH(rows[a]!), 1) && !isValueRow(rows[i + 1] ?? [])) {
      if (rows[a - 1] && isValueRow(rows[a - 1]!)) target.set(i, a);
    }
  }
  // Join each line to its anchor's cell only when it sits right against that cell's text (a wrapped
  // label); a sub-heading row of its own (「第二十条第（五）项」) is further away and stays a row.
  const hosts = new Map<number, Cell[]>();
  const joined = new Set<number>();
  const byAnchor = new Map<number, number[]>();
  for (const [i, a] of target) byAnchor.set(a, [...(byAnchor.get(a) ?? []), i]);
  for (const [a, lines] of byAnchor) {
    const cells = rows[a]!.map((c) => ({ ...c }));
    hosts.set(a, cells);
    lines.sort((p, q) => Math.abs(yOf(rows[p]!) - yOf(rows[a]!)) - Math.abs(yOf(rows[q]!) - yOf(rows[a]!)));
    for (const i of lines) {
      const line = rows[i]!;
      if (line.length !== 1) continue;
      const frag = line[0]!;
      const near = (c: Cell) => Math.max(c.y0 - frag.y1, frag.y0 - c.y1) <= 1.25 * frag.h;
      let host = cells.find((c) => !c.numeric && frag.x0 < c.x1 && frag.x1 > c.x0 && near(c));
      if (!host) {
        // Values on a line of their own, the label wrapped above and below them: the label becomes the
        // row's first cell.
        const firstValue = cells.find((c) => c.numeric);
        if (!firstValue || cells.some((c) => !c.numeric && c.x1 > frag.x0 && c.x0 < firstValue.x0) || frag.x1 > firstValue.x0 || !near(firstValue)) continue;
        host = { ...frag };
        cells.push(host);
        cells.sort((p, q) => p.x0 - q.x0);
        joined.add(i);
        continue;
      }
      // Text above the host's line comes first.
      host.text = frag.y1 > host.y1 ? frag.text + host.text : host.text + frag.text;
      host.x0 = Math.min(host.x0, frag.x0);
      host.x1 = Math.max(host.x1, frag.x1);
      host.y0 = Math.min(host.y0, frag.y0);
      host.y1 = Math.max(host.y1, frag.y1);
      joined.add(i);
    }
  }
  const merged: Cell[][] = [];
  const inTable: boolean[] = [];
  rows.forEach((r, i) => {
    if (joined.has(i)) return;
    merged.push(hosts.get(i) ?? r);
    inTable.push(hosts.has(i) || target.has(i) || isValueRow(r));
  });
  return { merged, inTable };
}

export function positionedToDoc(pages: PageText[], opts: { name?: string; origin?: Doc['origin'] } = {}): Doc {
  let text = '';
  const spans: { start: number; end: number; page: number; bbox: [number, number, number, number] }[] = [];
  for (const page of pages) {
    const rows = linesOf(page.items)
      .map((l) => cellsOf(l))
      .filter((cells) => !(cells.length === 1 && FURNITURE.test(cells[0]!.text)));
    const right = Math.max(0, ...rows.filter((r) => r.length === 1).map((r) => r[0]!.x1));
    const { merged, inTable } = mergeWrappedLabels(rows);
    merged.forEach((cells, i) => {
      const next = merged[i + 1];
      // A prose line that runs to the right margin continues on the next line: one paragraph.
      const only = cells.length === 1 && !inTable[i] ? cells[0]! : undefined;
      const nextOnly = next?.length === 1 && !inTable[i + 1] ? next[0]! : undefined;
      const wraps = !!only && !!nextOnly && only.x1 >= right - 1.5 * only.h && Math.abs(nextOnly.h - only.h) <= 0.15 * only.h && !/[。：:；]$/.test(only.text);
      cells.forEach((c, k) => {
        if (k > 0) text += '\t';
        const start = text.length;
        text += c.text.replace(/[\t\n]/g, ' ');
        // PDF y grows upwards; boxes are given top-left origin like OCR and images.
        spans.push({ start, end: text.length, page: page.page, bbox: [c.x0, page.height - c.y1, c.x1, page.height - c.y0] });
      });
      text += inTable[i] && cells.length === 1 ? '\t\n' : wraps ? '' : '\n';
    });
    text += '\n';
  }
  const doc = textToDoc(text, opts.name ? { name: opts.name } : {});
  const boxOf = (src: SourceRef): SourceRef => {
    if (src.kind !== 'text') return src;
    const hit = spans.find((s) => s.start <= src.start && src.start < s.end) ?? spans.find((s) => s.start >= src.start);
    return hit ? { kind: 'pdf', page: hit.page, bbox: hit.bbox } : src;
  };
  const blocks: Block[] = doc.blocks.map((b) =>
    b.kind === 'para'
      ? { ...b, source: boxOf(b.source) }
      : { ...b, rows: b.rows.map((r) => r.map((c): GridCell => ({ ...c, source: boxOf(c.source) }))), source: boxOf(b.source) },
  );
  return { blocks, origin: opts.origin ?? 'pdf', ...(opts.name ? { name: opts.name } : {}) };
}
