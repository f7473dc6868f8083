// Hostile inputs built at test (and bench) time from the real fixtures, so nothing large is committed.
import { emptyPagesPdf } from './blank-pdf.ts';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { zipEntries } from '../../core/adapters/docx/zip.ts';

/** A page's body wrapped in `depth` nested <div>s (a real report page, as some CMS exports nest them). */
export function nestedPage(html: string, depth: number): string {
  const open = html.search(/<body[^>]*>/i);
  if (open < 0) return '<div>'.repeat(depth) + html + '</div>'.repeat(depth);
  const bodyStart = html.indexOf('>', open) + 1;
  const bodyEnd = html.search(/<\/body>/i);
  const end = bodyEnd < 0 ? html.length : bodyEnd;
  return html.slice(0, bodyStart) + '<div>'.repeat(depth) + html.slice(bodyStart, end) + '</div>'.repeat(depth) + html.slice(end);
}

/** One part of a zip: its name and its inflated bytes. */
export type ZipPart = { name: string; data: Uint8Array };

/** The parts of a (real) zip, through its central directory. */
export function unzip(bytes: Uint8Array): ZipPart[] {
  const entries = zipEntries(bytes);
  if (!entries) throw new Error('not a zip');
  return entries.map((e) => {
    const lo = e.localOffset;
    const start = lo + 30 + (bytes[lo + 26]! | (bytes[lo + 27]! << 8)) + (bytes[lo + 28]! | (bytes[lo + 29]! << 8));
    const raw = bytes.subarray(start, start + e.compressedSize);
    return { name: e.name, data: new Uint8Array(e.method === 8 ? inflateRawSync(raw) : raw) };
  });
}

/**
 * A minimal zip writer (deflate, no ZIP64). `declare` overrides the inflated size the central directory
 * and the local header state for a part: a directory that lies.
 */
export function zip(parts: ZipPart[], declare: Record<string, number> = {}): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const data = deflateRawSync(p.data, { level: 9 });
    const crc = crc32(p.data);
    const size = declare[p.name] ?? p.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, name, data);
    central.push(cd, name);
    offset += 30 + name.length + data.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, ...central, end]));
}

/**
 * The real .docx with `padding` bytes of whitespace inside its word/document.xml (a "zip bomb": ~100 KB
 * on disk per 100 MB inflated). `lie`: the directory keeps declaring the original size.
 */
export function docxBomb(docx: Uint8Array, padding = 100 * 1024 * 1024, opts: { lie?: boolean } = {}): Uint8Array {
  const parts = unzip(docx);
  const doc = parts.find((p) => p.name === 'word/document.xml')!;
  const original = doc.data.length;
  const xml = Buffer.from(doc.data);
  const at = xml.lastIndexOf('</w:body>');
  doc.data = new Uint8Array(Buffer.concat([xml.subarray(0, at), Buffer.alloc(padding, 0x20), xml.subarray(at)]));
  return zip(parts, opts.lie ? { 'word/document.xml': original } : {});
}

/** The first `keep` bytes of a file: a download cut short. */
export function truncated(bytes: Uint8Array, keep = 1024): Uint8Array {
  return bytes.slice(0, keep);
}

export { emptyPagesPdf };
