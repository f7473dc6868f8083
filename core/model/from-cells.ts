// A ReportModel rebuilt from table cells alone, as the site's share link carries them (`ref` → the text
// written in the cell): the numbers go through the same cell parser as a real report's. No narrative, so
// only the table rules have anything to read.
import type { Cell, ReportModel, TableId } from '../types.ts';
import { parseCellValue } from '../recognise/cell-value.ts';
import { tableOf } from './cells.ts';
import { emptyModel, emptyTable } from './empty.ts';

export type CellsInput = {
  cells: Record<string, number | string | null>;
  year?: number;
  yearSource?: ReportModel['yearSource'];
  agency?: string;
  template?: ReportModel['template'];
  templateParts?: ReportModel['templateParts'];
};

export function modelFromCells(input: CellsInput): ReportModel {
  const m = emptyModel();
  if (input.year !== undefined) {
    m.year = input.year;
    m.yearSource = input.yearSource ?? 'title';
  }
  if (input.template) m.template = input.template;
  if (input.templateParts) m.templateParts = input.templateParts;
  if (input.agency) m.agency = input.agency;
  const src = { kind: 'text' as const, start: 0, end: 0 };
  for (const [ref, v] of Object.entries(input.cells)) {
    if (v === null) continue;
    const t: TableId = tableOf(ref);
    const table = (m.tables[t] ??= emptyTable());
    m.recognition.tables[t].found = true;
    const raw = typeof v === 'number' ? String(v) : v;
    const cell: Cell = { ref, raw, source: src, value: parseCellValue(raw, { signed: true, money: true }) };
    table.cells[ref] = cell;
    const row = ref.split('.').slice(0, 2).join('.');
    if (!table.rowsFound.includes(row)) table.rowsFound.push(row);
  }
  return m;
}
