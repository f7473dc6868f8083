// Sum identities under the empty-cell policy of domain.md §2.0.3:
// - a cell that is absent (row missing or short) or unreadable: the equation cannot be checked;
// - every term EMPTY: skip silently (nothing to check);
// - a total cell EMPTY while the other side is non-zero: TOTAL-EMPTY, never an arithmetic error;
// - a blank table-B total whose own parts are not zero (a row total 「总计」 left blank while the row has
//   numbers, or a （七）总计 cell blank while the column's leaves have numbers) is not 0 in any other
//   equation either: that equation cannot be checked (上海市科委 2024: 结转下年度 总计 blank, 自然人 1);
// - otherwise EMPTY counts as 0 (real reports use blanks for zero: Shanghai 2019, seed 000).
import type { CellRef, ReportModel, Term } from '../types.ts';
import { cellOf, numberOf } from '../model/cells.ts';
import { B_ORG_COLS } from '../template/table-b.ts';
import { b, bOutRows } from './identities.ts';

export type SumOutcome =
  | { status: 'absent'; refs: CellRef[] }
  | { status: 'unreadable'; refs: CellRef[] }
  | { status: 'all-empty' }
  | { status: 'total-empty'; totals: CellRef[]; other: number }
  | { status: 'ok' | 'fail'; left: Term[]; right: Term[]; leftSum: number; rightSum: number };

/**
 * Evaluates Σleft = Σright. `totals` names the cells whose emptiness means "the report left the total
 * blank" (TOTAL-EMPTY) rather than "zero".
 */
export function sumEquation(
  model: ReportModel,
  left: CellRef[],
  right: CellRef[],
  totals: CellRef[] = [],
): SumOutcome {
  const absent: CellRef[] = [];
  const unreadable: CellRef[] = [];
  let numeric = 0;
  const term = (ref: CellRef): Term => {
    const c = cellOf(model, ref);
    if (!c) absent.push(ref);
    else if (c.value.kind === 'unreadable') unreadable.push(ref);
    else if (c.value.kind === 'number') {
      numeric++;
      return { ref, value: c.value.n };
    }
    return { ref, value: null };
  };
  const l = left.map(term);
  const r = right.map(term);
  if (absent.length) return { status: 'absent', refs: absent };
  if (unreadable.length) return { status: 'unreadable', refs: unreadable };
  if (numeric === 0) return { status: 'all-empty' };
  const sum = (ts: Term[]) => round(ts.reduce((s, t) => s + (t.value ?? 0), 0));
  const leftSum = sum(l);
  const rightSum = sum(r);
  const emptyTotals = totals.filter((ref) => [...l, ...r].some((t) => t.ref === ref && t.value === null));
  if (emptyTotals.length) {
    // The other side of the equation from the blank total(s).
    const onLeft = emptyTotals.some((ref) => left.includes(ref));
    const other = onLeft ? rightSum : leftSum;
    if (other !== 0) return { status: 'total-empty', totals: emptyTotals, other };
  }
  for (const t of [...l, ...r]) {
    if (t.value !== null || totals.includes(t.ref)) continue;
    const parts = impliedTotal(model, t.ref);
    if (parts) return { status: 'total-empty', totals: [t.ref], other: parts };
  }
  return { status: leftSum === rightSum ? 'ok' : 'fail', left: l, right: r, leftSum, rightSum };
}

/** Avoids 0.1 + 0.2 style noise in money sums. */
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** What a blank table-B total cell's own parts add up to, when that is not zero (else undefined). */
function impliedTotal(model: ReportModel, ref: CellRef): number | undefined {
  if (ref[0] !== 'B') return undefined;
  const [, row = '', col = ''] = ref.split('.');
  let sum = 0;
  if (col === 'tot') for (const c of ['np', ...B_ORG_COLS]) sum += numberOf(model, b(row, c)) ?? 0;
  if (row === 'total' && col !== 'tot') for (const leaf of bOutRows(model)) sum += numberOf(model, b(leaf, col)) ?? 0;
  return sum !== 0 ? round(sum) : undefined;
}
