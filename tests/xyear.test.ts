// Cross-year checks on real reports. The corpus holds no agency with two consecutive years, so each
// case pairs a real report with a copy of itself or of another real report, relabelled as the year
// before: exactly the "last year's report reused" situation the rules look for.
import { describe, expect, it } from 'vitest';
import { check } from '../core/index.ts';
import { withPrevious } from '../core/pipeline/check.ts';
import { xyearRules } from '../core/rules/xyear.ts';
import { runRules } from '../core/rules/run.ts';
import { modelFromExample } from '../core/model/from-example.ts';
import { fixtureInput } from './support/fixtures.ts';
import { main } from '../core/cli.ts';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { FIXTURES } from './support/fixtures.ts';

const taishan = check(fixtureInput('taishan-health-2022.txt'));
const ids = (r: ReturnType<typeof check>) => r.findings.filter((f) => f.ruleId.startsWith('XYEAR-')).map((f) => `${f.ruleId} ${f.cells[0] ?? '-'}`);

describe('cross-year', () => {
  it("every XYEAR rule's own examples hold", () => {
    for (const rule of xyearRules) {
      for (const ex of rule.meta.examples) {
        if ('text' in ex.input) continue;
        const fired = runRules(modelFromExample(ex.input), [rule]).findings.length > 0;
        expect(fired, `${rule.meta.id}: ${ex.name}`).toBe(!ex.valid);
      }
    }
  });

  it('a report whose tables equal "last year\'s" gets XYEAR-IDENTICAL-TABLES and identical sections', () => {
    const lastYear = { ...taishan.model, year: 2021 };
    const r = withPrevious(taishan, lastYear);
    expect(ids(r)).toContain('XYEAR-IDENTICAL-TABLES -');
    expect(ids(r)).toContain('XYEAR-IDENTICAL-TEXT -');
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a previous report for another year than Y−1 is not used', () => {
    expect(ids(withPrevious(taishan, { ...taishan.model, year: 2019 }))).toEqual([]);
  });

  it('a different real report as last year: no identical-table finding; carry-over compared per column', () => {
    const other = check(fixtureInput('baoshan-health-2021.txt'));
    const r = withPrevious(taishan, other.model);
    expect(ids(r)).not.toContain('XYEAR-IDENTICAL-TABLES -');
    const carryIn = taishan.model.tables.B!.cells['B.carry_in.tot']!.value;
    const carryOut = other.model.tables.B!.cells['B.carry_out.tot']!.value;
    const differ = carryIn.kind === 'number' && carryOut.kind === 'number' && carryIn.n !== carryOut.n;
    expect(ids(r).includes('XYEAR-CARRY B.carry_in.tot')).toBe(differ);
  });

  it('the CLI pairs two years of one agency in a batch, and takes --previous', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gkc-xyear-'));
    const text = readFileSync(join(FIXTURES, 'taishan-health-2022.txt'), 'utf8');
    writeFileSync(join(dir, 'taishan-2022.txt'), text);
    // The same report relabelled 2021 throughout: what a copied report looks like.
    writeFileSync(join(dir, 'taishan-2021.txt'), text.replaceAll('2022', '2021').replaceAll('2023', '2022'));
    const out: string[] = [];
    await main(['--json', dir], (s) => out.push(s), () => {});
    const reports = JSON.parse(out.join('\n')) as { file: string; findings: { ruleId: string }[] }[];
    const y2022 = reports.find((r) => r.file.endsWith('taishan-2022.txt'))!;
    expect(y2022.findings.map((f) => f.ruleId)).toContain('XYEAR-IDENTICAL-TABLES');
    const y2021 = reports.find((r) => r.file.endsWith('taishan-2021.txt'))!;
    expect(y2021.findings.map((f) => f.ruleId)).not.toContain('XYEAR-IDENTICAL-TABLES');
    const out2: string[] = [];
    await main(['--json', '--previous', join(dir, 'taishan-2021.txt'), join(dir, 'taishan-2022.txt')], (s) => out2.push(s), () => {});
    expect(JSON.parse(out2.join('\n'))[0].findings.map((f: { ruleId: string }) => f.ruleId)).toContain('XYEAR-IDENTICAL-TABLES');
  });
});
