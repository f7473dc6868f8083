// Many one-line crops read in one recogniser call: stacked one above the other on white, far enough
// apart that the block segmenter takes each as its own line, and the lines it returns given back to
// the crops by their vertical place. Why: a recogniser call has a fixed cost that dwarfs a number
// cell's own (tesseract.js, eng digits: ~17 ms of CPU for a blank 60×40 crop, ~18 ms for a number;
// 30 number cells of 淮安市 2024 p4 stacked: ~300 ms in one call against ~900 ms one by one). Crops
// side by side in a strip do not work so: the sparse-text mode they need costs more than it saves
// (issue 16, tried on 淮安市 2024 p4: 4.2 → 5.2 s of CPU a page).
import type { Gray } from './image.ts';
import type { Reading } from './recogniser.ts';

export type Stack = { image: Gray; bands: [number, number][] };

/** White around and between the crops: at least this many pixels, or half the tallest crop. */
const GAP_MIN = 16;

export function stackCrops(crops: Gray[]): Stack {
  const tallest = Math.max(...crops.map((c) => c.height));
  const gap = Math.max(GAP_MIN, Math.round(tallest / 2));
  const width = Math.max(...crops.map((c) => c.width)) + 2 * gap;
  const height = crops.reduce((s, c) => s + c.height + gap, gap);
  const data = new Uint8Array(width * height).fill(255);
  const bands: [number, number][] = [];
  let y = gap;
  for (const c of crops) {
    for (let r = 0; r < c.height; r++) data.set(c.data.subarray(r * c.width, (r + 1) * c.width), (y + r) * width + gap);
    bands.push([y, y + c.height]);
    y += c.height + gap;
  }
  return { image: { width, height, data }, bands };
}

export type StackLine = { y0: number; y1: number; text: string; confidence: number };

/**
 * The recogniser's lines → one reading per crop: a line belongs to the crop whose band holds its middle;
 * the lines of one crop are joined top to bottom (a label cell wrapped on two lines), the weakest
 * confidence standing for them. A crop with no line read as nothing (`text: ''`, confidence 0). A crop
 * touched by a line that reaches across the white into another crop, or with several lines where one
 * was expected, is undefined: the caller reads that crop on its own.
 */
export function readingsOfStack(bands: [number, number][], lines: StackLine[], opts: { multiLine?: boolean } = {}): (Reading | undefined)[] {
  const parts: StackLine[][] = bands.map(() => []);
  const bad = new Set<number>();
  for (const l of lines) {
    // The crops this line touches: the white between crops holds no ink, so a line touching two crops,
    // or with its middle in the white, was merged across them and belongs to neither.
    const touched = bands.flatMap(([a, b], i) => (l.y0 < b && l.y1 > a ? [i] : []));
    const mid = (l.y0 + l.y1) / 2;
    const i = touched[0];
    if (i === undefined) continue;
    if (touched.length > 1 || mid < bands[i]![0] || mid >= bands[i]![1]) touched.forEach((t) => bad.add(t));
    else parts[i]!.push(l);
  }
  return parts.map((ls, i) => {
    if (bad.has(i) || (ls.length > 1 && !opts.multiLine)) return undefined;
    if (!ls.length) return { text: '', confidence: 0 };
    const sorted = [...ls].sort((x, y) => x.y0 - y.y0);
    return { text: sorted.map((l) => l.text).join(''), confidence: Math.min(...sorted.map((l) => l.confidence)) };
  });
}

/**
 * The distinct crops (same size, same pixels) and, for each crop, which distinct one it is. A page
 * rendered from a digital file repeats its crops: the 「0」s of a table come out pixel for pixel alike
 * (洪泽区 2023 p4: 156 number crops read as is and black and white, 22 distinct; 淮安市 2024 p4: 178, 72).
 * The same pixels read the same, so each is read once. A scan's noise leaves every crop its own.
 */
export function distinctCrops(crops: Gray[]): { distinct: Gray[]; index: number[] } {
  const distinct: Gray[] = [];
  const byHash = new Map<number, number[]>();
  const index = crops.map((c) => {
    const h = hashOf(c);
    const same = byHash.get(h) ?? [];
    const k = same.find((d) => equal(distinct[d]!, c));
    if (k !== undefined) return k;
    distinct.push(c);
    byHash.set(h, [...same, distinct.length - 1]);
    return distinct.length - 1;
  });
  return { distinct, index };
}

/** FNV-1a over the size and the pixels. */
function hashOf(g: Gray): number {
  let h = Math.imul(0x811c9dc5 ^ g.width, 0x01000193) ^ g.height;
  const d = g.data;
  for (let i = 0; i < d.length; i++) h = Math.imul(h ^ d[i]!, 0x01000193);
  return h >>> 0;
}

function equal(a: Gray, b: Gray): boolean {
  if (a.width !== b.width || a.height !== b.height) return false;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
}
