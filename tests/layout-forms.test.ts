// Every text form a person pastes or a crawler saves, derived from the real fixtures, must give the
// original's verdict: the same error findings at the same cells, and tables B and C read ("checked")
// wherever the original's are. Forms: tabs → one space (Word/WPS "paste as text"), tabs → runs of
// spaces (e-mail, chat), the pdftotext -layout/-raw text of the two real PDFs (tests/fixtures/flat/),
// and the crawler's run-together cells of the two real 平潭 pages.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, withPrevious } from '../core/index.ts';
import type { CheckResult } from '../core/index.ts';
import { allFixtureFiles, checkFixture, FIXTURES } from './support/fixtures.ts';

const errors = (r: CheckResult) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.cells[0] ?? '-'}`).sort();
const read = (f: string) => readFileSync(join(FIXTURES, f), 'utf8');
const text = (t: string) => check({ kind: 'text', text: t });

/** What must survive a change of layout: the errors with their cells, and which of B and C are checked. */
function verdictOf(r: CheckResult) {
  return { verdict: r.verdict, errors: errors(r), B: r.coverage.B.status, C: r.coverage.C.status };
}

const TEXT_FIXTURES = allFixtureFiles().filter((f) => /\.(txt|md)$/.test(f) && !f.includes('.crawl.'));

describe('the same report with spaces for tabs', () => {
  for (const file of TEXT_FIXTURES) {
    const original = verdictOf(text(read(file)));
    it(`${file}: tabs → one space`, () => {
      expect(verdictOf(text(read(file).replace(/\t/g, ' ')))).toEqual(original);
    });
    it(`${file}: tabs → runs of spaces`, () => {
      expect(verdictOf(text(read(file).replace(/\t/g, '    ')))).toEqual(original);
    });
  }
  // Every finding, notes and warnings included. One form loses something the original says: seed 001's
  // table C is tab-separated with its five 行政复议 cells blank (「\t\t\t\t\t0\t0…」); with spaces for tabs
  // nothing shows which cells the 11 numbers belong to, so the row is short (RL-CELLCOUNT) instead of five
  // blank cells (EMPTY-CELLS), and the table C header's label variant is not read.
  const every = (t: string) => text(t).findings.map((f) => `${f.severity} ${f.ruleId} ${f.cells.join(',')}`).sort();
  const LOST: Record<string, { missing: string[]; extra: string[] }> = {
    'lingdong-health-2020.txt': { missing: ['info STRUCT-LABEL-VARIANT ', 'warning EMPTY-CELLS C.rev.keep,C.rev.fix,C.rev.other,C.rev.pending,C.rev.total'], extra: ['warning RL-CELLCOUNT '] },
  };
  for (const file of TEXT_FIXTURES) {
    it(`${file}: with spaces for tabs, every finding of the original${LOST[file] ? ' but what the spaces lose' : ''}`, () => {
      const original = every(read(file));
      for (const form of [read(file).replace(/\t/g, ' '), read(file).replace(/\t/g, '    ')]) {
        const got = every(form);
        expect({ missing: original.filter((x) => !got.includes(x)), extra: got.filter((x) => !original.includes(x)) }).toEqual(LOST[file] ?? { missing: [], extra: [] });
      }
    });
  }
  it('普陀区 2021 (cells one per line, table B all blank) with spaces for tabs: blank cells, not 23 missing rows', () => {
    for (const form of [read('putuo-health-2021.txt').replace(/\t/g, ' '), read('putuo-health-2021.txt').replace(/\t/g, '    ')]) {
      const r = text(form);
      expect(r.findings.filter((f) => f.ruleId === 'APP-ROWS-MISSING')).toEqual([]);
      expect(r.findings.find((f) => f.ruleId === 'EMPTY-CELLS' && f.cells.includes('B.open.np'))).toBeDefined();
    }
  });
  it('seed 001 read from spaces keeps its four table-B errors', () => {
    const r = text(read('lingdong-health-2020.txt').replace(/\t/g, ' '));
    expect(errors(r)).toEqual(['APP-BALANCE B.new.oth', 'APP-BALANCE B.new.tot', 'APP-COL-OUTCOME-TOTAL B.total.np', 'APP-COL-OUTCOME-TOTAL B.total.tot']);
  });
});

describe('text copied out of a PDF (pdftotext)', () => {
  const flat = readdirSync(join(FIXTURES, 'flat')).filter((f) => f.endsWith('.txt'));
  it('has the four forms', () => expect(flat).toHaveLength(4));
  for (const file of flat) {
    const pdf = file.replace(/\.pdftotext-(layout|raw)\.txt$/, '.pdf');
    it(`${file} gives ${pdf}'s verdict`, async () => {
      const original = await checkFixture(pdf);
      const r = text(read(join('flat', file)));
      expect(verdictOf(r)).toEqual(verdictOf(original));
      expect(r.coverage.A.status).toBe(original.coverage.A.status);
      // Every finding, warnings and notes too: a sentence of the body that ends in a date was taken for the
      // sign-off in the -layout text of 洪泽区 2023 (「…统计期限自 2023 年 1 月 1 日」, a YEAR-SIGNOFF note the PDF has not).
      const every = (x: typeof r) => x.findings.map((f) => `${f.ruleId} ${f.cells.join(',')}`).sort();
      expect(every(r)).toEqual(every(original));
      // The errors point at cells whose source is the number in the pasted text.
      for (const f of r.findings.filter((x) => x.severity === 'error')) {
        const src = r.locate(f.cells[0]!);
        expect(src?.kind).toBe('text');
        if (src?.kind === 'text') expect(read(join('flat', file)).slice(src.start, src.end)).toMatch(/^\d+$/);
      }
    });
  }
  it('洪泽区 2023: the two real table-C errors, with the stated totals read from the text', () => {
    const r = text(read('flat/hongze-district-gov-2023.pdftotext-layout.txt'));
    expect(errors(r)).toEqual(['LITIGATION-AFTER-REVIEW-TOTAL C.lita.total', 'REVIEW-TOTAL C.rev.total']);
    expect(r.model.tables.C!.cells['C.rev.keep']!.value).toEqual({ kind: 'number', n: 10 });
    expect(r.model.tables.C!.cells['C.lita.keep']!.value).toEqual({ kind: 'number', n: 5 });
  });
  it('淮安市 2024: labels wrapped over three lines with the numbers on the middle one are read', () => {
    const r = text(read('flat/huaian-city-gov-2024.pdftotext-layout.txt'));
    const n = (ref: string) => (r.model.tables.B!.cells[ref]!.value as { n: number }).n;
    expect([n('B.partial.np'), n('B.partial.tot'), n('B.reject5.tot'), n('B.other1.tot'), n('B.other2.tot'), n('B.other3.tot')]).toEqual([447, 454, 1, 71, 6, 110]);
    expect([n('B.new.tot'), n('B.carry_in.tot'), n('B.total.tot'), n('B.carry_out.tot')]).toEqual([3119, 34, 3050, 103]);
  });
});

/** Hand-checked numbers of the two crawled pages (corpus MANIFEST.tsv). */
const PINGTAN: Record<string, Record<string, number[]>> = {
  'pingtan-gov-2021.crawl.txt': {
    'B.new': [64, 0, 0, 2, 0, 4, 70],
    'B.open': [27, 0, 0, 2, 0, 1, 30],
    'B.unable1': [22, 0, 0, 0, 0, 3, 25],
    'B.total': [63, 0, 0, 2, 0, 4, 69],
    'B.carry_out': [1, 0, 0, 0, 0, 0, 1],
    C: [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0],
  },
  'pingtan-gov-2022.crawl.txt': {
    'B.new': [71, 3, 0, 0, 0, 0, 74],
    'B.carry_in': [1, 0, 0, 0, 0, 0, 1],
    'B.partial': [8, 1, 0, 0, 0, 0, 9],
    'B.total': [72, 3, 0, 0, 0, 0, 75],
    'B.carry_out': [0, 0, 0, 0, 0, 0, 0],
    C: [0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0],
  },
};

describe('pages saved by a crawler, cells run together', () => {
  for (const [file, rows] of Object.entries(PINGTAN)) {
    const r = text(read(file));
    it(`${file}: consistent, tables B and C checked, the numbers cut as checked by hand`, () => {
      expect(errors(r)).toEqual([]);
      expect([r.coverage.B.status, r.coverage.C.status]).toEqual(['checked', 'checked']);
      for (const [row, want] of Object.entries(rows)) {
        const cells = Object.values(r.model.tables[row === 'C' ? 'C' : 'B']!.cells).filter((c) => row === 'C' || c.ref.startsWith(`${row}.`));
        expect(cells.map((c) => (c.value.kind === 'number' ? c.value.n : c.raw)), row).toEqual(want);
      }
    });
    it(`${file}: never called "not a report"; the title, agency and sections are read`, () => {
      expect(r.model.recognition.inputProblems).toEqual([]);
      expect(r.model.agency).toBe('平潭综合实验区');
      expect(r.model.sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(r.findings.filter((f) => f.ruleId === 'STRUCT-SECTIONS')).toEqual([]);
    });
    it(`${file}: a cell cut by inference points at its own digits, and a finding on it is heuristic`, () => {
      const cell = r.model.tables.B!.cells['B.new.np']!;
      const src = cell.source;
      expect(src.kind === 'text' && read(file).slice(src.start, src.end)).toBe(String((cell.value as { n: number }).n));
      // Change one digit run so the row no longer adds up under any cut: an error, marked heuristic.
      const at = read(file).indexOf('640020470');
      const changed = file.includes('2021') ? read(file).slice(0, at) + '650020470' + read(file).slice(at + 9) : undefined;
      if (changed) {
        const m = text(changed);
        const f = m.findings.find((x) => x.ruleId === 'PARSE-DIGIT-RUN');
        expect(f?.severity).toBe('error');
        expect(f?.certainty).toBe('heuristic');
        expect(m.verdict).toBe('errors');
      }
    });
  }

  it('2021 and 2022 are a real consecutive-year pair: XYEAR-CARRY holds (四 结转 1 = 二 上年结转 1)', () => {
    const y21 = text(read('pingtan-gov-2021.crawl.txt'));
    const y22 = text(read('pingtan-gov-2022.crawl.txt'));
    const paired = withPrevious(y22, y21.model);
    expect(paired.findings.filter((f) => f.ruleId === 'XYEAR-CARRY')).toEqual([]);
    // …and a carry-over that disagrees is caught across the two years.
    const src = read('pingtan-gov-2022.crawl.txt');
    const at = src.indexOf('1000001', src.indexOf('二、上年结转政府信息公开申请数量'));
    const wrong = text(src.slice(0, at) + '2000002' + src.slice(at + 7));
    expect(withPrevious(wrong, y21.model).findings.map((f) => f.ruleId)).toContain('XYEAR-CARRY');
  });
});

describe('a changed cell in a derived form is still caught at that cell', () => {
  const forms: [string, string][] = [
    ['shuyang-county-gov-2025.txt (tabs → spaces)', read('shuyang-county-gov-2025.txt').replace(/\t/g, ' ')],
    ['taishan-health-2022.txt (tabs → one space)', read('taishan-health-2022.txt').replace(/\t/g, ' ')],
    ['huaian-city-gov-2024 pdftotext -layout', read('flat/huaian-city-gov-2024.pdftotext-layout.txt')],
    ['huaian-city-gov-2024 pdftotext -raw', read('flat/huaian-city-gov-2024.pdftotext-raw.txt')],
  ];
  for (const [name, form] of forms) {
    it(name, () => {
      const base = text(form);
      expect(errors(base)).toEqual([]);
      const cells = [...Object.values(base.model.tables.B?.cells ?? {}), ...Object.values(base.model.tables.C?.cells ?? {})];
      expect(cells.length).toBeGreaterThan(100);
      const missed: string[] = [];
      for (const cell of cells) {
        if (cell.value.kind !== 'number' || cell.source.kind !== 'text') continue;
        const s = cell.source;
        const mutated = form.slice(0, s.start) + String(cell.value.n + 1) + form.slice(s.end);
        const r = text(mutated);
        if (!r.findings.some((f) => f.severity === 'error' && f.cells.includes(cell.ref))) missed.push(cell.ref);
      }
      expect(missed).toEqual([]);
    });
  }
});
