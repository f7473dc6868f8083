// PDF text layer → Doc on the two real PDFs: cells carry `pdf` boxes on the right page, labels wrapped
// over several lines are joined, and PDFs without text or without a valid structure are reported.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { checkPdf, PdfReadError, readPdfText, format, refusalText, type PdfJs } from '../core/index.ts';
import { FIXTURES } from './support/fixtures.ts';
import { blankPdf } from './support/blank-pdf.ts';

const pdfjs = pdfjsModule as unknown as PdfJs;
const bytes = (f: string) => new Uint8Array(readFileSync(join(FIXTURES, f)));


describe('PDF adapter', () => {
  it('洪泽区 2023: table C read from page 4, the errors point at boxes on that page', async () => {
    const { result, numPages, pagesWithoutText } = await checkPdf(pdfjs, bytes('hongze-district-gov-2023.pdf'));
    expect([numPages, pagesWithoutText]).toEqual([5, []]);
    const src = result.locate('C.rev.total');
    expect(src?.kind).toBe('pdf');
    if (src?.kind === 'pdf') {
      expect(src.page).toBe(4);
      const [x0, y0, x1, y1] = src.bbox;
      expect(x0).toBeLessThan(x1);
      expect(y0).toBeLessThan(y1);
      expect(y1).toBeLessThanOrEqual(842);
    }
    expect(result.model.tables.C!.cells['C.rev.keep']!.value).toEqual({ kind: 'number', n: 10 });
    expect(result.model.agency).toBe('洪泽区人民政府');
  });

  it('淮安市 2024: labels wrapped over three lines join the row that holds the numbers', async () => {
    const { result } = await checkPdf(pdfjs, bytes('huaian-city-gov-2024.pdf'));
    const b = result.model.tables.B!;
    expect(b.rowsMissing).toEqual([]);
    expect(b.cells['B.reject5.tot']!.value).toEqual({ kind: 'number', n: 1 });
    expect(b.cells['B.other1.tot']!.value).toEqual({ kind: 'number', n: 71 });
    expect(b.cells['B.other2.tot']!.value).toEqual({ kind: 'number', n: 6 });
    expect(b.cells['B.total.tot']!.value).toEqual({ kind: 'number', n: 3050 });
    expect(result.verdict).toBe('clean');
  });

  it('reads paragraphs whole: a sentence wrapped over lines is one block', async () => {
    const { result } = await checkPdf(pdfjs, bytes('hongze-district-gov-2023.pdf'));
    expect(result.model.paras.some((p) => p.text.includes('2023年全区受理政府信息公开申请21件，均在法定期限答复'))).toBe(true);
  });

  it('a PDF without a text layer is reported as image-only, not as empty tables', async () => {
    const { result, pagesWithoutText } = await checkPdf(pdfjs, blankPdf());
    expect(pagesWithoutText).toEqual([1]);
    expect(result.model.recognition.inputProblems).toContain('image-only');
    expect(result.verdict).toBe('unreadable');
    expect(format(result, 'zh')).toContain('没有文字层');
  });

  it('an encrypted PDF gives PdfReadError("encrypted") with a message saying so', async () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'bad', 'huaian-city-gov-2024-encrypted.pdf')));
    const err = await readPdfText(pdfjs, bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfReadError);
    expect((err as PdfReadError).reason).toBe('encrypted');
    expect(refusalText(err as PdfReadError, 'zh')).toContain('已加密');
    expect(refusalText(err as PdfReadError, 'en')).toContain('password');
  });

  it('garbage bytes give a clear PdfReadError', async () => {
    await expect(readPdfText(pdfjs, new TextEncoder().encode('%PDF-1.4\nnot a pdf at all'))).rejects.toBeInstanceOf(PdfReadError);
  });
});
