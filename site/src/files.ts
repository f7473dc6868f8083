// Opened or dropped files → what the checker reads. Text and HTML go to the worker; PDF is read
// through pdf.js (its worker bundled and served by this site) and Word through mammoth's browser build.
// The core is imported lazily (PDF and Word only): text and HTML are checked in the worker, so the
// page's first load stays small.
// The decoders and the refusal words come from core/light.ts, not core/index.ts, so the page's first load does not
// carry the whole core (text and HTML are checked in the worker).
import { decodeHtmlBytes, decodeTextBytes, imageSize, isRefusal, MAX_OCR_PIXELS, pdfShapeProblem, refusalText } from '../../core/light.ts';
import type { Lang, PdfJs, Mammoth } from '../../core/index.ts';
import type { SiteViews } from './view.ts';
import type { PictureArticle } from './ocr/article.ts';
import type { SiteInput } from './engine.ts';
import { t, tf } from './i18n.ts';

export type FileRead =
  | { kind: 'input'; input: SiteInput; name: string }
  | { kind: 'views'; views: SiteViews; name: string; pages?: Record<number, string> }
  /** a scan (image) or a PDF with pages that have no text layer: goes to OCR; `article`: a web page's text and pictures (the extension) */
  | { kind: 'ocr'; name: string; file: File; bytes: Uint8Array; pdf: boolean; article?: PictureArticle }
  | { kind: 'error'; message: string; name: string };

const MAX_FILE = 50 * 1024 * 1024;

/** `pages`: also render a text PDF's pages to draw the findings on (the single-file view; a batch skips it). */
export async function readFile(file: File, lang: Lang, opts: { pages?: boolean } = { pages: true }): Promise<FileRead> {
  const name = file.name;
  const ext = (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? '').toLowerCase();
  if (file.size > MAX_FILE) return { kind: 'error', name, message: tf('fileTooLarge', lang, (file.size / 1048576).toFixed(1)) };
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    if (ext === 'txt' || ext === 'md' || ext === 'csv' || ext === 'tsv') return { kind: 'input', name, input: { kind: 'text', text: decodeTextBytes(bytes) } };
    if (ext === 'html' || ext === 'htm' || ext === 'xhtml' || ext === 'mht') return { kind: 'input', name, input: { kind: 'html', html: decodeHtmlBytes(bytes) } };
    if (ext === 'pdf') {
      // a file that is no PDF, or was cut short, is refused before pdf.js is even loaded
      const shape = pdfShapeProblem(bytes);
      if (shape) return { kind: 'error', name, message: t('fileError', lang) + refusalText({ name: 'PdfReadError', reason: shape }, lang) };
      const [pdfjs, { checkPdf }, { buildViews }] = await Promise.all([loadPdfJs(), import('../../core/pdf.ts'), import('./view.ts')]);
      const { result, pagesWithoutText } = await checkPdf(pdfjs, bytes, name);
      if (pagesWithoutText.length) return { kind: 'ocr', name, file, bytes, pdf: true };
      const views = buildViews(result, name);
      if (!opts.pages) return { kind: 'views', name, views };
      // The pages themselves, with the findings boxed on them (best effort: the table view stands alone).
      try {
        const { renderPdfPages, pdfPagesView } = await import('./ocr/session.ts');
        const images = await renderPdfPages(pdfjs as never, bytes);
        views.zh.ocr = pdfPagesView(result, images, 'zh');
        views.en.ocr = pdfPagesView(result, images, 'en');
        return { kind: 'views', name, views, pages: Object.fromEntries(images.map((i) => [i.page, i.url])) };
      } catch {
        return { kind: 'views', name, views };
      }
    }
    if (ext === 'docx' || ext === 'doc' || ext === 'wps') {
      const [mammothModule, { docxToHtml }] = await Promise.all([import('mammoth/mammoth.browser.js'), import('../../core/docx.ts')]);
      const mammoth = mammothModule as unknown as { default?: Mammoth } & Mammoth;
      const html = await docxToHtml(mammoth.default ?? mammoth, bytes);
      return { kind: 'input', name, input: { kind: 'html', html } };
    }
    if (/^(png|jpe?g|gif|bmp|webp)$/.test(ext)) {
      // sized from the header before the browser decodes it (4 bytes a pixel, then the OCR's copies)
      const size = imageSize(bytes);
      if (size && size.width * size.height > MAX_OCR_PIXELS) {
        const detail = `${size.width} × ${size.height}`;
        return { kind: 'error', name, message: t('fileError', lang) + refusalText({ name: 'ImageRefusal', reason: 'too-large', detail }, lang) };
      }
      return { kind: 'ocr', name, file, bytes, pdf: false };
    }
    if (/^tiff?$/.test(ext)) return { kind: 'error', name, message: t('tiffFile', lang) };
    return { kind: 'error', name, message: t('unsupportedFile', lang) };
  } catch (e) {
    if (isRefusal(e)) return { kind: 'error', name, message: t('fileError', lang) + refusalText(e, lang) };
    return { kind: 'error', name, message: t('fileError', lang) + (e as Error).message };
  }
}

let pdfjsPromise: Promise<PdfJs> | undefined;

/** pdf.js with its worker served from this site (Vite emits the worker file; nothing from a CDN). */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
    return pdfjs as unknown as PdfJs;
  })();
  return pdfjsPromise;
}
