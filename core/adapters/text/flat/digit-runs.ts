// Digits run together: the ways to cut a row's digit runs into its cells. A crawler that strips tags
// leaves 「640020470」 for the seven cells 64,0,0,2,0,4,70 of 平潭 2021's 一、本年新收 row. Only the template
// can cut it: the six applicant cells add up to the 总计. Every cut is tried (no part has a leading zero:
// 「05」 is never a cell), the identity keeps the cuts that satisfy it, and a cap on the search keeps a
// pathological run from hanging the page.
import type { Token } from './tokens.ts';

export type Part = { text: string; start: number; end: number };
export type Reading = { parts: Part[]; values: number[] };
export type RunResult = {
  /** the readings that satisfy the identity (at most MAX_KEPT kept) */
  readings: Reading[];
  /** how many readings satisfy it in all (counted up to the cap) */
  count: number;
  /** whether some token had to be cut, i.e. the cells were separated by inference */
  cut: boolean;
  /** the search hit its cap: too many ways to read, treat as unreadable */
  capped: boolean;
  /** how many cuts there are at all, identity or not (「0000000」 into 7 cells: one, so not an inference) */
  cuts: number;
};

/** Nodes the search may visit (a 12-digit run cut into 7 cells is 462 cuts; 平潭's longest run is 17 digits into 15). */
export const SEARCH_CAP = 50_000;
const MAX_KEPT = 64;

/**
 * Readings of `tokens` as exactly `n` cells. Tokens set apart by spaces are one cell each; only a
 * glued run of plain digits may be cut, or any run in a table whose cells run together (`runTogether`:
 * 平潭 2022 has 「继续办理 0000000 四、」, seven cells between two spaces). With as many tokens as cells, the one reading is returned
 * without asking `holds`: the arithmetic rules judge it, and an error must stay an error.
 */
export function cutRuns(tokens: Token[], n: number, holds: (values: number[]) => boolean, runTogether = false, cap = SEARCH_CAP): RunResult {
  if (tokens.length === n) {
    const parts = tokens.map((t) => ({ text: t.text, start: t.start, end: t.end }));
    return { readings: [{ parts, values: parts.map((p) => Number(p.text)) }], count: 1, cut: false, capped: false, cuts: 1 };
  }
  if (tokens.length > n || tokens.length === 0) return { readings: [], count: 0, cut: false, capped: false, cuts: 0 };
  const cuttable = tokens.map((t) => (runTogether || !!t.glued) && /^\d+$/.test(t.text) && t.text.length > 1);
  // Fewer numbers than cells and none that may be cut: blank cells vanished (seed 001's 行政复议), not a run.
  if (!cuttable.some(Boolean)) return { readings: [], count: 0, cut: false, capped: false, cuts: 0 };
  const readings: Reading[] = [];
  let count = 0;
  let cuts = 0;
  let nodes = 0;
  let capped = false;
  const parts: Part[] = [];

  const visit = (ti: number): void => {
    if (capped) return;
    if (++nodes > cap) {
      capped = true;
      return;
    }
    if (ti === tokens.length) {
      if (parts.length !== n) return;
      cuts++;
      const values = parts.map((p) => Number(p.text));
      if (!holds(values)) return;
      count++;
      if (readings.length < MAX_KEPT) readings.push({ parts: [...parts], values });
      return;
    }
    const t = tokens[ti]!;
    const tokensLeft = tokens.length - ti - 1;
    const room = n - parts.length - tokensLeft;
    if (room < 1) return;
    if (!cuttable[ti]) {
      parts.push({ text: t.text, start: t.start, end: t.end });
      visit(ti + 1);
      parts.pop();
      return;
    }
    const maxParts = Math.min(room, t.text.length);
    // The last token must take exactly what is left.
    const minParts = ti === tokens.length - 1 ? room : 1;
    for (let p = minParts; p <= maxParts; p++) cutToken(t, 0, p, () => visit(ti + 1));
  };

  // Cuts t.text[from…] into `p` parts pushed onto `parts`, calling `done` for each complete cut.
  const cutToken = (t: Token, from: number, p: number, done: () => void): void => {
    if (capped) return;
    const rest = t.text.length - from;
    if (p === 1) {
      const text = t.text.slice(from);
      if (text.length > 1 && text[0] === '0') return;
      parts.push({ text, start: t.start + from, end: t.end });
      done();
      parts.pop();
      return;
    }
    // A part starting with 0 is the single digit 0.
    const maxLen = t.text[from] === '0' ? 1 : rest - (p - 1);
    for (let len = 1; len <= maxLen; len++) {
      if (++nodes > cap) {
        capped = true;
        return;
      }
      parts.push({ text: t.text.slice(from, from + len), start: t.start + from, end: t.start + from + len });
      cutToken(t, from + len, p - 1, done);
      parts.pop();
    }
  };

  visit(0);
  return { readings, count, cut: true, capped, cuts };
}

/** Table B row: the applicant cells add up to the last, 总计 (7 columns). */
export function rowTotalHolds(values: number[]): boolean {
  let sum = 0;
  for (let i = 0; i < values.length - 1; i++) sum += values[i]!;
  return sum === values[values.length - 1];
}

/** Table C: three blocks of five, 维持 + 纠正 + 其他 + 尚未审结 = 总计 in each. */
export function blocksOfFiveHold(values: number[]): boolean {
  for (let g = 0; g + 5 <= values.length; g += 5) {
    if (values[g]! + values[g + 1]! + values[g + 2]! + values[g + 3]! !== values[g + 4]) return false;
  }
  return true;
}

/**
 * Whether a table's text runs its cells together: several multi-digit runs glued to the labels. Text
 * copied from a PDF or pasted from Word sets numbers apart; a crawler's page.txt does not.
 */
export function runsTogether(tokens: Token[]): boolean {
  const glued = tokens.filter((t) => t.glued && t.text.length >= 2 && /^\d+$/.test(t.text)).length;
  return glued >= 3 && glued >= tokens.length * 0.3;
}
