// 「数字被拆成两个数字」: PDF and OCR text sometimes splits one number over two adjacent cells
// (reported by the KIROGOVCOMPARE project as its main extraction error). When a row total fails but
// joining two adjacent single digits would make it hold, the arithmetic is not the report's error.
import { b } from './identities.ts';
import type { ReportModel } from '../types.ts';
import { numberOf } from '../model/cells.ts';
import { B_ORG_COLS } from '../template/table-b.ts';

const PARTS = ['np', ...B_ORG_COLS];

/** The index of the first cell of the split pair, or undefined when no join explains the row. */
export function splitDigitsExplains(model: ReportModel, row: string): number | undefined {
  const vals = PARTS.map((c) => numberOf(model, b(row, c)));
  const tot = numberOf(model, b(row, 'tot'));
  if (tot === null) return undefined;
  for (let i = 0; i + 1 < vals.length; i++) {
    const a = vals[i];
    const bb = vals[i + 1];
    if (a === null || a === undefined || bb === null || bb === undefined) continue;
    if (a < 1 || a > 9 || bb < 0 || bb > 9) continue;
    const joined = a * 10 + bb;
    const rest = vals.reduce<number>((s, v, k) => (k === i || k === i + 1 ? s : s + (v ?? 0)), 0);
    if (joined + rest === tot) return i;
  }
  return undefined;
}
