// An image's pixel size from its header, before anything decodes it: a scan or photo is decoded to RGBA
// (4 bytes a pixel) and then to grey, so a 30 000 × 30 000 PNG of a few hundred KB would ask for 3.6 GB.
// PNG, JPEG, GIF, BMP and WebP: the types the command line and the site read by OCR.

/**
 * A scan page or photo is read at most this large (also an image-only PDF page as rendered for OCR): an
 * A3 page at 300 dpi is 17 MP, a phone photo 12–50 MP; 100 MP is 400 MB of RGBA before any work.
 */
export const MAX_OCR_PIXELS = 100_000_000;

const be16 = (b: Uint8Array, o: number) => (b[o]! << 8) | b[o + 1]!;
const le16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const be32 = (b: Uint8Array, o: number) => ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
const le32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) | 0;

/** Width and height in pixels, or undefined when the header is not one of these types (or is cut). */
export function imageSize(b: Uint8Array): { width: number; height: number } | undefined {
  if (b.length < 30) return undefined;
  // PNG: signature, then IHDR with width and height
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return { width: be32(b, 16), height: be32(b, 20) };
  // GIF87a / GIF89a: logical screen size
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return { width: le16(b, 6), height: le16(b, 8) };
  // BMP: BITMAPINFOHEADER (a negative height means top-down rows)
  if (b[0] === 0x42 && b[1] === 0x4d) return { width: Math.abs(le32(b, 18)), height: Math.abs(le32(b, 22)) };
  // WebP: RIFF....WEBP then VP8 (lossy), VP8L (lossless) or VP8X (extended)
  if (be32(b, 0) === 0x52494646 && be32(b, 8) === 0x57454250) {
    const chunk = String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!);
    if (chunk === 'VP8 ') return { width: le16(b, 26) & 0x3fff, height: le16(b, 28) & 0x3fff };
    if (chunk === 'VP8L') {
      const bits = (b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24)) >>> 0;
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    if (chunk === 'VP8X') return { width: 1 + (b[24]! | (b[25]! << 8) | (b[26]! << 16)), height: 1 + (b[27]! | (b[28]! << 8) | (b[29]! << 16)) };
    return undefined;
  }
  // JPEG: walk the markers to the first start-of-frame
  if (b[0] === 0xff && b[1] === 0xd8) {
    let p = 2;
    while (p + 9 < b.length) {
      if (b[p] !== 0xff) return undefined;
      const marker = b[p + 1]!;
      if (marker === 0xff) {
        p++;
        continue;
      }
      const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isFrame) return { width: be16(b, p + 7), height: be16(b, p + 5) };
      p += 2 + be16(b, p + 2);
    }
  }
  return undefined;
}
