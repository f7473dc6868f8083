// The fill-in form's state (issue 22) driven without rendering: a consistent real report's numbers typed
// in give no mark; one changed cell gives exactly one mark, with the value it should hold; fixing it clears it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import mammothModule from 'mammoth';
import { cellMarks, check, docxToDoc, totalParts, type CellRef, type Mammoth, type PdfJs } from '../core/index.ts';
import { createFormState, FORM_REFS, formValuesOf, templateOfValues, type FormValues } from '../site/src/form/state.ts';
import { formHtml, formJson, formTsv, readFormJson } from '../site/src/form/export.ts';
import { keySentences } from '../site/src/form/narrative.ts';
import { formDocx } from '../site/src/form/docx.ts';
import { previousFromFile, type PreviousReaders } from '../site/src/form/previous.ts';
import * as pdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

/** 沭阳县 2025: every table consistent (the corpus test finds nothing in it) */
function shuyang(): FormValues {
  const r = check({ kind: 'text', text: readFileSync(new URL('./fixtures/shuyang-county-gov-2025.txt', import.meta.url), 'utf8') });
  const out: FormValues = {};
  for (const t of ['A', 'B', 'C'] as const) for (const c of Object.values(r.model.tables[t]?.cells ?? {})) out[c.ref] = c.raw;
  return out;
}

function typeAll(values: FormValues) {
  const form = createFormState();
  for (const [ref, text] of Object.entries(values)) form.setCell(ref, text);
  return form;
}

describe('form state', () => {
  it('holds every cell of the 2021 template and no more', () => {
    expect(FORM_REFS).toHaveLength(10 + 25 * 7 + 15);
    const real = shuyang();
    expect(Object.keys(real).filter((r) => !FORM_REFS.includes(r))).toEqual([]);
  });

  it('a consistent real report typed in: no mark; one cell changed: one mark with its value; fixed: none', () => {
    const real = shuyang();
    const form = typeAll(real);
    expect(form.result.value.findings).toEqual([]);
    expect(form.marks.value.size).toBe(0);

    form.setCell('B.new.np', '706');
    const marks = [...form.marks.value.values()];
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ ref: 'B.new.np', severity: 'error', expected: Number(real['B.new.np']) });

    form.setCell('B.new.np', real['B.new.np']!);
    expect(form.marks.value.size).toBe(0);
  });

  it('a mistake with tied fixes marks every tied cell, as the checker does (seed 004, 鄞州区 2021)', () => {
    // its column 自然人 and 总计 sum to 4 over four leaf rows of 1 against a stated 3: any one of the four rows
    // could be the mistyped one, and the checker marks all eight cells (issue 17)
    const real = check({ kind: 'text', text: readFileSync(new URL('./fixtures/yinzhou-health-2021.txt', import.meta.url), 'utf8') });
    const values: FormValues = {};
    for (const t of ['A', 'B', 'C'] as const) for (const c of Object.values(real.model.tables[t]?.cells ?? {})) values[c.ref] = c.raw;
    const form = createFormState();
    form.load(values);
    expect(form.result.value.mistakes).toHaveLength(1);
    const errorCells = (marks: Map<CellRef, { ref: CellRef; severity: string }>) => [...marks.values()].filter((m) => m.severity === 'error').map((m) => m.ref).sort();
    const checker = errorCells(cellMarks(real));
    expect(checker).toEqual(['B.deny2.np', 'B.deny2.tot', 'B.deny6.np', 'B.deny6.tot', 'B.open.np', 'B.open.tot', 'B.reject1.np', 'B.reject1.tot']);
    expect(errorCells(form.marks.value)).toEqual(checker);
    // each with the value its own fix gives it, and the number of tied fixes
    for (const ref of checker) expect(form.marks.value.get(ref)).toMatchObject({ expected: Number(values[ref]) - 1, fixes: 4, findings: [0, 1] });
    // one typed digit mended: the marks go
    form.setCell('B.open.np', '0');
    form.setCell('B.open.tot', '0');
    expect(form.result.value.mistakes).toEqual([]);
    expect(errorCells(form.marks.value)).toEqual([]);
  });

  it('a changed total in table C is marked with the sum of its parts, each part with the value that fits the total (a tie)', () => {
    const form = typeAll(shuyang());
    form.setCell('C.rev.total', '60');
    // 27 + 10 + 9 + 15 = 61: the total is 1 too few, or any one of its four parts 1 too many
    expect([...form.marks.value.values()].map((m) => [m.ref, m.expected, m.fixes])).toEqual([
      ['C.rev.total', 61, 5],
      ['C.rev.keep', 26, 5],
      ['C.rev.fix', 9, 5],
      ['C.rev.other', 8, 5],
      ['C.rev.pending', 14, 5],
    ]);
  });

  it('pastes a block from the focused cell, right and down, and stops at the table edge', () => {
    const form = createFormState();
    const filled = form.paste('B.new.oth', '1\t2\t3\n4\t5\t6\n');
    expect(filled).toEqual(['B.new.oth', 'B.new.tot', 'B.carry_in.oth', 'B.carry_in.tot']);
    expect(form.values.value['B.new.tot']).toBe('2');
    expect(form.values.value['B.carry_in.oth']).toBe('4');
    // from 二、上年结转 down to （一）予以公开: the header row between them holds no cells
    form.paste('B.carry_in.np', '7\n8');
    expect(form.values.value['B.open.np']).toBe('8');
  });

  it('fills blanks with 0 and leaves typed cells alone', () => {
    const form = createFormState();
    form.setCell('B.new.np', '3');
    form.fillBlanks();
    const v = form.values.value;
    expect(FORM_REFS.filter((r) => v[r] === '')).toEqual([]);
    expect(v['B.new.np']).toBe('3');
    // the typed 3 with every other cell 0: the one cell whose change mends every sum is the 3 itself
    expect([...form.marks.value.values()].map((m) => [m.ref, m.expected])).toEqual([['B.new.np', 0]]);
  });

  it('fills a total from its parts only when asked', () => {
    const form = createFormState();
    form.setCell('B.new.np', '3');
    form.setCell('B.new.law', '2');
    expect(form.values.value['B.new.tot']).toBe('');
    expect(form.computeTotal('B.new.tot')).toBe(true);
    expect(form.values.value['B.new.tot']).toBe('5');
    expect(form.computeTotal('B.new.np' as CellRef)).toBe(false);
  });

  it('restores the stored draft and saves every change', async () => {
    let stored: FormValues | undefined = { 'B.new.np': '9' };
    const form = createFormState({ store: { load: async () => stored, save: async (v) => void (stored = v) } });
    await form.restore();
    expect(form.values.value['B.new.np']).toBe('9');
    form.setCell('B.new.biz', '1');
    expect(stored?.['B.new.biz']).toBe('1');
    expect(stored?.['B.new.np']).toBe('9');
  });
});

describe('blank cells', () => {
  // What the checker says of a table, as data: [rule, first cell, number of cells] for the findings about tables A, B and C
  const tableFindings = (r: ReturnType<typeof check>) =>
    r.findings
      .filter((f) => f.cells.length > 0 && f.cells.every((c) => /^[ABC]/.test(c)))
      .map((f) => `${f.severity} ${f.ruleId} ${f.cells[0]} ${f.cells.length}`)
      .sort();
  const blankNotice = (r: ReturnType<typeof check>, table: 'A' | 'B' | 'C') => r.findings.filter((f) => f.ruleId === 'EMPTY-CELLS' && f.cells[0]!.startsWith(table));

  it('an empty form: no row is missing; each table says once that its cells are blank, and nothing is checked', () => {
    const form = createFormState();
    const r = form.result.value;
    expect(r.findings.filter((f) => f.ruleId === 'APP-ROWS-MISSING')).toEqual([]);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['EMPTY-CELLS', 'EMPTY-CELLS', 'EMPTY-CELLS']);
    expect(blankNotice(r, 'A')[0]!.cells).toHaveLength(10);
    expect(blankNotice(r, 'B')[0]!.cells).toHaveLength(25 * 7);
    expect(blankNotice(r, 'C')[0]!.cells).toHaveLength(15);
    // every identity of table B is blank: none is evaluated (as 普陀区卫健委 2021's blank outcome rows)
    expect(r.coverage.B.codes.map((c) => c.code)).toEqual(['key-totals-blank', 'blank-unchecked']);
    // nor is table A, whose blank cells no identity needs: never 「已核对」
    expect(r.coverage.A.status).toBe('partial');
    expect(r.coverage.A.codes).toEqual([expect.objectContaining({ code: 'blank-unchecked', count: 10 })]);
    expect(form.marks.value.size).toBe(0);
  });

  it('普陀区卫健委 2021 (table B blank but 一 and 二, all 0) typed in says what the checker says of the report: its blank cells, no missing row', () => {
    const real = check({ kind: 'text', text: readFileSync(new URL('./fixtures/putuo-health-2021.txt', import.meta.url), 'utf8') });
    const form = createFormState();
    for (const c of Object.values(real.model.tables.B!.cells)) form.setCell(c.ref, c.raw);
    const r = form.result.value;
    expect(r.findings.filter((f) => f.ruleId === 'APP-ROWS-MISSING')).toEqual([]);
    expect(blankNotice(r, 'B').map((f) => f.cells)).toEqual(blankNotice(real, 'B').map((f) => f.cells));
    expect(tableFindings(r).filter((f) => !f.includes(' A.') && !f.includes(' C.'))).toEqual(tableFindings(real).filter((f) => !f.includes(' A.') && !f.includes(' C.')));
    expect(r.coverage.B).toEqual(real.coverage.B);
  });

  it('a half-filled form (沭阳县 2025’s 一 and 二 only): no missing row, the blank cells said once, and the checker’s verdict on the same table printed', () => {
    const real = shuyang();
    const form = createFormState();
    const typed = Object.entries(real).filter(([ref]) => /^B\.(new|carry_in)\./.test(ref));
    expect(typed).toHaveLength(14);
    for (const [ref, raw] of typed) form.setCell(ref, raw);
    const r = form.result.value;
    expect(r.findings.filter((f) => f.ruleId === 'APP-ROWS-MISSING')).toEqual([]);
    expect(r.coverage.B.codes.map((c) => c.code)).not.toContain('rows-missing');
    expect(blankNotice(r, 'B')).toHaveLength(1);
    expect(blankNotice(r, 'B')[0]!.cells).toHaveLength(25 * 7 - 14);
    // The same cells printed as a report and read by the checker: beside the typed 一 and 二 the blank outcome
    // rows count as 0 there (domain.md §2.0.3), so each column with applications does not balance
    // (APP-BALANCE-DERIVED). In the form those rows are not typed yet: the balance waits for them (typedOnly),
    // nothing is marked, and the status line says how many checks wait.
    const printed = check({ kind: 'html', html: `<html><body>${formHtml(form.values.value, 'zh')}</body></html>` });
    const bOnly = (r: ReturnType<typeof check>) => tableFindings(r).filter((f) => / B\./.test(f));
    expect(bOnly(printed)).toEqual(['error APP-BALANCE-DERIVED B.new.biz 24', 'error APP-BALANCE-DERIVED B.new.law 24', 'error APP-BALANCE-DERIVED B.new.np 24', 'error APP-BALANCE-DERIVED B.new.tot 24', 'warning EMPTY-CELLS B.open.np 161']);
    expect(bOnly(r)).toEqual(['warning EMPTY-CELLS B.open.np 161']);
    expect(r.waiting).toBe(4);
    expect(form.marks.value.size).toBe(0);
    // typing the rest of the real table B, the balance is checked again and holds
    for (const [ref, raw] of Object.entries(real).filter(([ref]) => ref.startsWith('B.'))) form.setCell(ref, raw);
    expect(form.result.value.waiting).toBe(0);
    expect(bOnly(form.result.value).filter((f) => f.startsWith('error'))).toEqual([]);
  });

  it('last year\'s carry-over prefilled into an empty form marks nothing: 「（七）总计 此格应为 31」 would tell the clerk a wrong total', () => {
    const form = createFormState();
    // 平潭 2021's 结转下年度 as 2022's 上年结转 (the real consecutive-year pair): 二 typed, the rest blank
    form.setCell('B.carry_in.np', '1');
    form.setCell('B.carry_in.tot', '1');
    expect(form.marks.value.size).toBe(0);
    expect(form.result.value.waiting).toBeGreaterThan(0);
    // a real mistake among typed cells is still marked at once: 一 row total typed wrong
    form.setCell('B.new.np', '71');
    form.setCell('B.new.biz', '3');
    for (const col of ['sci', 'ngo', 'law', 'oth']) form.setCell(`B.new.${col}`, '0');
    form.setCell('B.new.tot', '75');
    // one mistake, three ways to fix it, as on a full table: not pulled toward 0 by the blank outcome rows
    const marks = [...form.marks.value.values()].map((m) => `${m.ref}=${m.expected}/${m.fixes}`).sort();
    expect(marks).toEqual(['B.new.biz=4/3', 'B.new.np=72/3', 'B.new.tot=74/3']);
  });
});

describe('form exports', () => {
  it('tables A and B typed, table C still blank: the printed tables read back say table C is blank, not unreadable', () => {
    const typed = Object.fromEntries(Object.entries(shuyang()).filter(([ref]) => !ref.startsWith('C.')));
    const back = check({ kind: 'html', html: `<html><body>${formHtml(typed, 'zh')}</body></html>` });
    expect(back.coverage.C.status).toBe('partial');
    expect(back.coverage.C.codes.map((c) => c.code)).toEqual(['key-totals-blank', 'blank-unchecked']);
    expect(back.findings.find((f) => f.ruleId === 'EMPTY-CELLS' && f.cells[0] === 'C.rev.keep')?.cells).toHaveLength(15);
  });

  it('the HTML tables read back by our own HTML reader give the same cells and a clean verdict', () => {
    const real = shuyang();
    const back = check({ kind: 'html', html: `<html><body>${formHtml(real, 'zh')}</body></html>` });
    expect(back.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const cells: FormValues = {};
    for (const t of ['A', 'B', 'C'] as const) for (const c of Object.values(back.model.tables[t]?.cells ?? {})) cells[c.ref] = c.raw;
    expect(cells).toEqual(real);
  });

  it('a JSON draft opens again as the same cells; other JSON is refused', () => {
    const real = shuyang();
    expect(readFormJson(formJson(real))).toEqual(real);
    expect(readFormJson('{"cells":{}}')).toBeUndefined();
    expect(readFormJson('not json')).toBeUndefined();
  });
});

describe('the narrative key sentences', () => {
  const insert = (sentences: string[]) => {
    const text = readFileSync(new URL('./fixtures/shuyang-county-gov-2025.txt', import.meta.url), 'utf8');
    return text.replace('## 三、收到和处理政府信息公开申请情况\n', `## 三、收到和处理政府信息公开申请情况\n\n${sentences.join('')}\n`);
  };
  const txt = (text: string) => check({ kind: 'text', text }).findings.filter((f) => f.ruleId.startsWith('TXT-')).map((f) => [f.ruleId, f.cells[0]]);

  it('written from 沭阳县 2025 numbers and put into its text, they agree with its tables', () => {
    const s = keySentences(shuyang(), 'zh');
    expect(s).toEqual([
      '本年新收政府信息公开申请713件，上年结转政府信息公开申请36件。',
      '本年度共办结718件。',
      '结转下年度继续办理31件。',
      '本年度发生政府信息公开行政复议61件，行政诉讼13件。',
    ]);
    expect(txt(insert(s))).toEqual([]);
  });

  it('the rules read them: a sentence written from other numbers is found', () => {
    const v = shuyang();
    expect(txt(insert(keySentences({ ...v, 'B.new.tot': '714' }, 'zh')))).toEqual([['TXT-APP-NEW', 'B.new.tot']]);
    expect(txt(insert(keySentences({ ...v, 'C.rev.total': '60' }, 'zh')))).toEqual([['TXT-REVIEW', 'C.rev.total']]);
  });

  it('a sentence is left out until its numbers are filled in', () => {
    expect(keySentences({ 'B.carry_out.tot': '3' }, 'zh')).toEqual(['结转下年度继续办理3件。']);
  });
});

describe('last year prefill', () => {
  const lastYear = () => check({ kind: 'text', text: readFileSync(new URL('./fixtures/shuyang-county-gov-2025.txt', import.meta.url), 'utf8') }).model;

  it("fills blank 上年结转 from last year's 结转下年度 and 现行有效 from its own, marked, never over a typed cell", () => {
    const form = createFormState();
    form.setCell('A.reg.valid', '5');
    const filled = form.usePrevious(lastYear());
    expect(filled.sort()).toEqual(['A.norm.valid', 'B.carry_in.biz', 'B.carry_in.law', 'B.carry_in.ngo', 'B.carry_in.np', 'B.carry_in.oth', 'B.carry_in.sci', 'B.carry_in.tot']);
    expect(form.values.value['B.carry_in.np']).toBe('31');
    expect(form.values.value['A.norm.valid']).toBe('32');
    expect(form.values.value['A.reg.valid']).toBe('5');
    expect([...form.prefilled.value].sort()).toEqual(filled);
  });

  it('in the 2019 form only 上年结转 is prefilled (its table A has no 现行有效件数)', () => {
    const form = createFormState();
    form.setTemplate('2019');
    expect(form.usePrevious(lastYear()).every((r) => r.startsWith('B.carry_in.'))).toBe(true);
    expect(form.values.value['B.carry_in.tot']).toBe('31');
  });

  it('checks the form as the next year: a carry-over typed over differently is marked by XYEAR-CARRY', () => {
    const form = createFormState();
    form.usePrevious(lastYear());
    expect(form.result.value.findings.filter((f) => f.ruleId.startsWith('XYEAR-'))).toEqual([]);
    form.setCell('B.carry_in.np', '30');
    expect(form.prefilled.value.has('B.carry_in.np')).toBe(false);
    expect(form.result.value.findings.filter((f) => f.ruleId === 'XYEAR-CARRY').map((f) => f.cells[0])).toEqual(['B.carry_in.np']);
    expect(form.marks.value.has('B.carry_in.np')).toBe(true);
  });
});

describe("last year's report opened as a file", () => {
  const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
  const readers: PreviousReaders = { pdfjs: async () => pdfjsModule as unknown as PdfJs, mammoth: async () => mammothModule as unknown as Mammoth };
  const read = (name: string) => previousFromFile(name.split('/').pop()!, fixture(name), 'zh', readers);
  const cellsOf = (values: FormValues, prefix: string) => Object.fromEntries(Object.entries(values).filter(([r]) => r.startsWith(prefix)));

  it('平潭 2022 typed in, prefilled from its 2021 report: 上年结转 is 2021’s 结转下年度, as 2022 printed it, and the pair checks clean', async () => {
    const last = await read('pingtan-gov-2021.crawl.txt');
    if (last.kind !== 'model') throw new Error(last.message);
    expect(last.model.year).toBe(2021);
    const real = check({ kind: 'text', text: readFileSync(new URL('./fixtures/pingtan-gov-2022.crawl.txt', import.meta.url), 'utf8') });
    const form = createFormState();
    // every cell of 2022 but the ones last year gives
    for (const t of ['A', 'B', 'C'] as const) for (const c of Object.values(real.model.tables[t]?.cells ?? {})) if (!/^B\.carry_in\.|\.valid$/.test(c.ref)) form.setCell(c.ref, c.raw);
    const filled = form.usePrevious(last.model);
    // 2021's table A read 规章 but not 行政规范性文件 (its 「693665」 has no identity to cut it by): no 现行有效 for it
    expect(filled.sort()).toEqual(['A.reg.valid', 'B.carry_in.biz', 'B.carry_in.law', 'B.carry_in.ngo', 'B.carry_in.np', 'B.carry_in.oth', 'B.carry_in.sci', 'B.carry_in.tot']);
    const printed: FormValues = {};
    for (const c of Object.values(real.model.tables.B!.cells)) if (c.ref.startsWith('B.carry_in.')) printed[c.ref] = c.raw;
    expect(cellsOf(form.values.value, 'B.carry_in.')).toEqual(printed);
    expect(printed['B.carry_in.tot']).toBe('1');
    expect(form.result.value.model.year).toBe(2022);
    expect(form.result.value.findings.filter((f) => f.severity === 'error' || f.ruleId.startsWith('XYEAR-'))).toEqual([]);
    // the two years are compared: 上年结转 typed over as 0 is no longer 2021's 结转下年度
    form.setCell('B.carry_in.np', '0');
    expect(form.result.value.findings.filter((f) => f.ruleId === 'XYEAR-CARRY').map((f) => f.cells[0])).toEqual(['B.carry_in.np']);
  });

  it('a PDF with a text layer (洪泽区 2023) prefills from its table B', async () => {
    const last = await read('hongze-district-gov-2023.pdf');
    if (last.kind !== 'model') throw new Error(last.message);
    expect(last.model.year).toBe(2023);
    const form = createFormState();
    expect(form.usePrevious(last.model).filter((r) => r.startsWith('B.carry_in.'))).toHaveLength(7);
    for (const col of ['np', 'biz', 'sci', 'ngo', 'law', 'oth', 'tot']) expect(form.values.value[`B.carry_in.${col}`]).toBe(last.model.tables.B!.cells[`B.carry_out.${col}`]!.raw);
  });

  it('a .docx (沭阳县发改局 2023 as Word) prefills the numbers its web page gives', async () => {
    const last = await read('docx/shuyang-drc-2023.docx');
    if (last.kind !== 'model') throw new Error(last.message);
    const page = check({ kind: 'html', html: readFileSync(new URL('./fixtures/shuyang-drc-2023.html', import.meta.url), 'utf8') });
    const form = createFormState();
    form.usePrevious(last.model);
    for (const col of ['np', 'biz', 'sci', 'ngo', 'law', 'oth', 'tot']) expect(form.values.value[`B.carry_in.${col}`]).toBe(page.model.tables.B!.cells[`B.carry_out.${col}`]!.raw);
  });

  it('a scan, an image or a PDF without a text layer, is refused with the reason; other files name the kinds', async () => {
    for (const scan of ['ocr/hongze-district-gov-2023-p4.png', 'ocr/hongze-district-gov-2023-p4-scan.pdf']) {
      const r = await read(scan);
      expect(r).toEqual({ kind: 'refused', message: expect.stringMatching(/^这是扫描件（图片或没有文字层的 PDF），暂不能用于预填/) });
    }
    expect(await previousFromFile('report.xlsx', new Uint8Array([0x50, 0x4b, 3, 4]), 'zh', readers)).toEqual({ kind: 'refused', message: expect.stringContaining('有文字层的 PDF') });
    // a file named .pdf that is none is refused before pdf.js reads it
    expect(await previousFromFile('report.pdf', new TextEncoder().encode('<html>not a pdf</html>'), 'en', readers)).toEqual({ kind: 'refused', message: expect.stringMatching(/^The file could not be read: /) });
  });
});

describe('the .docx export', () => {
  it('opened again by our own .docx reader gives the same tables and the same clean verdict', async () => {
    const real = shuyang();
    const bytes = new Uint8Array(await formDocx(real, 'zh'));
    const doc = await docxToDoc(mammothModule as unknown as Mammoth, bytes, { name: 'form.docx' });
    const back = check({ kind: 'doc', doc });
    expect(back.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const cells: FormValues = {};
    for (const t of ['A', 'B', 'C'] as const) for (const c of Object.values(back.model.tables[t]?.cells ?? {})) cells[c.ref] = c.raw;
    expect(cells).toEqual(real);
  });
});

describe('the .docx export of the 2019 template', () => {
  it('岭东区 2020 typed into the 2019 form, exported and read again by our .docx reader: the same tables and the same errors', async () => {
    const real = check({ kind: 'text', text: readFileSync(new URL('./fixtures/lingdong-health-2020.txt', import.meta.url), 'utf8') });
    const form = createFormState();
    form.setTemplate('2019');
    for (const t of ['A', 'B', 'C'] as const) for (const c of Object.values(real.model.tables[t]?.cells ?? {})) form.setCell(c.ref, c.raw);
    const typed = Object.fromEntries(Object.entries(form.values.value).filter(([, v]) => v !== ''));
    expect(Object.keys(typed).some((r) => r.startsWith('A19.'))).toBe(true);
    const bytes = new Uint8Array(await formDocx(form.values.value, 'zh'));
    const back = check({ kind: 'doc', doc: await docxToDoc(mammothModule as unknown as Mammoth, bytes, { name: 'form.docx' }) });
    expect(back.model.template).toBe('2019');
    const cells: FormValues = {};
    for (const t of ['A', 'B', 'C'] as const) for (const c of Object.values(back.model.tables[t]?.cells ?? {})) if (c.raw !== '') cells[c.ref] = c.raw;
    expect(cells).toEqual(typed);
    const errors = (r: typeof real) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.cells[0]}`).sort();
    // the form's own verdict, the export's and the real report's: its four real errors (tests/fixtures/README.md)
    expect(errors(back)).toHaveLength(4);
    expect(errors(back)).toEqual(errors(form.result.value));
    expect(errors(back)).toEqual(errors(real));
    expect(back.verdict).toBe(form.result.value.verdict);
  });
});

describe('a mixed report (seed 004, 鄞州区卫健局 2021: the 2021 table A, a single （六）其他处理 row)', () => {
  const yinzhou = () => check({ kind: 'text', text: readFileSync(new URL('./fixtures/yinzhou-health-2021.txt', import.meta.url), 'utf8') });
  const cellsOf = (model: ReturnType<typeof check>['model']) => {
    const out: FormValues = {};
    for (const t of ['A', 'B', 'C'] as const) for (const c of Object.values(model.tables[t]?.cells ?? {})) out[c.ref] = c.raw;
    return out;
  };
  const typed = (values: FormValues) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));

  it('opens in the form as the 2021 tables with its one （六） row, every number kept, and gives the checker’s table errors', () => {
    const real = yinzhou();
    expect(real.model.year).toBe(2021);
    const values = cellsOf(real.model);
    expect(Object.keys(values).filter((r) => r.startsWith('A.'))).toHaveLength(10);
    const opened = formValuesOf(real.model);
    expect(opened.template).toBe('mixed');
    const form = createFormState();
    form.load(opened.values, opened.template);
    expect(form.template.value).toBe('mixed');
    // nothing dropped: the ten table-A numbers (lost when it opened as the 2019 form) and the single （六） row
    expect(typed(form.values.value)).toEqual(typed(values));
    expect(form.refs()).toContain('A.reg.valid');
    expect(form.refs()).toContain('B.other.tot');
    expect(form.refs()).not.toContain('B.other1.tot');
    // its cells alone (a draft, a JSON file) say the same template
    form.load(values);
    expect(form.template.value).toBe('mixed');
    expect(readFormJson(formJson(form.values.value))).toEqual(form.values.value);
    const errors = (r: ReturnType<typeof check>) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.cells[0]}`).sort();
    expect(errors(real)).toEqual(['APP-COL-OUTCOME-TOTAL B.total.np', 'APP-COL-OUTCOME-TOTAL B.total.tot']);
    expect(errors(form.result.value)).toEqual(errors(real));
    // （七）总计 is summed over the single （六） row
    expect(totalParts('B.total.np', 'mixed')).toContain('B.other.np');
  });

  it('exported as HTML and read back by the checker: the same cells, the same template parts and errors', () => {
    const real = yinzhou();
    const form = createFormState();
    form.load(cellsOf(real.model));
    const back = check({ kind: 'html', html: `<html><body>${formHtml(form.values.value, 'zh')}</body></html>` });
    expect(back.model.templateParts).toEqual(real.model.templateParts);
    expect(typed(cellsOf(back.model))).toEqual(typed(cellsOf(real.model)));
    const errors = (r: ReturnType<typeof check>) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.cells[0]}`).sort();
    expect(errors(back)).toEqual(errors(real));
  });

  it("as last year's report opened from its file, it prefills a 2021 form's 上年结转 and both 现行有效件数", async () => {
    const readers: PreviousReaders = { pdfjs: async () => pdfjsModule as unknown as PdfJs, mammoth: async () => mammothModule as unknown as Mammoth };
    const last = await previousFromFile('yinzhou-health-2021.txt', new Uint8Array(readFileSync(new URL('./fixtures/yinzhou-health-2021.txt', import.meta.url))), 'zh', readers);
    if (last.kind !== 'model') throw new Error(last.message);
    const form = createFormState();
    expect(form.usePrevious(last.model).sort()).toEqual(['A.norm.valid', 'A.reg.valid', 'B.carry_in.biz', 'B.carry_in.law', 'B.carry_in.ngo', 'B.carry_in.np', 'B.carry_in.oth', 'B.carry_in.sci', 'B.carry_in.tot']);
    expect(form.values.value['A.reg.valid']).toBe(last.model.tables.A!.cells['A.reg.valid']!.raw);
    expect(form.template.value).toBe('2021');
  });

  it('without a table A, the year decides: a single （六） row is the 2019 form before 2021, the mixed one from 2021 on', () => {
    const b = { 'B.new.np': '1', 'B.other.np': '0' };
    expect(templateOfValues(b, 2020)).toBe('2019');
    expect(templateOfValues(b, 2021)).toBe('mixed');
    expect(templateOfValues({ 'B.new.np': '1' }, 2020)).toBe('2019');
    expect(templateOfValues({ 'B.new.np': '1' }, 2022)).toBe('2021');
    // the cells win over the year when they would be dropped
    expect(templateOfValues({ 'A19.permit.delta': '1' }, 2022)).toBe('2019');
    expect(templateOfValues({ 'A.reg.made': '1' }, 2020)).toBe('2021');
  });
});

describe('the plain-text copy', () => {
  it('lays each table row on a line, tab-separated, a merged cell followed by its empty spans', () => {
    const tsv = formTsv(shuyang(), 'zh');
    expect(tsv).toContain('一、本年新收政府信息公开申请数量\t705\t3\t0\t0\t5\t0\t713');
    expect(tsv).toContain('项目\t自然人\t法人或其他组织\t\t\t\t\t总计');
  });
});

describe('the 2019 template', () => {
  it("has 2019's table A and the single （六）其他处理 row, and sums （七）总计 over it", () => {
    const form = createFormState();
    form.setCell('B.new.np', '4');
    form.setTemplate('2019');
    const refs = form.refs();
    expect(refs).toContain('A19.procure.amt');
    expect(refs).toContain('B.other.tot');
    expect(refs).not.toContain('B.other1.np');
    expect(refs).not.toContain('A.reg.made');
    expect(form.values.value['B.new.np']).toBe('4');
    form.setCell('B.other.np', '2');
    form.setCell('B.open.np', '3');
    form.computeTotal('B.total.np');
    expect(form.values.value['B.total.np']).toBe('5');
  });

  it('岭东区 2020 (2019 template) typed in gives the checker’s table errors on the same cells', () => {
    const real = check({ kind: 'text', text: readFileSync(new URL('./fixtures/lingdong-health-2020.txt', import.meta.url), 'utf8') });
    const values: FormValues = {};
    for (const t of ['A', 'B', 'C'] as const) for (const c of Object.values(real.model.tables[t]?.cells ?? {})) values[c.ref] = c.raw;
    const form = createFormState();
    form.load(values);
    expect(form.template.value).toBe('2019');
    const errors = (r: typeof real) => r.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.cells[0]}`).sort();
    expect(errors(real)).toHaveLength(4);
    expect(errors(form.result.value)).toEqual(errors(real));
    // its errors have no single fix (no mistake), so each marks its first cell without a value, as the checker does
    expect(real.mistakes).toEqual([]);
    const errorCells = [...new Set(real.findings.filter((f) => f.severity === 'error').map((f) => f.cells[0]!))].sort();
    const marks = [...form.marks.value.values()].filter((m) => m.severity === 'error');
    expect(marks.map((m) => m.ref).sort()).toEqual(errorCells);
    expect(marks.filter((m) => m.expected !== undefined)).toEqual([]);
  });
});
