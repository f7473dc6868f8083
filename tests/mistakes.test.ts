// One mistake, one mark (issue 17): the fewest cells whose change mends every broken identity.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, coverageReasons } from '../core/index.ts';
import { checkFixture, FIXTURES } from './support/fixtures.ts';

describe('mistakes in the real reports', () => {
  it('洪泽区 2023: two mistakes, the two table-C totals written 0 over filled parts', async () => {
    const r = await checkFixture('hongze-district-gov-2023.pdf');
    expect(r.mistakes.map((m) => [m.cells, m.values, m.alternatives.length])).toEqual([
      [['C.rev.total'], [11], 0],
      [['C.lita.total'], [5], 0],
    ]);
    for (const m of r.mistakes) expect(m.findings.map((i) => r.findings[i]!.severity)).toEqual(['error']);
  });
  it('鄞州区 2021 (seed 004): one mistake, its alternatives the four counted leaf rows', async () => {
    const r = await checkFixture('yinzhou-health-2021.txt');
    expect(r.mistakes).toHaveLength(1);
    const m = r.mistakes[0]!;
    const rows = [m, ...m.alternatives].map((o) => o.cells.map((c) => c.split('.')[1]).join()).sort();
    expect(rows).toEqual(['deny2,deny2', 'deny6,deny6', 'open,open', 'reject1,reject1']);
    expect(m.findings).toHaveLength(2); // both APP-COL-OUTCOME-TOTAL findings, one mistake
  });
  it('a consistent report has none', async () => {
    expect((await checkFixture('shuyang-county-gov-2025.txt')).mistakes).toEqual([]);
  });
});

describe('single-cell mutations: the mistake is the changed cell', () => {
  for (const file of ['shuyang-county-gov-2025.txt', 'taishan-health-2022.txt']) {
    it(`${file}: every table-B cell +1 → exactly one mistake, at that cell, with its old value`, () => {
      const text = readFileSync(join(FIXTURES, file), 'utf8');
      const base = check({ kind: 'text', text });
      const cells = Object.values(base.model.tables.B!.cells).filter((c) => c.value.kind === 'number' && c.source.kind === 'text');
      expect(cells.length).toBeGreaterThan(150);
      const wrong: string[] = [];
      for (const cell of cells) {
        const src = cell.source as { start: number; end: number };
        const n = (cell.value as { n: number }).n;
        const r = check({ kind: 'text', text: text.slice(0, src.start) + String(n + 1) + text.slice(src.end) });
        const ok = r.mistakes.length === 1 && r.mistakes[0]!.cells.join() === cell.ref && r.mistakes[0]!.values[0] === n;
        if (!ok) wrong.push(`${cell.ref}: ${JSON.stringify(r.mistakes.map((m) => m.cells))}`);
      }
      console.log(`${file}: ${cells.length - wrong.length}/${cells.length} single-cell mutations located exactly`);
      expect(wrong).toEqual([]);
    });
  }
  it("沭阳县 2025: 711 for 710 in （七）总计/自然人 is one mistake explaining the three error findings", () => {
    const text = readFileSync(join(FIXTURES, 'shuyang-county-gov-2025.txt'), 'utf8');
    const cell = check({ kind: 'text', text }).model.tables.B!.cells['B.total.np']!;
    const src = cell.source as { start: number; end: number };
    const r = check({ kind: 'text', text: text.slice(0, src.start) + '711' + text.slice(src.end) });
    expect(r.findings.filter((f) => f.severity === 'error')).toHaveLength(3);
    expect(r.mistakes).toEqual([{ cells: ['B.total.np'], values: [710], findings: [0, 1, 2], alternatives: [] }]);
  });
});

describe('the faces count mistakes', () => {
  it('the CLI verdict line and the site view count 鄞州区 2021 as one mistake behind its two errors', async () => {
    const { format } = await import('../core/present/index.ts');
    const { buildView } = await import('../site/src/view.ts');
    const r = await checkFixture('yinzhou-health-2021.txt');
    expect(format(r, 'zh').split('\n')[1]).toMatch(/^结论：发现错误，1 处需改正（错误 2 /);
    expect(format(r, 'en').split('\n')[1]).toMatch(/^Verdict: errors found, 1 mistake to fix \(2 errors /);
    expect(buildView(r, 'zh', 'yinzhou.txt').mistakes).toBe(1);
    // An error no mistake explains counts on its own (seed 001: four errors, no set of three cells mends them).
    const l = await checkFixture('lingdong-health-2020.txt');
    expect(buildView(l, 'zh', 'lingdong.txt').mistakes).toBe(4);
  });
});

describe('part of a report (one page)', () => {
  it('洪泽区 2023 from page 4 on: said once, no row or section listed as missing, the two real errors kept', () => {
    const raw = readFileSync(join(FIXTURES, 'flat', 'hongze-district-gov-2023.pdftotext-raw.txt'), 'utf8');
    const page4 = raw.slice(raw.indexOf('- 4 -'));
    const r = check({ kind: 'text', text: page4 });
    const ids = r.findings.map((f) => f.ruleId);
    expect(ids).toContain('STRUCT-PARTIAL-INPUT');
    expect(ids).not.toContain('APP-ROWS-MISSING');
    expect(ids).not.toContain('STRUCT-TABLE-MISSING');
    expect(r.findings.filter((f) => f.ruleId === 'STRUCT-SECTIONS' && f.severity === 'warning')).toEqual([]);
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId).sort()).toEqual(['LITIGATION-AFTER-REVIEW-TOTAL', 'REVIEW-TOTAL']);
    expect(r.coverage.B.status).toBe('partial'); // never "checked": most of table B is not in it
    expect(coverageReasons(r, 'B').join()).toMatch(/只含「（四）无法提供 3.补正后申请内容仍不明确」至「四、结转下年度继续办理」各行/);
  });
});
