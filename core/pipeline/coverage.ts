// What was and was not checked, per table. A table we could not read is "not checked", never "no
// errors": a table is `checked` only when it was found, every template row was read in full, and every
// cell took part in at least one identity that was actually evaluated (seed 000's blank outcome rows
// take part in none, so its table B is `partial`).
import type { CellRef, Coverage, CoverageKey, CoverageReason, NarrativeSkip, ReportModel, TableId } from '../types.ts';
import type { RunOutput } from '../rules/run.ts';
import { fragmentOf } from '../rules/fragment.ts';

const KEY_TOTALS: Partial<Record<TableId, CellRef[]>> = {
  B: ['B.new.tot', 'B.carry_in.tot', 'B.total.tot', 'B.carry_out.tot'],
  C: ['C.rev.total', 'C.litd.total', 'C.lita.total'],
};

export function computeCoverage(model: ReportModel, run: RunOutput): Record<CoverageKey, Coverage> {
  return {
    A: tableCoverage(model, run, 'A'),
    B: tableCoverage(model, run, 'B'),
    C: tableCoverage(model, run, 'C'),
    text: textCoverage(model, run),
  };
}

function cov(status: Coverage['status'], codes: CoverageReason[]): Coverage {
  return { status, codes };
}

function tableCoverage(model: ReportModel, run: RunOutput, t: TableId): Coverage {
  const table = model.tables[t];
  const stats = model.recognition.tables[t];
  if (!table) return stats.found ? cov('unreadable', [{ code: 'found-unreadable' }]) : cov('not-found', [{ code: 'not-found' }]);
  const cells = Object.values(table.cells);
  if (cells.length && cells.every((c) => c.value.kind === 'unreadable')) return cov('unreadable', [{ code: 'all-unreadable' }]);
  const codes: CoverageReason[] = [];
  const part = t === 'B' ? fragmentOf(model) : undefined;
  if (part) codes.push({ code: 'fragment', from: `B.${part.from}`, to: `B.${part.to}` });
  else if (table.rowsMissing.length) codes.push({ code: 'rows-missing', rows: table.rowsMissing });
  for (const s of table.rowsShort) {
    codes.push({ code: 'row-short', row: s.row, label: s.label, found: s.found, expected: s.expected, ...(s.flat ? { flat: s.flat } : {}) });
  }
  const unreadable = cells.filter((c) => c.value.kind === 'unreadable');
  if (unreadable.length) codes.push({ code: 'cells-unreadable', cells: unreadable.map((c) => ({ ref: c.ref, raw: c.raw })) });
  // The table's headline totals left blank: the report was not filled in, whatever the blanks mean
  // (seed 000: every outcome row, （七）总计 and 四 blank).
  const blankTotals = (KEY_TOTALS[t] ?? []).filter((ref) => table.cells[ref]?.value.kind === 'empty');
  if (blankTotals.length) codes.push({ code: 'key-totals-blank', cells: blankTotals });
  // Cells not checked: in B and C every cell no identity evaluated. Table A has few identities, so there
  // only a blank cell is a gap: nothing was read to check (the fill-in form's table A before it is typed
  // was 「已核对」).
  const never = cells.filter((c) => (t === 'A' ? c.value.kind === 'empty' : !run.evaluated.has(c.ref) && c.value.kind !== 'unreadable')).map((c) => c.ref);
  if (never.length) codes.push({ code: 'blank-unchecked', count: never.length, rows: groupRows(never) });
  return cov(codes.length ? 'partial' : 'checked', codes);
}

function textCoverage(model: ReportModel, run: RunOutput): Coverage {
  // The TXT-* rules compare the narrative's sentences with the tables; a caller's own rule list may leave them out.
  const narrative = run.ran.some((id) => id.startsWith('TXT-')) ? model.sentences : undefined;
  if ((!model.sections.length && !model.paras.length) || narrative?.length === 0) return cov('not-found', [{ code: 'no-narrative' }]);
  const codes: CoverageReason[] = [];
  if (model.year === undefined) codes.push({ code: 'no-year' });
  if (!narrative) codes.push({ code: 'narrative-not-run' });
  const status = codes.length ? 'partial' : 'checked';
  // How many of the numbers the narrative states about the tables were compared: said, never a gap (a
  // sentence whose subject is ambiguous is skipped on purpose, issue 19).
  if (narrative) {
    let compared = 0;
    const skips: NarrativeSkip[] = [];
    for (const s of narrative) {
      if (s.otherYear || s.comparison || (s.section !== undefined && s.section > 4) || !TABLE_SUBJECT.test(s.text)) continue;
      const done = run.compared.get(s);
      const why = run.notCompared.get(s);
      for (const q of s.quantities) {
        // An amount of money counts only where a rule bound it (TXT-ACT-FEE: 行政事业性收费, never 信息处理费).
        if (q.approx || q.inParens || (!COUNT_UNIT.test(q.unit) && !done?.has(q.start) && !why?.has(q.start))) continue;
        if (done?.has(q.start)) {
          compared++;
          continue;
        }
        // A number no rule read at all counts something the tables do not hold, as far as the rules know.
        const { reason, subject } = why?.get(q.start) ?? { reason: 'no-table-cell' as const };
        skips.push({ para: s.para, span: s.span, n: q.n, unit: q.unit, excerpt: itemBefore(s.text, q.end), ...(subject ? { subject } : {}), reason });
      }
    }
    if (compared + skips.length) codes.push({ code: 'narrative-numbers', compared, skipped: skips.length, skips });
  }
  return cov(status, codes);
}

/** A sentence about what the tables count: applications, reviews and suits, table A's decisions and fees. */
const TABLE_SUBJECT = /申请|复议|诉讼|行政许可|行政处罚|行政强制|规章|规范性文件|收费/;
/** The units the tables count in (人 and 次 count something else). */
const COUNT_UNIT = /^(?:件|条|个|宗|起|项)$/;

/** The list item or clause that ends at `end` (「其中通知公告22条」 → 「通知公告22条」), at most `max` characters. */
function itemBefore(text: string, end: number, max = 24): string {
  let from = end;
  while (from > 0 && !/[，,。；;：:！!？?、]/.test(text[from - 1]!)) from--;
  const item = text.slice(from, end).replace(/□/g, '').replace(/^其中/, '');
  return item.length > max ? `…${item.slice(item.length - max)}` : item;
}

function groupRows(refs: CellRef[]): string[] {
  const rows: string[] = [];
  for (const r of refs) {
    const row = r.split('.').slice(0, 2).join('.');
    if (!rows.includes(row)) rows.push(row);
  }
  return rows;
}
