// Pixels in, pixels out: grey, downscale, Otsu binarisation, small rotations, crops and a PGM encoding
// for the recogniser. Plain typed arrays only, so the same code runs in a Web Worker, an extension page
// and Node tests.

/** An image as the caller has it: RGBA (canvas ImageData) or one grey byte per pixel. */
export type OcrImage = { width: number; height: number; data: Uint8ClampedArray | Uint8Array };

/** One grey byte per pixel, 0 = black, 255 = white. */
export type Gray = { width: number; height: number; data: Uint8Array };

/** A box in image pixels: [x0, y0, x1, y1), top-left origin. */
export type Box = [number, number, number, number];

export function toGray(img: OcrImage): Gray {
  const n = img.width * img.height;
  if (img.data.length === n) return { width: img.width, height: img.height, data: new Uint8Array(img.data) };
  if (img.data.length !== n * 4) throw new Error(`image data has ${img.data.length} bytes for ${img.width}×${img.height}: neither grey nor RGBA`);
  const out = new Uint8Array(n);
  const d = img.data;
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    // Transparent pixels are paper (a PNG with an alpha channel drawn on nothing).
    const a = d[j + 3]!;
    const v = (d[j]! * 299 + d[j + 1]! * 587 + d[j + 2]! * 114) / 1000;
    out[i] = a === 255 ? v : 255 - ((255 - v) * a) / 255;
  }
  return { width: img.width, height: img.height, data: out };
}

/** Area-average downscale so the width is at most maxWidth (returns the input when already small). */
export function downscale(g: Gray, maxWidth: number): { image: Gray; scale: number } {
  if (g.width <= maxWidth) return { image: g, scale: 1 };
  const scale = maxWidth / g.width;
  const w = maxWidth;
  const h = Math.max(1, Math.round(g.height * scale));
  const sum = new Float64Array(w * h);
  const cnt = new Float64Array(w * h);
  // The target column of each source column is the same on every row: worked out once.
  const tx = new Int32Array(g.width);
  for (let x = 0; x < g.width; x++) tx[x] = Math.min(w - 1, Math.floor(x * scale));
  const src = g.data;
  for (let y = 0; y < g.height; y++) {
    const row = Math.min(h - 1, Math.floor(y * scale)) * w;
    const from = y * g.width;
    for (let x = 0; x < g.width; x++) {
      const k = row + tx[x]!;
      sum[k]! += src[from + x]!;
      cnt[k]! += 1;
    }
  }
  const data = new Uint8Array(w * h);
  for (let i = 0; i < data.length; i++) data[i] = cnt[i] ? Math.round(sum[i]! / cnt[i]!) : 255;
  return { image: { width: w, height: h, data }, scale };
}

/** Otsu's threshold on the grey histogram: pixels at or below it are ink. */
export function otsu(g: Gray): number {
  // Integer counts (exact either way), in a plain indexed loop, not the typed array's iterator. Four
  // histograms taking turns, summed after: a page is mostly one grey (paper), and one histogram would
  // make each count wait for the previous increment of the same bin.
  const part = new Uint32Array(1024);
  const d = g.data;
  const n4 = d.length - (d.length % 4);
  for (let i = 0; i < n4; i += 4) {
    part[d[i]!]!++;
    part[256 + d[i + 1]!]!++;
    part[512 + d[i + 2]!]!++;
    part[768 + d[i + 3]!]!++;
  }
  for (let i = n4; i < d.length; i++) part[d[i]!]!++;
  const hist = new Uint32Array(256);
  for (let v = 0; v < 256; v++) hist[v] = part[v]! + part[256 + v]! + part[512 + v]! + part[768 + v]!;
  const total = g.data.length;
  let sumAll = 0;
  for (let i = 0; i < 256; i++) sumAll += i * hist[i]!;
  let wB = 0;
  let sumB = 0;
  let best = 0;
  let threshold = 127;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (!wB) continue;
    const wF = total - wB;
    if (!wF) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sumAll - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/** 1 where the pixel is ink. */
export function binarise(g: Gray, threshold = otsu(g)): Uint8Array {
  // A grey level's answer looked up, not worked out again for each pixel.
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = v <= threshold ? 1 : 0;
  const out = new Uint8Array(g.data.length);
  const d = g.data;
  for (let i = 0; i < out.length; i++) out[i] = lut[d[i]!]!;
  return out;
}

/**
 * Skew angle (radians) of a page whose table rules or text lines should be horizontal, within ±maxDeg:
 * the angle whose sheared row profile of ink is the most peaked (rules and text lines line up).
 */
export function estimateSkew(ink: Uint8Array, width: number, height: number, maxDeg = 10): number {
  // ±10°: scanners and phone apps routinely give 1–5°, and at 3° the rules are no longer rules (issue 16).
  // Every third column is plenty for a page. (Every row: skipping rows makes the unsheared profile
  // look peaked by itself, half its bins empty.)
  // The ink points grouped by sampled column (column c is x = 3c), each column's ys in one flat array:
  // every angle then takes x·tan once per column, not once per point. The bins hold integer counts
  // and their squares sum exactly, so the order the points are binned in changes nothing.
  const cols = Math.ceil(width / 3);
  const start = new Int32Array(cols + 1);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let c = 0; c < cols; c++) if (ink[row + 3 * c]) start[c + 1]!++;
  }
  for (let c = 0; c < cols; c++) start[c + 1]! += start[c]!;
  const n = start[cols]!;
  if (n < 50) return 0;
  const ys = new Int32Array(n);
  const fill = start.slice(0, cols);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let c = 0; c < cols; c++) if (ink[row + 3 * c]) ys[fill[c]!++] = y;
  }
  const points: ColumnPoints = { cols, start, ys, width, height, bins: new Int32Array(0) };
  const score = (deg: number) => shearScore(points, deg);
  let best = 0;
  let bestScore = score(0);
  for (let d = -maxDeg; d <= maxDeg + 1e-9; d += 0.1) {
    const s = score(d);
    if (s > bestScore) {
      bestScore = s;
      best = d;
    }
  }
  const coarse = best;
  for (let d = coarse - 0.1; d <= coarse + 0.1 + 1e-9; d += 0.02) {
    const s = score(d);
    if (s > bestScore) {
      bestScore = s;
      best = d;
    }
  }
  return (best * Math.PI) / 180;
}

/** Ink points by sampled column (x = 3c): column c's ys are ys[start[c]] … ys[start[c + 1] - 1], in order. */
type ColumnPoints = { cols: number; start: Int32Array; ys: Int32Array; width: number; height: number; bins: Int32Array };

/** Sum of squares of the row profile of the points sheared by `deg` (estimateSkew's score). */
function shearScore(p: ColumnPoints, deg: number): number {
  const { cols, start, ys, width, height } = p;
  const t = Math.tan((deg * Math.PI) / 180);
  const len = height + 2 * Math.ceil(width * Math.abs(t)) + 4;
  const off = Math.ceil(width * Math.abs(t)) + 2;
  if (p.bins.length < len) p.bins = new Int32Array(len);
  const bins = p.bins;
  bins.fill(0, 0, len);
  for (let c = 0; c < cols; c++) {
    const xt = 3 * c * t;
    const e = start[c + 1]!;
    // Each point's bin is Math.round(y - xt) + off. With y an integer that is y + Math.round(-xt) + off
    // exactly, unless -xt lies within rounding error of a half (y - xt is rounded to a double before
    // Math.round sees it; its error is below 1e-9 for any page under a million pixels tall): those
    // columns, all but never, take the point-by-point sum.
    const nx = -xt;
    if (Math.abs(nx - Math.floor(nx) - 0.5) > 1e-6 && height < 1e6 && Math.abs(xt) < 1e6) {
      const base = Math.round(nx) + off;
      for (let i = start[c]!; i < e; i++) bins[ys[i]! + base]!++;
    } else for (let i = start[c]!; i < e; i++) bins[Math.round(ys[i]! - xt) + off]!++;
  }
  let s = 0;
  for (let i = 0; i < len; i++) s += bins[i]! * bins[i]!;
  return s;
}

/**
 * The bytes of `a` as 32-bit words, four pixels each, for loops that skip paper (a zero word) four
 * pixels at a time; over a copy when `a` does not start on a 4-byte boundary. Bytes after the last
 * whole word are in none.
 */
export function inkWords(a: Uint8Array): Uint32Array {
  const b = a.byteOffset % 4 === 0 ? a : a.slice();
  return new Uint32Array(b.buffer, b.byteOffset, b.length >>> 2);
}

/** The four pixels from `i` are paper: `i` starts a word of `inkWords`, the word ends before `end`, and it is zero. */
export function paperWord(words: Uint32Array, i: number, end: number): boolean {
  return (i & 3) === 0 && i + 3 < end && words[i >>> 2] === 0;
}

/** Rotates by -angle about the centre (undoing a skew of `angle`), bilinear, white outside. */
export function rotate(g: Gray, angle: number): Gray {
  if (angle === 0) return g;
  const { width: w, height: h } = g;
  const out = new Uint8Array(w * h);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cx = w / 2;
  const cy = h / 2;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // Output pixel (x, y) comes from the source rotated by +angle.
      const dx = x - cx;
      const dy = y - cy;
      out[y * w + x] = sampleBilinear(g, cx + dx * cos - dy * sin, cy + dx * sin + dy * cos);
    }
  }
  return { width: w, height: h, data: out };
}

/** The grey level at a fractional point of `g`, interpolated from its four neighbours; white outside. */
export function sampleBilinear(g: Gray, sx: number, sy: number): number {
  const x0 = Math.floor(sx);
  const y0 = Math.floor(sy);
  if (x0 < 0 || y0 < 0 || x0 + 1 >= g.width || y0 + 1 >= g.height) return 255;
  const fx = sx - x0;
  const fy = sy - y0;
  const i = y0 * g.width + x0;
  const top = g.data[i]! * (1 - fx) + g.data[i + 1]! * fx;
  const bot = g.data[i + g.width]! * (1 - fx) + g.data[i + g.width + 1]! * fx;
  return Math.round(top * (1 - fy) + bot * fy);
}

export function crop(g: Gray, [x0, y0, x1, y1]: Box): Gray {
  const bx0 = Math.max(0, Math.floor(x0));
  const by0 = Math.max(0, Math.floor(y0));
  const bx1 = Math.min(g.width, Math.ceil(x1));
  const by1 = Math.min(g.height, Math.ceil(y1));
  const w = Math.max(0, bx1 - bx0);
  const h = Math.max(0, by1 - by0);
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) data.set(g.data.subarray((by0 + y) * g.width + bx0, (by0 + y) * g.width + bx0 + w), y * w);
  return { width: w, height: h, data };
}

/** Surrounds an image with white: tesseract reads a line best with some paper around it. */
export function pad(g: Gray, margin: number): Gray {
  const w = g.width + 2 * margin;
  const h = g.height + 2 * margin;
  const data = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < g.height; y++) data.set(g.data.subarray(y * g.width, (y + 1) * g.width), (y + margin) * w + margin);
  return { width: w, height: h, data };
}

/** Binary PGM (P5): a format tesseract's image reader (leptonica) takes as is, with no compression to pay for. */
export function encodePgm(g: Gray): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${g.width} ${g.height}\n255\n`);
  const out = new Uint8Array(head.length + g.data.length);
  out.set(head);
  out.set(g.data, head.length);
  return out;
}

/** Bilinear enlargement by `factor` (small print read better by tesseract at ~30 px per line). */
export function enlarge(g: Gray, factor: number): Gray {
  if (factor <= 1) return g;
  const w = Math.round(g.width * factor);
  const h = Math.round(g.height * factor);
  const out = new Uint8Array(w * h);
  // Each output column samples the same source columns with the same weight on every row: worked out once.
  const xa = new Int32Array(w);
  const xb = new Int32Array(w);
  const fxs = new Float64Array(w);
  for (let x = 0; x < w; x++) {
    const sx = Math.min(g.width - 1, Math.max(0, (x + 0.5) / factor - 0.5));
    xa[x] = Math.floor(sx);
    xb[x] = Math.min(g.width - 1, xa[x]! + 1);
    fxs[x] = sx - xa[x]!;
  }
  const src = g.data;
  /** source row r interpolated across, at every output column */
  const across = (r: number, into: Float64Array) => {
    const from = r * g.width;
    for (let x = 0; x < w; x++) into[x] = src[from + xa[x]!]! * (1 - fxs[x]!) + src[from + xb[x]!]! * fxs[x]!;
  };
  // Consecutive output rows share source rows (by `factor` of them): the two in use are kept interpolated across.
  let top = new Float64Array(w);
  let bot = new Float64Array(w);
  let topRow = -1;
  let botRow = -1;
  for (let y = 0; y < h; y++) {
    const sy = Math.min(g.height - 1, Math.max(0, (y + 0.5) / factor - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(g.height - 1, y0 + 1);
    const fy = sy - y0;
    if (y0 !== topRow) {
      if (y0 === botRow) {
        [top, bot] = [bot, top];
        botRow = -1;
      } else across(y0, top);
      topRow = y0;
    }
    if (y1 !== botRow) {
      across(y1, bot);
      botRow = y1;
    }
    for (let x = 0; x < w; x++) out[y * w + x] = Math.round(top[x]! * (1 - fy) + bot[x]! * fy);
  }
  return { width: w, height: h, data: out };
}

/** How much to enlarge text whose lines are `lineHeight` px tall so they come out about 30 px. */
export function enlargeFactor(lineHeight: number): number {
  return lineHeight >= 22 ? 1 : Math.min(4, 30 / Math.max(1, lineHeight));
}

/**
 * The binary image without solid areas: ink whose run is longer than `size` both across and down (a
 * desk or a scanner lid's shadow around a photographed page, a black bar). Rules and strokes are thin
 * one way or the other. Without this, a desk round the page joins every rule into one thick band and no
 * table is found (a phone photo of 洪泽区 2023 p4, issue 16).
 */
export function dropSolidInk(ink: Uint8Array, width: number, height: number, size = 16): Uint8Array {
  // Only ink in a long run across can go, so only there is the run down looked at: found by walking up
  // and down the column from the first such pixel of it, and remembered for the rest of that run
  // (rows come in order). No column is walked further than its height in all.
  const downEnd = new Int32Array(width); // per column: end (exclusive) of the run down last measured
  const downLong = new Uint8Array(width); // …and whether that run is longer than `size`
  let out: Uint8Array | undefined; // copied at the first pixel dropped: most pages have none
  // Paper is skipped four pixels at a time.
  const words = inkWords(ink);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let x = 0;
    while (x < width) {
      if (paperWord(words, row + x, row + width)) {
        x += 4;
        continue;
      }
      if (!ink[row + x]) {
        x++;
        continue;
      }
      let e = x;
      while (e < width && ink[row + e]) e++;
      // (The run across was counted up to 65 535.)
      if (Math.min(65535, e - x) > size) {
        for (let k = x; k < e; k++) {
          if (y >= downEnd[k]!) {
            let top = y;
            while (top > 0 && ink[(top - 1) * width + k]) top--;
            let end = y + 1;
            while (end < height && ink[end * width + k]) end++;
            downEnd[k] = end;
            downLong[k] = end - top > size ? 1 : 0;
          }
          if (downLong[k]) {
            out ??= ink.slice();
            out[row + k] = 0;
          }
        }
      }
      x = e;
    }
  }
  return out ?? ink;
}
