// ACT-*: table A (主动公开政府信息情况) rules, domain.md §2.3. Value types and missing rows apply to
// whichever layout was found (A.* for 〔2021〕30号, A19.* for 〔2019〕60号); the 规章/行政规范性文件 stock
// heuristics exist only in the 2021 layout, whose columns are 制发/废止/现行有效.
import type { CellRef, ReportModel } from '../types.ts';
import { defineRule, type Rule, type RuleContext } from './rule.ts';
import { cellOf } from '../model/cells.ts';
import { A_2019, A_2021, type ABlock } from '../template/table-a.ts';

export const A_LAYOUTS = [
  { prefix: 'A', blocks: A_2021 },
  { prefix: 'A19', blocks: A_2019 },
] as const;

export const blockLabel = (b: ABlock): string => `第二十条第（${b.item}）项`;
const ITEM_NO: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** The block in both languages, for a finding's data: 「第二十条第（五）项」 / "Article 20 (5)". */
const blockWords = (b: ABlock) => ({ zh: blockLabel(b), en: `Article 20 (${ITEM_NO[b.item] ?? b.item})` });

/** Whether a table-A row (`A.norm`, `A19.permit`) was found short: every rule touching it is skipped (§2.0.4). */
export function isShortRow(model: ReportModel, rowKey: string): boolean {
  return (model.tables.A?.rowsShort ?? []).some((s) => s.row === rowKey);
}

/** Skips a short row for this rule, recording why; true when the row must be left alone. */
export function skipShort(ctx: RuleContext, rowKey: string): boolean {
  if (!isShortRow(ctx.model, rowKey)) return false;
  ctx.skip('A', `row ${rowKey} has fewer values than columns`);
  return true;
}

/** A cell read for an inequality: its number, 'empty', or null when absent or unreadable. */
export function readA(model: ReportModel, ref: CellRef): number | 'empty' | null {
  const c = cellOf(model, ref);
  if (!c || c.value.kind === 'unreadable') return null;
  return c.value.kind === 'number' ? c.value.n : 'empty';
}

/** The row label as the report wrote it, else the template's. */
export function rowLabel(model: ReportModel, ref: CellRef, fallback: string): string {
  return cellOf(model, ref)?.label ?? fallback;
}

const ACT_INT_NONNEG = defineRule({
  meta: {
    id: 'ACT-INT-NONNEG',
    severity: 'error',
    certainty: 'certain',
    templates: ['2019', '2021'],
    table: 'A',
    description: 'Table A counts are non-negative integers (2019 本年增/减 may be negative); amounts are non-negative.',
    messages: {
      count: {
        zh: '「{block}/{row}/{col}」应为非负整数，表中为「{raw}」',
        en: '"{block}/{row}/{col}" should be a non-negative whole number; the table has "{raw}"',
      },
      signed: {
        zh: '「{block}/{row}/{col}」应为整数（可为负数），表中为「{raw}」',
        en: '"{block}/{row}/{col}" should be a whole number (it may be negative); the table has "{raw}"',
      },
      money: {
        zh: '「{block}/{row}/{col}」金额不应为负数，表中为「{raw}」',
        en: '"{block}/{row}/{col}" is an amount and cannot be negative; the table has "{raw}"',
      },
    },
    examples: [
      {
        name: 'seed 004 (鄞州 2021) table A: 规范性文件 3/1/24, 行政许可 12581, 行政处罚 1315',
        valid: true,
        input: {
          templateParts: { A: '2021' },
          cells: { 'A.reg.made': 0, 'A.reg.repealed': 0, 'A.reg.valid': 0, 'A.norm.made': 3, 'A.norm.repealed': 1, 'A.norm.valid': 24, 'A.permit.dec': 12581, 'A.penalty.dec': 1315, 'A.coercion.dec': 0, 'A.fee.amt': 0 },
        },
      },
      {
        name: 'seed 002 (保山 2021) 收费 127.68 万元 is a decimal amount, which is allowed',
        valid: true,
        input: { templateParts: { A: '2021' }, cells: { 'A.permit.dec': 185, 'A.penalty.dec': 24, 'A.fee.amt': 127.68 } },
      },
      {
        name: 'seed 001 (岭东 2020, 2019 layout): 行政许可 16/16/16; a negative 本年增/减 is allowed',
        valid: true,
        input: { templateParts: { A: '2019' }, cells: { 'A19.permit.prev': 16, 'A19.permit.delta': '-3', 'A19.permit.dec': 16 } },
      },
      {
        name: '普陀 2021 行政许可 1815 written as 1815.5',
        valid: false,
        input: { templateParts: { A: '2021' }, cells: { 'A.permit.dec': '1815.5', 'A.penalty.dec': 703 } },
      },
      {
        name: '岭东 2020 (2019 layout) 处理决定数量 written as -16',
        valid: false,
        input: { templateParts: { A: '2019' }, cells: { 'A19.permit.prev': 16, 'A19.permit.delta': 16, 'A19.permit.dec': '-16' } },
      },
    ],
  },
  check(ctx) {
    const { model } = ctx;
    for (const { prefix, blocks } of A_LAYOUTS) {
      for (const block of blocks) {
        for (const row of block.rows) {
          const rowKey = `${prefix}.${row.key}`;
          const refs = block.cols.map((c) => `${rowKey}.${c.key}`);
          if (skipShort(ctx, rowKey) || !refs.some((r) => cellOf(model, r))) continue;
          block.cols.forEach((col, i) => {
            const cell = cellOf(model, refs[i]!);
            if (!cell || cell.value.kind !== 'number') return;
            const n = cell.value.n;
            const messageId = col.money ? 'money' : col.signed ? 'signed' : 'count';
            const ok = col.money ? n >= 0 : Number.isInteger(n) && (col.signed === true || n >= 0);
            if (ok) return;
            ctx.report({
              messageId,
              data: { block: blockWords(block), row: { row: refs[i]! }, col: { col: refs[i]! }, raw: cell.raw },
              cells: [refs[i]!],
            });
          });
        }
      }
    }
  },
});

type Stock = { row: string; made: number; rep: number; valid: number; refs: { made: CellRef; rep: CellRef; valid: CellRef } };

/**
 * The 2021 规章 / 行政规范性文件 rows with 本年制发 and 现行有效 both written as numbers. A blank 本年废止
 * counts as 0 (§2.0.3); a blank 制发 or 现行有效 is EMPTY-CELLS' business, not a stock question.
 */
function stockRows(ctx: RuleContext): Stock[] {
  const out: Stock[] = [];
  for (const row of A_2021[0]!.rows) {
    const refs = { made: `A.${row.key}.made`, rep: `A.${row.key}.repealed`, valid: `A.${row.key}.valid` };
    if (skipShort(ctx, `A.${row.key}`)) continue;
    const made = readA(ctx.model, refs.made);
    const rep = readA(ctx.model, refs.rep);
    const valid = readA(ctx.model, refs.valid);
    if (typeof made !== 'number' || typeof valid !== 'number' || rep === null) continue;
    out.push({ row: rowLabel(ctx.model, refs.made, row.label), made, rep: rep === 'empty' ? 0 : rep, valid, refs });
  }
  return out;
}

const ACT_VALID_LT_NET_NEW = defineRule({
  meta: {
    id: 'ACT-VALID-LT-NET-NEW',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2021'],
    table: 'A',
    description: '现行有效件数 is below 本年制发 − 本年废止: the stock cannot have grown by less than this year\'s net issue (unless documents lapsed).',
    messages: {
      main: {
        zh: '「{row}」现行有效 {valid} 件，少于本年制发 {made} 减本年废止 {rep} 的 {net} 件，请核实',
        en: '"{row}": {valid} in force, fewer than {made} issued minus {rep} repealed this year ({net}); please check',
      },
    },
    examples: [
      {
        name: 'seed 004 (鄞州 2021) 规范性文件 3 issued, 1 repealed, 24 in force',
        valid: true,
        input: { templateParts: { A: '2021' }, cells: { 'A.norm.made': 3, 'A.norm.repealed': 1, 'A.norm.valid': 24 } },
      },
      {
        name: '沭阳 2025 行政规范性文件 6/1/32',
        valid: true,
        input: { templateParts: { A: '2021' }, cells: { 'A.reg.made': 0, 'A.reg.repealed': 0, 'A.reg.valid': 0, 'A.norm.made': 6, 'A.norm.repealed': 1, 'A.norm.valid': 32 } },
      },
      {
        name: '沭阳 2025 行政规范性文件 with 现行有效 32 mistyped as 3',
        valid: false,
        input: { templateParts: { A: '2021' }, cells: { 'A.norm.made': 6, 'A.norm.repealed': 1, 'A.norm.valid': 3 } },
      },
    ],
  },
  check(ctx) {
    for (const s of stockRows(ctx)) {
      const net = s.made - s.rep;
      // valid = 0 is ACT-VALID-ZERO's finding; one warning per cause.
      if (s.valid > 0 && s.valid < net) {
        ctx.report({ data: { row: s.row, valid: s.valid, made: s.made, rep: s.rep, net }, cells: [s.refs.valid, s.refs.made, s.refs.rep] });
      }
    }
  },
});

const ACT_VALID_LT_MADE = defineRule({
  meta: {
    id: 'ACT-VALID-LT-MADE',
    severity: 'info',
    certainty: 'heuristic',
    templates: ['2021'],
    table: 'A',
    description: '现行有效件数 is below 本年制发件数 but not below the net issue: normal only if some of this year\'s documents already lapsed.',
    messages: {
      main: {
        zh: '「{row}」现行有效 {valid} 件少于本年制发 {made} 件（若部分文件当年即失效则属正常）',
        en: '"{row}": {valid} in force, fewer than the {made} issued this year (normal if some lapsed within the year)',
      },
    },
    examples: [
      {
        name: 'seed 004 (鄞州 2021) 规范性文件 3/1/24',
        valid: true,
        input: { templateParts: { A: '2021' }, cells: { 'A.norm.made': 3, 'A.norm.repealed': 1, 'A.norm.valid': 24 } },
      },
      {
        name: '沭阳 2025 行政规范性文件 6/1 with 现行有效 5 (= 6 − 1, below 6)',
        valid: false,
        input: { templateParts: { A: '2021' }, cells: { 'A.norm.made': 6, 'A.norm.repealed': 1, 'A.norm.valid': 5 } },
      },
    ],
  },
  check(ctx) {
    for (const s of stockRows(ctx)) {
      if (s.valid > 0 && s.valid >= s.made - s.rep && s.valid < s.made) {
        ctx.report({ data: { row: s.row, valid: s.valid, made: s.made }, cells: [s.refs.valid, s.refs.made] });
      }
    }
  },
});

const ACT_VALID_ZERO = defineRule({
  meta: {
    id: 'ACT-VALID-ZERO',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2021'],
    table: 'A',
    description: 'Documents were issued this year but 现行有效件数 is 0.',
    messages: {
      main: {
        zh: '「{row}」本年制发 {made} 件，但现行有效为 0',
        en: '"{row}": {made} issued this year, but 0 in force',
      },
    },
    examples: [
      {
        name: '沭阳 2025 行政规范性文件 6/1/32',
        valid: true,
        input: { templateParts: { A: '2021' }, cells: { 'A.norm.made': 6, 'A.norm.repealed': 1, 'A.norm.valid': 32 } },
      },
      {
        name: 'seed 000 (普陀 2021) 规章 0/0/0',
        valid: true,
        input: { templateParts: { A: '2021' }, cells: { 'A.reg.made': 0, 'A.reg.repealed': 0, 'A.reg.valid': 0 } },
      },
      {
        name: 'seed 004 (鄞州 2021) 规范性文件 3 issued with 现行有效 left at 0',
        valid: false,
        input: { templateParts: { A: '2021' }, cells: { 'A.norm.made': 3, 'A.norm.repealed': 1, 'A.norm.valid': 0 } },
      },
    ],
  },
  check(ctx) {
    for (const s of stockRows(ctx)) {
      if (s.made > 0 && s.valid === 0) ctx.report({ data: { row: s.row, made: s.made }, cells: [s.refs.valid, s.refs.made] });
    }
  },
});

/** 10⁶ 万元 = 100 亿元: no single agency's fee income comes near it; a number that size was written in 元. */
const IMPLAUSIBLE_WAN = 1e6;

const ACT_AMOUNT_UNIT = defineRule({
  meta: {
    id: 'ACT-AMOUNT-UNIT',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'A',
    description: 'The 2021 fee amount is in 万元: flag 元 or implausibly large values; flag a bare, very large 2019 procurement amount.',
    messages: {
      fee: {
        zh: '收费金额单位应为万元，表中为「{raw}」，疑似按元填写',
        en: 'The fee amount is in 万元 (10,000 yuan), but the table has "{raw}": it looks like it was entered in yuan',
      },
      procure: {
        zh: '政府集中采购总金额「{raw}」未注明单位且数额很大，请核实是元还是万元',
        en: 'The procurement total "{raw}" has no unit and is very large; please check whether it is in yuan or 万元',
      },
    },
    examples: [
      {
        name: 'seed 002 (保山 2021) 收费 127.68 万元',
        valid: true,
        input: { templateParts: { A: '2021' }, cells: { 'A.fee.amt': 127.68 } },
      },
      {
        name: '沭阳 2025 收费 4068.208 万元',
        valid: true,
        input: { templateParts: { A: '2021' }, cells: { 'A.fee.amt': 4068.208 } },
      },
      {
        name: 'seed 001 (岭东 2020) 政府集中采购 0/0; Shanghai 2019 wrote 「251000元」 with its unit',
        valid: true,
        input: { templateParts: { A: '2019' }, cells: { 'A19.procure.count': 0, 'A19.procure.amt': 0 } },
      },
      {
        name: '沭阳 2025 收费 4068.208 万元 entered in yuan with the unit: 「40682080元」',
        valid: false,
        input: { templateParts: { A: '2021' }, cells: { 'A.fee.amt': '40682080元' } },
      },
      {
        name: '沭阳 2025 收费 entered in yuan without a unit: 40682080',
        valid: false,
        input: { templateParts: { A: '2021' }, cells: { 'A.fee.amt': 40682080 } },
      },
      {
        name: '2019 layout: procurement total 2510000 with no unit',
        valid: false,
        input: { templateParts: { A: '2019' }, cells: { 'A19.procure.count': 3, 'A19.procure.amt': 2510000 } },
      },
    ],
  },
  check(ctx) {
    const fee = cellOf(ctx.model, 'A.fee.amt');
    if (fee?.value.kind === 'number') {
      const { n, unit } = fee.value;
      if (unit === '元' || (unit !== '万元' && n >= IMPLAUSIBLE_WAN)) {
        ctx.report({ messageId: 'fee', data: { raw: fee.raw }, cells: ['A.fee.amt'] });
      }
    }
    // The 2019 template does not fix the procurement unit (Shanghai 2019 wrote 「251000元」), so only a
    // bare number too large to read as 万元 is ambiguous enough to ask about.
    const amt = cellOf(ctx.model, 'A19.procure.amt');
    if (skipShort(ctx, 'A19.procure')) return;
    if (amt?.value.kind === 'number' && !amt.value.unit && amt.value.n >= IMPLAUSIBLE_WAN) {
      ctx.report({ messageId: 'procure', data: { raw: amt.raw }, cells: ['A19.procure.amt', 'A19.procure.count'] });
    }
  },
});

/** Which table-A layouts the model holds: the recognised one, else whichever cell names occur. */
export function aLayouts(model: ReportModel): (typeof A_LAYOUTS)[number][] {
  const a = model.tables.A;
  if (!a) return [];
  if (model.templateParts.A) return A_LAYOUTS.filter((l) => l.prefix === (model.templateParts.A === '2019' ? 'A19' : 'A'));
  const keys = [...Object.keys(a.cells), ...a.rowsFound, ...a.rowsShort.map((s) => s.row)];
  return A_LAYOUTS.filter((l) => keys.some((k) => k.startsWith(`${l.prefix}.`)));
}

const ACT_BLOCK_MISSING = defineRule({
  meta: {
    id: 'ACT-BLOCK-MISSING',
    severity: 'warning',
    certainty: 'certain',
    templates: ['2019', '2021'],
    table: 'A',
    description: 'Every block and row of the table A layout that was found is present.',
    messages: {
      main: {
        zh: '主动公开表缺少「{block}/{row}」',
        en: 'Table A (proactive disclosure) is missing "{block}/{row}"',
      },
    },
    examples: [
      {
        name: 'seed 003 (泰山 2022) table A complete',
        valid: true,
        input: {
          templateParts: { A: '2021' },
          cells: { 'A.reg.made': 0, 'A.reg.repealed': 0, 'A.reg.valid': 0, 'A.norm.made': 0, 'A.norm.repealed': 0, 'A.norm.valid': 0, 'A.permit.dec': 0, 'A.penalty.dec': 126, 'A.coercion.dec': 0, 'A.fee.amt': 0 },
        },
      },
      {
        name: 'seed 000 (普陀 2021): the short 行政规范性文件 row counts as present',
        valid: true,
        input: {
          templateParts: { A: '2021' },
          cells: { 'A.reg.made': 0, 'A.reg.repealed': 0, 'A.reg.valid': 0, 'A.permit.dec': 1815, 'A.penalty.dec': 703, 'A.coercion.dec': 10, 'A.fee.amt': 0 },
          rowsShort: [{ table: 'A', row: 'A.norm', found: 2, expected: 3 }],
        },
      },
      {
        name: 'seed 001 (岭东 2020, 2019 layout) complete, with the 第二十条第（九）项 block',
        valid: true,
        input: {
          templateParts: { A: '2019' },
          cells: {
            'A19.reg.newmade': 0, 'A19.reg.newpub': 0, 'A19.reg.totalpub': 0, 'A19.norm.newmade': 0, 'A19.norm.newpub': 0, 'A19.norm.totalpub': 0,
            'A19.permit.prev': 16, 'A19.permit.delta': 16, 'A19.permit.dec': 16, 'A19.othersvc.prev': 0, 'A19.othersvc.delta': 0, 'A19.othersvc.dec': 0,
            'A19.penalty.prev': 0, 'A19.penalty.delta': 0, 'A19.penalty.dec': 0, 'A19.coercion.prev': 0, 'A19.coercion.delta': 0, 'A19.coercion.dec': 0,
            'A19.fee.prev': 0, 'A19.fee.delta': 0, 'A19.procure.count': 0, 'A19.procure.amt': 0,
          },
        },
      },
      {
        name: 'seed 003 (泰山 2022) table A without the 行政强制 row',
        valid: false,
        input: {
          templateParts: { A: '2021' },
          cells: { 'A.reg.made': 0, 'A.reg.repealed': 0, 'A.reg.valid': 0, 'A.norm.made': 0, 'A.norm.repealed': 0, 'A.norm.valid': 0, 'A.permit.dec': 0, 'A.penalty.dec': 126, 'A.fee.amt': 0 },
        },
      },
    ],
  },
  check(ctx) {
    const a = ctx.model.tables.A;
    if (!a) return; // no table A at all is STRUCT-TABLE-MISSING
    for (const { prefix, blocks } of aLayouts(ctx.model)) {
      for (const block of blocks) {
        for (const row of block.rows) {
          const rowKey = `${prefix}.${row.key}`;
          const refs = block.cols.map((c) => `${rowKey}.${c.key}`);
          const found = a.rowsFound.includes(rowKey) || isShortRow(ctx.model, rowKey) || refs.some((r) => a.cells[r]);
          // The row's cells do not exist, so there is nothing to mark: the finding is grouped under table A.
          if (!found) ctx.report({ data: { block: blockWords(block), row: { row: `${prefix}.${row.key}.${block.cols[0]!.key}` } }, cells: [], table: 'A' });
        }
      }
    }
  },
});

export const actRules: Rule[] = [ACT_INT_NONNEG, ACT_VALID_LT_NET_NEW, ACT_VALID_LT_MADE, ACT_VALID_ZERO, ACT_AMOUNT_UNIT, ACT_BLOCK_MISSING];
