// Label normalisation: what a label says once layout noise is gone. Whitespace inside labels comes from
// PDF/OCR layout (「自 然 人」, 「本年 度办 理结 果」, seed 001); Word leaves bookmarks (seed 003); numbering
// and punctuation come full- or half-width (「（六）」 / 「(六)」, 「3.」 / 「3、」 / 「3．」).
import { stripWordResidue, toHalfWidth } from '../text/compact.ts';

export function normaliseLabel(s: string): string {
  let out = NORMALISED.get(s);
  if (out === undefined) {
    if (NORMALISED.size > MEMO_LIMIT) NORMALISED.clear();
    out = normalise(s);
    NORMALISED.set(s, out);
  }
  return out;
}

// Labels recur in every table of every report, and recognition asks for the same ones many times:
// a bounded memo keeps the text check near a millisecond (npm run bench).
const MEMO_LIMIT = 20_000;
const NORMALISED = new Map<string, string>();

function normalise(s: string): string {
  return toHalfWidth(stripWordResidue(s))
    .replace(/^#+/, '')
    .replace(/[\s\u00a0]+/g, '')
    .replace(/[“”"'‘’「」『』]/g, '')
    .replace(/[〔【［]/g, '(')
    .replace(/[〕】］]/g, ')');
}

const NUMBERING = /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d{1,2}[.、](?!\d)|第[一二三四五六七八九十]+[项部分]、?)/;

/** Strips leading numbering such as 一、 / (一) / 3. / 3、, repeatedly. */
export function stripNumbering(s: string): string {
  let t = s;
  for (let i = 0; i < 3; i++) {
    const m = NUMBERING.exec(t);
    if (!m) break;
    t = t.slice(m[0].length);
  }
  return t;
}

/** Normalised label without numbering: the form the template matchers compare against. */
export function labelCore(s: string): string {
  return stripNumbering(normaliseLabel(s));
}

/** Cleans a label for display in messages: bookmarks and runs of spaces removed, numbering kept. */
export function displayLabel(s: string): string {
  return stripWordResidue(s).replace(/[\s\u00a0\u3000]+/g, '').trim();
}
