// Table C: 15 numbers in three groups of five (复议 / 直接起诉 / 复议后起诉). Usually one row of 15, sometimes
// three small tables of five under their own headings (shuyang-county 2025), sometimes with a stray extra
// cell after the 15 (seed 001's PDF text): the header row's first 「维持」 column anchors the 15.
import type { Cell, GridCell, TableModel } from '../types.ts';
import { C_COLS, C_GROUPS, type CGroup } from '../template/table-c.ts';
import { labelledRows, type LabelledRow } from './rows.ts';
import { labelCore } from './label.ts';
import { parseCellValue } from './cell-value.ts';
import { emptyTable } from '../model/empty.ts';

export type TableCResult = { table: TableModel; valuesFound: number };

export function recogniseTableC(grids: GridCell[][][], headings: { text: string; beforeGrid: number }[]): TableCResult {
  const table = emptyTable();
  const rows = labelledRows(grids);
  const anchor = keepColumn(rows);
  // Value rows: at least one number and no more than a short row label (「案件数量」) before the numbers.
  const withNumbers = rows.filter((r) => r.labels.length <= 1 && r.values.some((c) => /\d/.test(c.text)));
  // A table C left blank is still there: its one row of 15 empty cells under the header, and it is blank,
  // not "could not be read" (the fill-in form's tables printed before table C is typed).
  const blankRows = rows.filter((r) => r.labels.length === 0 && r.values.length === 15 && r.values.every((c) => c.text.trim() === ''));
  const valueRows = withNumbers.length || blankRows.length !== 1 ? withNumbers : blankRows;
  const groups: { group?: CGroup; cells: GridCell[] }[] = [];
  for (const r of valueRows) {
    let cells = r.values;
    while (cells.length && cells[cells.length - 1]!.text.trim() === '' && cells.length > 15) cells = cells.slice(0, -1);
    if (cells.length > 15) {
      const start = anchor !== undefined ? r.valueCols.indexOf(anchor) : -1;
      cells = start >= 0 && start + 15 <= cells.length ? cells.slice(start, start + 15) : cells.slice(cells.length - 15);
    }
    groups.push({ group: groupFromHeading(headings, r), cells });
  }
  const all = groups.flatMap((g) => g.cells);
  let ordered: GridCell[] | undefined;
  if (groups.length === 1 && all.length === 15) ordered = all;
  else if (groups.length === 3 && groups.every((g) => g.cells.length === 5)) {
    // Three tables of five: order them by their headings when every one says which group it is.
    const named = groups.map((g) => g.group);
    const byName = new Set(named).size === 3 && named.every(Boolean);
    ordered = (byName ? C_GROUPS.map((name) => groups[named.indexOf(name)]!) : groups).flatMap((g) => g.cells);
  } else if (all.length === 15) ordered = all;

  if (ordered) {
    C_GROUPS.forEach((g, gi) =>
      C_COLS.forEach((c, ci) => {
        const gc = ordered![gi * 5 + ci]!;
        const ref = `C.${g}.${c}`;
        const cell: Cell = { ref, raw: gc.text, source: gc.source, value: parseCellValue(gc.text), ...(gc.inferred ? { inferred: true as const } : {}) };
        table.cells[ref] = cell;
      }),
    );
    table.rowsFound = C_GROUPS.map((g) => `C.${g}`);
  } else if (all.length) {
    const flat = all.find((c) => c.flat)?.flat;
    table.rowsShort.push({ row: 'C', label: '行政复议、行政诉讼', found: flat?.found ?? all.length, expected: 15, source: all[0]!.source, ...(flat ? { flat } : {}) });
  }
  if (!ordered) table.rowsMissing = C_GROUPS.map((g) => `C.${g}`);
  return { table, valuesFound: all.length };
}

/** Column (in the expanded matrix) of the first 「结果维持」 header cell. */
function keepColumn(rows: LabelledRow[]): number | undefined {
  for (const r of rows) {
    if (r.cells.some((c) => /\d/.test(c.text))) continue; // header rows hold no numbers
    const idx = r.cells.findIndex((c) => labelCore(c.text).includes('维持'));
    if (idx >= 0) return r.cellCols[idx];
  }
  return undefined;
}

function groupFromHeading(headings: { text: string; beforeGrid: number }[], row: LabelledRow): CGroup | undefined {
  const h = [...headings].reverse().find((x) => x.beforeGrid <= row.grid);
  if (!h || h.beforeGrid !== row.grid) return undefined;
  const t = labelCore(h.text);
  if (t.includes('复议后')) return 'lita';
  if (t.includes('直接起诉') || t.includes('未经复议')) return 'litd';
  if (t.includes('复议')) return 'rev';
  return undefined;
}
