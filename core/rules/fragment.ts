// Part of a report (issue 17): a single scanned page, or a paste of one table's tail, holds a run of
// table B's rows and not the rest. Page 4 of 洪泽区 2023 read by OCR holds 「3.补正后申请内容仍不明确」 to
// 「四、结转下年度继续办理」 and table C; listing the 14 rows and 4 sections "missing" from it, one by one,
// says something untrue about a page that simply holds part of the report.
import type { ReportModel } from '../types.ts';
import { bOutRows } from './identities.ts';

export type Fragment = { from: string; to: string };

/**
 * The run of table-B rows the input holds, when it holds a contiguous run that stops short of the
 * table's first or last row; undefined for a whole table (or one with rows missing inside it).
 */
export function fragmentOf(model: ReportModel): Fragment | undefined {
  const table = model.tables.B;
  if (!table) return undefined;
  // A page from the middle of a report: headings of its own, but neither the title nor section 一. A whole
  // report whose table lost rows (its title and 一、总体情况 are there) names each missing row instead.
  if (model.title || !model.sections.length || model.sections.some((s) => s.no === 1)) return undefined;
  const order = ['new', 'carry_in', ...bOutRows(model), 'total', 'carry_out'];
  const held = new Set([...table.rowsFound, ...table.rowsShort.map((s) => s.row)].map((r) => r.slice(2)));
  const at = order.map((r, i) => (held.has(r) ? i : -1)).filter((i) => i >= 0);
  if (at.length < 2) return undefined;
  const first = at[0]!;
  const last = at[at.length - 1]!;
  if (last - first + 1 !== at.length) return undefined; // rows missing inside the run: not a fragment
  if (first === 0 && last === order.length - 1) return undefined;
  return { from: order[first]!, to: order[last]! };
}
