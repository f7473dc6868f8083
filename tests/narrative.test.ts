// Narrative-versus-table rules (domain.md §2.4) on real sentences from the fixtures: each sentence as
// published passes, the same sentence with one number changed fires at the right cell and points back at
// the sentence, and the sweep over every real fixture finds only the narrative errors the MANIFEST lists.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, coverageReasons } from '../core/index.ts';
import { cellOf } from '../core/model/cells.ts';
import { FIXTURES, allFixtureFiles, checkFixture } from './support/fixtures.ts';
import { SKIP_REASONS, narrativeFigures } from './support/narrative-figures.ts';
import { main, type FileReport } from '../core/cli.ts';
import { RULES } from '../core/index.ts';
import { runRules } from '../core/rules/run.ts';
import { modelFromExample } from '../core/model/from-example.ts';
import { tableC } from '../core/rules/examples.ts';

const text = (f: string) => readFileSync(join(FIXTURES, f), 'utf8');
const narrative = (r: ReturnType<typeof check>) => r.findings.filter((f) => /^TXT-|^YEAR-BODY/.test(f.ruleId));

function mutated(file: string, from: string, to: string) {
  const src = text(file);
  expect(src, `${file} holds 「${from}」`).toContain(from);
  const changed = src.replace(from, to);
  return { result: check({ kind: 'text', text: changed }), source: changed };
}

describe('narrative rules on real sentences', () => {
  it('沭阳县 2025: 「共受理政府信息公开申请 749 件」 agrees with the table; 759 does not', () => {
    expect(narrative(check({ kind: 'text', text: text('shuyang-county-gov-2025.txt') }))).toEqual([]);
    const { result, source } = mutated('shuyang-county-gov-2025.txt', '共受理政府信息公开申请 749 件', '共受理政府信息公开申请 759 件');
    const f = result.findings.find((x) => x.ruleId === 'TXT-APP-NEW');
    expect(f, 'TXT-APP-NEW').toBeDefined();
    expect(f!.cells[0]).toBe('B.new.tot');
    expect(f!.span?.kind).toBe('text');
    const span = f!.span as { start: number; end: number };
    expect(source.slice(span.start, span.end)).toContain('759');
  });

  it('沭阳县 2025: the applicant split 「自然人申请 741 件」 is checked against B.new.np', () => {
    const { result } = mutated('shuyang-county-gov-2025.txt', '其中自然人申请 741 件', '其中自然人申请 740 件');
    const f = result.findings.find((x) => x.ruleId === 'TXT-APP-APPLICANT');
    expect(f, 'TXT-APP-APPLICANT').toBeDefined();
    expect(f!.cells[0]).toBe('B.new.np');
  });

  it('平潭 2022: 「涉及自然人72件、商业企业3件」 names one organisation column, checked against B.new.biz', () => {
    const { result } = mutated('pingtan-gov-2022.crawl.txt', '商业企业3件', '商业企业4件');
    expect(result.findings.filter((x) => x.ruleId === 'TXT-APP-APPLICANT').map((f) => [f.cells, f.data['n'], f.data['v']])).toEqual([[['B.new.biz'], 4, 3]]);
  });

  it('泰山区 2022: 「数量比2021年多1条」 is a comparison, neither a wrong year nor a count', () => {
    const r = check({ kind: 'text', text: text('taishan-health-2022.txt') });
    expect(narrative(r)).toEqual([]);
    const { result } = mutated('taishan-health-2022.txt', '收到政府信息公开申请数量2条', '收到政府信息公开申请数量3条');
    expect(result.findings.map((x) => x.ruleId)).toContain('TXT-APP-NEW');
    expect(result.findings.map((x) => x.ruleId)).not.toContain('YEAR-BODY-MISMATCH');
  });

  it('泰山区 2022: 「没有发生…行政复议、行政诉讼」 is checked against table C', () => {
    const src = text('taishan-health-2022.txt');
    const r = check({ kind: 'text', text: src });
    expect(cellOf(r.model, 'C.rev.total')?.value).toEqual({ kind: 'number', n: 0 });
    // the same sentence claiming a case the table does not hold
    const { result } = mutated('taishan-health-2022.txt', '全年没有发生因政府信息公开申请提起行政复议、行政诉讼情况', '全年发生因政府信息公开申请提起行政复议3件');
    expect(result.findings.find((x) => x.ruleId === 'TXT-REVIEW')?.cells[0]).toBe('C.rev.total');
  });

  it('岭东区 2020: 「共收到1条依申请公开信息，其中1个自然人申请」 passes; Chinese numerals are read', () => {
    expect(narrative(check({ kind: 'text', text: text('lingdong-health-2020.txt') }))).toEqual([]);
    const { result } = mutated('lingdong-health-2020.txt', '共收到1条依申请公开信息', '共收到两条依申请公开信息');
    expect(result.findings.map((x) => x.ruleId)).toContain('TXT-APP-NEW');
  });

  it('保山市 2021: 「主动公开政务信息504条，其中…」 parts add up to 705', () => {
    const r = check({ kind: 'text', text: text('baoshan-health-2021.txt') });
    const f = r.findings.find((x) => x.ruleId === 'TXT-PARTS-WHOLE');
    expect(f?.data).toMatchObject({ whole: 504, sum: 705 });
    expect(f?.severity).toBe('warning');
    // 「未收到要求公开政府信息的申请」 agrees with an all-zero table B
    expect(r.findings.map((x) => x.ruleId)).not.toContain('TXT-APP-NONE');
  });

  it('淮安市 2024 (pdftotext -layout): the outcomes listed after 行政复议351件 and 行政诉讼46件 agree with table C; a changed one is found at its cells', () => {
    const file = 'flat/huaian-city-gov-2024.pdftotext-layout.txt';
    expect(narrative(check({ kind: 'text', text: text(file) }))).toEqual([]);
    const review = mutated(file, '结果维持 72 件', '结果维持 70 件').result.findings.filter((f) => f.ruleId.endsWith('-OUTCOME'));
    expect(review.map((f) => [f.ruleId, f.cells, f.data['n'], f.data['v']])).toEqual([['TXT-REVIEW-OUTCOME', ['C.rev.keep'], 70, 72]]);
    // the suits' 「其他结果 9 件」 is 8 + 1 of the two kinds of suit, never the reviews' 178
    const suits = mutated(file, '其他结果 9 件', '其他结果 8 件').result.findings.filter((f) => f.ruleId.endsWith('-OUTCOME'));
    expect(suits.map((f) => [f.ruleId, f.cells, f.data['n'], f.data['v']])).toEqual([['TXT-LITIGATION-OUTCOME', ['C.litd.other', 'C.lita.other'], 8, 9]]);
  });

  it('淮安市 2024: 「全年新增公开市政府规章 1 件」 is table A 规章 本年制发; the 「政策性文件 11 件」 beside it is no table row', () => {
    const file = 'flat/huaian-city-gov-2024.pdftotext-layout.txt';
    const r = mutated(file, '新增公开市政府规章 1 件', '新增公开市政府规章 2 件').result;
    expect(r.findings.filter((f) => f.ruleId === 'TXT-ACT-DOCS').map((f) => [f.cells, f.data['n'], f.data['v'], f.severity])).toEqual([[['A.reg.made'], 2, 1, 'info']]);
    // table A's 规章 现行有效 is 11 too: the 11 policy documents are not read as it, whatever it holds
    const other = mutated(file, '规章            1          0        11', '规章            1          0        12').result;
    expect(other.findings.filter((f) => f.ruleId === 'TXT-ACT-DOCS')).toEqual([]);
  });

  it('鄞州区 2021: 114 vs 284 and the 2020 sentence in a 2021 report', () => {
    const r = check({ kind: 'text', text: text('yinzhou-health-2021.txt') });
    const ids = narrative(r).map((x) => x.ruleId).sort();
    expect(ids).toEqual(['TXT-TOTAL-CONFLICT', 'YEAR-BODY-MISMATCH']);
    expect(r.coverage.text.status).toBe('checked');
  });
});

describe('false-positive sweep', () => {
  // What every real fixture is allowed to raise from the narrative rules: the MANIFEST's known cases only.
  const allowed: Record<string, string[]> = {
    'baoshan-health-2021.txt': ['TXT-PARTS-WHOLE'],
    'yinzhou-health-2021.txt': ['TXT-TOTAL-CONFLICT', 'YEAR-BODY-MISMATCH'],
  };
  for (const file of allFixtureFiles()) {
    it(`${file}: no narrative finding beyond the known ones, none of them an error`, async () => {
      const r = await checkFixture(file);
      const found = narrative(r);
      expect(found.filter((f) => f.severity === 'error')).toEqual([]);
      expect(found.map((f) => f.ruleId).sort()).toEqual((allowed[file] ?? []).slice().sort());
    });
  }
});

describe('every real report: each number its narrative states about the tables agrees with them or is listed with why', () => {
  // No fixture's MANIFEST lists a disagreement between its narrative and its tables (tests/fixtures/README.md:
  // 保山市 2021's and 鄞州区 2021's narrative findings are within the text), so every number a rule compared
  // must agree: no TXT-* finding that points at a table cell.
  for (const file of allFixtureFiles()) {
    it(`${file}: compared numbers agree, skipped ones each carry a reason`, async () => {
      const r = await checkFixture(file);
      const againstTables = r.findings.filter((f) => f.ruleId.startsWith('TXT-') && f.cells.length);
      expect(againstTables.map((f) => [f.ruleId, f.cells[0], f.data['n'], f.data['excerpt']])).toEqual([]);
      const fig = narrativeFigures(file, r);
      expect(fig.skips).toHaveLength(fig.skipped);
      for (const skip of fig.skips) {
        expect(SKIP_REASONS).toContain(skip.reason);
        // the listed clause ends with the very number listed, and its paragraph is the report's
        expect(skip.excerpt.endsWith(`${skip.n}${skip.unit}`) || /[零〇一二两三四五六七八九十百千]$/.test(skip.excerpt.slice(0, -1)), JSON.stringify(skip)).toBe(true);
        expect(r.model.paras[skip.para], JSON.stringify(skip)).toBeDefined();
        // a rule that read the number says what it bound it to; only a number no rule read has no subject
        if (skip.reason !== 'no-table-cell') expect(skip.subject, JSON.stringify(skip)).toBeTruthy();
      }
    });
  }
});

describe('what the narrative states about the tables: compared or skipped, and counted', () => {
  const numbers = async (file: string) => (await checkFixture(file)).coverage.text.codes.find((c) => c.code === 'narrative-numbers');
  // Counted on the real reports' own narratives (issue 19); every compared one agrees, as the sweep above shows.
  it.each([
    ['shuyang-county-gov-2025.txt', 5, 1],
    ['shanghai-stcsm-2024.md', 5, 6],
    ['pingtan-gov-2021.crawl.txt', 3, 1],
    ['huaian-city-gov-2024.pdf', 13, 2],
  ] as const)('%s: %i compared, %i skipped, said in the text coverage line', async (file, compared, skipped) => {
    expect(await numbers(file)).toMatchObject({ code: 'narrative-numbers', compared, skipped });
    expect((await numbers(file))?.skips).toHaveLength(skipped);
    const r = await checkFixture(file);
    expect(r.coverage.text.status).toBe('checked');
    expect(coverageReasons(r, 'text').join('')).toContain(`已与表格比对 ${compared} 个`);
  });

  it('each number not compared is listed with why: 沭阳县 2025 「相关案件74件」 is reviews and suits together, 上海市科委 2024\'s outcomes have no readable cell', async () => {
    expect((await numbers('shuyang-county-gov-2025.txt'))?.skips).toEqual([
      { para: expect.any(Number), span: expect.objectContaining({ kind: 'text' }), n: 74, unit: '件', excerpt: '全县共办理相关案件74件', subject: '案件', reason: 'ambiguous-subject' },
    ]);
    const stcsm = (await numbers('shanghai-stcsm-2024.md'))!.skips;
    expect(stcsm.map((x) => [x.subject, x.n, x.reason])).toEqual([
      ['部分公开', 0, 'cell-not-read'],
      ['不予公开', 2, 'cell-not-read'],
      ['无法提供', 10, 'cell-not-read'],
      ['不予处理', 0, 'cell-not-read'],
      ['其他处理', 14, 'cell-not-read'],
      ['结转下年度', 1, 'cell-not-read'],
    ]);
    // 保山市 2021's list of what was published: the tables count none of it
    const baoshan = (await numbers('baoshan-health-2021.txt'))!.skips;
    expect(baoshan.find((x) => x.n === 22)).toMatchObject({ excerpt: '通知公告22条', reason: 'no-table-cell' });
    expect(new Set(baoshan.map((x) => x.reason))).toEqual(new Set(['no-table-cell']));
  });

  it('淮安市 2024\'s outcomes under 「行政复议、行政诉讼」 are skipped as ambiguous, not compared with either', () => {
    const file = 'flat/huaian-city-gov-2024.pdftotext-layout.txt';
    const { result } = mutated(file, '政府信息公开行政复议 351', '政府信息公开行政复议、行政诉讼 351');
    expect(result.findings.filter((f) => f.ruleId === 'TXT-REVIEW-OUTCOME')).toEqual([]);
    const code = result.coverage.text.codes.find((c) => c.code === 'narrative-numbers');
    const skips = code && 'skips' in code ? code.skips : [];
    expect(skips.filter((x) => x.reason === 'ambiguous-subject').map((x) => [x.subject, x.n])).toEqual([
      ['结果维持', 72],
      ['结果纠正', 64],
      ['其他结果', 178],
      ['尚未审结', 37],
    ]);
  });

  it('an outcome of suits outside section 四 with no word of disclosure is skipped as possibly all of the agency\'s cases', () => {
    // 淮安市 2024's suits without 「政府信息公开」, alone in section 一
    const model = modelFromExample({ year: 2024, cells: tableC([72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]), paras: [{ text: '全年行政诉讼46件，其中结果维持25件，结果纠正4件。', section: 1 }] });
    const run = runRules(model, RULES);
    expect(run.findings.filter((f) => /^TXT-(?:LITIGATION|REVIEW)/.test(f.ruleId))).toEqual([]);
    const [s] = model.sentences;
    expect([...run.notCompared.get(s!)!.values()]).toEqual([
      { reason: 'agency-wide-cases', subject: '行政诉讼' },
      { reason: 'agency-wide-cases', subject: '行政诉讼结果维持' },
      { reason: 'agency-wide-cases', subject: '行政诉讼结果纠正' },
    ]);
  });

  it('the command line lists the numbers not compared with why, in its text and in --json', async () => {
    const out: string[] = [];
    await main([join(FIXTURES, 'shuyang-county-gov-2025.txt')], (x) => out.push(x), () => {});
    expect(out.join('\n')).toContain('【正文中未与表格比对的数字（1 个）】\n  所指不明确：「全县共办理相关案件74件」');
    const en: string[] = [];
    await main(['--lang', 'en', join(FIXTURES, 'shuyang-county-gov-2025.txt')], (x) => en.push(x), () => {});
    expect(en.join('\n')).toContain('what it counts is unclear: "全县共办理相关案件74件"');
    const json: string[] = [];
    await main(['--json', join(FIXTURES, 'shanghai-stcsm-2024.md')], (x) => json.push(x), () => {});
    const [report] = JSON.parse(json.join('')) as FileReport[];
    expect(report!.narrative).toMatchObject({ compared: 5, skipped: 6 });
    expect(report!.narrative!.skips[1]).toEqual({ para: expect.any(Number), n: 2, unit: '件', excerpt: '不予公开答复2件', subject: '不予公开', reason: 'cell-not-read', why: '对应的表格单元格未读出或为空' });
  });

  it('a changed carry-over in 平潭 2021\'s own sentence is found, and counted as compared', async () => {
    const text = readFileSync(join(FIXTURES, 'pingtan-gov-2021.crawl.txt'), 'utf8');
    expect(text).toContain('1件结转下年度继续办理');
    const before = check({ kind: 'text', text });
    const r = check({ kind: 'text', text: text.replace('1件结转下年度继续办理', '2件结转下年度继续办理') });
    expect(before.findings.filter((f) => f.ruleId === 'TXT-APP-CARRY')).toEqual([]);
    expect(r.findings.filter((f) => f.ruleId === 'TXT-APP-CARRY').map((f) => f.data['n'])).toEqual([2]);
  });
});
