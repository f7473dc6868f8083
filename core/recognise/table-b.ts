// Table B rows found by label, values read as the last 7 (or 8 with a 法人小计 column) cells after the
// label. Works across several grids (tables split over pages, or one small table per row group as in
// the shuyang-county 2025 transcription).
import type { Cell, GridCell, TableModel } from '../types.ts';
import { B_COLS, B_GROUPS, B_OUT_2019, B_OUT_2021, B_ROWS, type BCol } from '../template/table-b.ts';
import { labelledRows, pickValues, type LabelledRow } from './rows.ts';
import { labelCore, displayLabel } from './label.ts';
import { parseCellValue, isValueText } from './cell-value.ts';
import { emptyTable } from '../model/empty.ts';

export type SplitDigits = { row: string; at: BCol; raw: [string, string] };
export type TableBResult = { table: TableModel; other: 'single' | 'split' | undefined; splitDigits: SplitDigits[] };

export function recogniseTableB(grids: GridCell[][][], year: number | undefined): TableBResult {
  const table = emptyTable();
  const rows = labelledRows(grids);
  const cols = columnOrder(rows);
  const expected = cols.length;
  const found = new Map<string, { label: string; cells: GridCell[]; source: GridCell }>();
  const splitDigits: SplitDigits[] = [];
  let pending: { key: string; label: string; cell: GridCell } | undefined;
  let lastKey: string | undefined;

  for (const row of rows) {
    const nonEmpty = row.values.some((c) => c.text.trim() !== '');
    // A row of blank cells is still a row with values (seed 000 leaves every outcome row blank).
    const hasValues = nonEmpty || row.values.length >= expected;
    const key = matchRow(row);
    if (!key) {
      // A label fragment with no numbers continues the label above (「3. 危及“三安全一稳」 … 「定”」, seed 001);
      // numbers under an unrecognised fragment belong to a recognised label still waiting for them.
      if (row.labels.length === 1 && !nonEmpty && lastKey && found.has(lastKey)) {
        const f = found.get(lastKey)!;
        f.label = displayLabel(f.label + row.labels[0]!.text);
      } else if (pending && nonEmpty && row.labels.length <= 1) {
        take(pending.key, pending.label, row, pending.cell);
        pending = undefined;
      }
      continue;
    }
    // The leaf's own wording (「（一）予以公开」, 「1.属于国家秘密」), not the rowspan group label before it.
    const label = displayLabel(row.labels[row.labels.length - 1]!.text);
    if (!hasValues) {
      if (row.labels.length <= 2) pending = { key, label, cell: row.labels[row.labels.length - 1]! };
      continue;
    }
    pending = undefined;
    take(key, label, row, row.labels[row.labels.length - 1]!);
  }

  function take(key: string, label: string, row: LabelledRow, labelCell: GridCell) {
    lastKey = key;
    if (found.has(key)) return; // a repeated header page or a duplicate row: the first one counts
    let picked = pickValues(row.values, expected);
    const numeric = row.values.filter((c) => c.text.trim() !== '');
    const flat = row.values.find((c) => c.flat)?.flat;
    if (flat) picked = undefined;
    else if (numeric.length > expected) {
      const merged = mergeSplitDigits(numeric, expected);
      if (merged) {
        picked = merged.cells;
        splitDigits.push({ row: key, at: cols[merged.at]!, raw: merged.raw });
      }
    }
    if (!picked) {
      table.rowsShort.push({ row: `B.${key}`, label, found: flat?.found ?? numeric.length, expected, source: labelCell.source, ...(flat ? { flat } : {}) });
      found.set(key, { label, cells: [], source: labelCell });
      return;
    }
    found.set(key, { label, cells: picked, source: labelCell });
  }

  // （六）其他处理 is a leaf row in 2019; with its three sub-rows present it is a subtotal.
  const split = ['other1', 'other2', 'other3'].some((k) => found.has(k));
  if (split && found.has('other')) {
    found.set('othersub', found.get('other')!);
    found.delete('other');
  }
  const other: TableBResult['other'] = split ? 'split' : found.has('other') ? 'single' : undefined;

  for (const [key, f] of found) {
    if (!f.cells.length) continue;
    table.rowsFound.push(`B.${key}`);
    f.cells.forEach((gc, i) => {
      const ref = `B.${key}.${cols[i]}`;
      const cell: Cell = { ref, raw: gc.text, source: gc.source, value: parseCellValue(gc.text), label: f.label, ...(gc.inferred ? { inferred: true as const } : {}) };
      table.cells[ref] = cell;
    });
  }
  if (found.size > 0) {
    const useSplit = other ? other === 'split' : (year ?? 2021) >= 2021;
    const template = ['new', 'carry_in', ...(useSplit ? B_OUT_2021 : B_OUT_2019), 'total', 'carry_out'];
    table.rowsMissing = template.filter((k) => !found.has(k)).map((k) => `B.${k}`);
  }
  table.layout = cols.includes('org') ? '8 columns (法人小计)' : '7 columns';
  return { table, other, splitDigits };
}

/** Which template row a labelled row is: the last label cell first, then all label cells together. */
function matchRow(row: LabelledRow): string | undefined {
  if (!row.labels.length) return undefined;
  // Header rows list several column names (「项目 | 本年新收件数 | … | 总计」): not a data row.
  if (row.labels.length > 3) return undefined;
  // …or a column header row that ends in 「总计」 (seed 002: 「自 然 人 | 法人或其他组织 | 总计」).
  if (row.labels.some((c) => /自然人|法人或其他组织|商业企业|申请人情况/.test(labelCore(c.text)))) return undefined;
  const last = labelCore(row.labels[row.labels.length - 1]!.text);
  const all = labelCore(row.labels.map((c) => c.text).join(''));
  return matchLabel(last) ?? (row.labels.length > 1 ? matchLabel(all) : undefined);
}

export function matchLabel(core: string): string | undefined {
  if (!core || core.length > 60) return undefined;
  for (const def of B_ROWS) {
    if (def.exact && def.exact.includes(core)) return def.key;
    if (def.all && def.all.every((w) => core.includes(w))) return def.key;
    if (def.alt && def.alt.some((set) => set.every((w) => core.includes(w)))) return def.key;
  }
  for (const g of B_GROUPS) if (g.exact.includes(core)) return g.key;
  return undefined;
}

/**
 * The value columns in order. The template has 7; some reports add a 法人或其他组织 小计 column, before
 * or after the five organisation columns (domain.md §4 structural variants).
 */
function columnOrder(rows: LabelledRow[]): BCol[] {
  for (const row of rows.slice(0, 12)) {
    const texts = row.cells.map((c) => labelCore(c.text));
    const sub = texts.findIndex((t) => t.includes('小计'));
    if (sub < 0) continue;
    const biz = texts.findIndex((t) => t.includes('商业企业'));
    return biz >= 0 && sub < biz
      ? ['np', 'org', 'biz', 'sci', 'ngo', 'law', 'oth', 'tot']
      : ['np', 'biz', 'sci', 'ngo', 'law', 'oth', 'org', 'tot'];
  }
  return [...B_COLS];
}

/**
 * Digits of one number split into two cells (「数字被拆成两个数字」, PDF/OCR): a row with one value too many
 * whose row total holds once two adjacent single digits are joined. Returns the repaired cells.
 */
function mergeSplitDigits(values: GridCell[], expected: number): { cells: GridCell[]; at: number; raw: [string, string] } | undefined {
  if (values.length !== expected + 1) return undefined;
  const nums = values.map((c) => parseCellValue(c.text));
  if (nums.some((v) => v.kind !== 'number')) return undefined;
  const n = nums.map((v) => (v.kind === 'number' ? v.n : 0));
  let hit: { cells: GridCell[]; at: number; raw: [string, string] } | undefined;
  for (let i = 0; i + 1 < values.length - 1; i++) {
    const a = values[i]!.text.trim();
    const b = values[i + 1]!.text.trim();
    if (!/^[1-9]$/.test(a) || !/^\d$/.test(b)) continue;
    const joined = [...n.slice(0, i), Number(a + b), ...n.slice(i + 2)];
    const total = joined[joined.length - 1]!;
    const sum = joined.slice(0, -1).reduce((s, x) => s + x, 0);
    if (sum !== total) continue;
    if (hit) return undefined; // ambiguous: leave it to the arithmetic rules
    const first = values[i]!;
    const second = values[i + 1]!;
    const mergedCell: GridCell = { ...first, text: a + b, source: spanSource(first, second) };
    hit = { cells: [...values.slice(0, i), mergedCell, ...values.slice(i + 2)], at: i, raw: [a, b] };
  }
  return hit;
}

function spanSource(a: GridCell, b: GridCell): GridCell['source'] {
  return a.source.kind === 'text' && b.source.kind === 'text' ? { kind: 'text', start: a.source.start, end: b.source.end } : a.source;
}

export { isValueText };
