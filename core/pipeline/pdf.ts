// PDF bytes → CheckResult through the text layer. Async only because pdf.js is; the check itself is the
// same synchronous one. Pages without a text layer (scans) are reported, never read as empty tables.
import type { CheckResult } from '../types.ts';
import { readPdfText, type PdfJs } from '../adapters/pdf/pdfjs.ts';
import { positionedToDoc } from '../adapters/pdf/positioned.ts';
import { check } from './check.ts';

export type PdfCheck = { result: CheckResult; numPages: number; pagesWithoutText: number[] };

export async function checkPdf(pdfjs: PdfJs, bytes: Uint8Array, name?: string): Promise<PdfCheck> {
  const text = await readPdfText(pdfjs, bytes);
  const doc = positionedToDoc(text.pages, name ? { name } : {});
  const result = check({ kind: 'doc', doc });
  const problems = result.model.recognition.inputProblems;
  if (text.numPages > 0 && text.pagesWithoutText.length === text.numPages) problems.push('image-only');
  else if (text.pagesWithoutText.length) problems.push(`pages-without-text:${text.pagesWithoutText.join(',')}`);
  return { result, numPages: text.numPages, pagesWithoutText: text.pagesWithoutText };
}
