// A PDF's text layer through pdf.js → PageText. The pdf.js module is passed in, so the CLI and tests use
// the legacy Node build and the site its browser build with a locally served worker: core never fetches.
import type { PageText, TextItem } from './positioned.ts';

/** The part of pdf.js this module uses (pdfjs-dist's getDocument). */
export type PdfJs = {
  getDocument(src: { data: Uint8Array; isEvalSupported?: boolean; useSystemFonts?: boolean; stopAtErrors?: boolean }): {
    promise: Promise<PdfDocument>;
  };
};
type PdfDocument = { numPages: number; getPage(n: number): Promise<PdfPage>; destroy(): Promise<void> };
type PdfPage = {
  view: number[];
  getTextContent(): Promise<{ items: ({ str: string; transform: number[]; width: number; height: number } | { type: string })[] }>;
};

export type PdfText = { pages: PageText[]; numPages: number; pagesWithoutText: number[] };

/**
 * Why a PDF is refused, as a code (the faces word it: core/present/refusal.ts refusalText): password-protected, not a
 * PDF at all, cut short, unparseable, or past the page-count or page-size bounds.
 */
export type PdfRefusal = 'encrypted' | 'not-pdf' | 'truncated' | 'broken' | 'too-many-pages' | 'page-too-large';

export class PdfReadError extends Error {
  // named explicitly: minified builds rename classes, and callers across bundles test the name
  override readonly name = 'PdfReadError';
  constructor(
    readonly reason: PdfRefusal,
    /** numbers or pdf.js's own words, shown after the sentence */
    readonly detail = '',
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}

/** An annual report is 5–30 pages; a few hundred is a whole gazette, not a report (and minutes of work). */
export const MAX_PDF_PAGES = 200;
/** The PDF spec's own bound for a page side (ISO 32000: 14 400 units = 200 in); past it is not a page. */
export const MAX_PAGE_SIDE = 14_400;

const latin1 = (b: Uint8Array) => new TextDecoder('latin1').decode(b);

/**
 * A cheap look at the bytes before pdf.js builds a document: `%PDF-` in the first 1024 bytes (where
 * readers look for it), and `%%EOF` or `startxref` near the end. Real PDFs carry trailing garbage after
 * %%EOF (a server's padding, an appended signature), so where they sit is not judged, only that one is
 * in the last 16 KB: a download cut short ends in the middle of a stream and has neither. A wrong xref
 * table under a sound header and tail is left to pdf.js's own recovery.
 */
export function pdfShapeProblem(bytes: Uint8Array): 'not-pdf' | 'truncated' | undefined {
  if (!latin1(bytes.subarray(0, 1024)).includes('%PDF-')) return 'not-pdf';
  const tail = latin1(bytes.subarray(Math.max(0, bytes.length - PDF_TAIL)));
  if (!tail.includes('%%EOF') && !tail.includes('startxref')) return 'truncated';
  return undefined;
}

const PDF_TAIL = 16 * 1024;

export async function readPdfText(pdfjs: PdfJs, bytes: Uint8Array): Promise<PdfText> {
  const shape = pdfShapeProblem(bytes);
  if (shape) throw new PdfReadError(shape);
  let doc: PdfDocument;
  try {
    // pdf.js may detach the buffer it is given: hand it a copy so the caller keeps its bytes.
    doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false }).promise;
  } catch (e) {
    const name = (e as { name?: string }).name ?? '';
    if (name === 'PasswordException') throw new PdfReadError('encrypted');
    throw new PdfReadError('broken', (e as Error).message);
  }
  if (doc.numPages > MAX_PDF_PAGES) {
    await doc.destroy();
    throw new PdfReadError('too-many-pages', `${doc.numPages} > ${MAX_PDF_PAGES}`);
  }
  const pages: PageText[] = [];
  const pagesWithoutText: number[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0 = 0, y0 = 0, x1 = 595, y1 = 842] = page.view;
    if (!(Math.abs(x1 - x0) <= MAX_PAGE_SIDE && Math.abs(y1 - y0) <= MAX_PAGE_SIDE)) {
      await doc.destroy();
      throw new PdfReadError('page-too-large', `${n}: ${Math.round(Math.abs(x1 - x0))} × ${Math.round(Math.abs(y1 - y0))} pt`);
    }
    const content = await page.getTextContent();
    const items: TextItem[] = [];
    for (const it of content.items) {
      if (!('str' in it) || !it.str.trim()) continue;
      const [a = 1, b = 0, , d = 1, e = 0, f = 0] = it.transform;
      const size = Math.hypot(a, b) || Math.abs(d) || it.height;
      items.push({ str: it.str, x: e - x0, y: f - y0, w: it.width, h: size });
    }
    if (!items.length) pagesWithoutText.push(n);
    pages.push({ page: n, width: x1 - x0, height: y1 - y0, items });
  }
  await doc.destroy();
  return { pages, numPages: pages.length, pagesWithoutText };
}
