// Builders for rule examples: a whole table B or C from a few real rows, every other cell 0 (or blank).
import type { CellRef } from '../types.ts';
import { B_COLS, B_OUT_2019, B_OUT_2021 } from '../template/table-b.ts';
import { C_REFS } from '../template/table-c.ts';

type V = number | string;

/** Table B cells: every template row of the given layout, `fill` everywhere except the rows given. */
export function tableB(rows: Record<string, V[]>, layout: '2019' | '2021' = '2021', fill: V = 0): Record<CellRef, V> {
  const keys = ['new', 'carry_in', ...(layout === '2021' ? B_OUT_2021 : B_OUT_2019), 'total', 'carry_out', ...Object.keys(rows)];
  const out: Record<CellRef, V> = {};
  for (const key of keys) {
    const vals = rows[key];
    B_COLS.forEach((c, i) => (out[`B.${key}.${c}`] = vals ? (vals[i] ?? fill) : fill));
  }
  return out;
}

/** 淮安市 2024's own table C (72 64 178 37 351 | 13 4 8 1 26 | 12 1 1 6 20), and its sentence about it. */
export const HUAIAN_2024_C: V[] = [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20];
export const HUAIAN_2024_CASES =
  '政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结37件；政府信息公开行政诉讼46件，其中结果维持25件，结果纠正5件，其他结果9件，尚未审结7件。';

/** Table C cells from the 15 numbers in table order. */
export function tableC(values: V[]): Record<CellRef, V> {
  const out: Record<CellRef, V> = {};
  C_REFS.forEach((ref, i) => (out[ref] = values[i] ?? 0));
  return out;
}
