// Word drafts: a .docx built from the saved real page (tests/fixtures/docx/build-docx.ts) goes through
// mammoth → HTML adapter with its merged cells kept, and gives the same findings as the page itself.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammothModule from 'mammoth';
import { check, docxToDoc, docxToHtml, DocxReadError, refusalText, type Mammoth } from '../core/index.ts';
import { FIXTURES } from './support/fixtures.ts';
import { buildDocx } from './fixtures/docx/build-docx.ts';

const mammoth = mammothModule as unknown as Mammoth;
const pageHtml = readFileSync(join(FIXTURES, 'shuyang-drc-2023.html'), 'utf8');
const summary = (r: ReturnType<typeof check>) => ({
  verdict: r.verdict,
  coverage: [r.coverage.A.status, r.coverage.B.status, r.coverage.C.status],
  findings: r.findings.map((f) => `${f.severity} ${f.ruleId} ${f.cells[0] ?? '-'}`).sort(),
  year: r.model.year,
  agency: r.model.agency,
});

describe('.docx', () => {
  it('the committed .docx gives the same result as the real page it was built from', async () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'docx', 'shuyang-drc-2023.docx')));
    const doc = await docxToDoc(mammoth, bytes, { name: 'shuyang-drc-2023.docx' });
    expect(doc.origin).toBe('docx');
    expect(summary(check({ kind: 'doc', doc }))).toEqual(summary(check({ kind: 'html', html: pageHtml })));
  });

  it('merged cells survive: gridSpan → colspan, vMerge → rowspan', async () => {
    const html = await docxToHtml(mammoth, new Uint8Array(readFileSync(join(FIXTURES, 'docx', 'shuyang-drc-2023.docx'))));
    expect(html).toMatch(/<td[^>]*colspan="3"[^>]*rowspan="3"|<td[^>]*rowspan="3"[^>]*colspan="3"/);
    expect(html).toMatch(/rowspan="22"/); // 三、本年度办理结果
  });

  it('a wrong number in the draft is found at its cell', async () => {
    // The clerk typed 27 for 予以公开/自然人 (the page says 26).
    const changed = pageHtml.replace(/(予以公开<\/span>[\s\S]*?>)26(<)/, '$127$2');
    expect(changed).not.toBe(pageHtml);
    const doc = await docxToDoc(mammoth, new Uint8Array(await buildDocx(changed)));
    const r = check({ kind: 'doc', doc });
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((f) => f.cells.includes('B.open.np'))).toBe(true);
  });

  it('an old .doc or a non-Word file gets a clear message', async () => {
    // the adapter throws a code; the faces word it (core/present/refusal.ts)
    const old = (await docxToHtml(mammoth, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0])).catch((e: unknown) => e)) as DocxReadError;
    expect(old.reason).toBe('old-doc');
    expect(refusalText(old, 'zh')).toMatch(/另存为 \.docx/);
    await expect(docxToHtml(mammoth, new TextEncoder().encode('plain text'))).rejects.toBeInstanceOf(DocxReadError);
    await expect(docxToHtml(mammoth, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toBeInstanceOf(DocxReadError);
  });
});
