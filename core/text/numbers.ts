// How the narrative writes a count, as pattern pieces the recogniser and the TXT-* rules share.

const CN_NUM = '零〇一二两三四五六七八九十百千';
export const NUM_SRC = `(?:\\d+|[${CN_NUM}]+)`;
/** An aside in （…） or (…). */
export const PARENS_RE = /（[^（）]*）|\([^()]*\)/g;

/** The same text with every （…） aside replaced by 「□」s of equal length, so offsets still match. */
export function blankParens(text: string): string {
  return text.replace(PARENS_RE, (s) => '□'.repeat(s.length));
}
