// Grid rows → labelled rows: which cells are the row's label and which are its values. Anchors on the
// label text, never on column position (domain.md §4): linearised merged labels leave a variable number
// of empty cells before the label (seed 000) and trailing tabs after the values (seed 001).
import type { GridCell } from '../types.ts';
import { toMatrix } from '../grid/matrix.ts';
import { isValueText } from './cell-value.ts';

export type LabelledRow = {
  /** non-empty text cells that are not values, in order (rowspan copies included) */
  labels: GridCell[];
  /** the cells after the last label cell (spanned copies dropped) */
  values: GridCell[];
  /** every non-spanned cell, in order */
  cells: GridCell[];
  /** index of the grid this row came from, within the table's grids */
  grid: number;
  /** column index of each value in the expanded matrix (for header alignment) */
  valueCols: number[];
  /** column index of each of `cells` in the expanded matrix */
  cellCols: number[];
};

/** One character typed for a digit: a Latin letter, or a Chinese numeral typed in a number cell. */
const MISTYPED = /^[A-Za-z〇零一二三四五六七八九十两]$/;

function valueFollows(mrow: { cell: GridCell }[], i: number): boolean {
  for (let k = i + 1; k < mrow.length; k++) {
    const t = mrow[k]!.cell.text.trim();
    if (t === '') continue;
    return isValueText(t) || MISTYPED.test(t);
  }
  return true;
}

export function labelledRows(grids: GridCell[][][]): LabelledRow[] {
  const out: LabelledRow[] = [];
  grids.forEach((rows, g) => {
    for (const mrow of toMatrix(rows)) {
      let lastLabel = -1;
      let firstValue = -1;
      mrow.forEach((m, i) => {
        const t = m.cell.text.trim();
        if (t === '') return;
        if (isValueText(t)) {
          if (firstValue < 0) firstValue = i;
          return;
        }
        // A letter or a character typed in a number cell (「l」「O」「五」 in 保山 2021's pipe table) is an
        // unreadable value, not a label: the row never shifts left around it. Before the numbers, only a
        // single such character followed by a value counts.
        if (firstValue >= 0 && t.length <= 2) return;
        if (MISTYPED.test(t) && valueFollows(mrow, i)) return;
        lastLabel = i;
      });
      const labels: GridCell[] = [];
      const cells: GridCell[] = [];
      const values: GridCell[] = [];
      const valueCols: number[] = [];
      const cellCols: number[] = [];
      mrow.forEach((m, i) => {
        if (!m.spanned) {
          cells.push(m.cell);
          cellCols.push(i);
        }
        if (i <= lastLabel) {
          if (m.cell.text.trim() !== '' && !isValueText(m.cell.text) && !labels.includes(m.cell)) labels.push(m.cell);
        } else if (!m.spanned) {
          values.push(m.cell);
          valueCols.push(i);
        }
      });
      out.push({ labels, values, cells, grid: g, valueCols, cellCols });
    }
  });
  return out;
}

/**
 * Picks `expected` value cells from a row's values: surplus empty cells are trimmed at the end first
 * (trailing tabs), then at the start (a blank cell between a split label and its numbers). Returns
 * undefined when fewer cells than expected remain (a short row).
 */
export function pickValues(values: GridCell[], expected: number): GridCell[] | undefined {
  let v = values;
  while (v.length > expected && v[v.length - 1]!.text.trim() === '') v = v.slice(0, -1);
  while (v.length > expected && v[0]!.text.trim() === '') v = v.slice(1);
  if (v.length < expected) return undefined;
  return v.slice(v.length - expected);
}
