// ACT-*, ACT19-*, YEAR-*, STRUCT-*: every rule's own examples (valid ⇒ silent, invalid ⇒ fires with
// data filling its message), and detectYear on the real reports' titles, periods and sign-offs.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { actRules } from '../core/rules/act.ts';
import { act19Rules } from '../core/rules/act19.ts';
import { yearRules } from '../core/rules/year.ts';
import { structRules } from '../core/rules/struct.ts';
import { runRules } from '../core/rules/run.ts';
import { fill } from '../core/present/index.ts';
import { modelFromExample } from '../core/model/from-example.ts';
import { detectYear, type YearPara } from '../core/recognise/year.ts';
import { compact } from '../core/text/compact.ts';
import { yearMentions } from '../core/text/years.ts';
import type { Rule } from '../core/rules/rule.ts';
import type { Finding } from '../core/types.ts';

const families: [string, Rule[]][] = [
  ['act', actRules],
  ['act19', act19Rules],
  ['year', yearRules],
  ['struct', structRules],
];

const placeholders = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** The presentation layer's renderer: substitutes every {name}, cell references in words. */
function render(template: string, data: Finding['data']): string {
  return fill(template, data);
}

function renders(rule: Rule, f: Finding): boolean {
  const msg = rule.meta.messages[f.messageId];
  if (!msg) return false;
  const named = [msg.zh, msg.en].flatMap(placeholders);
  return named.every((p) => p in f.data) && [msg.zh, msg.en].every((t) => !/\{\w+\}/.test(render(t, f.data)));
}

describe.each(families)('%s rules', (_family, rules) => {
  it('have unique ids, both message languages and examples of both kinds', () => {
    const ids = rules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { meta } of rules) {
      expect(Object.keys(meta.messages).length, meta.id).toBeGreaterThan(0);
      for (const m of Object.values(meta.messages)) {
        expect(m.zh, meta.id).toMatch(/[\u4e00-\u9fa5]/);
        expect(m.en, meta.id).toMatch(/[a-z]/);
      }
      expect(meta.examples.some((e) => e.valid), meta.id).toBe(true);
      expect(meta.examples.some((e) => !e.valid), meta.id).toBe(true);
    }
  });

  for (const rule of rules) {
    for (const ex of rule.meta.examples) {
      it(`${rule.meta.id}: ${ex.valid ? 'valid' : 'invalid'}: ${ex.name}`, () => {
        if ('text' in ex.input) throw new Error('structured examples only in these families');
        const { findings } = runRules(modelFromExample(ex.input), [rule]);
        const own = findings.filter((f) => f.ruleId === rule.meta.id);
        if (ex.valid) {
          expect(own).toEqual([]);
        } else {
          expect(own.length).toBeGreaterThan(0);
          for (const f of own) {
            expect(renders(rule, f), `${f.messageId} ${JSON.stringify(f.data)}`).toBe(true);
            expect([rule.meta.severity, 'info']).toContain(f.severity);
            expect(f.certainty).toBe(rule.meta.certainty);
          }
        }
      });
    }
  }
});

describe('render', () => {
  it('fills every placeholder of a real finding in both languages', () => {
    const rule = yearRules.find((r) => r.meta.id === 'YEAR-BODY-MISMATCH')!;
    const ex = rule.meta.examples.find((e) => !e.valid)!;
    if ('text' in ex.input) throw new Error('structured');
    const [f] = runRules(modelFromExample(ex.input), [rule]).findings;
    const msg = rule.meta.messages[f!.messageId]!;
    expect(render(msg.zh, f!.data)).toBe('本报告为 2021 年度，但正文写「2020年，我单位接到依申请公开3条，均及时办结，无行政复议和提起诉讼情况」（2020 年），疑为沿用其他年度报告的表述');
    expect(render(msg.en, f!.data)).not.toMatch(/\{\w+\}/);
  });

  it('leaves an unknown placeholder visible rather than inventing a value', () => {
    expect(render('「{row}」{missing}', { row: '规章' })).toBe('「规章」{missing}');
  });
});

describe('ACT findings point at the right cells', () => {
  const run = (id: string, input: Parameters<typeof modelFromExample>[0]) =>
    runRules(modelFromExample(input), [...actRules, ...act19Rules].filter((r) => r.meta.id === id));

  it('ACT-VALID-LT-NET-NEW marks 现行有效 first and carries the numbers', () => {
    const { findings } = run('ACT-VALID-LT-NET-NEW', { templateParts: { A: '2021' }, cells: { 'A.norm.made': 6, 'A.norm.repealed': 1, 'A.norm.valid': 3 } });
    expect(findings.map((f) => [f.cells, f.data, f.table])).toEqual([
      [['A.norm.valid', 'A.norm.made', 'A.norm.repealed'], { row: '行政规范性文件', valid: 3, made: 6, rep: 1, net: 5 }, 'A'],
    ]);
  });

  it('valid = 0 is only ACT-VALID-ZERO, not also ACT-VALID-LT-NET-NEW', () => {
    const input = { templateParts: { A: '2021' as const }, cells: { 'A.norm.made': 3, 'A.norm.repealed': 1, 'A.norm.valid': 0 } };
    const valid = actRules.filter((r) => r.meta.id.startsWith('ACT-VALID-'));
    expect(runRules(modelFromExample(input), valid).findings.map((f) => f.ruleId)).toEqual(['ACT-VALID-ZERO']);
  });

  it('a short row is skipped with a reason, not guessed (seed 000 行政规范性文件 has 2 of 3 values)', () => {
    const out = run('ACT-VALID-LT-NET-NEW', {
      templateParts: { A: '2021' },
      cells: { 'A.norm.made': 6, 'A.norm.repealed': 0, 'A.norm.valid': 1 },
      rowsShort: [{ table: 'A', row: 'A.norm', found: 2, expected: 3 }],
    });
    expect(out.findings).toEqual([]);
    expect(out.skipped).toEqual([{ table: 'A', ruleId: 'ACT-VALID-LT-NET-NEW', reason: 'row A.norm has fewer values than columns' }]);
  });

  it('2021 rules stay off 2019 cells and ACT19 rules off 2021 cells', () => {
    const m19 = modelFromExample({ templateParts: { A: '2019' }, cells: { 'A19.norm.newmade': 3, 'A19.norm.newpub': 3, 'A19.norm.totalpub': 0 } });
    expect(runRules(m19, actRules.filter((r) => r.meta.id !== 'ACT-BLOCK-MISSING')).findings).toEqual([]);
    const m21 = modelFromExample({ templateParts: { A: '2021' }, cells: { 'A.norm.made': 3, 'A.norm.repealed': 1, 'A.norm.valid': 24, 'A.fee.amt': 0 } });
    expect(runRules(m21, act19Rules).findings).toEqual([]);
  });

  it('ACT-BLOCK-MISSING lists the missing row of the layout found only', () => {
    const { findings } = run('ACT-BLOCK-MISSING', {
      templateParts: { A: '2019' },
      cells: {
        'A19.reg.newmade': 0, 'A19.reg.newpub': 0, 'A19.reg.totalpub': 0, 'A19.norm.newmade': 0, 'A19.norm.newpub': 0, 'A19.norm.totalpub': 0,
        'A19.permit.prev': 16, 'A19.permit.delta': 16, 'A19.permit.dec': 16, 'A19.othersvc.prev': 0, 'A19.othersvc.delta': 0, 'A19.othersvc.dec': 0,
        'A19.penalty.prev': 0, 'A19.penalty.delta': 0, 'A19.penalty.dec': 0, 'A19.coercion.prev': 0, 'A19.coercion.delta': 0, 'A19.coercion.dec': 0,
        'A19.fee.prev': 0, 'A19.fee.delta': 0,
      },
    });
    // Findings carry references; the words come from the presentation layer, in either language.
    expect(findings.map((f) => fill('{block}/{row}', f.data, 'zh'))).toEqual(['第二十条第（九）项/政府集中采购']);
    expect(findings.map((f) => fill('{block}/{row}', f.data, 'en'))).toEqual(['Article 20 (9)/central procurement']);
  });
});

// ---------------------------------------------------------------------------------------------
// detectYear on the real reports

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const SECTION_WORDS = ['总体情况', '主动公开', '申请情况', '复议', '问题', '其他需要报告'];

/** Non-empty lines as paragraphs; a line 「一、总体情况」 … 「六、其他需要报告的事项」 (or seed 003's unnumbered
 * 「其他需要报告的事项」) starts that section. 「一、本年新收…申请数量」 inside table B is not a heading. */
function parasOf(file: string): YearPara[] {
  const lines = readFileSync(FIXTURES + file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  let section: number | undefined;
  return lines.map((text) => {
    const t = compact(text).replace(/^#+/, '');
    const m = /^([一二三四五六])、/.exec(t);
    const no = m ? '一二三四五六'.indexOf(m[1]!) + 1 : 0;
    if (no && t.includes(SECTION_WORDS[no - 1]!)) section = no;
    else if (t === '其他需要报告的事项') section = 6;
    return { text, ...(section ? { section } : {}) };
  });
}

describe('detectYear on real reports', () => {
  it('seed 001 岭东 2020: title with stray spaces 「2020 年岭东区卫生健康局政府信息公开 工作年度报告」', () => {
    const d = detectYear({ paras: parasOf('lingdong-health-2020.txt') });
    expect(d).toMatchObject({ year: 2020, source: 'title', period: { from: 2020, to: 2020 } });
    expect(detectYear({ title: '2020 年岭东区卫生健康局政府信息公开 工作年度报告', paras: [] })).toMatchObject({ year: 2020, source: 'title' });
  });

  it('seed 000 普陀 2021: title 「普陀区卫生健康局2021年政府信息公开工作年度报告」', () => {
    expect(detectYear({ paras: parasOf('putuo-health-2021.txt') })).toMatchObject({ year: 2021, source: 'title' });
  });

  it('seed 002 保山 2021: no title, no period; body says 2021, signed 2022年1月24日', () => {
    const paras = parasOf('baoshan-health-2021.txt');
    const d = detectYear({ paras });
    expect(d).toMatchObject({ year: 2021, source: 'body', signoff: { y: 2022, m: 1, d: 24, agency: '保山市卫生健康委员会' } });
    expect(d.period).toBeUndefined();
    // Only the sign-off left: 2022 − 1.
    expect(detectYear({ paras: paras.slice(-2) })).toMatchObject({ year: 2021, source: 'signoff' });
  });

  it('seed 003 泰山 2022: agency-first title, period 2022–2022', () => {
    const d = detectYear({ paras: parasOf('taishan-health-2022.txt') });
    expect(d).toMatchObject({ year: 2022, source: 'title', period: { from: 2022, to: 2022, text: '统计期限自2022年1月1日起至2022年12月31日止' } });
    expect(detectYear({ title: '泰山区卫生健康局2022年政府信息公开工作年度报告', paras: [] }).year).toBe(2022);
  });

  it('seed 004 鄞州 2021: no title; the body\'s 2021 wins over its stray 2020', () => {
    const d = detectYear({ paras: parasOf('yinzhou-health-2021.txt') });
    expect(d).toMatchObject({ year: 2021, source: 'body' });
    expect(d.signoff).toBeUndefined();
  });

  it('沭阳 2025: 「# 沐阳县人民政府 2025 年 政府信息公开工作年度报告」, period 从…至…止, signed 2026年1月23日', () => {
    const paras = parasOf('shuyang-county-gov-2025.txt');
    const d = detectYear({ paras });
    expect(d).toMatchObject({ year: 2025, source: 'title', period: { from: 2025, to: 2025 }, signoff: { y: 2026, m: 1, d: 23, agency: '沐阳县人民政府' } });
    // Without the title line the period decides; without that too, the body.
    expect(detectYear({ paras: paras.slice(1) })).toMatchObject({ year: 2025, source: 'period' });
    expect(detectYear({ paras: paras.slice(1).filter((p) => !p.text.includes('统计期限')) })).toMatchObject({ year: 2025, source: 'body' });
  });

  it('reads the bracketed date under the title when nothing signs off at the end (沭阳 2025 「(2026年1月23日)」)', () => {
    const d = detectYear({ paras: [{ text: '沐阳县人民政府' }, { text: '(2026年1月23日)' }, { text: '依据《条例》规定，编制本报告。' }] });
    expect(d).toMatchObject({ year: 2025, source: 'signoff', signoff: { y: 2026, m: 1, d: 23 } });
  });

  it('handles full-width digits and a Chinese-numeral sign-off', () => {
    expect(detectYear({ title: '２０２１年度政府信息公开工作年度报告', paras: [] })).toMatchObject({ year: 2021, source: 'title' });
    expect(detectYear({ paras: [{ text: '某某局' }, { text: '二〇二二年一月二十四日' }] })).toMatchObject({ year: 2021, source: 'signoff', signoff: { y: 2022, m: 1, d: 24 } });
  });

  it('returns none when nothing gives a year', () => {
    expect(detectYear({ paras: [{ text: '无。' }] })).toEqual({ source: 'none' });
  });
});

describe('yearMentions classifies comparisons, plans and document names out', () => {
  const kinds = (s: string) => yearMentions(compact(s)).map((m) => `${m.year}:${m.kind}`);
  it.each([
    ['2022年收到政府信息公开申请数量2条，数量比2021年多1条', ['2022:plain', '2021:excluded']],
    ['2023年将进一步加大信息公开力度', ['2023:excluded']],
    ['按照《双鸭山市 2020 年政务公开工作实施方案》要求', ['2020:excluded']],
    ['与2020年相比，2021年，我局共收到申请5件', ['2020:excluded', '2021:plain']],
    ['2020年，我单位接到依申请公开3条', ['2020:plain']],
    ['统计期限自2022年1月1日起至2022年12月31日止', ['2022:excluded', '2022:excluded']],
    ['2022年1月，发布年报', ['2022:date']],
  ])('%s', (s, expected) => {
    expect(kinds(s)).toEqual(expected);
  });
});

describe('year and structure rules on the real reports', () => {
  const modelOf = (file: string, year: number) =>
    modelFromExample({ year, paras: parasOf(file) as { text: string; section?: number }[] });
  const only = (id: string) => yearRules.concat(structRules).filter((r) => r.meta.id === id);

  it.each([
    ['lingdong-health-2020.txt', 2020, 0],
    ['putuo-health-2021.txt', 2021, 0],
    ['baoshan-health-2021.txt', 2021, 0],
    ['taishan-health-2022.txt', 2022, 0],
    ['yinzhou-health-2021.txt', 2021, 1],
    ['shuyang-county-gov-2025.txt', 2025, 0],
  ])('YEAR-BODY-MISMATCH on %s (%i): %i finding(s)', (file, year, n) => {
    const { findings } = runRules(modelOf(file, year), only('YEAR-BODY-MISMATCH'));
    expect(findings).toHaveLength(n);
    if (n) expect(findings[0]!.data).toMatchObject({ year: 2021, written: 2020 });
  });

  it.each([
    ['lingdong-health-2020.txt', 2020],
    ['putuo-health-2021.txt', 2021],
    ['baoshan-health-2021.txt', 2021],
    ['taishan-health-2022.txt', 2022],
    ['yinzhou-health-2021.txt', 2021],
    ['shuyang-county-gov-2025.txt', 2025],
  ])('YEAR-STAT-PERIOD, YEAR-SIGNOFF and STRUCT-FOREIGN-AGENCY stay quiet on %s', (file, year) => {
    const ids = ['YEAR-STAT-PERIOD', 'YEAR-SIGNOFF', 'STRUCT-FOREIGN-AGENCY'];
    const { findings } = runRules(modelOf(file, year), yearRules.concat(structRules).filter((r) => ids.includes(r.meta.id)));
    expect(findings).toEqual([]);
  });
});
