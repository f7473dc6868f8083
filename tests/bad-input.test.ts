// Bad input gets a clear verdict, never a throw and never a false "no errors".
import { describe, expect, it } from 'vitest';
import { coverageReasons, formatFinding } from '../core/present/index.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, format } from '../core/index.ts';
import { FIXTURES } from './support/fixtures.ts';

const taishan = readFileSync(join(FIXTURES, 'taishan-health-2022.txt'), 'utf8');

function notClean(text: string) {
  const r = check({ kind: 'text', text });
  expect(r.verdict).not.toBe('clean');
  expect(() => format(r, 'zh')).not.toThrow();
  expect(() => format(r, 'en')).not.toThrow();
  return r;
}

/** Deterministic pseudo-random bytes (xorshift), so a failure can be replayed. */
function randomBytes(n: number, seed = 42): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('bad input', () => {
  it('empty input: nothing checked, and it says so', () => {
    for (const text of ['', '   \n\n\t ']) {
      const r = notClean(text);
      expect(r.verdict).toBe('unreadable');
      for (const t of ['A', 'B', 'C'] as const) expect(r.coverage[t].status).toBe('not-found');
      expect(format(r, 'zh')).toContain('未找到');
    }
  });

  it('random bytes: no throw, nothing claimed', () => {
    const text = new TextDecoder().decode(randomBytes(200_000));
    const r = notClean(text);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.verdict).toBe('unreadable');
    const html = check({ kind: 'html', html: text });
    expect(html.verdict).toBe('unreadable');
  });

  it('a 10 MB paste is read without throwing and the report in it is still found', () => {
    const junk = '这是一段与年度报告无关的文字，用来模拟超大粘贴内容。\t0\t1\n'.repeat(Math.ceil(10_000_000 / 60));
    const r = notClean(junk);
    expect(r.verdict).toBe('unreadable');
    const withReport = check({ kind: 'text', text: taishan + '\n' + junk });
    expect(withReport.model.tables.B?.rowsFound.length).toBe(25);
    expect(withReport.model.recognition.inputProblems).toContain('huge');
  });

  it('a report with only table A: B and C not found, verdict not clean', () => {
    const onlyA = taishan.slice(0, taishan.indexOf('三、收到和处理政府信息公开申请情况'));
    const r = notClean(onlyA);
    expect(r.coverage.A.status).toBe('checked');
    expect(r.coverage.B.status).toBe('not-found');
    expect(r.coverage.C.status).toBe('not-found');
    expect(coverageReasons(r, 'B').join()).toContain('未找到');
    expect(r.findings.some((f) => f.ruleId === 'STRUCT-TABLE-MISSING')).toBe(true);
  });

  it('a table cut in half: the missing rows are named, B is partial', () => {
    const cut = taishan.slice(0, taishan.indexOf('（四）无法提供'));
    const r = notClean(cut);
    expect(r.coverage.B.status).toBe('partial');
    expect(r.model.tables.B!.rowsMissing).toContain('B.total');
    expect(r.findings.filter((f) => f.ruleId === 'APP-ROWS-MISSING').length).toBeGreaterThan(5);
    expect(r.coverage.C.status).toBe('not-found');
  });

  it('a table with one row missing: that row is named and the sums over it are not claimed', () => {
    const start = taishan.indexOf('\t[bookmark: _Hlk66973981]（二）部分公开');
    const end = taishan.indexOf('\t（三）不予公开', start);
    expect(start).toBeGreaterThan(0);
    const r = notClean(taishan.slice(0, start) + taishan.slice(end));
    expect(r.model.tables.B!.rowsMissing).toEqual(['B.partial']);
    expect(r.coverage.B.status).toBe('partial');
    expect(coverageReasons(r, 'B').join()).toContain('部分公开');
    // The finding names the row by reference; the presentation layer puts it in words.
    expect(r.findings.some((f) => f.ruleId === 'APP-ROWS-MISSING' && formatFinding(f, 'zh', r.model).includes('「（二）部分公开」'))).toBe(true);
  });

  it('a page that is not a report says no report was recognised', () => {
    const r = check({ kind: 'html', html: '<html><body><nav>首页 | 政务公开</nav><p>欢迎访问本网站</p></body></html>' });
    expect(r.verdict).toBe('unreadable');
    expect(format(r, 'en')).toContain('no report tables recognised');
  });
});
