// The sum identities of tables B and C, listed once so every rule that evaluates or reports on them
// (APP-*, REVIEW-*, LITIGATION-*, TOTAL-EMPTY) agrees on their terms.
import type { CellRef, ReportModel } from '../types.ts';
import { B_COLS, B_GROUPS, B_ORG_COLS, B_OUT_2019, B_OUT_2021, type BCol } from '../template/table-b.ts';
import { C_GROUPS } from '../template/table-c.ts';

/** Value columns of table B as found (7, or 8 with a 法人小计 column). */
export function bCols(model: ReportModel): BCol[] {
  const cells = model.tables.B?.cells ?? {};
  const hasOrg = Object.keys(cells).some((r) => r.endsWith('.org'));
  return hasOrg ? [...B_COLS.slice(0, 6), 'org', 'tot'] : [...B_COLS];
}

/** The outcome leaf rows for this report's （六） layout: never subtotal rows (APP-SUBTOTAL). */
export function bOutRows(model: ReportModel): string[] {
  const found = model.tables.B?.rowsFound ?? [];
  const split = ['other1', 'other2', 'other3'].some((k) => found.includes(`B.${k}`));
  const single = found.includes('B.other');
  if (split) return B_OUT_2021;
  if (single) return B_OUT_2019;
  return (model.year ?? 2021) >= 2021 ? B_OUT_2021 : B_OUT_2019;
}

/** Rows of table B that carry numbers (leaves, summary rows and any subtotal rows). */
export function bRows(model: ReportModel): string[] {
  const found = model.tables.B?.rowsFound ?? [];
  let rows = B_ROWS_OF.get(found);
  if (!rows) B_ROWS_OF.set(found, (rows = found.map((r) => r.slice(2))));
  return rows;
}

// Every rule asks for the same rows and cells many times per check. Handing out the same string objects
// lets V8 hash each CellRef once instead of on every lookup (≈15% of a text check; npm run bench).
const B_ROWS_OF = new WeakMap<string[], string[]>();
const B_REFS = new Map<string, Map<string, CellRef>>();

export function b(row: string, col: string): CellRef {
  let byCol = B_REFS.get(row);
  if (!byCol) B_REFS.set(row, (byCol = new Map()));
  let ref = byCol.get(col);
  if (ref === undefined) byCol.set(col, (ref = `B.${row}.${col}`));
  return ref;
}

export function rowTotalTerms(row: string): { total: CellRef; parts: CellRef[] } {
  return { total: b(row, 'tot'), parts: ['np', ...B_ORG_COLS].map((c) => b(row, c)) };
}

/** 一 + 二 = （七） + 四 in one column (APP-BALANCE). */
export function balanceTerms(col: string): { left: CellRef[]; right: CellRef[] } {
  return { left: [b('new', col), b('carry_in', col)], right: [b('total', col), b('carry_out', col)] };
}

/** A group heading's own numbers = its sub-rows, in one column (APP-SUBTOTAL). */
export function subtotalTerms(g: { key: string; children: string[] }, col: string): { left: CellRef[]; right: CellRef[] } {
  return { left: [b(g.key, col)], right: g.children.map((r) => b(r, col)) };
}

export function bSubtotals(model: ReportModel): { key: string; label: string; children: string[] }[] {
  const rows = bRows(model);
  return B_GROUPS.filter((g) => rows.includes(g.key)).map((g) => ({ key: g.key, label: g.label, children: g.children }));
}

export type CIdentity = { group: (typeof C_GROUPS)[number]; total: CellRef; parts: CellRef[] };

export function cIdentity(group: (typeof C_GROUPS)[number]): CIdentity {
  return { group, total: `C.${group}.total`, parts: ['keep', 'fix', 'other', 'pending'].map((c) => `C.${group}.${c}`) };
}

/** Every identity whose total cell may be left blank: used by TOTAL-EMPTY. */
export function allIdentities(model: ReportModel): { left: CellRef[]; right: CellRef[]; total: CellRef }[] {
  const out: { left: CellRef[]; right: CellRef[]; total: CellRef }[] = [];
  if (model.tables.B) {
    for (const row of bRows(model)) {
      const t = rowTotalTerms(row);
      out.push({ left: [t.total], right: t.parts, total: t.total });
    }
    const leaves = bOutRows(model);
    for (const col of bCols(model)) out.push({ left: [b('total', col)], right: leaves.map((r) => b(r, col)), total: b('total', col) });
  }
  if (model.tables.C) {
    for (const g of C_GROUPS) {
      const id = cIdentity(g);
      out.push({ left: [id.total], right: id.parts, total: id.total });
    }
  }
  return out;
}
