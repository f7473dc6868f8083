// Phone photos of printed pages (issue 16): light that falls off across the page, a desk around it, and
// a keystone — the far edge of the page narrower than the near one, so the table's rules are neither
// parallel nor at right angles and no grid is found (a 2% keystone lost every cell of 淮安市 2024).
// The light is evened out by dividing by the paper's own brightness; the keystone is undone by finding
// the table's outer frame (its four corners) and warping the page so that frame is a rectangle again.
import { inkWords, paperWord, sampleBilinear, type Gray } from './image.ts';

export type Point = [number, number];
/** A 3×3 projective transform with h33 = 1, as its other 8 entries in row order. */
export type Homography = number[];

/** Blocks this size (px) hold paper somewhere in them on any report page: their brightest pixel is the paper. */
const LIGHT_BLOCK = 32;
/** Paper brighter in one place than another by more than this (0–255) is uneven light, not a scan's noise. */
const UNEVEN = 40;

/**
 * The page with its lighting evened out: each pixel divided by the brightness of the paper around it
 * (the brightest pixel of the nearby blocks). A page already evenly lit is returned as it is, so clean
 * scans read exactly as before.
 */
export function flattenLighting(g: Gray): Gray {
  const { width: w, height: h } = g;
  const bw = Math.ceil(w / LIGHT_BLOCK);
  const bh = Math.ceil(h / LIGHT_BLOCK);
  const block = new Float32Array(bw * bh);
  const src = g.data;
  for (let y = 0; y < h; y++) {
    const row = Math.floor(y / LIGHT_BLOCK) * bw;
    // A row's pixels a block at a time, the block's running maximum in a local.
    for (let bx = 0; bx < bw; bx++) {
      let m = block[row + bx]!;
      for (let x = bx * LIGHT_BLOCK, e = Math.min(w, x + LIGHT_BLOCK), i = y * w + x; x < e; x++, i++) if (src[i]! > m) m = src[i]!;
      block[row + bx] = m;
    }
  }
  // A block filled by a heading or a black bar is not paper: take the brightest of its neighbours.
  const paper = new Float32Array(bw * bh);
  let lo = 255;
  let hi = 0;
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      let m = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if (by + dy >= 0 && by + dy < bh && bx + dx >= 0 && bx + dx < bw) m = Math.max(m, block[(by + dy) * bw + bx + dx]!);
      paper[by * bw + bx] = m;
      lo = Math.min(lo, m);
      hi = Math.max(hi, m);
    }
  }
  if (hi - lo <= UNEVEN) return g;
  const out = new Uint8Array(w * h);
  // Each column's two blocks and weight are the same on every row: worked out once.
  const xa = new Int32Array(w);
  const xb = new Int32Array(w);
  const txs = new Float64Array(w);
  for (let x = 0; x < w; x++) {
    const fx = Math.min(bw - 1, Math.max(0, (x + 0.5) / LIGHT_BLOCK - 0.5));
    xa[x] = Math.floor(fx);
    xb[x] = Math.min(bw - 1, xa[x]! + 1);
    txs[x] = fx - xa[x]!;
  }
  for (let y = 0; y < h; y++) {
    const fy = Math.min(bh - 1, Math.max(0, (y + 0.5) / LIGHT_BLOCK - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(bh - 1, y0 + 1);
    const ty = fy - y0;
    const r0 = y0 * bw;
    const r1 = y1 * bw;
    for (let x = 0; x < w; x++) {
      const x0 = xa[x]!;
      const x1 = xb[x]!;
      const tx = txs[x]!;
      const p = (paper[r0 + x0]! * (1 - tx) + paper[r0 + x1]! * tx) * (1 - ty) + (paper[r1 + x0]! * (1 - tx) + paper[r1 + x1]! * tx) * ty;
      out[y * w + x] = Math.min(255, Math.round((255 * src[y * w + x]!) / Math.max(1, p)));
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * The four corners (top-left, top-right, bottom-right, bottom-left) of the largest table on the page:
 * the biggest connected piece of ink that does not touch the image's edge (a desk or a page edge does),
 * its corners the points furthest out along the diagonals. Undefined when there is no such piece.
 */
export function tableFrame(ink: Uint8Array, width: number, height: number): [Point, Point, Point, Point] | undefined {
  const label = new Uint8Array(width * height);
  const stack: number[] = [];
  let best: { size: number; corners: [Point, Point, Point, Point] } | undefined;
  // Paper is skipped four pixels at a time.
  const words = inkWords(ink);
  for (let start = 0; start < ink.length; start++) {
    if (paperWord(words, start, ink.length)) {
      start += 3;
      continue;
    }
    if (!ink[start] || label[start]) continue;
    label[start] = 1;
    stack.push(start);
    let [x0, y0, x1, y1] = [width, height, -1, -1];
    let tl: Point = [0, 0];
    let tr: Point = [0, 0];
    let br: Point = [0, 0];
    let bl: Point = [0, 0];
    let [sMin, sMax, dMin, dMax] = [Infinity, -Infinity, Infinity, -Infinity];
    while (stack.length) {
      const p = stack.pop()!;
      const x = p % width;
      const y = (p - x) / width;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      const s = x + y;
      const d = x - y;
      if (s < sMin) ((sMin = s), (tl = [x, y]));
      if (s > sMax) ((sMax = s), (br = [x, y]));
      if (d < dMin) ((dMin = d), (bl = [x, y]));
      if (d > dMax) ((dMax = d), (tr = [x, y]));
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const q = ny * width + nx;
          if (ink[q] && !label[q]) {
            label[q] = 1;
            stack.push(q);
          }
        }
      }
    }
    if (x0 <= 1 || y0 <= 1 || x1 >= width - 2 || y1 >= height - 2) continue;
    // A table is wide and at least a few rows tall; a line of text or a lone rule is not.
    if (x1 - x0 < width / 4 || y1 - y0 < width / 20) continue;
    const size = (x1 - x0) * (y1 - y0);
    if (!best || size > best.size) best = { size, corners: [tl, tr, br, bl] };
  }
  return best?.corners;
}

/** The homography taking each of four `from` points to its `to` point. */
export function homography(from: Point[], to: Point[]): Homography {
  const A: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    A.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    A.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  // Gauss–Jordan with partial pivoting on the 8×9 augmented matrix.
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[p]![c]!)) p = r;
    [A[c], A[p]] = [A[p]!, A[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = A[r]![c]! / A[c]![c]!;
      for (let k = c; k <= 8; k++) A[r]![k]! -= f * A[c]![k]!;
    }
  }
  return A.map((r, i) => r[8]! / r[i]!);
}

export function applyHomography(m: Homography, [x, y]: Point): Point {
  const d = m[6]! * x + m[7]! * y + 1;
  return [(m[0]! * x + m[1]! * y + m[2]!) / d, (m[3]! * x + m[4]! * y + m[5]!) / d];
}

/** How far (px) a quadrilateral's corners are from lining up as a rectangle: 0 for a deskewed scan. */
export function keystone([tl, tr, br, bl]: [Point, Point, Point, Point]): number {
  return Math.max(Math.abs(tl[0] - bl[0]), Math.abs(tr[0] - br[0]), Math.abs(tl[1] - tr[1]), Math.abs(bl[1] - br[1]));
}

/**
 * The page warped so the frame's corners form the rectangle between their mean edges; the rest of the
 * (flat) page follows the same homography. Returns the image and `toSource`, which takes a point of the
 * warped image back to the image given. `from`: sample another image through `map` instead (the page
 * before it was deskewed, so small print is resampled once, not twice).
 */
export function unwarp(g: Gray, [tl, tr, br, bl]: [Point, Point, Point, Point], from?: { image: Gray; map: (p: Point) => Point }): { image: Gray; toSource: (p: Point) => Point } {
  const left = (tl[0] + bl[0]) / 2;
  const right = (tr[0] + br[0]) / 2;
  const top = (tl[1] + tr[1]) / 2;
  const bottom = (bl[1] + br[1]) / 2;
  const m = homography(
    [
      [left, top],
      [right, top],
      [right, bottom],
      [left, bottom],
    ],
    [tl, tr, br, bl],
  );
  const { width: w, height: h } = g;
  const src = from?.image ?? g;
  const out = new Uint8Array(w * h);
  const [m0, m1, m2, m3, m4, m5, m6, m7] = m as [number, number, number, number, number, number, number, number];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // applyHomography(m, [x, y]), inlined: no two arrays a pixel when sampling `g` itself.
      const d = m6 * x + m7 * y + 1;
      const px = (m0 * x + m1 * y + m2) / d;
      const py = (m3 * x + m4 * y + m5) / d;
      if (from) {
        const [sx, sy] = from.map([px, py]);
        out[y * w + x] = sampleBilinear(src, sx, sy);
      } else out[y * w + x] = sampleBilinear(src, px, py);
    }
  }
  return { image: { width: w, height: h, data: out }, toSource: (p) => applyHomography(m, p) };
}
