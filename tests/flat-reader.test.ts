// Unit tests of the flat-text reader (core/adapters/text/flat): tokens, cutting digit runs, and the
// rule that a number is never shifted into a neighbour's column. Rows are taken from the real fixtures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../core/adapters/text/flat/tokens.ts';
import { blocksOfFiveHold, cutRuns, rowTotalHolds, SEARCH_CAP } from '../core/adapters/text/flat/digit-runs.ts';
import { check, coverageReasons } from '../core/index.ts';
import { FIXTURES } from './support/fixtures.ts';

const toks = (s: string) => tokenize(s, 0, s.length);
const nums = (s: string) => toks(s).filter((t) => t.kind === 'num');

describe('tokens', () => {
  it('reads numbers with offsets, full-width digits and thousands separators', () => {
    const s = '行政许可 １２３ 1,234 1，234 7730.28 21件';
    expect(nums(s).map((t) => t.text)).toEqual(['123', '1234', '1234', '7730.28', '21']);
    const t = nums(s)[0]!;
    expect(s.slice(t.start, t.end)).toBe('１２３');
  });
  it('keeps a row number with its label, even glued to the values before it (平潭 crawl)', () => {
    const s = '1.属于国家秘密00000002.其他法律行政法规禁止公开0000000';
    expect(toks(s).map((t) => `${t.kind}:${t.text}`)).toEqual(['text:1.属于国家秘密', 'num:0000000', 'text:2.其他法律行政法规禁止公开', 'num:0000000']);
    expect(toks('(三) 不予公 开 1. 属于国家秘密 0 0').filter((t) => t.kind === 'num').map((t) => t.text)).toEqual(['0', '0']);
  });
  it("skips Word's bookmark residue, whose digits are no cell (seed 003)", () => {
    expect(nums('[bookmark: _Hlk66973981]（二）部分公开 0 1').map((t) => t.text)).toEqual(['0', '1']);
  });
  it('marks digits glued to a label', () => {
    expect(nums('申请数量640020470二、').map((t) => t.glued)).toEqual([true]);
    expect(nums('申请数量 64 0 ').map((t) => t.glued)).toEqual([false, false]);
  });
});

describe('cutting digit runs', () => {
  it("平潭 2021's 一、本年新收 「640020470」 has one cut that adds up: 64,0,0,2,0,4,70", () => {
    const r = cutRuns(nums('数量640020470二'), 7, rowTotalHolds);
    expect(r.count).toBe(1);
    expect(r.readings[0]!.values).toEqual([64, 0, 0, 2, 0, 4, 70]);
    expect(r.cuts).toBeGreaterThan(1);
  });
  it('「500000 5」: a glued run and a separate number together', () => {
    expect(cutRuns(nums('情形）500000 5（三）'), 7, rowTotalHolds).readings[0]!.values).toEqual([5, 0, 0, 0, 0, 0, 5]);
  });
  it('table C in blocks of five (平潭 2021 「10203120001200000」)', () => {
    const r = cutRuns(nums('总计10203120001200000五、'), 15, blocksOfFiveHold);
    expect(r.count).toBe(1);
    expect(r.readings[0]!.values).toEqual([1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]);
  });
  it('several cuts that add up are all kept (予以公开 「270020130」: 27,0,0,2,0,1,30 and 2,7,0,0,20,1,30)', () => {
    expect(cutRuns(nums('公开270020130（'), 7, rowTotalHolds).count).toBe(2);
  });
  it('no cut adds up: count 0 (the identity fails under every reading)', () => {
    const r = cutRuns(nums('数量650020470二'), 7, rowTotalHolds);
    expect([r.count, r.cut]).toEqual([0, true]);
  });
  it('a pathological run stops at the cap instead of hanging', () => {
    const run = '9'.repeat(60);
    const t0 = Date.now();
    const r = cutRuns(nums(`数量${run}二`), 15, () => false);
    expect(r.capped).toBe(true);
    expect(Date.now() - t0).toBeLessThan(5_000); // a hang guard, not a speed figure (npm run bench has those)
    expect(SEARCH_CAP).toBeGreaterThan(1000);
  });
  it('numbers set apart by spaces are never cut, and never padded', () => {
    expect(cutRuns(nums('数量 26 26'), 7, rowTotalHolds)).toMatchObject({ count: 0, cut: false });
  });
});

describe('reading flat tables', () => {
  const layout = readFileSync(join(FIXTURES, 'flat', 'hongze-district-gov-2023.pdftotext-layout.txt'), 'utf8');
  it('a row with one number too many is short, never shifted', () => {
    // 洪泽区 2023, 一、本年新收: 「21 0 0 0 0 0 21」 → 「21 0 0 0 0 0 21 9」
    const at = layout.indexOf('21', layout.indexOf('一、本年新收'));
    const end = layout.indexOf('\n', at);
    const r = check({ kind: 'text', text: layout.slice(0, end) + ' 9' + layout.slice(end) });
    const short = r.model.tables.B!.rowsShort.find((s) => s.row === 'B.new');
    expect(short?.flat?.why).toBe('too-many');
    expect(r.model.tables.B!.cells['B.new.np']).toBeUndefined();
    expect(r.coverage.B.status).toBe('partial');
    expect(r.verdict).not.toBe('clean');
  });
  it('a row with a blank cell gone is short, never shifted', () => {
    const at = layout.indexOf('21', layout.indexOf('一、本年新收'));
    const r = check({ kind: 'text', text: layout.slice(0, at) + '  ' + layout.slice(at + 2) });
    expect(r.model.tables.B!.rowsShort.find((s) => s.row === 'B.new')).toMatchObject({ found: 6, expected: 7 });
    expect(r.model.tables.B!.cells['B.new.np']).toBeUndefined();
  });
  it('a run too short for its row tested nothing: the row is short and not checked, no PARSE-DIGIT-RUN error', () => {
    // 平潭 2021's crawl, 二、上年结转 「0000000」 with one digit lost: six digits cannot fill seven cells.
    const crawl = readFileSync(join(FIXTURES, 'pingtan-gov-2021.crawl.txt'), 'utf8');
    const row = '上年结转政府信息公开申请数量0000000';
    expect(crawl).toContain(row);
    const r = check({ kind: 'text', text: crawl.replace(row, '上年结转政府信息公开申请数量000000') });
    expect(r.model.tables.B!.rowsShort.find((s) => s.row === 'B.carry_in')?.flat?.why).toBe('too-short');
    expect(r.findings.filter((f) => f.ruleId === 'PARSE-DIGIT-RUN')).toEqual([]);
    expect(r.coverage.B.status).toBe('partial');
    expect(coverageReasons(r, 'B').join('')).toContain('位数少于 7 格');
  });
  it('a narrative sentence with numbers is not a table', () => {
    const r = check({ kind: 'text', text: '2023年，本机关收到政府信息公开申请21件，予以公开4件，不予公开1件，结转下年度0件。因政府信息公开申请行政复议1件，结果维持1件。' });
    expect(r.model.tables.B).toBeUndefined();
    expect(r.model.tables.C).toBeUndefined();
  });
});
