// OCR of one opened image or scanned PDF, loaded on first use: tesseract behind the bridge (one engine
// for the tab; its workers load once and unload after a minute idle), then the same check as any input.
// The OCR session is returned with the views so corrections re-check without OCR again.
import { loadPdfJs, type FileRead } from '../files.ts';
import type { SiteViews } from '../view.ts';
import type { OcrBridge } from './bridge.ts';
import type { OcrSession, SiteProgress } from './session.ts';

export type OcrFile = Extract<FileRead, { kind: 'ocr' }>;
export type OcrRead = (read: OcrFile, onProgress: (p: SiteProgress) => void, signal?: AbortSignal) => Promise<{ session: OcrSession; views: SiteViews }>;

let bridge: OcrBridge | undefined;

export const ocrRead: OcrRead = async (read, onProgress, signal) => {
  const [ocr, { OcrBridge }] = await Promise.all([import('./session.ts'), import('./bridge.ts')]);
  bridge ??= new OcrBridge(new URL('ocr/', location.href));
  const opts = { onProgress, ...(signal ? { signal } : {}) };
  const session = read.article
    ? await (await import('./article.ts')).ocrArticle(bridge, read.article, opts)
    : read.pdf
    ? await ocr.ocrPdf(bridge, (await loadPdfJs()) as never, read.bytes, read.name, opts)
    : await ocr.ocrImages(bridge, [await ocr.decodeImage(read.file)], read.name, opts);
  return { session, views: ocr.checkSession(session).views };
};
