// The presentation data every face renders: marks, cards, banner, exports (on real fixtures).
import { describe, expect, it } from 'vitest';
import { cardOf, cellMarks, check, coverageBanner, findingsCsv, findingsJson } from '../core/index.ts';
import { fixtureInput } from './support/fixtures.ts';

const lingdong = check(fixtureInput('lingdong-health-2020.txt'));
const putuo = check(fixtureInput('putuo-health-2021.txt'));

describe('present', () => {
  it('marks the first cell of each finding with the worst severity', () => {
    const marks = cellMarks(lingdong);
    expect(marks.get('B.total.np')?.severity).toBe('error');
    expect(marks.get('B.new.tot')?.severity).toBe('error');
    // Seed 001's blank 行政复议 cells are EMPTY-CELLS, a table-level notice: no cell of theirs is outlined
    // (it was 'warning' on C.rev.keep, the first of them, until issue 17).
    expect(marks.get('C.rev.keep')).toBeUndefined();
    expect(lingdong.findings.some((f) => f.ruleId === 'EMPTY-CELLS' && f.cells.includes('C.rev.keep'))).toBe(true);
    expect([...marks.values()].filter((m) => m.severity === 'error').map((m) => m.ref).sort()).toEqual(['B.new.oth', 'B.new.tot', 'B.total.np', 'B.total.tot']);
  });

  it('a card shows the equation with its numbers, the difference and the related cells', () => {
    const f = lingdong.findings.find((x) => x.ruleId === 'APP-COL-OUTCOME-TOTAL' && x.cells[0] === 'B.total.tot')!;
    const card = cardOf(lingdong, f, 'zh');
    expect(card.message).toBe('「（七）总计」总计列应为 16（属于行政执法案卷 16），表中为 17');
    expect(card.equation).toMatchObject({ leftSum: 17, rightSum: 16, diff: 1 });
    expect(card.equation!.right).toContain('属于行政执法案卷 16');
    expect(card.related).toContain('B.open.tot');
    expect(card.related.length).toBeGreaterThanOrEqual(19);
    expect(card.related).not.toContain('B.total.tot');
    expect(card.caveat).toBeUndefined();
    expect(cardOf(lingdong, f, 'en').severityLabel).toBe('Error');
  });

  it('the banner never says clean when a table was not fully read', () => {
    const b = coverageBanner(putuo, 'zh');
    expect(b.level).toBe('warn');
    expect(b.lines.join()).toContain('表二只核对了一部分');
    const none = coverageBanner(check({ kind: 'text', text: '随便一段文字' }), 'zh');
    expect(none.level).toBe('bad');
    expect(none.lines).toContain('表一未找到，未检查');
  });

  it('CSV starts with a BOM and quotes fields; JSON has the CLI fields', () => {
    const csv = findingsCsv(lingdong, 'zh', 'lingdong.txt');
    expect(csv.startsWith('\ufeff来源,单位,年度')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(lingdong.findings.length + 1);
    const json = findingsJson(lingdong, 'zh', 'lingdong.txt') as { findings: unknown[]; verdict: string };
    expect(json.verdict).toBe('errors');
    expect(json.findings).toHaveLength(lingdong.findings.length);
  });
});

describe('one JSON shape', () => {
  it("the site's JSON export and the CLI's --json object are the same for one file", async () => {
    const { toFileReport } = await import('../core/cli.ts');
    const r = check(fixtureInput('yinzhou-health-2021.txt'));
    expect(findingsJson(r, 'en', 'yinzhou.txt')).toEqual(toFileReport('yinzhou.txt', r, 'en'));
  });
});

describe('one mistake, one mark (issue 17)', () => {
  it('沭阳县 2025 with （七）总计/自然人 710 → 711: the findings it breaks are all marked on that one cell, and each card opens with the fix', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { FIXTURES } = await import('./support/fixtures.ts');
    const text = readFileSync(join(FIXTURES, 'shuyang-county-gov-2025.txt'), 'utf8');
    const clean = check({ kind: 'text', text });
    expect(clean.model.tables.B!.cells['B.total.np']!.raw).toBe('710');
    const at = clean.locate('B.total.np')!;
    if (at.kind !== 'text') throw new Error('expected a text source');
    const r = check({ kind: 'text', text: text.slice(0, at.start) + '711' + text.slice(at.end) });
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(r.mistakes).toHaveLength(1);
    const marked = [...cellMarks(r).values()].filter((m) => m.severity === 'error').map((m) => m.ref);
    expect(marked).toEqual(['B.total.np']);
    for (const f of errors) expect(cardOf(r, f, 'zh').fix).toContain('应为 710（表中为 711）');
    expect(cardOf(r, errors[0]!, 'en').fix).toContain('should be 710 (the table has 711)');
  });
});
