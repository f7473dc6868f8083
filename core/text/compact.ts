// The report's words as plain strings, before any recognition: the normal form that recognise/ and the
// rules both match their patterns against. Pure string functions; nothing here knows a report's shape.

const WIDE = /[\uFF01-\uFF5E\u3000]/;

/** Full-width ASCII (digits, letters, punctuation) → half-width; ideographic space → space. */
export function toHalfWidth(s: string): string {
  if (!WIDE.test(s)) return s;
  return s.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export function stripWordResidue(s: string): string {
  return s.replace(/\[bookmark:[^\]]*\]/g, '');
}

/**
 * Half-width digits and letters, no whitespace, no Word bookmarks: 「2020 年 1 月」 (seed 001) reads as
 * 「2020年1月」. Chinese punctuation is kept, so excerpts quote the report as written.
 */
export function compact(s: string): string {
  let out = COMPACT.get(s);
  if (out === undefined) {
    if (COMPACT.size > 5_000) COMPACT.clear();
    out = compactOnce(s);
    COMPACT.set(s, out);
  }
  return out;
}

// Year detection and the YEAR-* rules compact the same paragraphs many times per check.
const COMPACT = new Map<string, string>();

function compactOnce(s: string): string {
  return stripWordResidue(s)
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (ch) => toHalfWidth(ch))
    .replace(/[\s\u00a0\u3000]+/g, '');
}
