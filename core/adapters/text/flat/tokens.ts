// Flat text → tokens: runs of digits (the numbers) and runs of other characters (label fragments), each
// with its offsets into the input. Flat text is what people actually have: a PDF viewer's "select all"
// or pdftotext (cells aligned with runs of spaces, labels wrapped), a Word table pasted as plain text
// (one space between cells), a crawler's page.txt (平潭 2021: 「申请数量640020470二、上年结转…」, the cells
// of a row run together with no separator at all).
//
// Full-width characters are read as half-width one for one (１２３ → 123), so offsets stay exact.

export type Token = {
  kind: 'num' | 'text';
  /** normalised text: half-width, no spaces */
  text: string;
  start: number;
  end: number;
  /**
   * num only: the digits touch a label character on either side (「数量640020470二」). Only such a run may
   * hold several cells; digits set apart by spaces are one cell each.
   */
  glued?: boolean;
};

/** 「-3-」, 「- 4 -」, 「第 2 页」, 「第2页 共5页」: a page number between two halves of a table, never a value. */
const PAGE_NUMBER = /^\s*(?:[-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;

export function isPageNumber(line: string): boolean {
  return PAGE_NUMBER.test(line);
}

function half(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  return code;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0 || c === 12;
/** 「1.」 「1、」 「1．」: the numbering of a template row (「2.其他法律行政法规禁止公开」). */
const isNumberingMark = (c: number): boolean => c === 46 || c === 0x3001;

/** Tokens of input[from, to). */
export function tokenize(input: string, from: number, to: number, out: Token[] = []): Token[] {
  let i = from;
  let text: Token | undefined;
  const endText = () => {
    if (text) out.push(text);
    text = undefined;
  };
  const addText = (p: number) => {
    const ch = String.fromCharCode(half(input.charCodeAt(p)));
    if (!text) text = { kind: 'text', text: ch, start: p, end: p + 1 };
    else {
      text.text += ch;
      text.end = p + 1;
    }
  };
  while (i < to) {
    const c = half(input.charCodeAt(i));
    if (isSpace(c)) {
      endText();
      i++;
      continue;
    }
    // Word's bookmark residue (「[bookmark: _Hlk66973981]」, seed 003) carries digits that are no cell.
    if (c === 91 && input.startsWith('[bookmark:', i)) {
      const close = input.indexOf(']', i);
      if (close > 0 && close < to) {
        endText();
        i = close + 1;
        continue;
      }
    }
    if (!isDigit(c)) {
      addText(i);
      i++;
      continue;
    }
    // A digit run, with a decimal part (7730.28) or thousands groups (1,234 / 1，234).
    let j = i;
    while (j < to && isDigit(half(input.charCodeAt(j)))) j++;
    let k = j;
    for (;;) {
      const sep = k < to ? half(input.charCodeAt(k)) : 0;
      const digitAt = (p: number) => p < to && isDigit(half(input.charCodeAt(p)));
      if (sep === 44 && digitAt(k + 1) && digitAt(k + 2) && digitAt(k + 3) && !digitAt(k + 4)) {
        k += 4;
        continue;
      }
      break;
    }
    if (k < to && half(input.charCodeAt(k)) === 46 && k + 1 < to && isDigit(half(input.charCodeAt(k + 1)))) {
      k++;
      while (k < to && isDigit(half(input.charCodeAt(k)))) k++;
    }
    const after = k < to ? half(input.charCodeAt(k)) : 0;
    // 「1.属于国家秘密」, 「1. 属于国家秘密」 (seed 001 with spaces for tabs): what follows the mark is a label.
    let q = k + 1;
    while (q < to && q < k + 4 && isSpace(half(input.charCodeAt(q)))) q++;
    const afterNext = q < to ? half(input.charCodeAt(q)) : 0;
    if (k === j && isNumberingMark(after) && afterNext > 0x2e80 && !isSpace(afterNext)) {
      // 「1.属于国家秘密」: the last digit numbers the next row. Glued to the values before it in crawled
      // text (「00000002.其他法律…」), so only that one digit is numbering.
      endText();
      if (j - 1 > i) out.push({ kind: 'num', text: digits(input, i, j - 1), start: i, end: j - 1, glued: true });
      addText(j - 1);
      i = j;
      continue;
    }
    const prev = i > from ? input.charCodeAt(i - 1) : 32;
    const glued = !isSpace(half(prev)) || (after !== 0 && !isSpace(after));
    endText();
    out.push({ kind: 'num', text: digits(input, i, k), start: i, end: k, glued });
    i = k;
  }
  endText();
  return out;
}

/** The token's text, half-width, thousands separators dropped. */
function digits(input: string, from: number, to: number): string {
  let s = '';
  for (let p = from; p < to; p++) {
    const c = half(input.charCodeAt(p));
    if (c !== 44) s += String.fromCharCode(c);
  }
  return s;
}
