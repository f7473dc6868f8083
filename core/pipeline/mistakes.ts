// One mistake, one mark (issue 17): after the rules, the fewest cells whose change makes every broken
// identity of tables B and C hold, as statistics offices locate errors (Fellegi–Holt minimal change).
// A typed 711 for 710 in 沭阳县 2025's （七）总计/自然人 breaks three identities; the one cell that explains
// all three is the mistake. The tables are small, so subsets of one, two and three cells are tried, the
// value of each fixed by the identities it sits in.
import type { CellRef, Finding, Mistake, ReportModel } from '../types.ts';
import { allIdentities, balanceTerms, bCols, bSubtotals, subtotalTerms } from '../rules/identities.ts';
import { sumEquation } from '../rules/equation.ts';

type Identity = { left: CellRef[]; right: CellRef[] };

/** Subsets tried at most (the 50 cells of two broken columns, three at a time, is 19 600). */
const SEARCH_CAP = 60_000;
const MAX_CANDIDATES = 80;

export function locateMistakes(model: ReportModel, findings: Finding[]): Mistake[] {
  const values = new Map<CellRef, number>();
  const checkable: Identity[] = [];
  const broken: number[] = [];
  for (const id of identities(model)) {
    const out = sumEquation(model, id.left, id.right);
    if (out.status !== 'ok' && out.status !== 'fail') continue;
    for (const t of [...out.left, ...out.right]) values.set(t.ref, t.value ?? 0);
    if (out.status === 'fail') broken.push(checkable.length);
    checkable.push(id);
  }
  if (!broken.length) return [];
  const touches = (id: Identity, set: Set<CellRef>) => id.left.some((r) => set.has(r)) || id.right.some((r) => set.has(r));
  const candidates = [...new Set(broken.flatMap((i) => [...checkable[i]!.left, ...checkable[i]!.right]))].slice(0, MAX_CANDIDATES);

  let found: { cells: CellRef[]; values: number[] }[] = [];
  let tried = 0;
  for (let k = 1; k <= 3 && !found.length && tried < SEARCH_CAP; k++) {
    for (const subset of combinations(candidates, k)) {
      if (++tried > SEARCH_CAP) break;
      const set = new Set(subset);
      if (!broken.every((i) => touches(checkable[i]!, set))) continue;
      const solved = solve(subset, checkable.filter((id) => touches(id, set)), values);
      if (solved && solved.every((v, i) => v >= 0 && v !== values.get(subset[i]!))) found.push({ cells: subset, values: solved });
    }
  }
  if (!found.length) return [];

  // Each minimal set falls apart into independent parts (cells that share no identity); parts that mend
  // the same broken identities are one mistake, and its other parts are the tied alternatives.
  const groups = new Map<string, { cells: CellRef[]; values: number[] }[]>();
  for (const set of found) {
    for (const part of components(set, checkable)) {
      const key = broken.filter((i) => touches(checkable[i]!, new Set(part.cells))).join(',');
      const list = groups.get(key) ?? [];
      if (!list.some((p) => p.cells.join() === part.cells.join())) list.push(part);
      groups.set(key, list);
    }
  }
  found = [];
  const out: Mistake[] = [];
  for (const options of groups.values()) {
    // A total is the likelier cell (a block whose total is 0 while its parts are filled: 洪泽区 2023).
    options.sort((a, b) => totalsFirst(a.cells) - totalsFirst(b.cells));
    const [first, ...rest] = options;
    const all = new Set(options.flatMap((o) => o.cells));
    // A total written 0 over filled parts decides it: no 「one of these」.
    const zeroTotal = first!.cells.length === 1 && /\.(tot|total)$/.test(first!.cells[0]!) && values.get(first!.cells[0]!) === 0;
    if (zeroTotal) rest.length = 0;
    out.push({
      cells: first!.cells,
      values: first!.values,
      findings: findings.flatMap((f, i) => (refsOf(f).some((r) => all.has(r)) && f.severity === 'error' ? [i] : [])),
      alternatives: rest,
    });
  }
  return out;
}

function identities(model: ReportModel): Identity[] {
  const out: Identity[] = allIdentities(model).map(({ left, right }) => ({ left, right }));
  // The same terms the rules evaluate: an identity over a missing row is 'absent' there and here alike.
  if (model.tables.B) {
    for (const col of bCols(model)) {
      out.push(balanceTerms(col));
      for (const g of bSubtotals(model)) out.push(subtotalTerms(g, col));
    }
  }
  return out;
}

/** Every cell a finding rests on: the ones it marks and the terms of its equation. */
export function refsOf(f: Finding): CellRef[] {
  return [...f.cells, ...(f.equation ? [...f.equation.left, ...f.equation.right].map((t) => t.ref) : [])];
}

function totalsFirst(cells: CellRef[]): number {
  return cells.filter((c) => !/\.(tot|total)$/.test(c)).length;
}

function* combinations<T>(items: T[], k: number, start = 0, acc: T[] = []): Generator<T[]> {
  if (acc.length === k) {
    yield [...acc];
    return;
  }
  for (let i = start; i <= items.length - (k - acc.length); i++) {
    acc.push(items[i]!);
    yield* combinations(items, k, i + 1, acc);
    acc.pop();
  }
}

/**
 * The one set of values for `unknowns` that makes every identity hold, the other cells as they are; or
 * undefined when there is none, or more than one, or it is not whole.
 */
function solve(unknowns: CellRef[], ids: Identity[], values: Map<CellRef, number>): number[] | undefined {
  const k = unknowns.length;
  const rows: number[][] = ids.map((id) => {
    const row = new Array<number>(k + 1).fill(0);
    const add = (ref: CellRef, sign: number) => {
      const u = unknowns.indexOf(ref);
      if (u >= 0) row[u]! += sign;
      else row[k]! -= sign * (values.get(ref) ?? 0);
    };
    for (const r of id.left) add(r, 1);
    for (const r of id.right) add(r, -1);
    return row;
  });
  // Gaussian elimination on [A | c].
  let rank = 0;
  for (let col = 0; col < k; col++) {
    const pivot = rows.findIndex((r, i) => i >= rank && Math.abs(r[col]!) > 1e-9);
    if (pivot < 0) return undefined; // a free unknown: many solutions
    [rows[rank], rows[pivot]] = [rows[pivot]!, rows[rank]!];
    const p = rows[rank]!;
    for (let i = 0; i < rows.length; i++) {
      if (i === rank) continue;
      const f = rows[i]![col]! / p[col]!;
      if (f) for (let j = col; j <= k; j++) rows[i]![j]! -= f * p[j]!;
    }
    rank++;
  }
  if (rows.slice(rank).some((r) => Math.abs(r[k]!) > 1e-9)) return undefined; // inconsistent
  const x = rows.slice(0, k).map((r, i) => r[k]! / r[i]!);
  if (x.some((v) => Math.abs(v - Math.round(v)) > 1e-9)) return undefined;
  return x.map((v) => Math.round(v));
}

/** Independent parts of a set of cells: two cells are linked when one identity holds both. */
function components(set: { cells: CellRef[]; values: number[] }, ids: Identity[]): { cells: CellRef[]; values: number[] }[] {
  const parent = set.cells.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const id of ids) {
    const inside = set.cells.map((c, i) => (id.left.includes(c) || id.right.includes(c) ? i : -1)).filter((i) => i >= 0);
    for (let j = 1; j < inside.length; j++) parent[find(inside[j]!)] = find(inside[0]!);
  }
  const parts = new Map<number, { cells: CellRef[]; values: number[] }>();
  set.cells.forEach((c, i) => {
    const root = find(i);
    const p = parts.get(root) ?? { cells: [], values: [] };
    p.cells.push(c);
    p.values.push(set.values[i]!);
    parts.set(root, p);
  });
  return [...parts.values()];
}
