// A PNG decoder for the OCR fixtures, on Node's own zlib: 8-bit, non-interlaced, grey / grey+alpha /
// RGB / RGBA / palette — what pdftoppm and ImageMagick write. Enough for tests and the bench, so no
// image library is added to the project for them.
import { inflateSync } from 'node:zlib';
import type { OcrImage } from '../../core/ocr/image.ts';

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** PNG bytes → grey image (one byte per pixel), the form the OCR pipeline starts from. */
export function decodePng(bytes: Uint8Array): OcrImage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0) !== 0x89504e47) throw new Error('not a PNG');
  let pos = 8;
  let width = 0;
  let height = 0;
  let depth = 0;
  let type = 0;
  let palette: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  while (pos < bytes.length) {
    const len = view.getUint32(pos);
    const name = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8));
    const body = bytes.subarray(pos + 8, pos + 8 + len);
    if (name === 'IHDR') {
      const h = new DataView(body.buffer, body.byteOffset, body.byteLength);
      width = h.getUint32(0);
      height = h.getUint32(4);
      depth = body[8]!;
      type = body[9]!;
      if (body[12] !== 0) throw new Error('interlaced PNG not supported');
    } else if (name === 'PLTE') palette = body;
    else if (name === 'IDAT') idat.push(body);
    else if (name === 'IEND') break;
    pos += 12 + len;
  }
  const ch = CHANNELS[type];
  if (depth !== 8 || !ch) throw new Error(`PNG colour type ${type} / depth ${depth} not supported`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * ch;
  const pixels = new Uint8Array(stride * height);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= ch ? out[i - ch]! : 0;
      const b = prev[i]!;
      const c = i >= ch ? prev[i - ch]! : 0;
      let v = line[i]!;
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[i] = v & 255;
    }
    prev = out;
  }
  const grey = new Uint8ClampedArray(width * height);
  for (let i = 0; i < width * height; i++) {
    if (type === 0 || type === 4) grey[i] = pixels[i * ch]!;
    else {
      const [r, g, b] = type === 3 ? [palette![pixels[i]! * 3]!, palette![pixels[i]! * 3 + 1]!, palette![pixels[i]! * 3 + 2]!] : [pixels[i * ch]!, pixels[i * ch + 1]!, pixels[i * ch + 2]!];
      grey[i] = (r * 299 + g * 587 + b * 114) / 1000;
    }
  }
  return { width, height, data: grey };
}
