// Reading cells out of a ReportModel by CellRef. Shared by rules and faces.
import type { Cell, CellRef, ReportModel, TableId } from '../types.ts';

export function tableOf(ref: CellRef): TableId {
  const head = ref.slice(0, ref.indexOf('.'));
  return head === 'A19' ? 'A' : (head as TableId);
}

export function cellOf(model: ReportModel, ref: CellRef): Cell | undefined {
  // Hot path of every sum rule: the table is the first letter (A19.* lives in table A too).
  return model.tables[ref[0] as TableId]?.cells[ref];
}

/** The numeric value of a cell, or null when it is empty, unreadable or absent. */
export function numberOf(model: ReportModel, ref: CellRef): number | null {
  const c = cellOf(model, ref);
  return c && c.value.kind === 'number' ? c.value.n : null;
}
