// Ruling lines → table grids. Long horizontal and vertical runs of ink are the table's rules; the rules
// that touch each other form one table; their positions cut it into elementary cells, and where the rule
// between two neighbouring cells is missing the two are one merged cell (rowSpan / colSpan), as in the
// report's Word original. Works on a deskewed binary image (1 = ink).
import { inkWords, paperWord, type Box } from './image.ts';

/** A rule: a thin band of ink. Horizontal: `pos` is its y, `from`–`to` its x extent; vertical the other way. */
export type Segment = { pos: number; from: number; to: number; thick: number };
export type Rules = { horizontal: Segment[]; vertical: Segment[] };

/** A cell of a detected table: its place in the elementary grid and its box in image pixels. */
export type GridBox = { row: number; col: number; rowSpan: number; colSpan: number; box: Box };
export type TableGrid = { box: Box; rows: number; cols: number; cells: GridBox[]; xs: number[]; ys: number[] };

export type RuleOptions = {
  /** shortest horizontal run counted as a rule (px); default 3% of the width, at least 30 */
  minH?: number;
  /** shortest vertical run counted as a rule (px); default 2.2% of the width, at least 22 */
  minV?: number;
  /** thickest band still taken as a rule (px) */
  maxThick?: number;
};

export function detectRules(ink: Uint8Array, width: number, height: number, opts: RuleOptions = {}): Rules {
  const minH = opts.minH ?? Math.max(30, Math.round(width * 0.03));
  const minV = opts.minV ?? Math.max(22, Math.round(width * 0.022));
  const maxThick = opts.maxThick ?? Math.max(6, Math.round(width / 200));
  // Most of a page is paper: skipped four pixels at a time.
  const words = inkWords(ink);
  const horizontal = bands(runsAlongRows(ink, words, width, height, minH), maxThick);
  const vertical = bands(runsDownColumns(ink, words, width, height, minV), maxThick);
  return { horizontal, vertical };
}

/**
 * Runs of ink along each row at least `minLen` long, allowing gaps of 2 px (blur, JPEG): for row y,
 * its runs' [from, to] pairs in order, flat.
 */
function runsAlongRows(ink: Uint8Array, words: Uint32Array, width: number, height: number, minLen: number): number[][] {
  const out: number[][] = [];
  for (let y = 0; y < height; y++) {
    const runs: number[] = [];
    const row = y * width;
    let start = -1;
    let lastInk = -10;
    for (let x = 0; x < width; x++) {
      const i = row + x;
      if (paperWord(words, i, row + width)) {
        x += 3;
        continue;
      }
      if (!ink[i]) continue;
      if (start < 0 || x - lastInk > 3) {
        if (start >= 0 && lastInk - start + 1 >= minLen) runs.push(start, lastInk);
        start = x;
      }
      lastInk = x;
    }
    if (start >= 0 && lastInk - start + 1 >= minLen) runs.push(start, lastInk);
    out.push(runs);
  }
  return out;
}

/**
 * The same down each column, found row by row (a column at a time walks memory a row apart per pixel):
 * each column keeps its open run's start and last ink.
 */
function runsDownColumns(ink: Uint8Array, words: Uint32Array, width: number, height: number, minLen: number): number[][] {
  const out: number[][] = Array.from({ length: width }, () => []);
  const start = new Int32Array(width).fill(-1);
  const lastInk = new Int32Array(width).fill(-10);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const i = row + x;
      if (paperWord(words, i, row + width)) {
        x += 3;
        continue;
      }
      if (!ink[i]) continue;
      const s = start[x]!;
      const l = lastInk[x]!;
      if (s < 0 || y - l > 3) {
        if (s >= 0 && l - s + 1 >= minLen) out[x]!.push(s, l);
        start[x] = y;
      }
      lastInk[x] = y;
    }
  }
  for (let x = 0; x < width; x++) if (start[x]! >= 0 && lastInk[x]! - start[x]! + 1 >= minLen) out[x]!.push(start[x]!, lastInk[x]!);
  return out;
}

/** Each line's runs (runsAlongRows, runsDownColumns) grown into bands across neighbouring lines; thin bands are rules. */
function bands(runsOf: number[][], maxThick: number): Segment[] {
  type Band = { l0: number; l1: number; from: number; to: number; last: number };
  const open: Band[] = [];
  const done: Band[] = [];
  for (let l = 0; l < runsOf.length; l++) {
    const runs = runsOf[l]!;
    for (let r = 0; r < runs.length; r += 2) {
      const from = runs[r]!;
      const to = runs[r + 1]!;
      const band = open.find((b) => b.last >= l - 1 && b.from <= to && from <= b.to);
      if (band) {
        band.l1 = l;
        band.last = l;
        band.from = Math.min(band.from, from);
        band.to = Math.max(band.to, to);
      } else open.push({ l0: l, l1: l, from, to, last: l });
    }
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i]!.last < l - 1) done.push(...open.splice(i, 1));
    }
  }
  done.push(...open);
  const segs = done
    .filter((b) => b.l1 - b.l0 + 1 <= maxThick)
    .map((b) => ({ pos: (b.l0 + b.l1) / 2, from: b.from, to: b.to, thick: b.l1 - b.l0 + 1 }))
    .sort((a, b) => a.pos - b.pos || a.from - b.from);
  // A rule broken by blur or a JPEG block: pieces on the same line with a small gap are one rule.
  const joined: Segment[] = [];
  for (const s of segs) {
    const prev = joined.find((j) => Math.abs(j.pos - s.pos) <= 2 && s.from <= j.to + 8 && j.from <= s.to + 8);
    if (prev) {
      prev.from = Math.min(prev.from, s.from);
      prev.to = Math.max(prev.to, s.to);
      prev.thick = Math.max(prev.thick, s.thick);
    } else joined.push({ ...s });
  }
  return joined;
}

/** Tables found from the rules: every group of touching rules with at least two of each direction. */
export function tablesFromRules(rules: Rules, opts: { tol?: number; minCell?: number } = {}): TableGrid[] {
  const tol = opts.tol ?? 4;
  const minCell = opts.minCell ?? 8;
  const H = rules.horizontal;
  const V = rules.vertical;
  const touches = (h: Segment, v: Segment) => v.pos >= h.from - tol && v.pos <= h.to + tol && h.pos >= v.from - tol && h.pos <= v.to + tol;
  // Union-find over all rules: H indices 0..H-1, V indices H..H+V-1.
  const parent = Array.from({ length: H.length + V.length }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  H.forEach((h, i) =>
    V.forEach((v, j) => {
      if (touches(h, v)) parent[find(i)] = find(H.length + j);
    }),
  );
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  H.forEach((h, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    g.h.push(h);
    groups.set(find(i), g);
  });
  V.forEach((v, j) => {
    const g = groups.get(find(H.length + j)) ?? { h: [], v: [] };
    g.v.push(v);
    groups.set(find(H.length + j), g);
  });
  const tables: TableGrid[] = [];
  for (const g of groups.values()) {
    if (g.h.length < 2 || g.v.length < 2) continue;
    const t = gridOf(g.h, g.v, tol, minCell);
    if (t && t.rows >= 1 && t.cols >= 2) tables.push(t);
  }
  return tables.sort((a, b) => a.box[1] - b.box[1]);
}

/** Positions within `minGap` of each other are one (a double rule, a thick rule seen twice). */
function cluster(values: number[], minGap: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! < minGap) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((s, x) => s + x, 0) / c.length);
}

function gridOf(h: Segment[], v: Segment[], tol: number, minCell: number): TableGrid | undefined {
  const left = Math.min(...h.map((s) => s.from));
  const right = Math.max(...h.map((s) => s.to));
  const top = Math.min(...v.map((s) => s.from));
  const bottom = Math.max(...v.map((s) => s.to));
  // An open table edge (no outer rule) still ends where the other rules end.
  const edges = (pos: number[], lo: number, hi: number) => [...pos, ...[lo, hi].filter((e) => !pos.some((p) => Math.abs(p - e) < minCell))];
  const xs = cluster(edges(v.map((s) => s.pos), left, right), minCell);
  const ys = cluster(edges(h.map((s) => s.pos), top, bottom), minCell);
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows < 1 || cols < 1) return undefined;
  /** share of [a, b] covered by segments lying at `pos` */
  const covered = (segs: Segment[], pos: number, a: number, b: number): number => {
    const parts = segs.filter((s) => Math.abs(s.pos - pos) <= tol + s.thick / 2).map((s) => [Math.max(a, s.from), Math.min(b, s.to)] as const).filter(([p, q]) => q > p);
    parts.sort((p, q) => p[0] - q[0]);
    let len = 0;
    let end = a;
    for (const [p, q] of parts) {
      if (q <= end) continue;
      len += q - Math.max(p, end);
      end = q;
    }
    return len / Math.max(1, b - a);
  };
  const edge = (i: number, j: number) => i * cols + j;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j + 1 < cols; j++) {
      // the rule between (i, j) and (i, j+1) lies at xs[j+1], from ys[i] to ys[i+1]
      if (covered(v, xs[j + 1]!, ys[i]!, ys[i + 1]!) < 0.5) union(edge(i, j), edge(i, j + 1));
    }
  }
  for (let i = 0; i + 1 < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (covered(h, ys[i + 1]!, xs[j]!, xs[j + 1]!) < 0.5) union(edge(i, j), edge(i + 1, j));
    }
  }
  // Merged regions must be rectangles: a region's bounding range swallows whatever else lies in it.
  for (let changed = true; changed; ) {
    changed = false;
    const ranges = new Map<number, [number, number, number, number]>();
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const r = find(edge(i, j));
        const cur = ranges.get(r);
        ranges.set(r, cur ? [Math.min(cur[0], i), Math.min(cur[1], j), Math.max(cur[2], i), Math.max(cur[3], j)] : [i, j, i, j]);
      }
    }
    for (const [r, [i0, j0, i1, j1]] of ranges) {
      for (let i = i0; i <= i1; i++) {
        for (let j = j0; j <= j1; j++) {
          if (find(edge(i, j)) !== find(r)) {
            union(edge(i, j), r);
            changed = true;
          }
        }
      }
    }
  }
  const cells: GridBox[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const r = find(edge(i, j));
      if (seen.has(r)) continue;
      seen.add(r);
      let i1 = i;
      let j1 = j;
      while (i1 + 1 < rows && find(edge(i1 + 1, j)) === r) i1++;
      while (j1 + 1 < cols && find(edge(i, j1 + 1)) === r) j1++;
      cells.push({ row: i, col: j, rowSpan: i1 - i + 1, colSpan: j1 - j + 1, box: [xs[j]!, ys[i]!, xs[j1 + 1]!, ys[i1 + 1]!] });
    }
  }
  return { box: [xs[0]!, ys[0]!, xs[cols]!, ys[rows]!], rows, cols, cells, xs, ys };
}
