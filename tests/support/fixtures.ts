// Reading the real fixtures and their expectations.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHtmlBytes } from '../../core/adapters/html/index.ts';
import { check, type CheckInput } from '../../core/pipeline/check.ts';
import { checkPdf } from '../../core/pipeline/pdf.ts';
import type { PdfJs } from '../../core/adapters/pdf/pdfjs.ts';
import type { CheckResult } from '../../core/types.ts';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** Text and HTML fixtures (read synchronously). */
export function fixtureFiles(): string[] {
  return readdirSync(FIXTURES).filter((f) => /\.(txt|md|html)$/.test(f) && f !== 'README.md' && !f.includes('.gbk.') && !f.includes('excerpt')).sort();
}

/** Every real report fixture, PDFs included. */
export function allFixtureFiles(): string[] {
  return [...fixtureFiles(), ...readdirSync(FIXTURES).filter((f) => f.endsWith('.pdf'))].sort();
}

/** A fixture's check result, PDFs through their text layer (pdf.js legacy build, as the CLI uses). */
export async function checkFixture(file: string): Promise<CheckResult> {
  if (!file.endsWith('.pdf')) return check(fixtureInput(file));
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
  return (await checkPdf(pdfjs, new Uint8Array(readFileSync(join(FIXTURES, file))), file)).result;
}

export function fixtureInput(file: string): CheckInput {
  const bytes = readFileSync(join(FIXTURES, file));
  return file.endsWith('.html')
    ? { kind: 'html', html: decodeHtmlBytes(bytes), name: file }
    : { kind: 'text', text: new TextDecoder().decode(bytes), name: file };
}

export type Expected = { file: string; kind: 'finding' | 'coverage'; key: string; value: string; severity: string };

export function expectations(): Expected[] {
  return readFileSync(join(FIXTURES, 'EXPECTED.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#') && !l.startsWith('file\t'))
    .map((l) => {
      const [file, kind, key, value, severity] = l.split('\t');
      return { file: file!, kind: kind as Expected['kind'], key: key!, value: value!, severity: severity! };
    });
}

/** The real 沭阳县发改局 2023 page with one number of table B changed: 一、本年新收 总计 26 → 27. */
export function shuyangWithOneChange(): string {
  const page = readFileSync(join(FIXTURES, 'shuyang-drc-2023.html'), 'utf8');
  const rowStart = page.indexOf('、本年新收政府信息公开申请数量');
  const rowEnd = page.indexOf('</tr>', rowStart);
  const row = page.slice(rowStart, rowEnd);
  const at = row.lastIndexOf('>26<');
  if (rowStart < 0 || at < 0) throw new Error('fixture changed: 本年新收 row not found');
  return page.slice(0, rowStart) + row.slice(0, at) + '>27<' + row.slice(at + 4) + page.slice(rowEnd);
}
