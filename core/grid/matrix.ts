// Expands a grid's rowSpan/colSpan into a rectangular matrix. A merged cell's first position holds it;
// the positions it also covers hold a `spanned` copy, so a rowspan label such as 「三、本年度办理结果」
// (first row only in the HTML) is still seen as a label in every row it covers, and a colspan never
// shifts the value columns.
import type { GridCell } from '../types.ts';

export type MatrixCell = { cell: GridCell; spanned: boolean };

export function toMatrix(rows: GridCell[][]): MatrixCell[][] {
  const hasSpans = rows.some((r) => r.some((c) => c.rowSpan > 1 || c.colSpan > 1));
  if (!hasSpans) return rows.map((r) => r.map((cell) => ({ cell, spanned: false })));
  const out: (MatrixCell | undefined)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (out[r]![col]) col++;
      const rs = Math.max(1, Math.min(cell.rowSpan || 1, rows.length - r));
      const cs = Math.max(1, Math.min(cell.colSpan || 1, 64));
      for (let dr = 0; dr < rs; dr++) {
        for (let dc = 0; dc < cs; dc++) {
          out[r + dr]![col + dc] = { cell, spanned: dr > 0 || dc > 0 };
        }
      }
      col += cs;
    }
  });
  // Holes (ragged rows) become empty unspanned cells so indices stay aligned.
  return out.map((r) => Array.from(r, (m) => m ?? { cell: { text: '', rowSpan: 1, colSpan: 1, source: { kind: 'para', block: -1 } }, spanned: true }));
}
