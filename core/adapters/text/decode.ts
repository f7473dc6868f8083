// Bytes of a text file → string, the same everywhere a file is read (CLI, site). Chinese reports are
// saved as UTF-8 (with or without a BOM), as "Unicode" by Notepad (UTF-16 LE with a BOM; BE is rare),
// or in GBK by older Windows tools: GB18030 is its superset and every TextDecoder knows it.

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** The encoding a BOM names, else UTF-8 when the bytes are valid UTF-8, else GB18030. */
export function textEncodingOf(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** The text, BOM stripped (TextDecoder drops it for the encoding it names). */
export function decodeTextBytes(bytes: Uint8Array): string {
  return new TextDecoder(textEncodingOf(bytes)).decode(bytes);
}

/**
 * True when the bytes are not text in any of those encodings: a NUL outside UTF-16 (an image, a zip, a
 * PDF renamed .txt). UTF-16 text has a NUL in every ASCII character, so it is only judged after decoding.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const enc = textEncodingOf(bytes);
  if (enc === 'utf-16le' || enc === 'utf-16be') return decodeTextBytes(bytes).includes('\0');
  return bytes.includes(0);
}
