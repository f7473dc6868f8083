// Scanned pages → CheckResult: each page image through the OCR page reader (core/ocr), the blocks into
// one Doc, then the same check as every other input. The result says how the tables were found (ruling
// lines or, for borderless tables, word boxes), how many cells were read, and which numbers the
// recogniser was unsure of; a page where no table could be read is "表格无法识别", never "no errors".
import type { Block, CellRef, CheckResult, Doc, ReportModel, SourceRef } from '../types.ts';
import { ocrPage, type OcrOptions, type OcrPage, type OcrPageInfo } from '../ocr/page.ts';
import type { OcrImage, Box } from '../ocr/image.ts';
import type { Recogniser } from '../ocr/recogniser.ts';
import { PdfReadError, readPdfText, type PdfJs } from '../adapters/pdf/pdfjs.ts';
import { MAX_OCR_PIXELS } from '../adapters/image/size.ts';
import { positionedToDoc } from '../adapters/pdf/positioned.ts';
import { check } from './check.ts';
import { misreadSuspects } from './misread.ts';

/**
 * A number OCR was unsure of, or (`unread`) a cell with ink it could not read at all, or (`small`, the
 * print's height in pixels) a number read sure in print too small to trust when one slip of it would mend
 * an error (misread.ts).
 */
export type OcrDoubtful = { page: number; bbox: Box; text: string; confidence: number; ref?: CellRef; unread?: true; small?: number };

export type OcrInfo = {
  pages: OcrPageInfo[];
  /** some table was found from its ruling lines */
  grid: boolean;
  /** some page had no ruling lines and its tables were built from word boxes */
  fallback: boolean;
  /** no page gave a table at all */
  noTable: boolean;
  cellsRead: number;
  numbers: number;
  /** numbers read with low confidence, with the cell they became when recognised */
  doubtful: OcrDoubtful[];
  /** indices into `findings` of the findings that rest on a doubtful number */
  findingsOnDoubtful: number[];
};

export type OcrCheck = CheckResult & { ocr: OcrInfo };

export type CheckImageOptions = Omit<OcrOptions, 'page'> & { name?: string; previous?: ReportModel };

/** One page image (a photo or scan of a report page, or a rendered image-only PDF page). */
export async function checkImage(image: OcrImage, recogniser: Recogniser, opts: CheckImageOptions = {}): Promise<OcrCheck> {
  return checkImages([image], recogniser, opts);
}

/** The pages of one scanned report, in order. */
export async function checkImages(images: OcrImage[], recogniser: Recogniser, opts: CheckImageOptions = {}): Promise<OcrCheck> {
  const pages: OcrPage[] = [];
  for (let i = 0; i < images.length; i++) pages.push(await ocrPage(images[i]!, recogniser, { ...opts, page: i + 1 }));
  const doc: Doc = { blocks: pages.flatMap((p) => p.blocks), origin: 'ocr', ...(opts.name ? { name: opts.name } : {}) };
  const result = check({ kind: 'doc', doc }, opts.previous ? { previous: opts.previous } : {});
  return withOcrInfo(result, pages.map((p) => p.info));
}

export type PdfOcrOptions = Omit<OcrOptions, 'page'> & {
  /** renders page n (1-based) to an image; done outside core (pdf.js + canvas in the site) */
  render(page: number): Promise<OcrImage>;
  recogniser: Recogniser;
  name?: string;
};

/** The resolution the faces render image-only PDF pages at for OCR (core/cli-ocr.ts RENDER_DPI, the site's). */
const OCR_RENDER_DPI = 150;

/**
 * A PDF whose pages may lack a text layer: pages with text are read from it, the others are rendered by
 * the caller and read by OCR; the blocks are put back in page order and checked together.
 */
export async function checkPdfWithOcr(pdfjs: PdfJs, bytes: Uint8Array, opts: PdfOcrOptions): Promise<{ result: OcrCheck; numPages: number; pagesWithoutText: number[] }> {
  const text = await readPdfText(pdfjs, bytes);
  // Checked before any page is rendered: a 200 × 200 in page at 150 dpi is 900 MP, 3.6 GB of RGBA.
  for (const n of text.pagesWithoutText) {
    const page = text.pages[n - 1]!;
    const pixels = page.width * page.height * (OCR_RENDER_DPI / 72) ** 2;
    if (pixels > MAX_OCR_PIXELS) throw new PdfReadError('page-too-large', `${n}: ${Math.round(pixels / 1e6)} MP > ${MAX_OCR_PIXELS / 1e6} MP`);
  }
  const textDoc = positionedToDoc(text.pages, opts.name ? { name: opts.name } : {});
  const ocrPages: OcrPage[] = [];
  for (const n of text.pagesWithoutText) ocrPages.push(await ocrPage(await opts.render(n), opts.recogniser, { ...opts, page: n }));
  const doc = mergePages(textDoc.blocks, ocrPages.flatMap((p) => p.blocks), opts.name);
  const result = withOcrInfo(check({ kind: 'doc', doc }), ocrPages.map((p) => p.info));
  if (text.pagesWithoutText.length) result.model.recognition.inputProblems.push(`ocr-pages:${text.pagesWithoutText.join(',')}`);
  return { result, numPages: text.numPages, pagesWithoutText: text.pagesWithoutText };
}

const pageOf = (src: SourceRef): number => (src.kind === 'pdf' || src.kind === 'ocr' ? src.page : 0);

/** Text-layer blocks and OCR blocks in page order (each keeps its order within its page). */
export function mergePages(textBlocks: Block[], ocrBlocks: Block[], name?: string): Doc {
  const all = [...textBlocks, ...ocrBlocks].map((b, i) => ({ b, i, p: pageOf(b.source) }));
  all.sort((x, y) => x.p - y.p || x.i - y.i);
  return { blocks: all.map((x) => x.b), origin: ocrBlocks.length ? 'ocr' : 'pdf', ...(name ? { name } : {}) };
}

/**
 * A web article whose text is HTML and whose report tables are pictures (issue 23): its text paragraphs
 * and pictures in page order; `page` is the picture's place among the pictures, 1-based, as OCR numbers them.
 */
export type ArticlePart = { kind: 'text'; text: string } | { kind: 'picture'; page: number };

/**
 * The article's paragraphs and the OCR blocks of its pictures in the article's order, so a section's
 * heading stays before its table and the narrative checks read the text the page gives as text.
 */
export function mergeArticle(parts: ArticlePart[], ocrBlocks: Block[], name?: string): Doc {
  const blocks: Block[] = [];
  const used = new Set<number>();
  for (const part of parts) {
    if (part.kind === 'text') {
      if (part.text.trim()) blocks.push({ kind: 'para', text: part.text, source: { kind: 'para', block: blocks.length } });
      continue;
    }
    used.add(part.page);
    for (const b of ocrBlocks) if (pageOf(b.source) === part.page) blocks.push(b);
  }
  for (const b of ocrBlocks) if (!used.has(pageOf(b.source))) blocks.push(b);
  return { blocks, origin: 'ocr', ...(name ? { name } : {}) };
}


/** Adds what OCR found to a result: the page infos, doubtful numbers, and the coverage when nothing was read. */
export function withOcrInfo(result: CheckResult, pages: OcrPageInfo[]): OcrCheck {
  const problems = result.model.recognition.inputProblems;
  const grid = pages.some((p) => p.method === 'rules');
  const fallback = pages.some((p) => p.method === 'words');
  const cellsRead = pages.reduce((s, p) => s + p.cellsRead, 0);
  const noTable = pages.length > 0 && (pages.every((p) => p.method === 'none') || cellsRead === 0);
  if (noTable) {
    problems.push('ocr-no-table');
    for (const t of ['A', 'B', 'C'] as const) {
      if (result.coverage[t].status === 'not-found') result.coverage[t] = { status: 'unreadable', codes: [{ code: 'ocr-no-table' }] };
    }
    if (result.verdict === 'clean' || result.verdict === 'incomplete') result.verdict = 'unreadable';
  }
  if (fallback) problems.push('ocr-borderless');

  // Each doubtful cell, and the CellRef it became.
  const refOf = new Map<string, CellRef>();
  for (const [ref, src] of Object.entries(result.locations)) if (src.kind === 'ocr') refOf.set(key(src.page, src.bbox), ref);
  // An unread cell that became no table value (a header, a stray mark) changes no check: not listed.
  const doubtful: OcrDoubtful[] = pages.flatMap((p) =>
    p.doubtful.flatMap((c) => {
      const ref = refOf.get(key(p.page, c.bbox));
      if (c.kind === 'unread' && !ref) return [];
      return [{ page: p.page, bbox: c.bbox, text: c.text, confidence: c.confidence, ...(ref ? { ref } : {}), ...(c.kind === 'unread' ? { unread: true as const } : {}) }];
    }),
  );
  // Borderless pages flag doubtful numbers on their sources only.
  for (const [ref, src] of Object.entries(result.locations)) {
    if (src.kind === 'ocr' && src.doubtful && !doubtful.some((d) => d.ref === ref)) {
      doubtful.push({ page: src.page, bbox: src.bbox, text: result.model.tables[ref[0] as 'A' | 'B' | 'C']?.cells[ref]?.raw ?? '', confidence: src.confidence ?? 0, ref });
    }
  }
  // A small digit one slip away from the value that mends a located mistake: doubtful (misread.ts).
  // (A copy of the source: the Doc's own stays as read, for a check again after a correction.)
  for (const s of misreadSuspects(result, pages)) {
    result.locations[s.ref] = { ...s.src, doubtful: true };
    doubtful.push({ page: s.src.page, bbox: s.src.bbox, text: s.read, confidence: s.src.confidence ?? 0, ref: s.ref, small: s.printHeight });
  }
  const doubtfulRefs = new Set(doubtful.flatMap((d) => (d.ref ? [d.ref] : [])));
  const findingsOnDoubtful = result.findings.flatMap((f, i) => (f.cells.some((c) => doubtfulRefs.has(c)) ? [i] : []));
  if (doubtfulRefs.size) problems.push(`ocr-doubtful:${doubtfulRefs.size}`);
  return Object.assign(result, {
    ocr: { pages, grid, fallback, noTable, cellsRead, numbers: pages.reduce((s, p) => s + p.numbers, 0), doubtful, findingsOnDoubtful },
  });
}

const key = (page: number, bbox: Box) => `${page}:${bbox.join(',')}`;

/** Whether a finding rests on a number the recogniser was unsure of (the UI says 「可能识别有误」). */
export function restsOnDoubtful(result: CheckResult, cells: CellRef[]): boolean {
  return cells.some((c) => {
    const src = result.locate(c);
    return src?.kind === 'ocr' && !!src.doubtful;
  });
}
