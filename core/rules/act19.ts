// ACT19-*: rules for the 〔2019〕60号 table A only (A19.* cells), domain.md §2.3. Never run on the 2021
// layout, whose columns mean different things (处理决定数量 only, no item counts).
import { defineRule, type Rule } from './rule.ts';
import { readA, rowLabel, skipShort } from './act.ts';
import { A_2019 } from '../template/table-a.ts';

const ACT19_NEWPUB_LE_TOTAL = defineRule({
  meta: {
    id: 'ACT19-NEWPUB-LE-TOTAL',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2019'],
    table: 'A',
    description: '本年新公开数量 cannot exceed 对外公开总数量 (规章, 规范性文件).',
    messages: {
      main: {
        zh: '「{row}」本年新公开 {newpub} 件，超过对外公开总数量 {total}',
        en: '"{row}": {newpub} newly published this year, more than the {total} published in total',
      },
    },
    examples: [
      {
        name: 'seed 001 (岭东 2020) 规章 and 规范性文件 all 0',
        valid: true,
        input: {
          templateParts: { A: '2019' },
          cells: { 'A19.reg.newmade': 0, 'A19.reg.newpub': 0, 'A19.reg.totalpub': 0, 'A19.norm.newmade': 0, 'A19.norm.newpub': 0, 'A19.norm.totalpub': 0 },
        },
      },
      {
        name: '2019 layout 规范性文件 3 made, 3 newly published, 24 in total',
        valid: true,
        input: { templateParts: { A: '2019' }, cells: { 'A19.norm.newmade': 3, 'A19.norm.newpub': 3, 'A19.norm.totalpub': 24 } },
      },
      {
        name: '2019 layout 规范性文件 3 newly published but 对外公开总数量 1',
        valid: false,
        input: { templateParts: { A: '2019' }, cells: { 'A19.norm.newmade': 3, 'A19.norm.newpub': 3, 'A19.norm.totalpub': 1 } },
      },
    ],
  },
  check(ctx) {
    for (const row of A_2019[0]!.rows) {
      const newpubRef = `A19.${row.key}.newpub`;
      const totalRef = `A19.${row.key}.totalpub`;
      if (skipShort(ctx, `A19.${row.key}`)) continue;
      const newpub = readA(ctx.model, newpubRef);
      const total = readA(ctx.model, totalRef);
      // A blank total is TOTAL-EMPTY's case (§2.0.3), not a comparison.
      if (typeof newpub !== 'number' || typeof total !== 'number') continue;
      if (newpub > total) ctx.report({ data: { row: rowLabel(ctx.model, newpubRef, row.label), newpub, total }, cells: [newpubRef, totalRef] });
    }
  },
});

const PREV_DELTA_ROWS = ['permit', 'othersvc', 'penalty', 'coercion', 'fee'];

const ACT19_PREV_DELTA_NONNEG = defineRule({
  meta: {
    id: 'ACT19-PREV-DELTA-NONNEG',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2019'],
    table: 'A',
    description: '上一年项目数量 + 本年增/减 (this year\'s item count) cannot be negative.',
    messages: {
      main: {
        zh: '「{row}」上一年项目数量 {prev} 加本年增减 {delta} 为负数',
        en: '"{row}": last year\'s {prev} items plus this year\'s change {delta} is negative',
      },
    },
    examples: [
      {
        name: 'seed 001 (岭东 2020) 行政许可 16/16/16, 行政处罚 0/0/0',
        valid: true,
        input: {
          templateParts: { A: '2019' },
          cells: { 'A19.permit.prev': 16, 'A19.permit.delta': 16, 'A19.permit.dec': 16, 'A19.penalty.prev': 0, 'A19.penalty.delta': 0, 'A19.penalty.dec': 0 },
        },
      },
      {
        name: '2019 layout 行政许可 16 items last year, 「-3」 this year',
        valid: true,
        input: { templateParts: { A: '2019' }, cells: { 'A19.permit.prev': 16, 'A19.permit.delta': '-3', 'A19.permit.dec': 16 } },
      },
      {
        name: 'seed 001 (岭东 2020) 行政许可 16 items last year with 本年增/减 written as -20',
        valid: false,
        input: { templateParts: { A: '2019' }, cells: { 'A19.permit.prev': 16, 'A19.permit.delta': '-20', 'A19.permit.dec': 16 } },
      },
    ],
  },
  check(ctx) {
    for (const key of PREV_DELTA_ROWS) {
      const prevRef = `A19.${key}.prev`;
      const deltaRef = `A19.${key}.delta`;
      if (skipShort(ctx, `A19.${key}`)) continue;
      const prev = readA(ctx.model, prevRef);
      const delta = readA(ctx.model, deltaRef);
      if (prev === null || delta === null || (prev === 'empty' && delta === 'empty')) continue;
      // One blank beside a number reads as 0 (§2.0.3).
      const p = prev === 'empty' ? 0 : prev;
      const d = delta === 'empty' ? 0 : delta;
      const label = A_2019.flatMap((b) => b.rows).find((r) => r.key === key)!.label;
      if (p + d < 0) ctx.report({ data: { row: rowLabel(ctx.model, prevRef, label), prev: p, delta: d }, cells: [deltaRef, prevRef] });
    }
  },
});

const ACT19_PROCURE_PAIR = defineRule({
  meta: {
    id: 'ACT19-PROCURE-PAIR',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2019'],
    table: 'A',
    description: '政府集中采购: the project count and the total amount are both zero or both non-zero.',
    messages: {
      main: {
        zh: '政府集中采购：项目数量 {count} 与总金额 {amt} 不匹配（一个为0，一个不为0）',
        en: 'Central government procurement: {count} projects but a total of {amt} (one is zero and the other is not)',
      },
    },
    examples: [
      {
        name: 'seed 001 (岭东 2020) 政府集中采购 0/0',
        valid: true,
        input: { templateParts: { A: '2019' }, cells: { 'A19.procure.count': 0, 'A19.procure.amt': 0 } },
      },
      {
        name: '2019 layout: 3 projects, 「251000元」 (Shanghai 2019 wrote its amount this way)',
        valid: true,
        input: { templateParts: { A: '2019' }, cells: { 'A19.procure.count': 3, 'A19.procure.amt': '251000元' } },
      },
      {
        name: 'seed 001 (岭东 2020) 政府集中采购 with 2 projects but amount 0',
        valid: false,
        input: { templateParts: { A: '2019' }, cells: { 'A19.procure.count': 2, 'A19.procure.amt': 0 } },
      },
    ],
  },
  check(ctx) {
    if (skipShort(ctx, 'A19.procure')) return;
    const count = readA(ctx.model, 'A19.procure.count');
    const amt = readA(ctx.model, 'A19.procure.amt');
    if (count === null || amt === null || (count === 'empty' && amt === 'empty')) return;
    const c = count === 'empty' ? 0 : count;
    const a = amt === 'empty' ? 0 : amt;
    if ((c === 0) !== (a === 0)) {
      // Mark the zero (likely unfilled) cell first.
      const cells = c === 0 ? ['A19.procure.count', 'A19.procure.amt'] : ['A19.procure.amt', 'A19.procure.count'];
      ctx.report({ data: { count: c, amt: a }, cells });
    }
  },
});

export const act19Rules: Rule[] = [ACT19_NEWPUB_LE_TOTAL, ACT19_PREV_DELTA_NONNEG, ACT19_PROCURE_PAIR];
