// What was and was not checked, per table. A table we could not read is "not checked", never "no
// errors": a table is `checked` only when it was found, every template row was read in full, and every
// cell took part in at least one identity that was actually evaluated (seed 000's blank outcome rows
// take part in none, so its table B is `partial`).
import type { CellRef, Coverage, CoverageKey, ReportModel, TableId } from '../types.ts';
import type { RunOutput } from '../rules/run.ts';
import { templateLabel } from '../template/labels.ts';
import { A_2019, A_2021 } from '../template/table-a.ts';
import { C_GROUP_LABELS } from '../template/table-c.ts';
import { narrativeSentences, narrativeWasRead } from '../recognise/narrative.ts';

const NAMES: Record<TableId, [string, string]> = {
  A: ['表一（主动公开政府信息情况）', 'Table A (proactive disclosure)'],
  B: ['表二（收到和处理政府信息公开申请情况）', 'Table B (applications)'],
  C: ['表三（行政复议、行政诉讼情况）', 'Table C (reviews and litigation)'],
};

const KEY_TOTALS: Partial<Record<TableId, CellRef[]>> = {
  B: ['B.new.tot', 'B.carry_in.tot', 'B.total.tot', 'B.carry_out.tot'],
  C: ['C.rev.total', 'C.litd.total', 'C.lita.total'],
};

export function computeCoverage(model: ReportModel, run: RunOutput): Record<CoverageKey, Coverage> {
  return {
    A: tableCoverage(model, run, 'A'),
    B: tableCoverage(model, run, 'B'),
    C: tableCoverage(model, run, 'C'),
    text: textCoverage(model),
  };
}

function tableCoverage(model: ReportModel, run: RunOutput, t: TableId): Coverage {
  const [zhName, enName] = NAMES[t];
  const table = model.tables[t];
  const stats = model.recognition.tables[t];
  if (!table) {
    return stats.found
      ? { status: 'unreadable', reasons: [`${zhName}找到了表格，但无法读出其中的行和数值，未检查`], reasonsEn: [`${enName} was found but its rows and numbers could not be read: not checked`] }
      : { status: 'not-found', reasons: [`${zhName}未找到，未检查`], reasonsEn: [`${enName} was not found: not checked`] };
  }
  const cells = Object.values(table.cells);
  if (cells.length && cells.every((c) => c.value.kind === 'unreadable')) {
    return { status: 'unreadable', reasons: [`${zhName}的数值全部无法识别，未检查`], reasonsEn: [`No number in ${enName} could be read: not checked`] };
  }
  const zh: string[] = [];
  const en: string[] = [];
  if (table.rowsMissing.length) {
    const names = table.rowsMissing.map((r) => rowName(r));
    zh.push(`缺少 ${names.length} 行：${list(names)}`);
    en.push(`${names.length} row(s) missing: ${list(table.rowsMissing)}`);
  }
  for (const s of table.rowsShort) {
    const why = s.flat?.why;
    if (why === 'ambiguous' || why === 'capped') {
      zh.push(`「${s.label}」的数字连写在一起（${s.flat!.raw ?? ''}），拆分成 ${s.expected} 格的方式不唯一，未核对`);
      en.push(`"${s.row}": its digits run together (${s.flat!.raw ?? ''}) and can be cut into ${s.expected} cells in more than one way: not checked`);
    } else if (why === 'no-reading') {
      zh.push(`「${s.label}」的数字连写在一起（${s.flat!.raw ?? ''}），无论怎样拆分都不成立，无法确定各格`);
      en.push(`"${s.row}": its digits run together (${s.flat!.raw ?? ''}) and no cut adds up: its cells cannot be told apart`);
    } else if (why === 'too-many') {
      zh.push(`「${s.label}」有 ${s.found} 个数值（应为 ${s.expected} 个），无法确定哪些属于本行，相关核对跳过`);
      en.push(`"${s.row}" has ${s.found} values instead of ${s.expected}: its checks skipped`);
    } else {
      zh.push(`「${s.label}」只读到 ${s.found}/${s.expected} 个数值，相关核对跳过`);
      en.push(`"${s.row}" has ${s.found} of ${s.expected} values: its checks skipped`);
    }
  }
  const unreadable = cells.filter((c) => c.value.kind === 'unreadable');
  if (unreadable.length) {
    zh.push(`${unreadable.length} 个格无法识别为数字：${list(unreadable.map((c) => `${templateLabel(c.ref)}「${c.raw}」`))}`);
    en.push(`${unreadable.length} cell(s) are not numbers: ${list(unreadable.map((c) => `${c.ref} "${c.raw}"`))}`);
  }
  // The table's headline totals left blank: the report was not filled in, whatever the blanks mean
  // (seed 000: every outcome row, （七）总计 and 四 blank).
  const blankTotals = (KEY_TOTALS[t] ?? []).filter((ref) => table.cells[ref]?.value.kind === 'empty');
  if (blankTotals.length) {
    zh.push(`关键合计格为空：${list(blankTotals.map((r) => templateLabel(r)))}，不能视为核对无误`);
    en.push(`Key total cells are blank: ${list(blankTotals)}; the table cannot count as verified`);
  }
  if (t !== 'A') {
    const never = cells.filter((c) => !run.evaluated.has(c.ref) && c.value.kind !== 'unreadable').map((c) => c.ref);
    if (never.length) {
      const rows = groupRows(never);
      zh.push(`${never.length} 个格（${list(rows.map(rowName))}）为空，所在等式无法核对`);
      en.push(`${never.length} blank cell(s) in ${list(rows)} took part in no checkable identity`);
    }
  }
  return zh.length ? { status: 'partial', reasons: zh, reasonsEn: en } : { status: 'checked', reasons: [], reasonsEn: [] };
}

function textCoverage(model: ReportModel): Coverage {
  const narrative = narrativeWasRead(model) ? narrativeSentences(model) : undefined;
  if ((!model.sections.length && !model.paras.length) || narrative?.length === 0) {
    return { status: 'not-found', reasons: ['未找到正文叙述段落，正文与表格的一致性核对（TXT-*）未进行'], reasonsEn: ['No narrative paragraphs found: narrative-versus-table checks (TXT-*) not run'] };
  }
  const zh: string[] = [];
  const en: string[] = [];
  if (model.year === undefined) {
    zh.push('未能确定报告年度，年度相关核对未进行');
    en.push('The report year could not be determined: year checks skipped');
  }
  // The TXT-* rules read the narrative through narrativeSentences(); a caller's own rule list may leave them out.
  if (!narrative) {
    zh.push('正文与表格数字的一致性核对（TXT-*）未运行');
    en.push('Narrative-versus-table checks (TXT-*) were not run');
  }
  return zh.length ? { status: 'partial', reasons: zh, reasonsEn: en } : { status: 'checked', reasons: [], reasonsEn: [] };
}

/** 「B.open」 → 「（一）予以公开」, 「A.reg」 → 「规章」, 「C.rev」 → 「行政复议」: names a reader knows. */
function rowName(rowRef: string): string {
  const [table, row = ''] = rowRef.split('.');
  if (table === 'A' || table === 'A19') {
    for (const block of table === 'A' ? A_2021 : A_2019) {
      const r = block.rows.find((x) => x.key === row);
      if (r) return r.label;
    }
    return row;
  }
  if (table === 'C') return C_GROUP_LABELS[row as keyof typeof C_GROUP_LABELS]?.zh ?? row;
  return templateLabel(`${rowRef}.tot`).split('/')[0]!.replace(/^B\./, '');
}

function groupRows(refs: CellRef[]): string[] {
  const rows: string[] = [];
  for (const r of refs) {
    const row = r.split('.').slice(0, 2).join('.');
    if (!rows.includes(row)) rows.push(row);
  }
  return rows;
}

function list(items: string[], max = 5): string {
  return items.slice(0, max).join('、') + (items.length > max ? ` 等 ${items.length} 项` : '');
}
