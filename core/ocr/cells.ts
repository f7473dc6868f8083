// One table cell's pixels, ready for the recogniser: cut a little inside the rules, rule remnants and
// specks stripped, trimmed to the ink and surrounded by white. Whether the ink looks like a number decides
// which reader gets it first (digits: eng + whitelist; anything else: chi_sim).
import { crop, enlarge, enlargeFactor, pad, type Box, type Gray } from './image.ts';

export type CellCrop =
  | { kind: 'empty' }
  | {
      kind: 'ink';
      /** trimmed, enlarged for small print, padded: what the recognisers read */
      image: Gray;
      /** the same without enlargement: a second look when two readers disagree */
      plain: Gray;
      numeric: boolean;
      /** full-height marks in a numeric-looking cell: how many digits it has (decimal point aside) */
      glyphs?: number;
      /** the print's height (its tallest marks but one) in the pixels of the page as read, before enlargement */
      printHeight: number;
      lines: number;
      inkBox: Box;
    };

type Component = { x0: number; y0: number; x1: number; y1: number; area: number };

/** Connected ink components (8-neighbourhood) of a binary image. */
export function components(ink: Uint8Array, width: number, height: number): Component[] {
  // Filled a row's run at a time (scanline flood fill): a component is its set of pixels whatever the
  // order they are found in, so its box and area are the same as a pixel-by-pixel fill's.
  const label = new Uint8Array(width * height);
  const out: Component[] = [];
  const seeds: number[] = [];
  for (let start = 0; start < ink.length; start++) {
    if (!ink[start] || label[start]) continue;
    const c: Component = { x0: width, y0: height, x1: -1, y1: -1, area: 0 };
    seeds.push(start);
    while (seeds.length) {
      const p = seeds.pop()!;
      if (label[p]) continue;
      const y = Math.floor(p / width);
      const row = y * width;
      // The whole run of unlabelled ink through p along its row.
      let l = p - row;
      let r = l;
      while (l > 0 && ink[row + l - 1] && !label[row + l - 1]) l--;
      while (r < width - 1 && ink[row + r + 1] && !label[row + r + 1]) r++;
      // (A loop: most runs are a few pixels, too short to be worth a call to fill.)
      for (let k = row + l; k <= row + r; k++) label[k] = 1;
      c.area += r - l + 1;
      if (l < c.x0) c.x0 = l;
      if (r > c.x1) c.x1 = r;
      if (y < c.y0) c.y0 = y;
      if (y > c.y1) c.y1 = y;
      // A seed for each run of unlabelled ink touching it (diagonals too) in the rows above and below.
      const a = Math.max(0, l - 1);
      const b = Math.min(width - 1, r + 1);
      for (let ny = y - 1; ny <= y + 1; ny += 2) {
        if (ny < 0 || ny >= height) continue;
        const nrow = ny * width;
        let inRun = false;
        for (let x = a; x <= b; x++) {
          const q = nrow + x;
          if (ink[q] && !label[q]) {
            if (!inRun) seeds.push(q);
            inRun = true;
          } else inRun = false;
        }
      }
    }
    out.push(c);
  }
  return out;
}

/**
 * Cuts a cell out of the page: `box` is the cell between its rules, `inset` how far inside to cut
 * (half a rule plus a little). `threshold` is the page's ink threshold.
 */
export function cropCell(page: Gray, box: Box, inset: number, threshold: number): CellCrop {
  const [x0, y0, x1, y1] = box;
  const inner: Box = [x0 + inset, y0 + inset, x1 - inset, y1 - inset];
  if (inner[2] - inner[0] < 4 || inner[3] - inner[1] < 4) return { kind: 'empty' };
  const g = crop(page, inner);
  // A little above the page's threshold: thin strokes of small print are grey at 150 dpi (淮安 2024's
  // table B), and at the page threshold a 「4」 falls apart into pieces.
  const cut = cutAt(g, inner, threshold + (255 - threshold) * 0.25);
  if (cut.kind === 'ink') return cut;
  // Blank at the page's threshold: blank only if the pixels say so too. Ink fainter than the rest of
  // the page (a faded or lightly printed digit) is cut at the cell's own threshold; a blank would count
  // as 0 and hide it (issue 16).
  const faint = faintInkThreshold(g);
  return faint === undefined ? cut : cutAt(g, inner, faint);
}

/** Contrast (0–255) between paper and the darkest ink that makes a cell's interior inked, not blank. */
const FAINT_CONTRAST = 32;

/**
 * A threshold halfway between a cell's paper and its darkest ink, when its interior (the middle, well
 * away from the rules and their blur) holds a mark of some size that much darker than the paper.
 */
export function faintInkThreshold(g: Gray): number | undefined {
  const { width: w, height: h } = g;
  const mx = Math.floor(w * 0.15);
  const my = Math.floor(h * 0.15);
  // Grey levels in a typed array: its sort is numeric, and needs no comparator.
  const vals = new Uint8Array(Math.max(0, h - 2 * my) * Math.max(0, w - 2 * mx));
  let n = 0;
  for (let y = my; y < h - my; y++) for (let x = mx; x < w - mx; x++) vals[n++] = g.data[y * w + x]!;
  if (vals.length < 16) return undefined;
  vals.sort();
  const paper = vals[Math.floor(vals.length * 0.9)]!;
  const dark = vals[Math.floor(vals.length * 0.01)]!;
  if (paper - dark < FAINT_CONTRAST) return undefined;
  const t = (paper + dark) / 2;
  // A mark, not a speck: a component of these dark pixels at least a quarter of the interior tall.
  const ink = new Uint8Array(w * h);
  for (let y = my; y < h - my; y++) for (let x = mx; x < w - mx; x++) ink[y * w + x] = g.data[y * w + x]! <= t ? 1 : 0;
  const tall = Math.max(0, ...components(ink, w, h).map((c) => c.y1 - c.y0 + 1));
  return tall >= 0.25 * (h - 2 * my) ? t : undefined;
}

function cutAt(g: Gray, inner: Box, t: number): CellCrop {
  const { width: w, height: h } = g;
  const ink = new Uint8Array(w * h);
  for (let i = 0; i < ink.length; i++) ink[i] = g.data[i]! <= t ? 1 : 0;
  // Rule remnants along the edges (a rule thicker than expected, a little residual skew): an edge row or
  // column that is mostly ink is not text.
  let [top, bottom, left, right] = [0, h, 0, w];
  const rowInk = (y: number) => {
    let n = 0;
    for (let x = left; x < right; x++) n += ink[y * w + x]!;
    return n / Math.max(1, right - left);
  };
  const colInk = (x: number) => {
    let n = 0;
    for (let y = top; y < bottom; y++) n += ink[y * w + x]!;
    return n / Math.max(1, bottom - top);
  };
  for (let k = 0; k < 6 && bottom - top > 4; k++) {
    let moved = false;
    if (rowInk(top) > 0.5) (top++, (moved = true));
    if (rowInk(bottom - 1) > 0.5) (bottom--, (moved = true));
    if (colInk(left) > 0.5) (left++, (moved = true));
    if (colInk(right - 1) > 0.5) (right--, (moved = true));
    if (!moved) break;
  }
  clearOutside(ink, w, h, [left, top, right, bottom], 0);
  const comps = components(ink, w, h);
  const tall = Math.max(0, ...comps.map((c) => c.y1 - c.y0 + 1));
  // A thin sliver hugging the cut edge is what is left of a rule: whitened. Specks (a few pixels) stay in
  // the picture — they may be the faint part of a stroke — but neither make a cell non-empty nor set its size.
  const sliver = (c: Component) => {
    const cw = c.x1 - c.x0 + 1;
    const ch = c.y1 - c.y0 + 1;
    const hugsEdge = c.x0 <= left + 1 || c.x1 >= right - 2 || c.y0 <= top + 1 || c.y1 >= bottom - 2;
    return hugsEdge && (cw <= 2 || ch <= 2) && Math.max(cw, ch) > 3 * Math.min(cw, ch) && c.area < 0.02 * w * h;
  };
  const slivers = comps.filter(sliver);
  const kept = comps.filter((c) => !sliver(c) && !(c.area <= 3 && tall > 6));
  const inkArea = kept.reduce((s, c) => s + c.area, 0);
  if (!kept.length || inkArea < 8) return { kind: 'empty' };
  const bx0 = Math.min(...kept.map((c) => c.x0));
  const by0 = Math.min(...kept.map((c) => c.y0));
  const bx1 = Math.max(...kept.map((c) => c.x1)) + 1;
  const by1 = Math.max(...kept.map((c) => c.y1)) + 1;
  // Whiten the stripped edges and the slivers, then trim to the ink with a margin.
  const clean = g.data.slice();
  clearOutside(clean, w, h, [left, top, right, bottom], 255);
  for (const c of slivers) for (let y = c.y0; y <= c.y1; y++) clean.fill(255, y * w + c.x0, y * w + c.x1 + 1);
  const m = 3;
  const trimmed = crop({ width: w, height: h, data: clean }, [Math.max(0, bx0 - m), Math.max(0, by0 - m), Math.min(w, bx1 + m), Math.min(h, by1 + m)]);
  const lines = lineCount(kept);
  const numeric = lines === 1 && looksNumeric(kept);
  // Glyph height: the tallest components, not a stray tall bracket.
  const heights = kept.map((c) => c.y1 - c.y0 + 1).sort((a, b) => b - a);
  const glyph = heights[Math.min(heights.length - 1, 1)]!;
  return {
    kind: 'ink',
    image: pad(enlarge(trimmed, enlargeFactor(glyph)), 10),
    plain: pad(trimmed, 10),
    ...(numeric ? { numeric, glyphs: kept.filter((c) => c.y1 - c.y0 + 1 >= 0.6 * glyph).length } : { numeric }),
    lines,
    printHeight: glyph,
    inkBox: [inner[0] + bx0, inner[1] + by0, inner[0] + bx1, inner[1] + by1],
  };
}

/** Sets every pixel outside `box` to `v`: whole rows above and below it, the ends of the rows beside it. */
function clearOutside(a: Uint8Array, w: number, h: number, [x0, y0, x1, y1]: Box, v: number): void {
  // Clamped to the row: a narrow cell's edges stripped from both sides may cross (then all is cleared).
  const l = Math.min(w, Math.max(0, x0));
  const r = Math.min(w, Math.max(0, x1));
  a.fill(v, 0, y0 * w);
  a.fill(v, y1 * w, h * w);
  for (let y = y0; y < y1; y++) {
    a.fill(v, y * w, y * w + l);
    a.fill(v, y * w + r, (y + 1) * w);
  }
}

/** Text lines in a cell: groups of components that overlap vertically. */
function lineCount(comps: Component[]): number {
  const spans = comps.map((c) => [c.y0, c.y1] as [number, number]).sort((a, b) => a[0] - b[0]);
  let n = 0;
  let end = -1;
  for (const [a, b] of spans) {
    if (a > end) n++;
    end = Math.max(end, b);
  }
  return n;
}

/**
 * A row of digits: every sizeable component is a full-height glyph taller than it is wide, all on one
 * line (a decimal point is the one small mark allowed). Chinese characters almost always have a
 * component as wide as it is tall (一, 十, 口) or one well short of the line's height (radicals).
 */
export function looksNumeric(comps: Component[]): boolean {
  const H = Math.max(...comps.map((c) => c.y1 - c.y0 + 1));
  if (H < 6) return false;
  const top = Math.min(...comps.map((c) => c.y0));
  let glyphs = 0;
  for (const c of comps) {
    const cw = c.x1 - c.x0 + 1;
    const ch = c.y1 - c.y0 + 1;
    if (ch <= 0.35 * H && cw <= 0.35 * H) continue; // a decimal point
    if (ch < 0.7 * H || c.y0 - top > 0.2 * H) return false;
    if (cw > 0.9 * ch) return false;
    glyphs++;
  }
  return glyphs >= 1 && glyphs <= 16;
}
