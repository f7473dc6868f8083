// Degraded forms of the real OCR page images, made at test time in plain TypeScript on the grey pixels
// (no ImageMagick, nothing for CI to install): the ways real scans and phone photos differ from a clean
// 150 dpi render (issue 16) — a page turned on the glass, a photo taken at an angle under a lamp, an
// out-of-focus shot, a low-resolution scan.
import type { Gray } from '../../core/ocr/image.ts';
import { homography } from '../../core/ocr/perspective.ts';

/** Bilinear sample of g at (x, y); paper (255) outside. */
function sample(g: Gray, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  if (x0 < 0 || y0 < 0 || x0 + 1 >= g.width || y0 + 1 >= g.height) return 255;
  const fx = x - x0;
  const fy = y - y0;
  const i = y0 * g.width + x0;
  const top = g.data[i]! * (1 - fx) + g.data[i + 1]! * fx;
  const bot = g.data[i + g.width]! * (1 - fx) + g.data[i + g.width + 1]! * fx;
  return top * (1 - fy) + bot * fy;
}

/** The page turned by `degrees` (positive: clockwise, as on a scanner's glass) about its centre. */
export function rotatePage(g: Gray, degrees: number): Gray {
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = g.width / 2;
  const cy = g.height / 2;
  const out = new Uint8Array(g.width * g.height);
  for (let y = 0; y < g.height; y++) {
    for (let x = 0; x < g.width; x++) {
      // output (x, y) shows the source point turned back by -a
      const dx = x - cx;
      const dy = y - cy;
      out[y * g.width + x] = Math.round(sample(g, cx + dx * cos + dy * sin, cy - dx * sin + dy * cos));
    }
  }
  return { width: g.width, height: g.height, data: out };
}

/**
 * A phone photo taken from below the page: the top edge `keystone` (e.g. 0.04) narrower than the bottom,
 * the page inside a margin of darker background, and light falling off from one corner by `light` (0–1).
 */
export function photograph(g: Gray, keystone: number, light = 0.25): Gray {
  const { width: w, height: h } = g;
  const margin = Math.round(0.04 * w);
  const W = w + 2 * margin;
  const H = h + 2 * margin;
  const out = new Uint8Array(W * H);
  // The page's corners in the photo: top edge pulled in by keystone/2 of the width on each side.
  const inset = (keystone * w) / 2;
  const corners = [
    [margin + inset, margin],
    [margin + w - inset, margin],
    [margin + w, margin + h],
    [margin, margin + h],
  ] as const;
  // Photo → page: the inverse of the homography page rectangle → corners.
  const Hm = homography(
    corners.map(([x, y]) => [x, y] as [number, number]),
    [
      [0, 0],
      [w, 0],
      [w, h],
      [0, h],
    ],
  );
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const d = Hm[6]! * x + Hm[7]! * y + 1;
      const sx = (Hm[0]! * x + Hm[1]! * y + Hm[2]!) / d;
      const sy = (Hm[3]! * x + Hm[4]! * y + Hm[5]!) / d;
      const onPage = sx >= 0 && sy >= 0 && sx < w - 1 && sy < h - 1;
      const v = onPage ? sample(g, sx, sy) : 90; // a dark desk around the page
      // Light falls off towards the bottom right.
      const shade = 1 - light * ((x / W + y / H) / 2);
      out[y * W + x] = Math.round(v * shade);
    }
  }
  return { width: W, height: H, data: out };
}

/** Gaussian blur of standard deviation `sigma` px (ImageMagick's `-blur 0x<sigma>`), separable. */
export function gaussianBlur(g: Gray, sigma: number): Gray {
  const r = Math.ceil(3 * sigma);
  const k = Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const sum = k.reduce((s, x) => s + x, 0);
  const kn = k.map((x) => x / sum);
  const { width: w, height: h } = g;
  const tmp = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let i = -r; i <= r; i++) s += kn[i + r]! * g.data[y * w + Math.min(w - 1, Math.max(0, x + i))]!;
      tmp[y * w + x] = s;
    }
  }
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let i = -r; i <= r; i++) s += kn[i + r]! * tmp[Math.min(h - 1, Math.max(0, y + i)) * w + x]!;
      out[y * w + x] = Math.round(s);
    }
  }
  return { width: w, height: h, data: out };
}

/** Scaled by `factor` < 1 with area averaging (a scanner at a lower resolution): 150 → 100 dpi is 2/3. */
export function downsample(g: Gray, factor: number): Gray {
  const W = Math.round(g.width * factor);
  const H = Math.round(g.height * factor);
  const out = new Uint8Array(W * H);
  const step = 1 / factor;
  for (let Y = 0; Y < H; Y++) {
    const y0 = Y * step;
    const y1 = Math.min(g.height, y0 + step);
    for (let X = 0; X < W; X++) {
      const x0 = X * step;
      const x1 = Math.min(g.width, x0 + step);
      let s = 0;
      let a = 0;
      for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
        const wy = Math.min(y + 1, y1) - Math.max(y, y0);
        for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
          const wx = Math.min(x + 1, x1) - Math.max(x, x0);
          s += wx * wy * g.data[y * g.width + x]!;
          a += wx * wy;
        }
      }
      out[Y * W + X] = Math.round(s / a);
    }
  }
  return { width: W, height: H, data: out };
}

/** Saved as a JPEG of `quality` (0–100) and read back: the blocks and ringing of a phone app's or a portal's compression. */
export async function jpeg(g: Gray, quality: number): Promise<Gray> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const { decodeImage } = await import('../../core/cli-ocr.ts');
  const { toGray } = await import('../../core/ocr/image.ts');
  const canvas = createCanvas(g.width, g.height);
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(g.width, g.height);
  for (let i = 0; i < g.data.length; i++) {
    img.data[4 * i] = img.data[4 * i + 1] = img.data[4 * i + 2] = g.data[i]!;
    img.data[4 * i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  return toGray(await decodeImage(new Uint8Array(canvas.toBuffer('image/jpeg', quality))));
}
