// English output is English (issue 18): with --lang en, every real fixture's report prints no Chinese
// outside quotes of the report's own words ("…") and the agency line. Cells are named by the template's
// English labels; coverage reasons come from codes rendered in one place (core/present/coverage.ts).
import { describe, expect, it } from 'vitest';
import { format } from '../core/present/index.ts';
import { cardOf, coverageBanner } from '../core/present/index.ts';
import { allFixtureFiles, checkFixture } from './support/fixtures.ts';

const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;
/** Rules whose English message quotes the report on purpose (a sentence, a label or heading it wrote). */
const QUOTING = /^(TXT-|YEAR-BODY-MISMATCH|YEAR-STAT-PERIOD|YEAR-SIGNOFF|STRUCT-LABEL-VARIANT|STRUCT-SECTIONS|STRUCT-FOREIGN-AGENCY|PARSE-ROW-SHORT|PARSE-DIGIT-RUN|PARSE-CELL-NONSTANDARD|PARSE-SPLIT-DIGITS|APP-INT-NONNEG|RL-INT-NONNEG|ACT-INT-NONNEG)/;

describe('English output', () => {
  for (const file of allFixtureFiles()) {
    it(`${file}: no Chinese outside quotes of the report`, async () => {
      const r = await checkFixture(file);
      const lines = format(r, 'en').split('\n').slice(1); // the first line is the agency's own name
      for (const line of lines) {
        const rule = /\b([A-Z0-9]+(?:-[A-Z0-9]+)+)\b/.exec(line)?.[1] ?? '';
        const unquoted = line.replace(/"[^"]*"/g, '""');
        expect(unquoted, line).not.toMatch(CJK);
        if (!QUOTING.test(rule)) expect(line, line).not.toMatch(CJK);
      }
      const banner = coverageBanner(r, 'en');
      for (const l of [banner.headline, ...banner.lines]) expect(l.replace(/"[^"]*"/g, '""'), l).not.toMatch(CJK);
      for (const f of r.findings) {
        if (QUOTING.test(f.ruleId)) continue;
        const card = cardOf(r, f, 'en');
        expect(card.message, card.message).not.toMatch(CJK);
      }
    });
  }
  it('card equations in English name cells by the template\'s English labels', async () => {
    let equations = 0;
    for (const file of allFixtureFiles()) {
      const r = await checkFixture(file);
      for (const f of r.findings) {
        const eq = cardOf(r, f, 'en').equation;
        if (!eq) continue;
        equations++;
        expect(`${eq.left} = ${eq.right}`, `${file} ${f.ruleId}`).not.toMatch(CJK);
      }
    }
    expect(equations).toBeGreaterThan(0);
  });
  it('counts in English are plural only when they should be', async () => {
    const r = await checkFixture('lingdong-health-2020.txt');
    expect(format(r, 'en').split('\n')[1]).toMatch(/\(4 errors · 1 warning · \d+ info\)/);
  });
});
