// APP-*: table B (收到和处理政府信息公开申请情况), domain.md §2.1.
import type { CellRef } from '../types.ts';
import { defineRule, type Rule } from './rule.ts';
import { b, balanceTerms, bCols, bOutRows, bRows, bSubtotals, rowTotalTerms, subtotalTerms } from './identities.ts';
import { cellOf, numberOf } from '../model/cells.ts';
import { B_ORG_COLS } from '../template/table-b.ts';
import { tableB } from './examples.ts';
import { splitDigitsExplains } from './split-digits.ts';
import { fragmentOf } from './fragment.ts';

// Seed 001 (岭东区卫生健康局 2020, 2019 template): the real table B, inconsistent in two columns.
const LINGDONG_2020 = tableB(
  { new: [1, 0, 0, 0, 0, 0, 1], deny7: [0, 0, 0, 0, 0, 16, 16], total: [1, 0, 0, 0, 0, 16, 17] },
  '2019',
);
// Seed 003 (泰山区卫生健康局 2022): 2 new = 2 予以公开 = 2 总计.
const TAISHAN_2022 = tableB({ new: [2, 0, 0, 0, 0, 0, 2], open: [2, 0, 0, 0, 0, 0, 2], total: [2, 0, 0, 0, 0, 0, 2] });
// Seed 004 (鄞州区卫生健康局 2021): four leaves of 1 but （七）总计 3.
const YINZHOU_2021 = tableB(
  {
    new: [3, 0, 0, 0, 0, 0, 3], open: [1, 0, 0, 0, 0, 0, 1], deny2: [1, 0, 0, 0, 0, 0, 1],
    deny6: [1, 0, 0, 0, 0, 0, 1], reject1: [1, 0, 0, 0, 0, 0, 1], total: [3, 0, 0, 0, 0, 0, 3],
  },
  '2019',
);

const rowTotal = defineRule({
  meta: {
    id: 'APP-ROW-TOTAL',
    severity: 'error',
    certainty: 'certain',
    templates: ['2019', '2021'],
    table: 'B',
    description: 'Each row of table B: 总计 = 自然人 + the five 法人或其他组织 columns.',
    messages: {
      main: {
        zh: '「{row}」总计应为 {sum}（{np}+{biz}+{sci}+{ngo}+{law}+{oth}），表中为 {tot}',
        en: '"{row}": the total should be {sum} ({np}+{biz}+{sci}+{ngo}+{law}+{oth}), the table says {tot}',
      },
    },
    examples: [
      { name: 'seed 001 row totals hold (1 + 16 = 17)', valid: true, input: { cells: LINGDONG_2020, year: 2020 } },
      {
        name: 'shuyang-county 2025 新收 row with 总计 off by one',
        valid: false,
        input: { cells: tableB({ new: [705, 3, 0, 0, 5, 0, 712] }), year: 2025 },
      },
    ],
  },
  check(ctx) {
    for (const row of bRows(ctx.model)) {
      const { total, parts } = rowTotalTerms(row);
      const out = ctx.sum([total], parts, [total]);
      if (out.status === 'absent' || out.status === 'unreadable') {
        ctx.skip('B', `APP-ROW-TOTAL: row ${row} not checked (${out.status}: ${out.refs.join(', ')})`);
        continue;
      }
      if (out.status !== 'fail') continue;
      if (splitDigitsExplains(ctx.model, row)) continue; // PARSE-SPLIT-DIGITS reports it instead
      const v = (ref: CellRef) => numberOf(ctx.model, ref) ?? 0;
      ctx.report({
        data: {
          row: { row: total },
          sum: out.rightSum,
          tot: out.leftSum,
          np: v(b(row, 'np')), biz: v(b(row, 'biz')), sci: v(b(row, 'sci')), ngo: v(b(row, 'ngo')), law: v(b(row, 'law')), oth: v(b(row, 'oth')),
        },
        cells: [total, ...parts],
        equation: { left: out.left, right: out.right, leftSum: out.leftSum, rightSum: out.rightSum },
      });
    }
  },
});

const colOutcomeTotal = defineRule({
  meta: {
    id: 'APP-COL-OUTCOME-TOTAL',
    severity: 'error',
    certainty: 'certain',
    templates: ['2019', '2021'],
    table: 'B',
    description: 'Each column of table B: （七）总计 = the sum of the outcome leaf rows (subtotal rows excluded).',
    messages: {
      main: {
        zh: '「（七）总计」{col}列应为 {sum}（{terms}），表中为 {total}',
        en: '"(7) total", {col} column: the outcome rows add up to {sum} ({terms}), the table says {total}',
      },
    },
    examples: [
      { name: 'seed 003: 予以公开 2 = 总计 2', valid: true, input: { cells: TAISHAN_2022, year: 2022 } },
      { name: 'seed 004: leaves 1+1+1+1 = 4 but 总计 3', valid: false, input: { cells: YINZHOU_2021, year: 2021 } },
    ],
  },
  check(ctx) {
    if (!ctx.model.tables.B) return;
    const leaves = bOutRows(ctx.model);
    for (const col of bCols(ctx.model)) {
      const total = b('total', col);
      const out = ctx.sum([total], leaves.map((r) => b(r, col)), [total]);
      if (out.status === 'absent' || out.status === 'unreadable') {
        ctx.skip('B', `APP-COL-OUTCOME-TOTAL: column ${col} not checked (${out.status}: ${out.refs.join(', ')})`);
        continue;
      }
      if (out.status !== 'fail') continue;
      ctx.report({
        data: { col: { col: total }, sum: out.rightSum, total: out.leftSum, terms: { terms: out.right } },
        cells: [total, ...leaves.map((r) => b(r, col))],
        equation: { left: out.left, right: out.right, leftSum: out.leftSum, rightSum: out.rightSum },
      });
    }
  },
});

const balance = defineRule({
  meta: {
    id: 'APP-BALANCE',
    severity: 'error',
    certainty: 'certain',
    templates: ['2019', '2021'],
    table: 'B',
    description: 'The 勾稽关系 printed in the table: 一 + 二 = 三（七）总计 + 四, in every column.',
    messages: {
      main: {
        zh: '「{col}」列勾稽不平：新收 {new} + 上年结转 {cin} = {lhs}，办理结果总计 {total} + 结转下年度 {cout} = {rhs}',
        en: '{col} column does not balance: new {new} + carried in {cin} = {lhs}, but total handled {total} + carried out {cout} = {rhs}',
      },
    },
    examples: [
      { name: 'seed 003 balances (2 + 0 = 2 + 0)', valid: true, input: { cells: TAISHAN_2022, year: 2022 } },
      { name: 'seed 001: 其他 column 0 + 0 ≠ 16 + 0', valid: false, input: { cells: LINGDONG_2020, year: 2020 } },
    ],
  },
  check(ctx) {
    if (!ctx.model.tables.B) return;
    const leaves = bOutRows(ctx.model);
    for (const col of bCols(ctx.model)) {
      const { left, right } = balanceTerms(col);
      const out = ctx.sum(left, right, [b('total', col)]);
      if (out.status === 'absent' || out.status === 'unreadable') {
        ctx.skip('B', `APP-BALANCE: column ${col} not checked (${out.status}: ${out.refs.join(', ')})`);
        continue;
      }
      if (out.status !== 'fail') continue;
      // Which cell to mark: when the outcome rows themselves balance with 一 + 二, the stated 总计 is the odd
      // one out; otherwise the intake side (一、本年新收) is (seed 001: 其他 column 0 new vs 16 handled).
      const leafSum = leaves.reduce((s, r) => s + (numberOf(ctx.model, b(r, col)) ?? 0), 0);
      const cout = numberOf(ctx.model, b('carry_out', col)) ?? 0;
      const mark = leafSum + cout === out.leftSum ? b('total', col) : b('new', col);
      const v = (ref: CellRef) => numberOf(ctx.model, ref) ?? 0;
      ctx.report({
        data: {
          col: { col: b('new', col) },
          new: v(b('new', col)), cin: v(b('carry_in', col)), lhs: out.leftSum,
          total: v(b('total', col)), cout, rhs: out.rightSum,
        },
        cells: [mark, ...[...left, ...right].filter((r) => r !== mark)],
        equation: { left: out.left, right: out.right, leftSum: out.leftSum, rightSum: out.rightSum },
      });
    }
  },
});

const balanceDerived = defineRule({
  meta: {
    id: 'APP-BALANCE-DERIVED',
    severity: 'error',
    certainty: 'certain',
    templates: ['2019', '2021'],
    table: 'B',
    description: 'Where （七）总计 is blank: 一 + 二 = the sum of the outcome rows + 四.',
    messages: {
      main: {
        zh: '「{col}」列：新收与结转合计 {lhs}，而办理结果各项之和与结转下年度合计 {rhs}（（七）总计未填）',
        en: '{col} column: new + carried in = {lhs}, but the outcome rows + carried out = {rhs} ((7) total left blank)',
      },
    },
    examples: [
      {
        name: 'Shanghai-2019 style blank 总计 column, balances',
        valid: true,
        input: { cells: tableB({ new: [3, 0, 0, 0, 0, 0, ''], open: [3, 0, 0, 0, 0, 0, ''], total: [3, 0, 0, 0, 0, 0, ''] }, '2019', ''), year: 2019 },
      },
      {
        name: 'blank 总计, one application missing from the outcomes',
        valid: false,
        input: { cells: tableB({ new: [3, '', '', '', '', '', 3], open: [2, '', '', '', '', '', 2], total: ['', '', '', '', '', '', ''] }, '2021', ''), year: 2021 },
      },
    ],
  },
  check(ctx) {
    if (!ctx.model.tables.B) return;
    const leaves = bOutRows(ctx.model);
    for (const col of bCols(ctx.model)) {
      const total = cellOf(ctx.model, b('total', col));
      if (!total || total.value.kind !== 'empty') continue;
      const left = [b('new', col), b('carry_in', col)];
      const right = [...leaves.map((r) => b(r, col)), b('carry_out', col)];
      const out = ctx.sum(left, right);
      if (out.status !== 'fail') continue;
      ctx.report({
        data: { col: { col: b('new', col) }, lhs: out.leftSum, rhs: out.rightSum },
        cells: [b('new', col), ...left.slice(1), ...right],
        equation: { left: out.left, right: out.right, leftSum: out.leftSum, rightSum: out.rightSum },
      });
    }
  },
});

const intNonNeg = defineRule({
  meta: {
    id: 'APP-INT-NONNEG',
    severity: 'error',
    certainty: 'certain',
    templates: ['2019', '2021'],
    table: 'B',
    description: 'Every number in table B is a whole number ≥ 0 (counts of applications).',
    messages: {
      main: { zh: '「{cell}」应为非负整数，表中为「{raw}」', en: '"{cell}" must be a whole number ≥ 0, the table says "{raw}"' },
    },
    examples: [
      { name: 'seed 003 counts', valid: true, input: { cells: TAISHAN_2022, year: 2022 } },
      { name: 'a decimal count', valid: false, input: { cells: tableB({ new: [2.5, 0, 0, 0, 0, 0, 2.5] }), year: 2022 } },
    ],
  },
  check(ctx) {
    for (const cell of Object.values(ctx.model.tables.B?.cells ?? {})) {
      if (cell.value.kind !== 'number') continue;
      if (Number.isInteger(cell.value.n) && cell.value.n >= 0) continue;
      ctx.report({ data: { cell: { cell: cell.ref }, raw: cell.raw }, cells: [cell.ref] });
    }
  },
});

const subtotal = defineRule({
  meta: {
    id: 'APP-SUBTOTAL',
    severity: 'error',
    certainty: 'certain',
    templates: ['2019', '2021'],
    table: 'B',
    description: 'Non-standard subtotal rows (（三）不予公开 …) and a 法人或其他组织小计 column equal the sum of their parts.',
    messages: {
      row: { zh: '「{name}」{col}列应为 {sum}（{terms}），表中为 {value}', en: '"{name}", {col} column should be {sum} ({terms}), the table says {value}' },
      col: { zh: '「{name}」法人或其他组织小计应为 {sum}，表中为 {value}', en: '"{name}": the organisations subtotal should be {sum}, the table says {value}' },
    },
    examples: [
      {
        name: '不予公开 subtotal row equal to its leaves',
        valid: true,
        input: { cells: { ...tableB({ deny6: [1, 0, 0, 0, 0, 0, 1], deny2: [1, 0, 0, 0, 0, 0, 1] }), ...subtotalRow('deny', [2, 0, 0, 0, 0, 0, 2]) }, year: 2021 },
      },
      {
        name: '不予公开 subtotal row that misses a leaf',
        valid: false,
        input: { cells: { ...tableB({ deny6: [1, 0, 0, 0, 0, 0, 1], deny2: [1, 0, 0, 0, 0, 0, 1] }), ...subtotalRow('deny', [1, 0, 0, 0, 0, 0, 1]) }, year: 2021 },
      },
    ],
  },
  check(ctx) {
    const cols = bCols(ctx.model);
    for (const g of bSubtotals(ctx.model)) {
      for (const col of cols) {
        const { left, right } = subtotalTerms(g, col);
        const out = ctx.sum(left, right, [b(g.key, col)]);
        if (out.status !== 'fail') continue;
        ctx.report({
          messageId: 'row',
          data: { name: { row: b(g.key, col) }, col: { col: b(g.key, col) }, sum: out.rightSum, value: out.leftSum, terms: { terms: out.right } },
          cells: [...left, ...right],
          equation: { left: out.left, right: out.right, leftSum: out.leftSum, rightSum: out.rightSum },
        });
      }
    }
    if (!cols.includes('org')) return;
    for (const row of bRows(ctx.model)) {
      const parts = B_ORG_COLS.map((c) => b(row, c));
      const out = ctx.sum([b(row, 'org')], parts, [b(row, 'org')]);
      if (out.status !== 'fail') continue;
      ctx.report({
        messageId: 'col',
        data: { name: { row: b(row, 'org') }, sum: out.rightSum, value: out.leftSum },
        cells: [b(row, 'org'), ...parts],
        equation: { left: out.left, right: out.right, leftSum: out.leftSum, rightSum: out.rightSum },
      });
    }
  },
});

function subtotalRow(key: string, values: number[]): Record<CellRef, number> {
  const out: Record<CellRef, number> = {};
  ['np', 'biz', 'sci', 'ngo', 'law', 'oth', 'tot'].forEach((c, i) => (out[`B.${key}.${c}`] = values[i]!));
  return out;
}

const otherSplit = defineRule({
  meta: {
    id: 'APP-OTHER-SPLIT',
    severity: 'warning',
    certainty: 'certain',
    templates: ['2021'],
    table: 'B',
    description: 'Reports for 2021 on use the 2021 format, where （六）其他处理 has three sub-rows.',
    messages: {
      main: {
        zh: '本报告为{year}年度，应使用2021年版格式：（六）其他处理应分为3项，表中只有1行',
        en: 'This is a {year} report and should use the 2021 format: (6) other handling has 3 sub-rows, the table has 1',
      },
    },
    examples: [
      { name: 'seed 003: three sub-rows in 2022', valid: true, input: { cells: TAISHAN_2022, year: 2022, templateParts: { Bother: 'split' } } },
      { name: 'seed 004: one （六） row in 2021', valid: false, input: { cells: YINZHOU_2021, year: 2021, templateParts: { Bother: 'single' } } },
    ],
  },
  check(ctx) {
    const { year, templateParts } = ctx.model;
    if (!year || year < 2021 || templateParts.Bother !== 'single') return;
    ctx.report({ data: { year }, cells: [b('other', 'tot')] });
  },
});

const rowsMissing = defineRule({
  meta: {
    id: 'APP-ROWS-MISSING',
    severity: 'warning',
    certainty: 'certain',
    templates: ['2019', '2021'],
    table: 'B',
    description: 'Every template row of table B is present.',
    messages: { main: { zh: '申请情况表缺少「{row}」行', en: 'Table B has no "{row}" row' } },
    examples: [
      { name: 'seed 003: all 25 rows', valid: true, input: { cells: TAISHAN_2022, year: 2022 } },
      {
        name: 'table cut after （二）部分公开',
        valid: false,
        input: { cells: Object.fromEntries(Object.entries(TAISHAN_2022).filter(([k]) => /^B\.(new|carry_in|open|partial)\./.test(k))), year: 2022 },
      },
    ],
  },
  check(ctx) {
    const table = ctx.model.tables.B;
    if (!table) return;
    // Hand-built models (rule examples) carry no rowsMissing: derive it the same way recognition does.
    const missing = table.rowsMissing.length
      ? table.rowsMissing
      : ['new', 'carry_in', ...bOutRows(ctx.model), 'total', 'carry_out'].map((r) => `B.${r}`).filter((r) => !table.rowsFound.includes(r) && !table.rowsShort.some((s) => s.row === r));
    // Part of a report (one scanned page): the rows it does not hold are said once, by STRUCT-PARTIAL-INPUT.
    if (fragmentOf(ctx.model)) return;
    for (const row of missing) {
      ctx.report({ data: { row: { row: `${row}.tot` } }, cells: [], table: 'B' });
    }
  },
});

const carryOutLeAvailable = defineRule({
  meta: {
    id: 'APP-CARRYOUT-LE-AVAILABLE',
    severity: 'error',
    certainty: 'certain',
    templates: ['2019', '2021'],
    table: 'B',
    description: '四、结转下年度 cannot exceed what there was to handle: 一 + 二.',
    messages: {
      main: { zh: '「{col}」列结转下年度 {cout} 超过本年可办理总量 {avail}（新收 {new} + 上年结转 {cin}）', en: '{col} column: {cout} carried to next year exceeds the {avail} available (new {new} + carried in {cin})' },
    },
    examples: [
      {
        name: 'shuyang-county 2025: 31 carried out of 705 + 36',
        valid: true,
        input: { cells: tableB({ new: [705, 3, 0, 0, 5, 0, 713], carry_in: [36, 0, 0, 0, 0, 0, 36], carry_out: [31, 0, 0, 0, 0, 0, 31] }), year: 2025 },
      },
      {
        name: 'carried out more than received',
        valid: false,
        input: { cells: tableB({ new: [2, 0, 0, 0, 0, 0, 2], carry_out: [3, 0, 0, 0, 0, 0, 3] }), year: 2022 },
      },
    ],
  },
  check(ctx) {
    if (!ctx.model.tables.B) return;
    for (const col of bCols(ctx.model)) {
      const cells = [b('carry_out', col), b('new', col), b('carry_in', col)].map((r) => cellOf(ctx.model, r));
      if (cells.some((c) => !c || c.value.kind === 'unreadable')) continue;
      const [cout, nw, cin] = cells.map((c) => (c!.value.kind === 'number' ? c!.value.n : null));
      if (cout === null || cout === undefined || (nw === null && cin === null)) continue;
      const avail = (nw ?? 0) + (cin ?? 0);
      if (cout <= avail) continue;
      ctx.report({
        data: { col: { col: b('new', col) }, cout, avail, new: nw ?? 0, cin: cin ?? 0 },
        cells: [b('carry_out', col), b('new', col), b('carry_in', col)],
      });
    }
  },
});

const allZeroButText = defineRule({
  meta: {
    id: 'APP-ALL-ZERO-BUT-TEXT',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'B',
    description: 'Table B is all 0 or blank while the narrative says applications were received.',
    messages: {
      main: { zh: '正文称收到申请 {n} 件，但申请情况表全部为 0 或空', en: 'The text says {n} applications were received, but table B is all 0 or blank' },
    },
    examples: [
      {
        name: 'seed 003: 2 received and 2 in the table',
        valid: true,
        input: { cells: TAISHAN_2022, year: 2022, paras: [{ text: '2、依申请公开方面。2022年收到政府信息公开申请数量2条，数量比2021年多1条，均按时办结。', section: 1 }] },
      },
      {
        name: 'text says 3 received, table all zero',
        valid: false,
        input: { cells: tableB({}), year: 2021, paras: [{ text: '2021年，我单位接到依申请公开3条，均及时办结。', section: 1 }] },
      },
    ],
  },
  check(ctx) {
    const cells = Object.values(ctx.model.tables.B?.cells ?? {});
    if (!cells.length || cells.some((c) => c.value.kind !== 'empty' && !(c.value.kind === 'number' && c.value.n === 0))) return;
    for (const p of ctx.model.paras) {
      if (p.section !== undefined && p.section !== 1 && p.section !== 3) continue;
      const n = receivedApplications(p.text);
      if (n && n > 0) {
        ctx.report({ data: { n }, cells: [b('new', 'tot')], span: p.source });
        return;
      }
    }
  },
});

/**
 * 「收到/接到/受理…申请 N 件」 in one clause: the number must belong to the phrase (no clause break between),
 * and comparisons (比/较/同比/上年) are skipped. Full narrative checks (TXT-*) live in their own family.
 */
export function receivedApplications(text: string): number | undefined {
  for (const clause of text.split(/[，,。；;！!？?]/)) {
    if (/比|较|同比|上年|去年|未(收到|接到|受理)/.test(clause)) continue;
    const m = /(收到|接到|受理|新收)[^\d零一二三四五六七八九十]{0,14}?申请[^\d零一二三四五六七八九十]{0,6}?(\d+)\s*(件|条|个|宗)/.exec(clause);
    if (m) return Number(m[2]);
  }
  return undefined;
}

export const appRules: Rule[] = [
  rowTotal, colOutcomeTotal, balance, balanceDerived, intNonNeg, subtotal, otherSplit, rowsMissing, carryOutLeAvailable, allZeroButText,
];
