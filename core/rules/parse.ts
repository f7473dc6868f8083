// PARSE-*, TOTAL-EMPTY, EMPTY-CELLS: what the cells themselves say about how the table was filled or
// read (domain.md §2.0, §2.7, §4).
import type { CellRef, TableId, TableModel } from '../types.ts';
import { defineRule, type Rule } from './rule.ts';
import { allIdentities, b, bRows } from './identities.ts';
import { splitDigitsExplains } from './split-digits.ts';
import { tableB, tableC } from './examples.ts';
import { sumEquation } from './equation.ts';
import { cellOf } from '../model/cells.ts';

const TABLE_NAMES: Record<TableId, string> = { A: '主动公开情况表', B: '申请情况表', C: '复议诉讼情况表' };
const TABLE_NAMES_EN: Record<TableId, string> = { A: 'Table A', B: 'Table B', C: 'Table C' };

const rowShort = defineRule({
  meta: {
    id: 'PARSE-ROW-SHORT',
    severity: 'warning',
    certainty: 'certain',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'A row has fewer values than columns: which one is missing is ambiguous, so rules on it are skipped.',
    messages: {
      main: {
        zh: '「{row}」行只有 {found} 个数值（应为 {expected} 个），无法确定缺少哪一格，相关核对已跳过',
        en: 'Row "{row}" has {found} values instead of {expected}; which one is missing is unclear, so its checks were skipped',
      },
      tooMany: {
        zh: '「{row}」行有 {found} 个数值（应为 {expected} 个），无法确定哪些属于本行，相关核对已跳过',
        en: 'Row "{row}" has {found} values instead of {expected}; which belong to the row is unclear, so its checks were skipped',
      },
      runTogether: {
        zh: '「{row}」行的数字连写在一起（{raw}），拆成 {expected} 格有 {readings} 种合乎模板的方式，无法确定，相关核对已跳过',
        en: 'The digits of row "{row}" run together ({raw}); there are {readings} ways to cut them into {expected} cells that fit the template, so its checks were skipped',
      },
    },
    examples: [
      { name: 'full rows', valid: true, input: { cells: { 'A.norm.made': 0, 'A.norm.repealed': 0, 'A.norm.valid': 0 } } },
      { name: "seed 000's 行政规范性文件 with 2 of 3 values", valid: false, input: { rowsShort: [{ table: 'A', row: 'A.norm', found: 2, expected: 3 }] } },
      {
        name: "平潭 2021's 行政规范性文件 「693665」: three cells, many cuts",
        valid: false,
        input: { rowsShort: [{ table: 'A', row: 'A.norm', found: 1, expected: 3, flat: { why: 'ambiguous', found: 1, readings: 10 } }] },
      },
    ],
  },
  check(ctx) {
    for (const t of ['A', 'B', 'C'] as const) {
      for (const s of ctx.model.tables[t]?.rowsShort ?? []) {
        // Table C's short row is RL-CELLCOUNT's; a run that cannot add up however cut is PARSE-DIGIT-RUN's.
        if ((t === 'C' && !s.flat) || s.flat?.why === 'no-reading') continue;
        const raw = rawOf(s);
        const messageId = !s.flat ? 'main' : s.flat.why === 'too-many' ? 'tooMany' : 'runTogether';
        ctx.report({
          messageId,
          data: { row: s.label, found: s.found, expected: s.expected, raw, readings: s.flat?.readings ?? 0 },
          cells: [],
          table: t,
          span: s.source,
        });
        ctx.skip(t, `row ${s.row} has ${s.found} of ${s.expected} values: its checks skipped`);
      }
    }
  },
});

/** The digits of a short flat row as the report wrote them (the placeholder cell's text). */
function rawOf(s: TableModel['rowsShort'][number]): string {
  return s.flat?.raw ?? '';
}

/**
 * 「数字连写」: a crawler's page runs a row's cells together (平潭 2021: 「640020470」). When no cut of the
 * digits makes the row's identity hold, the identity fails under every reading: that is an error, though
 * the wrong cell cannot be named and the cells were separated by inference.
 */
const digitRun = defineRule({
  meta: {
    id: 'PARSE-DIGIT-RUN',
    severity: 'error',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'A row whose cells run together (flat text) cannot be cut into cells that add up, however it is cut: the row has an error.',
    caveat: {
      zh: '本行的数字在原文中连写在一起，各格按模板等式推断拆分；无论怎样拆分都不成立，说明本行数字有误或有缺漏，请对照原表核对。',
      en: "This row's digits run together in the text, so its cells were separated by the template's identities; no cut adds up, so a number in the row is wrong or missing. Check the original table.",
    },
    messages: {
      main: {
        zh: '「{row}」行的数字连写在一起（{raw}），无论怎样拆成 {expected} 格，本行等式都不成立',
        en: 'The digits of row "{row}" run together ({raw}); however they are cut into {expected} cells, the row does not add up',
      },
    },
    examples: [
      { name: 'a row that could be cut', valid: true, input: { cells: tableB({ new: [64, 0, 0, 2, 0, 4, 70] }) } },
      {
        name: "洪泽区 2023's table C with its cells run together",
        valid: false,
        input: { rowsShort: [{ table: 'C', row: 'C', found: 1, expected: 15, flat: { why: 'no-reading', found: 1, readings: 0 } }] },
      },
    ],
  },
  check(ctx) {
    for (const t of ['A', 'B', 'C'] as const) {
      for (const s of ctx.model.tables[t]?.rowsShort ?? []) {
        if (s.flat?.why !== 'no-reading') continue;
        ctx.report({ data: { row: s.label, raw: rawOf(s), expected: s.expected }, cells: [], table: t, span: s.source });
        ctx.skip(t, `row ${s.row}: its digits run together and cannot add up`);
      }
    }
  },
});

const cellNonstandard = defineRule({
  meta: {
    id: 'PARSE-CELL-NONSTANDARD',
    severity: 'info',
    certainty: 'certain',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'A cell written in a non-standard way (Chinese numerals, a stray + sign) that was still read.',
    messages: { main: { zh: '「{cell}」写作「{raw}」，已按 {n} 读取', en: '"{cell}" is written "{raw}"; read as {n}' } },
    examples: [
      { name: 'arabic digits', valid: true, input: { cells: { 'C.rev.keep': 1 } } },
      { name: 'a Chinese numeral in a cell', valid: false, input: { cells: { 'C.rev.keep': '三' } } },
    ],
  },
  check(ctx) {
    for (const t of ['A', 'B', 'C'] as const) {
      for (const cell of Object.values(ctx.model.tables[t]?.cells ?? {})) {
        if (cell.value.kind === 'number' && cell.value.nonstandard) {
          ctx.report({ data: { cell: { cell: cell.ref }, raw: cell.raw, n: cell.value.n }, cells: [cell.ref] });
        }
      }
    }
  },
});

const splitDigits = defineRule({
  meta: {
    id: 'PARSE-SPLIT-DIGITS',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'B',
    description: 'The digits of one number appear split over two adjacent cells (PDF/OCR extraction); the row adds up once joined.',
    messages: {
      main: {
        zh: '「{row}」中「{a}」「{b}」疑为一个数 {joined} 被拆成两格（按 {joined} 计算时本行总计相符），请核对原表',
        en: 'In "{row}", "{a}" and "{b}" look like one number {joined} split over two cells (the row total holds with {joined}); check the original',
      },
    },
    examples: [
      { name: 'a row that adds up', valid: true, input: { cells: tableB({ new: [12, 0, 0, 0, 0, 0, 12] }) } },
      { name: '12 read as 1 | 2', valid: false, input: { cells: tableB({ new: [1, 2, 0, 0, 0, 0, 12] }) } },
    ],
  },
  check(ctx) {
    for (const s of ctx.model.recognition.splitDigits) {
      const row = { row: s.ref };
      ctx.report({ data: { row, a: s.raw[0], b: s.raw[1], joined: s.raw.join('') }, cells: [s.ref] });
    }
    const cols = ['np', 'biz', 'sci', 'ngo', 'law', 'oth'];
    for (const row of bRows(ctx.model)) {
      const tot = b(row, 'tot');
      const out = sumEquation(ctx.model, [tot], cols.map((c) => b(row, c)));
      if (out.status !== 'fail') continue;
      const i = splitDigitsExplains(ctx.model, row);
      if (i === undefined) continue;
      const a = cellOf(ctx.model, b(row, cols[i]!))!;
      const bb = cellOf(ctx.model, b(row, cols[i + 1]!))!;
      ctx.report({
        data: { row: { row: tot }, a: a.raw, b: bb.raw, joined: `${a.raw}${bb.raw}` },
        cells: [a.ref, bb.ref, tot],
      });
    }
  },
});

const totalEmpty = defineRule({
  meta: {
    id: 'TOTAL-EMPTY',
    severity: 'warning',
    certainty: 'certain',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'A total cell left blank while its parts are not zero: not an arithmetic error, but the total is missing.',
    messages: {
      main: { zh: '「{cell}」未填写，但其各项合计为 {sum}', en: '"{cell}" is blank although its parts add up to {sum}' },
    },
    examples: [
      { name: 'totals filled', valid: true, input: { cells: tableC([27, 10, 9, 15, 61]) } },
      { name: 'Shanghai 2019 style: total blank, parts non-zero', valid: false, input: { cells: tableC([1, 0, 0, 0, '']) } },
    ],
  },
  check(ctx) {
    const seen = new Set<CellRef>();
    for (const id of allIdentities(ctx.model)) {
      const out = sumEquation(ctx.model, id.left, id.right, [id.total]);
      if (out.status !== 'total-empty') continue;
      // The blank cell is the one the equation found blank, which is not always the identity's own total:
      // a leaf row's blank 总计 inside the （七）总计 column sum (a 2019-template page whose 总计 column is
      // blank in the leaf rows) must not make the filled （七）总计/总计 read as 「未填写」 (issue 17).
      for (const ref of out.totals) {
        if (seen.has(ref)) continue;
        seen.add(ref);
        ctx.report({ data: { cell: { cell: ref }, sum: out.other }, cells: ref === id.total ? [ref, ...id.right] : [ref] });
      }
    }
  },
});

const emptyCells = defineRule({
  meta: {
    id: 'EMPTY-CELLS',
    severity: 'warning',
    certainty: 'certain',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'Blank cells (not 0) in a table: one warning per table listing them. The template expects 0 written as 0.',
    messages: {
      main: {
        zh: '{table}有 {count} 个空白格（应填 0 的也应写 0）：{list}',
        en: '{table} has {count} blank cells (zero should be written as 0): {list}',
      },
    },
    examples: [
      { name: 'every cell filled', valid: true, input: { cells: tableC([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) } },
      { name: "seed 001's blank 行政复议 cells", valid: false, input: { cells: tableC(['', '', '', '', '', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) } },
    ],
  },
  check(ctx) {
    for (const t of ['A', 'B', 'C'] as const) {
      const empty = Object.values(ctx.model.tables[t]?.cells ?? {}).filter((c) => c.value.kind === 'empty');
      if (!empty.length) continue;
      const list = { cells: empty.map((c) => c.ref) };
      ctx.report({ data: { table: { zh: TABLE_NAMES[t], en: TABLE_NAMES_EN[t] }, count: empty.length, list }, cells: empty.map((c) => c.ref) });
    }
  },
});

export const parseRules: Rule[] = [rowShort, digitRun, cellNonstandard, splitDigits, totalEmpty, emptyCells];
