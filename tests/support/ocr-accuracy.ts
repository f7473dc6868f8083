// Ground truth for the OCR fixtures: the same PDF's text layer. Every number cell the text layer places
// on the rendered page must come out of OCR with the same CellRef and the same value.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellRef, CheckResult } from '../../core/types.ts';
import type { PdfJs } from '../../core/adapters/pdf/pdfjs.ts';
import { checkPdf } from '../../core/pipeline/pdf.ts';
import { FIXTURES } from './fixtures.ts';
import { decodePng } from './png.ts';
import type { OcrImage } from '../../core/ocr/image.ts';

export const OCR_FIXTURES = join(FIXTURES, 'ocr');

export function ocrFixture(file: string): OcrImage {
  return decodePng(new Uint8Array(readFileSync(join(OCR_FIXTURES, file))));
}

/** Number cells of the text layer that sit on the given pages, by CellRef. */
export async function textLayerNumbers(pdf: string, pages: number[]): Promise<Map<CellRef, number>> {
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
  const { result } = await checkPdf(pdfjs, new Uint8Array(readFileSync(join(FIXTURES, pdf))), pdf);
  const out = new Map<CellRef, number>();
  for (const t of ['A', 'B', 'C'] as const) {
    for (const cell of Object.values(result.model.tables[t]?.cells ?? {})) {
      if (cell.value.kind === 'number' && cell.source.kind === 'pdf' && pages.includes(cell.source.page)) out.set(cell.ref, cell.value.n);
    }
  }
  return out;
}

export type Accuracy = { right: number; total: number; wrong: { ref: CellRef; want: number; got: string }[] };

/** How many of the text layer's numbers OCR read into the same cell with the same value. */
export function numericAccuracy(truth: Map<CellRef, number>, result: CheckResult): Accuracy {
  const wrong: Accuracy['wrong'] = [];
  for (const [ref, want] of truth) {
    const cell = result.model.tables[ref.split('.')[0]!.replace('A19', 'A') as 'A' | 'B' | 'C']?.cells[ref];
    if (cell?.value.kind === 'number' && cell.value.n === want) continue;
    wrong.push({ ref, want, got: cell ? cell.raw : '(missing)' });
  }
  return { right: truth.size - wrong.length, total: truth.size, wrong };
}
