// An error that one misread digit of small print would explain is in doubt (issue 16: 「any error that
// rests … on a digit whose alternatives would remove the error carries the doubt flag」). 淮安市 2024 p5
// scanned at 100 dpi prints its digits 7–8 px tall: the 「4」 of （七）总计/其他 has its stroke and bar
// so faint that every reader, as it is and black and white, reads a sure 「1」 with one mark, and the row
// total came out a certain error. The located mistake (mistakes.ts) says which cell would mend the
// identities and with what value; when that cell is such print and its reading is one digit away from the
// value, the cell is doubtful and the error rests on it. Print of a readable size keeps its errors certain:
// a real report's one-digit typos (洪泽区 2023 table C) are errors, not misreadings.
import type { CellRef, CheckResult, SourceRef } from '../types.ts';
import type { Box } from '../ocr/image.ts';
import type { OcrPageInfo } from '../ocr/page.ts';

/**
 * Print shorter than this (pixels of the page as read) is small enough for a reader to confuse digits
 * with no sign of it: 淮安市 2024 at 100 dpi, 7–8 px; the same pages at 150 dpi, 10–11 px, read right.
 */
export const SMALL_PRINT = 9;

export type MisreadSuspect = { ref: CellRef; src: Extract<SourceRef, { kind: 'ocr' }>; read: string; value: number; printHeight: number };

/** The number cells of small print whose reading, one digit away, would mend a located mistake. */
export function misreadSuspects(result: CheckResult, pages: OcrPageInfo[]): MisreadSuspect[] {
  const out: MisreadSuspect[] = [];
  for (const m of result.mistakes) {
    for (const option of [m, ...m.alternatives]) {
      if (option.cells.length !== 1) continue;
      const ref = option.cells[0]!;
      const value = option.values[0]!;
      const src = result.locations[ref];
      // A value the user typed over the reading is no reading to doubt.
      if (src?.kind !== 'ocr' || src.doubtful || src.typed || out.some((s) => s.ref === ref)) continue;
      const cell = pages.find((p) => p.page === src.page)?.cells.find((c) => sameBox(c.bbox, src.bbox));
      if (cell?.kind !== 'number' || cell.printHeight === undefined || cell.printHeight >= SMALL_PRINT) continue;
      if (oneDigitAway(cell.text, String(value))) out.push({ ref, src, read: cell.text, value, printHeight: cell.printHeight });
    }
  }
  return out;
}

/**
 * Whether a reader could have made `read` of `value` by one slip: one digit read as another (「4」 as
 * 「1」), or one dropped or doubled (「447」 as 「47」).
 */
export function oneDigitAway(read: string, value: string): boolean {
  if (read === value) return false;
  if (read.length === value.length) return [...read].filter((c, i) => c !== value[i]).length === 1;
  const [short, long] = read.length < value.length ? [read, value] : [value, read];
  if (long.length !== short.length + 1) return false;
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

function sameBox(a: Box, b: Box): boolean {
  return a.every((v, i) => v === b[i]);
}
