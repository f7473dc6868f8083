// A scanned report in the site: page images → OCR (core/ocr through the bridge) → one Doc → the same
// check as any input. The Doc is kept, so a number the user corrects re-runs the check at once.
import { checkModel, recognise, TABLE_LABEL, templateLabel } from '../../../core/index.ts';
import { renderDpi, withOcrInfo, type OcrCheck, type OcrImage, type OcrPageInfo, type OcrProgress, type OperatorList } from '../../../core/ocr/index.ts';
import { readPdfText, positionedToDoc, type PdfJs } from '../../../core/index.ts';
import { mergePages } from '../../../core/ocr/index.ts';
import type { Block, CheckResult, Doc, Lang } from '../../../core/index.ts';
import { buildViews, type SiteViews } from '../view.ts';
import { tf } from '../i18n.ts';
import type { OcrBridge } from './bridge.ts';

export type PageImage = { page: number; url: string; width: number; height: number; image: OcrImage };

export type OcrSession = {
  name: string;
  doc: Doc;
  pages: OcrPageInfo[];
  images: PageImage[];
  /** `page:x0,y0,x1,y1` of a cell → the value the user typed */
  corrections: Record<string, string>;
};

export type SiteProgress = { stage: 'loading' | 'render' | OcrProgress['stage']; page: number; pages: number; done: number; total: number };

export const cellKey = (page: number, bbox: readonly number[]) => `${page}:${bbox.join(',')}`;

/** Decodes an image file in the page (canvas): pixels for the pipeline, an object URL to draw. */
export async function decodeImage(file: Blob, page = 1): Promise<PageImage> {
  const bitmap = await createImageBitmap(file);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return { page, url: URL.createObjectURL(file), width: canvas.width, height: canvas.height, image: { width: data.width, height: data.height, data: data.data } };
}

/** A PDF page rendered at the resolution of the scan inside it, 150–300 dpi (core/ocr/render-dpi.ts). */
export async function renderPdfPage(pdf: { getPage(n: number): Promise<unknown> }, n: number): Promise<PageImage> {
  const page = (await pdf.getPage(n)) as {
    getViewport(o: { scale: number }): { width: number; height: number };
    getOperatorList(): Promise<OperatorList>;
    render(o: { canvasContext: CanvasRenderingContext2D; viewport: unknown; canvas: HTMLCanvasElement }): { promise: Promise<void> };
  };
  const viewport = page.getViewport({ scale: renderDpi(await page.getOperatorList()) / 72 });
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(viewport.width);
  canvas.height = Math.round(viewport.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvasContext: ctx, viewport, canvas }).promise;
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob>((ok) => canvas.toBlob((b) => ok(b!), 'image/png'));
  return { page: n, url: URL.createObjectURL(blob), width: canvas.width, height: canvas.height, image: { width: data.width, height: data.height, data: data.data } };
}

/** OCR of page images; `textBlocks` are a PDF's pages that had a text layer. */
export async function ocrImages(
  bridge: OcrBridge,
  images: PageImage[],
  name: string,
  opts: { signal?: AbortSignal; onProgress?: (p: SiteProgress) => void; textBlocks?: Block[] } = {},
): Promise<OcrSession> {
  const pages = images.length;
  const done = await bridge.run(
    images.map((i) => ({ page: i.page, image: i.image })),
    {
      ...(opts.signal ? { signal: opts.signal } : {}),
      onProgress: (p) => opts.onProgress?.(p.type === 'loading' ? { stage: 'loading', page: 0, pages, done: 0, total: 1 } : { ...p.progress, pages }),
    },
  );
  const doc = mergePages(opts.textBlocks ?? [], done.flatMap((p) => p.blocks), name);
  return { name, doc, pages: done.map((p) => p.info), images, corrections: {} };
}

/** The check of a session with the user's corrections applied: instant, no OCR again. */
export function checkSession(s: OcrSession): { result: OcrCheck; views: SiteViews } {
  const fixed = new Set(Object.keys(s.corrections));
  const blocks: Block[] = s.doc.blocks.map((b) => {
    if (b.kind !== 'grid' || !fixed.size) return b;
    return {
      ...b,
      rows: b.rows.map((row) =>
        row.map((c) => {
          if (c.source.kind !== 'ocr') return c;
          const value = s.corrections[cellKey(c.source.page, c.source.bbox)];
          return value === undefined ? c : { ...c, text: value, source: { ...c.source, confidence: 100, doubtful: false, unread: false, typed: true } };
        }),
      ),
    };
  });
  const doc: Doc = { ...s.doc, blocks };
  const { model } = recognise(doc);
  const pages = s.pages.map((p) => ({ ...p, doubtful: p.doubtful.filter((c) => !fixed.has(cellKey(p.page, c.bbox))) }));
  const result = withOcrInfo(checkModel(model), pages);
  const views = buildViews(result, s.name);
  for (const lang of ['zh', 'en'] as Lang[]) {
    const ocr = ocrView(result, s, lang);
    views[lang].ocr = ocr;
    // a finding is flagged as resting on a doubtful number only when that number is listed to be checked
    const listed = new Set(ocr.doubtful.flatMap((d) => (d.ref && !d.corrected ? [d.ref] : [])));
    for (const i of result.ocr.findingsOnDoubtful) if (result.findings[i]!.cells.some((c) => listed.has(c))) views[lang].findings[i]!.doubtful = true;
  }
  return { result, views };
}

/**
 * `unread`: the cell has ink OCR could not read at all (its sums are skipped until it is filled in).
 * `small`: a number read sure in print only this many pixels tall, listed because one slip of it would
 * mend an error (core/pipeline/misread.ts).
 * `label`: the cell named as a reader finds it in the report (「表二 依申请 · 一、本年新收…/商业企业」),
 * never the internal ref.
 */
export type OcrBox = { key: string; ref?: string; label?: string; page: number; bbox: [number, number, number, number]; text: string; confidence: number; doubtful: boolean; corrected: boolean; unread?: boolean; small?: number };
export type OcrView = {
  pages: { page: number; width: number; height: number; method: OcrPageInfo['method']; tables: [number, number, number, number][] }[];
  /** every cell that became a table value, with its box on the page image */
  cells: OcrBox[];
  doubtful: OcrBox[];
  /** the grid as detected (debug overlay) */
  grid: { page: number; bbox: [number, number, number, number] }[];
  fallback: boolean;
  noTable: boolean;
  findingsOnDoubtful: number[];
  note: string;
};

/**
 * A number read at this confidence or above is not listed as 「可能识别有误」: the readers disagreed on
 * it, but a list that says 「可能识别有误（把握 99%）」 asks the reader to doubt what OCR is sure of
 * (issue 20). Ink that could not be read is always listed.
 */
const SURE_ENOUGH = 99;

/** A cell by the names a reader sees in the report: its table, its row and its column. */
export function cellName(ref: string, lang: Lang): string {
  const table = ref[0] as 'A' | 'B' | 'C';
  return `${TABLE_LABEL[lang][table]} · ${templateLabel(ref, lang)}`;
}

function ocrView(result: OcrCheck, s: OcrSession, lang: Lang): OcrView {
  const cells: OcrBox[] = [];
  for (const [ref, src] of Object.entries(result.locations)) {
    if (src.kind !== 'ocr') continue;
    const key = cellKey(src.page, src.bbox);
    const cell = result.model.tables[ref[0] as 'A' | 'B' | 'C']?.cells[ref];
    cells.push({ key, ref, label: cellName(ref, lang), page: src.page, bbox: src.bbox, text: cell?.raw ?? '', confidence: src.confidence ?? 100, doubtful: !!src.doubtful, corrected: key in s.corrections });
  }
  // The numbers OCR doubted, in reading order and staying put when one is corrected.
  const refOf = new Map(cells.map((c) => [c.key, c.ref]));
  const named = (ref: string | undefined) => (ref ? { ref, label: cellName(ref, lang) } : {});
  const doubtful: OcrBox[] = s.pages.flatMap((p) =>
    p.doubtful.flatMap((c) => {
      const key = cellKey(p.page, c.bbox);
      const ref = refOf.get(key);
      if (c.kind === 'unread' && !ref) return []; // a header or a stray mark: no check rests on it
      if (c.kind !== 'unread' && !(key in s.corrections) && c.confidence >= SURE_ENOUGH) return [];
      return [{ key, ...named(ref), page: p.page, bbox: c.bbox, text: s.corrections[key] ?? c.text, confidence: c.confidence, doubtful: true, corrected: key in s.corrections, ...(c.kind === 'unread' ? { unread: true } : {}) }];
    }),
  );
  for (const d of result.ocr.doubtful) {
    const key = cellKey(d.page, d.bbox);
    // Small print is listed however sure the reading: its sureness is what is in doubt.
    if ((d.confidence >= SURE_ENOUGH && !d.small) || doubtful.some((x) => x.key === key) || s.pages.some((p) => p.page === d.page && p.doubtful.some((c) => cellKey(p.page, c.bbox) === key))) continue;
    doubtful.push({ key, ...named(d.ref), page: d.page, bbox: d.bbox, text: d.text, confidence: d.confidence, doubtful: true, corrected: false, ...(d.small ? { small: d.small } : {}) });
  }
  // A small digit listed because one slip of it would mend an error is no longer suspect once typed
  // (misread.ts): it stays in the list, as corrected, like every other.
  for (const c of cells) if (c.corrected && !doubtful.some((x) => x.key === c.key)) doubtful.push({ ...c, text: s.corrections[c.key]!, doubtful: true });
  const corrected = cells.filter((c) => c.corrected);
  const o = result.ocr;
  const note = tf('ocrNote', lang, { cellsRead: o.cellsRead, numbers: o.numbers, grid: !!o.grid, fallback: !!o.fallback, doubtful: doubtful.filter((d) => !d.corrected).length, corrected: corrected.length });
  return {
    pages: s.pages.map((p) => ({ page: p.page, width: p.width, height: p.height, method: p.method, tables: p.tables.map((t) => t.bbox) })),
    cells,
    doubtful,
    grid: s.pages.flatMap((p) => p.cells.map((c) => ({ page: p.page, bbox: c.bbox }))),
    fallback: o.fallback,
    noTable: o.noTable,
    findingsOnDoubtful: o.findingsOnDoubtful,
    note,
  };
}

/** A PDF: pages with a text layer are read from it, the others rendered and read by OCR. */
export async function ocrPdf(
  bridge: OcrBridge,
  pdfjs: PdfJs & { getDocument(src: { data: Uint8Array }): { promise: Promise<{ getPage(n: number): Promise<unknown>; numPages: number }> } },
  bytes: Uint8Array,
  name: string,
  opts: { signal?: AbortSignal; onProgress?: (p: SiteProgress) => void } = {},
): Promise<OcrSession> {
  const text = await readPdfText(pdfjs, bytes);
  const textDoc = positionedToDoc(text.pages, { name });
  const pdf = await pdfjs.getDocument({ data: bytes.slice() }).promise;
  const images: PageImage[] = [];
  for (const n of text.pagesWithoutText) {
    opts.onProgress?.({ stage: 'render', page: n, pages: text.pagesWithoutText.length, done: images.length, total: text.pagesWithoutText.length });
    images.push(await renderPdfPage(pdf, n));
  }
  return ocrImages(bridge, images, name, { ...opts, textBlocks: textDoc.blocks });
}

/**
 * A PDF read through its text layer, shown like a scan: the pages rendered, each marked cell boxed where
 * the text layer put it (pdf sources are in points, top-left origin; pages render at 150 dpi).
 */
export function pdfPagesView(result: CheckResult, images: PageImage[], lang: Lang): OcrView {
  const k = 150 / 72;
  const cells: OcrBox[] = [];
  for (const [ref, src] of Object.entries(result.locations)) {
    if (src.kind !== 'pdf' || !images.some((i) => i.page === src.page)) continue;
    const bbox = src.bbox.map((v) => Math.round(v * k * 10) / 10) as [number, number, number, number];
    const cell = result.model.tables[ref[0] as 'A' | 'B' | 'C']?.cells[ref];
    cells.push({ key: cellKey(src.page, bbox), ref, page: src.page, bbox, text: cell?.raw ?? '', confidence: 100, doubtful: false, corrected: false });
  }
  return {
    pages: images.map((i) => ({ page: i.page, width: i.width, height: i.height, method: 'rules' as const, tables: [] })),
    cells,
    doubtful: [],
    grid: [],
    fallback: false,
    noTable: false,
    findingsOnDoubtful: [],
    note: tf('pdfPagesNote', lang, images.length),
  };
}

/** Renders the first `max` pages of a PDF for pdfPagesView. */
export async function renderPdfPages(pdfjs: { getDocument(src: { data: Uint8Array }): { promise: Promise<{ getPage(n: number): Promise<unknown>; numPages: number }> } }, bytes: Uint8Array, max = 12): Promise<PageImage[]> {
  const pdf = await pdfjs.getDocument({ data: bytes.slice() }).promise;
  const out: PageImage[] = [];
  for (let n = 1; n <= Math.min(pdf.numPages, max); n++) out.push(await renderPdfPage(pdf, n));
  return out;
}
