// A .docx is a zip: its central directory says how large each part is once inflated, so a "zip bomb"
// (a 300 KB file whose word/document.xml inflates to 100 MB, which drove mammoth to a 4.4 GB heap and an
// abort after ~50 s, issue 15) is refused from those numbers before mammoth inflates anything. A
// directory can lie, so every deflated part is also inflated here as a stream, counted, and stopped as
// soon as it outgrows what the directory declared: at most the bound is ever inflated.
// DecompressionStream is a web standard (browsers, Node ≥ 18): no Node built-in in core.

/** A real report's .docx is well under 1 MB inflated (shuyang-drc-2023.docx: 67 KB; with pictures a few MB). */
export const MAX_DOCX_INFLATED = 50 * 1024 * 1024;
/**
 * XML inflates 5–15× (shuyang's document.xml: 8.3×); 200× only comes from padding. Parts under 2 MB are
 * never refused for their ratio: a small part of repeated markup can compress that well honestly.
 */
export const MAX_PART_RATIO = 200;
const RATIO_FLOOR = 2 * 1024 * 1024;

export type ZipEntry = { name: string; method: number; compressedSize: number; size: number; localOffset: number };

export type ZipProblem =
  | { reason: 'not-zip' }
  | { reason: 'too-large'; detail: string }
  | { reason: 'zip-bomb'; detail: string }
  | { reason: 'zip-lies'; detail: string };

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
const sizeText = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

/** The central directory's entries, or undefined when there is none to be found. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  // End of central directory: 22 bytes plus a comment of at most 65 535, at the very end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) return undefined;
    const nameLen = u16(bytes, p + 28);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localOffset: u32(bytes, p + 42),
    });
    p += 46 + nameLen + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return entries;
}

/** What the central directory declares, judged before anything is inflated. */
export function declaredProblem(entries: ZipEntry[]): ZipProblem | undefined {
  // 0xFFFFFFFF sizes mean ZIP64: a part over 4 GB, never a report.
  let total = 0;
  for (const e of entries) {
    if (e.size === 0xffffffff || e.compressedSize === 0xffffffff) return { reason: 'too-large', detail: '> 4 GB' };
    total += e.size;
    if (e.size > RATIO_FLOOR && e.size > MAX_PART_RATIO * Math.max(1, e.compressedSize)) {
      return { reason: 'zip-bomb', detail: `${e.name}: ${sizeText(e.compressedSize)} → ${sizeText(e.size)}` };
    }
  }
  if (total > MAX_DOCX_INFLATED) return { reason: 'too-large', detail: sizeText(total) };
  return undefined;
}

/** Inflates a deflated part as a stream, stopping past `limit` bytes; the byte count, or -1 if it outgrew it. */
async function inflatedSize(data: Uint8Array, limit: number): Promise<number> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  let n = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return n;
      n += value.byteLength;
      if (n > limit) {
        await reader.cancel();
        return -1;
      }
    }
  } catch {
    return n; // a broken stream: mammoth says so in its own words
  }
}

/** Every part inflated no larger than declared (and the whole no larger than the bound). */
export async function checkInflation(bytes: Uint8Array, entries: ZipEntry[]): Promise<ZipProblem | undefined> {
  let total = 0;
  for (const e of entries) {
    const lo = e.localOffset;
    if (lo + 30 > bytes.length || u32(bytes, lo) !== 0x04034b50) continue; // mammoth reports a broken zip
    const start = lo + 30 + u16(bytes, lo + 26) + u16(bytes, lo + 28);
    const data = bytes.subarray(start, start + e.compressedSize);
    const size = e.method === 8 ? await inflatedSize(data, Math.min(e.size, MAX_DOCX_INFLATED - total)) : e.method === 0 ? data.length : 0;
    if (size < 0) return { reason: 'zip-lies', detail: `${e.name}: > ${sizeText(e.size)}` };
    total += size;
  }
  return undefined;
}

/** Why this zip must not be handed to an unzipper, or undefined when it is safe to. */
export async function zipProblem(bytes: Uint8Array): Promise<ZipProblem | undefined> {
  const entries = zipEntries(bytes);
  if (!entries) return { reason: 'not-zip' };
  return declaredProblem(entries) ?? (await checkInflation(bytes, entries));
}
