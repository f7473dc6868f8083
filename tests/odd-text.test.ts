// Odd text a new user really pastes (issue 15): a letter typed in a number cell, full-width digits.
// Built from the real fixtures at test time. A cell that cannot be read is named and the table is not
// "checked"; no cell is ever dropped with the rest of its row shifted into the neighbours' columns.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../core/index.ts';
import type { CheckResult } from '../core/index.ts';
import { FIXTURES } from './support/fixtures.ts';

const read = (f: string) => readFileSync(join(FIXTURES, f), 'utf8');
const errors = (r: CheckResult) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.cells[0] ?? '-'}`).sort();

describe('a letter in a number cell', () => {
  // 保山 2021 is the markdown-pipe seed where a mistyped cell used to vanish and shift its row (35 silent
  // misses in issue 15's sweep); the two tab/one-cell-per-line reports cover the other layouts.
  for (const file of ['baoshan-health-2021.txt', 'taishan-health-2022.txt', 'shuyang-county-gov-2025.txt']) {
    it(`${file}: every B/C cell typed as l, O, I or 五 is caught or named unreadable, never dropped`, () => {
      const text = read(file);
      const base = check({ kind: 'text', text });
      const cells = [...Object.values(base.model.tables.B!.cells), ...Object.values(base.model.tables.C!.cells)];
      expect(cells.length).toBeGreaterThan(100);
      const silent: string[] = [];
      let total = 0;
      for (const cell of cells) {
        if (cell.source.kind !== 'text') continue;
        for (const letter of ['l', 'O', 'I', '五']) {
          total++;
          const r = check({ kind: 'text', text: text.slice(0, cell.source.start) + letter + text.slice(cell.source.end) });
          const now = r.model.tables[cell.ref[0] as 'B' | 'C']?.cells[cell.ref];
          // 「五」 where the report has 5 is the same number, written non-standardly (PARSE-CELL-NONSTANDARD).
          const same = now?.value.kind === 'number' && cell.value.kind === 'number' && now.value.n === cell.value.n;
          const named = r.findings.some((f) => f.severity === 'error' && f.cells.includes(cell.ref));
          const unreadable = now?.value.kind === 'unreadable' && r.coverage[cell.ref[0] as 'B' | 'C'].status !== 'checked';
          if (!same && !named && !unreadable) silent.push(`${cell.ref}=${letter} (${r.verdict})`);
          if (!same) expect(r.verdict, `${cell.ref}=${letter}`).not.toBe('clean');
        }
      }
      expect(total).toBeGreaterThan(400);
      expect(silent).toEqual([]);
    });
  }
});

describe('full-width digits (１２３, typed with a Chinese IME)', () => {
  const wide = (t: string) => t.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  for (const file of ['lingdong-health-2020.txt', 'baoshan-health-2021.txt', 'taishan-health-2022.txt', 'yinzhou-health-2021.txt', 'flat/hongze-district-gov-2023.pdftotext-layout.txt']) {
    it(`${file}: the same verdict, errors and coverage as with ASCII digits`, () => {
      const a = check({ kind: 'text', text: read(file) });
      const b = check({ kind: 'text', text: wide(read(file)) });
      expect(b.verdict).toBe(a.verdict);
      expect(errors(b)).toEqual(errors(a));
      for (const t of ['A', 'B', 'C'] as const) expect(b.coverage[t].status, t).toBe(a.coverage[t].status);
      expect(b.model.year).toBe(a.model.year);
    });
  }
});

describe('two reports in one input', () => {
  it('a clean report then one with errors: the second is announced, the verdict is never clean', () => {
    const r = check({ kind: 'text', text: `${read('taishan-health-2022.txt')}\n\n${read('lingdong-health-2020.txt')}` });
    expect(r.model.recognition.inputProblems).toContain('several:2');
    expect(r.verdict).not.toBe('clean');
    expect(r.model.year).toBe(2022); // the first report is read on its own, not mixed with the second
    expect(r.coverage.B.status).toBe('checked');
  });
  it('two crawled pages one after the other', () => {
    const r = check({ kind: 'text', text: `${read('pingtan-gov-2021.crawl.txt')}\n${read('pingtan-gov-2022.crawl.txt')}` });
    expect(r.model.recognition.inputProblems).toContain('several:2');
    expect(r.model.year).toBe(2021);
  });
});

describe('a report whose tables cannot be read', () => {
  it('says the report is there and what to try, never "this does not look like a report"', async () => {
    const { inputProblemText } = await import('../core/present/index.ts');
    // 平潭 2021 with every digit gone: the title and the template's row labels are there, no number is.
    const r = check({ kind: 'text', text: read('pingtan-gov-2021.crawl.txt').replace(/[0-9]/g, '') });
    const problems = r.model.recognition.inputProblems;
    expect(problems.some((p) => p.startsWith('tables-unread'))).toBe(true);
    expect(problems).not.toContain('no-report');
    expect(r.verdict).not.toBe('clean');
    const zh = problems.map((p) => inputProblemText(p, 'zh')).join(' ');
    expect(zh).toMatch(/年度报告.*没能读出其中的统计表.*打开 PDF/);
    expect(problems.map((p) => inputProblemText(p, 'en')).join(' ')).toMatch(/tables could not be read/);
  });
});
