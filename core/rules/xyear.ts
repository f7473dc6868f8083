// XYEAR-*: this year's report against the same agency's report for the year before (domain.md §2.6).
// They run only when the caller supplied that report (model.previous) and it is for year Y−1.
import type { CellRef, ReportModel } from '../types.ts';
import { defineRule, type Rule } from './rule.ts';
import { numberOf } from '../model/cells.ts';
import { b, bCols } from './identities.ts';
import { tableB } from './examples.ts';

/** Last year's model, when it is really last year's. */
function lastYear(model: ReportModel): ReportModel | undefined {
  const prev = model.previous;
  if (!prev || model.year === undefined || prev.year === undefined) return undefined;
  return prev.year === model.year - 1 ? prev : undefined;
}

// Real rows from seed 003 (泰山区卫生健康局 2022): 2 new, 2 disclosed, nothing carried either way.
const TAISHAN_2022 = tableB({ new: [2, 0, 0, 0, 0, 0, 2], open: [2, 0, 0, 0, 0, 0, 2], total: [2, 0, 0, 0, 0, 0, 2] });

const carry = defineRule({
  meta: {
    id: 'XYEAR-CARRY',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'B',
    description: "This year's 上年结转 equals last year's 结转下年度继续办理, column by column.",
    messages: {
      main: {
        zh: '本年「上年结转」{col}列为 {a}，但 {prevYear} 年报「结转下年度继续办理」为 {b}',
        en: 'Carried in from last year ({col}): {a}, but the {prevYear} report carried {b} over',
      },
    },
    caveat: {
      zh: '机构合并、拆分或上年数据更正时，两年的结转数可能合理地不一致。',
      en: 'Mergers, splits or a corrected previous year can make the two carry-over figures differ for good reason.',
    },
    examples: [
      {
        name: 'seed 003 (2022): nothing carried in, and the 2021 report carried nothing over',
        valid: true,
        input: { year: 2022, cells: TAISHAN_2022, previous: { year: 2021, cells: tableB({ carry_out: [0, 0, 0, 0, 0, 0, 0] }) } },
      },
      {
        name: 'seed 003 (2022) against a 2021 report that carried 3 over',
        valid: false,
        input: { year: 2022, cells: TAISHAN_2022, previous: { year: 2021, cells: tableB({ carry_out: [3, 0, 0, 0, 0, 0, 3] }) } },
      },
    ],
  },
  check(ctx) {
    const prev = lastYear(ctx.model);
    if (!prev?.tables.B || !ctx.model.tables.B) return;
    for (const col of bCols(ctx.model)) {
      const a = numberOf(ctx.model, b('carry_in', col));
      const bb = numberOf(prev, b('carry_out', col));
      if (a === null || bb === null || a === bb) continue;
      ctx.report({ data: { col: { col: b('carry_in', col) }, a, b: bb, prevYear: prev.year! }, cells: [b('carry_in', col)] });
    }
  },
});

const normStock = defineRule({
  meta: {
    id: 'XYEAR-NORM-STOCK',
    severity: 'info',
    certainty: 'heuristic',
    templates: ['2021'],
    table: 'A',
    description: 'Documents in force ≈ last year in force + made − repealed (规章, 行政规范性文件); warning when off by > 20% and > 5.',
    messages: {
      main: {
        zh: '「{row}」现行有效件数 {v}，按上年 {p} + 制发 {m} − 废止 {r} 推算应约为 {e}',
        en: '"{row}" in force: {v}; last year {p} + made {m} − repealed {r} gives about {e}',
      },
    },
    caveat: {
      zh: '清理、修订、上级统一废止或统计口径调整都会使推算值与表中数不同。',
      en: 'Clean-ups, revisions, repeal by a higher authority or a changed definition all make the estimate differ.',
    },
    examples: [
      {
        name: '8 made, none repealed, 10 in force last year → 18 (沭阳发改局 2023 行政规范性文件)',
        valid: true,
        input: { year: 2023, cells: { 'A.norm.made': 8, 'A.norm.repealed': 0, 'A.norm.valid': 18 }, previous: { year: 2022, cells: { 'A.norm.valid': 10 } } },
      },
      {
        name: '18 in force, but last year 40 + 8 − 0 = 48',
        valid: false,
        input: { year: 2023, cells: { 'A.norm.made': 8, 'A.norm.repealed': 0, 'A.norm.valid': 18 }, previous: { year: 2022, cells: { 'A.norm.valid': 40 } } },
      },
    ],
  },
  check(ctx) {
    const prev = lastYear(ctx.model);
    if (!prev) return;
    for (const [row, label] of [['reg', '规章'], ['norm', '行政规范性文件']] as const) {
      const v = numberOf(ctx.model, `A.${row}.valid`);
      const m = numberOf(ctx.model, `A.${row}.made`);
      const r = numberOf(ctx.model, `A.${row}.repealed`);
      const p = numberOf(prev, `A.${row}.valid`);
      if (v === null || m === null || r === null || p === null) continue;
      const e = p + m - r;
      if (e === v) continue;
      const gap = Math.abs(v - e);
      const big = gap > 5 && gap > 0.2 * Math.max(e, v, 1);
      ctx.report({ data: { row: label, v, p, m, r, e }, cells: [`A.${row}.valid`], ...(big ? { severity: 'warning' as const } : {}) });
    }
  },
});

/** Every numeric cell of tables A, B and C, by ref. */
function numericCells(model: ReportModel): Map<CellRef, number> {
  const out = new Map<CellRef, number>();
  for (const t of ['A', 'B', 'C'] as const) {
    for (const cell of Object.values(model.tables[t]?.cells ?? {})) if (cell.value.kind === 'number') out.set(cell.ref, cell.value.n);
  }
  return out;
}

const identicalTables = defineRule({
  meta: {
    id: 'XYEAR-IDENTICAL-TABLES',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'text',
    description: "Every number in tables A, B and C equals last year's (and at least one is not zero): tables copied over.",
    messages: {
      main: { zh: '本年三张表的 {n} 个数值与 {prevYear} 年报完全相同，疑为照搬上年数据', en: 'All {n} numbers of tables A–C equal the {prevYear} report: last year\'s tables may have been copied' },
    },
    caveat: {
      zh: '业务量很小的单位两年数据确有可能完全相同，请核对原始台账。',
      en: 'A small office can have identical figures two years running; check the records.',
    },
    examples: [
      { name: 'seed 003 (2022) against a different 2021', valid: true, input: { year: 2022, cells: TAISHAN_2022, previous: { year: 2021, cells: tableB({ new: [1, 0, 0, 0, 0, 0, 1] }) } } },
      { name: 'seed 003 (2022) against itself labelled 2021', valid: false, input: { year: 2022, cells: TAISHAN_2022, previous: { year: 2021, cells: TAISHAN_2022 } } },
    ],
  },
  check(ctx) {
    const prev = lastYear(ctx.model);
    if (!prev) return;
    const now = numericCells(ctx.model);
    const before = numericCells(prev);
    if (now.size < 10 || now.size !== before.size) return;
    let nonZero = false;
    for (const [ref, v] of now) {
      if (before.get(ref) !== v) return;
      if (v !== 0) nonZero = true;
    }
    if (nonZero) ctx.report({ data: { n: now.size, prevYear: prev.year! }, cells: [], table: 'text' });
  },
});

/** Jaccard similarity of two texts' character 5-gram sets (whitespace and digits ignored). */
export function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const t = s.replace(/[\s\d]+/g, '');
    const out = new Set<string>();
    for (let i = 0; i + 5 <= t.length; i++) out.add(t.slice(i, i + 5));
    return out;
  };
  const x = grams(a);
  const y = grams(b);
  if (!x.size || !y.size) return 0;
  let both = 0;
  for (const g of x) if (y.has(g)) both++;
  return both / (x.size + y.size - both);
}

const SECTION_NAMES: Record<number, { zh: string; en: string }> = {
  1: { zh: '一、总体情况', en: 'I. Overview' },
  5: { zh: '五、存在的主要问题及改进情况', en: 'V. Problems and improvements' },
};

const identicalText = defineRule({
  meta: {
    id: 'XYEAR-IDENTICAL-TEXT',
    severity: 'info',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'text',
    description: "Sections 一 and 五 read almost as last year's (Jaccard over character 5-grams ≥ 0.9).",
    messages: {
      main: { zh: '「{section}」与 {prevYear} 年报高度雷同（相似度 {s}）', en: '"{section}" is nearly the same as in the {prevYear} report (similarity {s})' },
    },
    caveat: { zh: '固定表述多的部分相似度天然偏高；本条只提示，不代表有误。', en: 'Boilerplate-heavy sections are naturally similar; this is a hint, not an error.' },
    examples: [
      {
        name: 'a rewritten 问题 section',
        valid: true,
        input: {
          year: 2022,
          sections: [{ no: 5, title: '存在的主要问题及改进情况', text: '信息公开队伍专业化能力建设有待加强，下一步将加强培训，提升信息发布质量。' }],
          previous: { year: 2021, sections: [{ no: 5, title: '存在的主要问题及改进情况', text: '政民互动栏目网民留言回复效率有待提高，将完善主动公开信息联动机制。' }] },
        },
      },
      {
        name: '沭阳发改局 2023 第五部分 copied unchanged into the next year',
        valid: false,
        input: {
          year: 2024,
          sections: [{ no: 5, title: '存在的主要问题及整改措施', text: '（一）存在的主要问题。各科室人员信息公开意识有所松懈，部门文件、新政策发布及解读工作主动性不强；政民互动栏目网民留言回复效率有待提高。' }],
          previous: { year: 2023, sections: [{ no: 5, title: '存在的主要问题及整改措施', text: '（一）存在的主要问题。各科室人员信息公开意识有所松懈，部门文件、新政策发布及解读工作主动性不强；政民互动栏目网民留言回复效率有待提高。' }] },
        },
      },
    ],
  },
  check(ctx) {
    const prev = lastYear(ctx.model);
    if (!prev) return;
    for (const no of [1, 5]) {
      const now = ctx.model.sections.find((s) => s.no === no);
      const before = prev.sections.find((s) => s.no === no);
      if (!now || !before || now.text.length < 30) continue;
      const s = similarity(now.text, before.text);
      if (s >= 0.9) ctx.report({ data: { section: SECTION_NAMES[no]!.zh, s: s.toFixed(2), prevYear: prev.year! }, cells: [], span: now.source, table: 'text' });
    }
  },
});

export const xyearRules: Rule[] = [carry, normStock, identicalTables, identicalText];

/** For faces that want to know whether a previous report was usable. */
export function previousUsable(model: ReportModel): boolean {
  return !!lastYear(model);
}
