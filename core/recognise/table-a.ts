// Table A (主动公开) read as a stream of cells: a row label, then the values that follow it in the same
// row. The stream tolerates a block header run into the previous row (seed 000's 「行政规范性文件 | 0 | 0 |
// 第二十条第（五）项」, a row short of one value) and tables split into one small table per block.
import type { Cell, GridCell, SourceRef, TableModel } from '../types.ts';
import { A_2019, A_2021, type ABlock } from '../template/table-a.ts';
import { toMatrix } from '../grid/matrix.ts';
import { labelCore, displayLabel } from './label.ts';
import { isValueText, parseCellValue } from './cell-value.ts';
import { pickValues } from './rows.ts';
import { emptyTable } from '../model/empty.ts';

const MARKERS_2021 = ['本年制发', '本年制作件数', '本年废止', '现行有效', '本年处理决定数量', '收费金额'];
const MARKERS_2019 = ['本年新制作', '本年新公开', '公开总数', '上一年项目', '本年增', '集中采购', '采购项目'];

/** Header aliases seen in real reports (domain.md §4) → the template's own wording. */
const COLUMN_ALIASES: Record<string, string> = {
  本年制作件数量: '本年制发件数',
  本年制作件数: '本年制发件数',
  本年制发: '本年制发件数',
  现行有效件数量: '现行有效件数',
  现行有效: '现行有效件数',
  本年增: '本年增/减',
  本年增减: '本年增/减',
  收费金额: '本年收费金额（单位：万元）',
  收费总金额: '本年收费金额（单位：万元）',
};

export type TableAResult = { table: TableModel; layout: '2019' | '2021' | undefined; evidence: string[] };

export function recogniseTableA(grids: GridCell[][][], year: number | undefined): TableAResult {
  const table = emptyTable();
  const rows = grids.flatMap((g) => toMatrix(g).map((r) => r.filter((m) => !m.spanned).map((m) => m.cell)));
  let score2021 = 0;
  let score2019 = 0;
  const evidence: string[] = [];
  for (const row of rows) {
    for (const cell of row) {
      const t = labelCore(cell.text);
      if (!t || t.length > 30) continue;
      const m21 = MARKERS_2021.find((m) => t.includes(m));
      const m19 = MARKERS_2019.find((m) => t.includes(m));
      if (m21) score2021++, evidence.push(`2021:${t}`);
      if (m19) score2019++, evidence.push(`2019:${t}`);
      if (/^第二十条第\(九\)项/.test(t)) score2019++, evidence.push('2019:第二十条第(九)项');
      const canonical = COLUMN_ALIASES[t.replace(/[()（）:：]/g, '')];
      if (canonical) table.labelVariants.push({ canonical, written: displayLabel(cell.text), source: cell.source });
    }
  }
  if (score2021 === 0 && score2019 === 0 && !rows.some((r) => r.some((c) => isValueText(c.text) && c.text.trim()))) {
    return { table, layout: undefined, evidence };
  }
  const layout: '2019' | '2021' =
    score2021 > score2019 ? '2021' : score2019 > score2021 ? '2019' : (year ?? 2021) >= 2021 ? '2021' : '2019';
  const blocks = layout === '2021' ? A_2021 : A_2019;
  const prefix = layout === '2021' ? 'A' : 'A19';
  const seen = new Set<string>();

  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const hit = matchRowLabel(row[i]!.text, blocks, layout);
      if (!hit || seen.has(hit.row.key)) continue;
      const values: GridCell[] = [];
      let j = i + 1;
      while (j < row.length && (isValueText(row[j]!.text) || row[j]!.text.trim() === '')) values.push(row[j++]!);
      const expected = hit.block.cols.length;
      // Never padded with zeros: a row with fewer cells is short (domain.md §2.0.4).
      const flat = values.find((c) => c.flat)?.flat;
      const picked = flat ? undefined : pickValues(values, expected);
      const label = displayLabel(row[i]!.text);
      const rowRef = `${prefix}.${hit.row.key}`;
      seen.add(hit.row.key);
      if (hit.variant) table.labelVariants.push({ canonical: hit.row.label, written: label, source: row[i]!.source });
      if (!picked) {
        const found = values.filter((c) => c.text.trim() !== '').length;
        table.rowsShort.push({ row: rowRef, label, found: flat?.found ?? found, expected, source: row[i]!.source, ...(flat ? { flat } : {}) });
        continue;
      }
      table.rowsFound.push(rowRef);
      hit.block.cols.forEach((col, k) => {
        const gc = picked[k]!;
        const ref = `${rowRef}.${col.key}`;
        const cell: Cell = {
          ref,
          raw: gc.text,
          source: gc.source as SourceRef,
          value: parseCellValue(gc.text, { signed: !!col.signed, money: !!col.money }),
          label,
          ...(gc.inferred ? { inferred: true as const } : {}),
        };
        table.cells[ref] = cell;
      });
      i = j - 1;
    }
  }
  const shortRows = new Set(table.rowsShort.map((r) => r.row));
  table.rowsMissing = blocks
    .flatMap((b) => b.rows.map((r) => `${prefix}.${r.key}`))
    .filter((r) => !table.rowsFound.includes(r) && !shortRows.has(r));
  table.layout = layout;
  return { table, layout, evidence };
}

function matchRowLabel(
  text: string,
  blocks: ABlock[],
  layout: '2019' | '2021',
): { block: ABlock; row: ABlock['rows'][number]; variant: boolean } | undefined {
  const t = labelCore(text);
  if (!t || t.length > 14) return undefined;
  for (const block of blocks) {
    for (const row of block.rows) {
      if (!row.match.some((m) => t.includes(m))) continue;
      // 2021 renamed 规范性文件 to 行政规范性文件: the old wording is accepted and reported (seed 004).
      const variant = layout === '2021' && row.key === 'norm' && !t.includes('行政规范性文件');
      return { block, row, variant };
    }
  }
  return undefined;
}
