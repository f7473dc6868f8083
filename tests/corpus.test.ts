// Every real fixture end to end: the known errors appear as exact [ruleId, cell] tuples, no other error
// fires, and each table's coverage is what the MANIFEST says (seed 000's blank table B is never clean).
import { describe, expect, it } from 'vitest';
import { coverageReasons } from '../core/index.ts';
import { allFixtureFiles, checkFixture, expectations } from './support/fixtures.ts';

const expected = expectations();
const results = new Map(await Promise.all(allFixtureFiles().map(async (f) => [f, await checkFixture(f)] as const)));

describe('corpus', () => {
  it('has expectations for every fixture', () => {
    const files = new Set(expected.map((e) => e.file));
    for (const f of allFixtureFiles()) expect(files, `EXPECTED.tsv lists ${f}`).toContain(f);
  });

  for (const file of allFixtureFiles()) {
    describe(file, () => {
      const result = results.get(file)!;
      const mine = expected.filter((e) => e.file === file);

      it('finds the known findings', () => {
        for (const e of mine.filter((x) => x.kind === 'finding')) {
          const hit = result.findings.find((f) => f.ruleId === e.key && (e.value === '-' || f.cells[0] === e.value));
          expect(hit, `${e.key} at ${e.value}`).toBeDefined();
          expect(hit!.severity).toBe(e.severity);
        }
      });

      it('raises no other error', () => {
        const allowed = mine.filter((x) => x.kind === 'finding' && x.severity === 'error').map((x) => `${x.key} ${x.value}`);
        const errors = result.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.cells[0]}`);
        expect(errors.sort()).toEqual(allowed.sort());
      });

      it('reports coverage per table', () => {
        for (const e of mine.filter((x) => x.kind === 'coverage')) {
          const key = e.key as 'A' | 'B' | 'C';
          const cov = result.coverage[key];
          expect(`${e.key}:${cov.status}`, coverageReasons(result, key).join('; ')).toBe(`${e.key}:${e.value}`);
          if (cov.status !== 'checked') expect(coverageReasons(result, key).length).toBeGreaterThan(0);
        }
      });

      it('never calls a not fully checked report clean', () => {
        if (result.coverage.B.status !== 'checked' || result.coverage.C.status !== 'checked') {
          expect(result.verdict).not.toBe('clean');
        }
      });

      it('locates every cell a finding marks', () => {
        for (const f of result.findings) for (const ref of f.cells) expect(result.locate(ref), ref).toBeDefined();
      });
    });
  }
});
