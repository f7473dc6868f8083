// REVIEW-*, LITIGATION-*, RL-*: table C (行政复议、行政诉讼), domain.md §2.2.
import type { CellRef } from '../types.ts';
import { defineRule, type Rule, type RuleContext, type RuleMeta } from './rule.ts';
import { cIdentity } from './identities.ts';
import { numberOf } from '../model/cells.ts';
import { tableB, tableC } from './examples.ts';

import { C_GROUP_LABELS, type CGroup } from '../template/table-c.ts';

// 淮安市洪泽区人民政府 2023 (page 4 of the published PDF): 复议 10+1+0+0 with 总计 0; 复议后起诉 5+0+0+0 with 总计 0.
const HONGZE_2023 = [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0];
// 沭阳县人民政府 2025: 27+10+9+15 = 61, 3+0+0+0 = 3, 8+0+1+1 = 10.
const SHUYANG_2025 = [27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10];

function groupTotalRule(id: string, group: CGroup, zhName: string, enName: string, invalid: number[]): Rule {
  const meta: RuleMeta = {
    id,
    severity: 'error',
    certainty: 'certain',
    templates: ['2019', '2021'],
    table: 'C',
    description: `Table C, ${enName}: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.`,
    messages: {
      main: {
        zh: `${zhName}总计应为 {sum}（{keep}+{fix}+{other}+{pending}），表中为 {total}`,
        en: `${enName}: the total should be {sum} ({keep}+{fix}+{other}+{pending}), the table says {total}`,
      },
    },
    examples: [
      { name: 'shuyang-county 2025', valid: true, input: { cells: tableC(SHUYANG_2025), year: 2025 } },
      { name: 'hongze-district 2023 (totals left 0)', valid: false, input: { cells: tableC(invalid), year: 2023 } },
    ],
  };
  return defineRule({
    meta,
    check(ctx: RuleContext) {
      if (!ctx.model.tables.C) return;
      const id = cIdentity(group);
      const out = ctx.sum([id.total], id.parts, [id.total]);
      if (out.status === 'absent' || out.status === 'unreadable') {
        ctx.skip('C', `${meta.id}: not checked (${out.status})`);
        return;
      }
      if (out.status === 'all-empty') {
        ctx.skip('C', `${meta.id}: every ${C_GROUP_LABELS[group].en} cell is blank`);
        return;
      }
      if (out.status !== 'fail') return;
      const v = (ref: CellRef) => numberOf(ctx.model, ref) ?? 0;
      ctx.report({
        data: { sum: out.rightSum, total: out.leftSum, keep: v(id.parts[0]!), fix: v(id.parts[1]!), other: v(id.parts[2]!), pending: v(id.parts[3]!) },
        cells: [id.total, ...id.parts],
        equation: { left: out.left, right: out.right, leftSum: out.leftSum, rightSum: out.rightSum },
      });
    },
  });
}

const reviewTotal = groupTotalRule('REVIEW-TOTAL', 'rev', '行政复议', 'Administrative review', HONGZE_2023);
const directTotal = groupTotalRule('LITIGATION-DIRECT-TOTAL', 'litd', '未经复议直接起诉', 'Litigation without prior review', [0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
const afterReviewTotal = groupTotalRule('LITIGATION-AFTER-REVIEW-TOTAL', 'lita', '复议后起诉', 'Litigation after review', HONGZE_2023);

const intNonNeg = defineRule({
  meta: {
    id: 'RL-INT-NONNEG',
    severity: 'error',
    certainty: 'certain',
    templates: ['2019', '2021'],
    table: 'C',
    description: 'All 15 cells of table C are whole numbers ≥ 0.',
    messages: { main: { zh: '复议诉讼表「{cell}」应为非负整数，表中为「{raw}」', en: 'Table C "{cell}" must be a whole number ≥ 0, the table says "{raw}"' } },
    examples: [
      { name: 'shuyang-county 2025', valid: true, input: { cells: tableC(SHUYANG_2025) } },
      { name: 'a negative count', valid: false, input: { cells: tableC([1, 0, 0, -1, 0]) } },
    ],
  },
  check(ctx) {
    for (const cell of Object.values(ctx.model.tables.C?.cells ?? {})) {
      if (cell.value.kind !== 'number' || (Number.isInteger(cell.value.n) && cell.value.n >= 0)) continue;
      ctx.report({ data: { cell: { cell: cell.ref }, raw: cell.raw }, cells: [cell.ref] });
    }
  },
});

const cellCount = defineRule({
  meta: {
    id: 'RL-CELLCOUNT',
    severity: 'warning',
    certainty: 'certain',
    templates: ['2019', '2021'],
    table: 'C',
    description: 'Table C has exactly 15 data cells; 10 or 5 means a group is missing.',
    messages: { main: { zh: '复议诉讼表应有15个数据格，解析到 {n} 个', en: 'Table C should have 15 data cells; {n} were found' } },
    examples: [
      { name: '15 cells', valid: true, input: { cells: tableC(SHUYANG_2025) } },
      { name: 'only the 10 litigation cells', valid: false, input: { rowsShort: [{ table: 'C', row: 'C', found: 10, expected: 15 }] } },
    ],
  },
  check(ctx) {
    for (const s of ctx.model.tables.C?.rowsShort ?? []) {
      // Numbers run together that could not be cut are PARSE-ROW-SHORT's and PARSE-DIGIT-RUN's to report.
      if (s.row === 'C' && !s.flat) ctx.report({ data: { n: s.found }, cells: [], table: 'C', span: s.source });
    }
  },
});

const afterReviewWithoutReview = defineRule({
  meta: {
    id: 'RL-AFTER-REVIEW-WITHOUT-REVIEW',
    severity: 'info',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'C',
    description: 'Suits after review while this year shows no review: possible, but worth checking.',
    messages: {
      main: {
        zh: '复议后起诉 {n} 件，但本年行政复议为 0（可能为以前年度复议案件，请核实）',
        en: '{n} suits after review, but no administrative review this year (may stem from earlier reviews; please verify)',
      },
    },
    examples: [
      { name: 'shuyang-county 2025: 61 reviews, 10 suits after review', valid: true, input: { cells: tableC(SHUYANG_2025) } },
      { name: 'suits after review with no review', valid: false, input: { cells: tableC([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1]) } },
    ],
  },
  check(ctx) {
    const lita = numberOf(ctx.model, 'C.lita.total');
    const rev = numberOf(ctx.model, 'C.rev.total');
    if (lita && lita > 0 && rev === 0) ctx.report({ data: { n: lita }, cells: ['C.lita.total', 'C.rev.total'] });
  },
});

const withoutApplications = defineRule({
  meta: {
    id: 'RL-WITHOUT-APPLICATIONS',
    severity: 'info',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'C',
    description: 'Reviews or suits in a year without any application to handle: possible, but worth checking.',
    messages: {
      main: {
        zh: '本年无申请办理，但有复议/诉讼 {n} 件（可能涉及以前年度申请，请核实）',
        en: 'No applications were handled this year, yet there are {n} reviews/suits (may concern earlier applications; please verify)',
      },
    },
    examples: [
      { name: 'shuyang-county 2025', valid: true, input: { cells: { ...tableB({ new: [705, 3, 0, 0, 5, 0, 713] }), ...tableC(SHUYANG_2025) } } },
      { name: 'shuyang-drc 2023 style: no applications, one review', valid: false, input: { cells: { ...tableB({}), ...tableC([0, 0, 0, 1, 1]) } } },
    ],
  },
  check(ctx) {
    const cases = ['C.rev.total', 'C.litd.total', 'C.lita.total'].reduce((s, r) => s + (numberOf(ctx.model, r) ?? 0), 0);
    const nw = numberOf(ctx.model, 'B.new.tot');
    const cin = numberOf(ctx.model, 'B.carry_in.tot');
    if (cases > 0 && nw !== null && (nw ?? 0) + (cin ?? 0) === 0) {
      ctx.report({ data: { n: cases }, cells: ['C.rev.total', 'B.new.tot', 'B.carry_in.tot'] });
    }
  },
});

export const rlRules: Rule[] = [reviewTotal, directTotal, afterReviewTotal, intNonNeg, cellCount, afterReviewWithoutReview, withoutApplications];
