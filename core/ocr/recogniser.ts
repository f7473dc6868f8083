// What the OCR pipeline asks of a text recogniser. The pipeline finds the table, cuts the cells and
// decides what each one holds; the recogniser only reads pixels. It is injected, so core stays pure:
// tesseract.js workers in Node (tests, bench) or in a Web Worker bridge (site, extension page).
import type { Box, Gray } from './image.ts';

/** Text read from one crop, and how sure the recogniser is (0–100). */
export type Reading = { text: string; confidence: number };

/** A word of a full-page recognition, with its box in the page image's pixels. */
export type OcrWord = { text: string; confidence: number; bbox: Box };

export type Recogniser = {
  /** one line of digits (a number cell): `0123456789.` only; `singleChar` when the ink is one glyph */
  digits(crop: Gray, hint?: { singleChar?: boolean }): Promise<Reading>;
  /**
   * many crops of one line of digits each, read in one call (optional: a faster `digits` for each);
   * a crop whose line could not be told apart from its neighbours' is undefined
   */
  digitLines?(crops: Gray[]): Promise<(Reading | undefined)[]>;
  /** many crops of Chinese text (labels, lines of prose), read in one call; undefined as for digitLines */
  labelLines?(crops: Gray[]): Promise<(Reading | undefined)[]>;
  /** a label or a line of prose, Chinese; `singleLine` when the crop is known to hold one line */
  label(crop: Gray, hint?: { singleLine?: boolean }): Promise<Reading>;
  /** every word on a page with its box: only needed for tables without ruling lines */
  page?(image: Gray): Promise<OcrWord[]>;
};

/** Tesseract puts spaces between CJK characters ("三 、 收 到"): they are layout, not text. */
export function stripCjkSpaces(s: string): string {
  const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
  return s
    .replace(new RegExp(`([${CJK}])\\s+(?=[${CJK}])`, 'g'), '$1')
    .replace(new RegExp(`([${CJK}])\\s+(?=[\\d（(])`, 'g'), '$1')
    .replace(new RegExp(`([\\d.、)）])\\s+(?=[${CJK}])`, 'g'), '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
