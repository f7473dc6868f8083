// Draws the toolbar icons (extension/public/icon/{16,32,48,128}.png): a ruled table with one cell
// outlined in red, the mark the extension puts on a page. Plain pixels and node:zlib; no image tools.
// Run: npx tsx extension/scripts/make-icons.ts
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size: number, px: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) Buffer.from(px.subarray(y * size * 4, (y + 1) * size * 4)).copy(raw, y * (size * 4 + 1) + 1);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function draw(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const set = (x: number, y: number, [r, g, b]: number[]) => {
    if (x < 0 || y < 0 || x >= size || y >= size) return;
    const i = (y * size + x) * 4;
    px.set([r!, g!, b!, 255], i);
  };
  const s = size / 16;
  const line = Math.max(1, Math.round(s));
  const blue = [31, 95, 191];
  const red = [192, 38, 45];
  // paper
  for (let y = Math.round(s); y < size - Math.round(s); y++) for (let x = Math.round(s); x < size - Math.round(s); x++) set(x, y, [255, 255, 255]);
  // the table's rules: 4 columns, 4 rows
  const lo = Math.round(s);
  const hi = size - Math.round(s) - line;
  for (let k = 0; k <= 3; k++) {
    const p = Math.round(lo + ((hi - lo) * k) / 3);
    for (let t = 0; t < line; t++) for (let a = lo; a <= hi + line - 1; a++) {
      set(a, p + t, blue);
      set(p + t, a, blue);
    }
  }
  // one cell outlined in red (bottom-right: the 总计)
  const c0 = Math.round(lo + ((hi - lo) * 2) / 3);
  const w = Math.max(2, Math.round(s * 1.5));
  for (let t = 0; t < w; t++) for (let a = c0; a <= hi + line - 1; a++) {
    set(a, c0 + t, red);
    set(a, hi + line - 1 - t, red);
    set(c0 + t, a, red);
    set(hi + line - 1 - t, a, red);
  }
  return px;
}

const out = join(import.meta.dirname, '..', 'public', 'icon');
mkdirSync(out, { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(join(out, `${size}.png`), png(size, draw(size)));
console.log(`icons written to ${out}`);
