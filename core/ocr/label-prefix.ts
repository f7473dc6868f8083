// A long label cell read by its beginning. The Chinese reader's cost follows the characters it reads
// (tesseract.js chi_sim, ~5 ms of CPU a character on this project's 2-core machine, issue 16), and the
// template's labels are told apart by their first few characters: after its numbering, no two labels of
// the 2019 and 2021 templates that are not wordings of the same row share more than five (「第二十条第（一）项」
// and 「第二十条第（五）项」; 「7.属于行政执法案卷」 and 「8.属于行政查询事项」). So a label cell longer than
// PREFIX_CHARS character widths is cut to its first PREFIX_CHARS, in reading order (a wrapped cell's lines
// side by side), and the reading is matched against the template labels' beginnings (labels.ts). What
// does not match one label is read again whole.
// Measured on 淮安市 2024 p4 (39 label cells, 324 characters): see tests/bench/ocr.ts.
import { otsu, type Gray } from './image.ts';

/**
 * Character widths read of a long label: its numbering (up to three widths, 「（二）」) and five to seven
 * characters. Ten widths were tried first: on the degraded forms of the four pages in tests/bench/ocr.ts
 * eight read as many numbers right or more (JPEG q35: 278 against 271 of 278, the 「3、其他」 row read).
 */
export const PREFIX_CHARS = 8;

type Line = { y0: number; y1: number; x0: number; x1: number };

/** The crop's text lines: bands of rows with ink, a gap of a fifth of the tallest band or less bridged (「三」's strokes). */
function textLines(g: Gray, t: number): Line[] {
  const { width: w, height: h, data } = g;
  const rowInk = new Uint8Array(h);
  for (let y = 0; y < h; y++) {
    for (let x = 0, i = y * w; x < w; x++, i++) {
      if (data[i]! <= t) {
        rowInk[y] = 1;
        break;
      }
    }
  }
  const bands: [number, number][] = [];
  for (let y = 0; y < h; y++) {
    if (!rowInk[y]) continue;
    const last = bands[bands.length - 1];
    if (last && y === last[1] + 1) last[1] = y;
    else bands.push([y, y]);
  }
  const tallest = Math.max(0, ...bands.map(([a, b]) => b - a + 1));
  const merged: [number, number][] = [];
  for (const b of bands) {
    const last = merged[merged.length - 1];
    if (last && b[0] - last[1] - 1 <= Math.max(2, tallest / 5)) last[1] = b[1];
    else merged.push([...b]);
  }
  const found = merged.flatMap(([y0, y1]) => {
    let x0 = w;
    let x1 = -1;
    let ink = 0;
    for (let y = y0; y <= y1; y++) {
      for (let x = 0, i = y * w; x < w; x++, i++) {
        if (data[i]! > t) continue;
        ink++;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
      }
    }
    return x1 >= 0 ? [{ y0, y1: y1 + 1, x0, x1: x1 + 1, ink }] : [];
  });
  // Specks above or between the lines (淮安市 2024 p4's upright 「法人或其他组织」 has two over its first
  // character) are no line: a band with a fifth of the ink of the inkiest or less is dropped.
  const most = Math.max(0, ...found.map((l) => l.ink));
  return found.filter((l) => l.ink > most / 5).map(({ y0, y1, x0, x1 }) => ({ y0, y1, x0, x1 }));
}

/** A column of the line with no ink, at or right of x and before `limit`, else x itself (a cut between two characters). */
function gapAt(g: Gray, t: number, l: Line, x: number, limit: number): number {
  for (let c = x; c < Math.min(limit, l.x1); c++) {
    let ink = false;
    for (let y = l.y0; y < l.y1 && !ink; y++) ink = g.data[y * g.width + c]! <= t;
    if (!ink) return c;
  }
  return x;
}

/**
 * The label crop cut to its first `chars` character widths (a character as wide as its line is tall),
 * its lines laid side by side on one line (`cut`); a cell written top to bottom, a character or so a
 * line (淮安市 2024 p4's 「法人或其他组织」 header, 7 lines in a narrow column), laid out so whole, which the
 * stacked reader otherwise gives back empty; undefined for any other crop no longer than the budget,
 * read as it is.
 */
export function labelPrefix(g: Gray, chars = PREFIX_CHARS): { image: Gray; cut: boolean } | undefined {
  const t = otsu(g);
  const lines = textLines(g, t);
  if (!lines.length) return undefined;
  const widths = lines.map((l) => (l.x1 - l.x0) / Math.max(1, l.y1 - l.y0));
  // Upright: three or more lines, two in three of them a character or so wide (a speck band may be wider).
  const narrow = widths.filter((x) => x <= 1.5).length;
  const upright = narrow >= 3 && narrow >= (2 * lines.length) / 3;
  // A little over the budget is read whole: cutting it saves less than a misread prefix costs.
  const cut = widths.reduce((s, x) => s + x, 0) > chars + 2;
  if (!cut && !upright) return undefined;
  const parts: Line[] = [];
  let left = cut ? chars : Infinity;
  for (const [i, l] of lines.entries()) {
    if (left <= 0) break;
    if (widths[i]! <= left) {
      parts.push(l);
      left -= widths[i]!;
      continue;
    }
    const lh = l.y1 - l.y0;
    const x = Math.round(l.x0 + left * lh);
    parts.push({ ...l, x1: gapAt(g, t, l, x, x + Math.round(lh / 2)) });
    left = 0;
  }
  const tall = Math.max(...parts.map((p) => p.y1 - p.y0));
  const space = Math.round(tall / 2);
  const margin = 10;
  const width = parts.reduce((s, p) => s + (p.x1 - p.x0), 0) + space * (parts.length - 1) + 2 * margin;
  const height = tall + 2 * margin;
  const data = new Uint8Array(width * height).fill(255);
  let x = margin;
  for (const p of parts) {
    // Lines sit on one baseline: each placed at the bottom of the row, as text is.
    const top = margin + tall - (p.y1 - p.y0);
    for (let y = p.y0; y < p.y1; y++) data.set(g.data.subarray(y * g.width + p.x0, y * g.width + p.x1), (top + y - p.y0) * width + x);
    x += p.x1 - p.x0 + space;
  }
  return { image: { width, height, data }, cut };
}
