// OCR in Node, for the command line beside it (and the OCR tests and bench): tesseract.js with the language data
// of the @tesseract.js-data packages in node_modules (no network, nothing cached into the working
// directory); scans decoded, and image-only PDF pages rendered, with @napi-rs/canvas, the canvas pdf.js
// itself uses in Node (its optional dependency, so it is there wherever pdf.js is). An adapter at the
// edge: the OCR pipeline (core/pipeline/ocr.ts) only ever sees grey or RGBA pixels.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createTesseractRecogniser, type CreateTessWorker, type TesseractRecogniser } from './ocr/tesseract.ts';
import type { OcrImage } from './ocr/image.ts';
import { renderDpi, type OperatorList } from './ocr/render-dpi.ts';

const require = createRequire(import.meta.url);
const dataDir = (lang: 'eng' | 'chi_sim') => join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), '4.0.0_best_int');

/** PDF pages are rendered at the resolution of the scan inside them, 150–300 dpi (render-dpi.ts), as the site does. */

/** Image file types the command line reads by OCR (what the canvas decoder understands). */
export const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.webp', '.gif', '.bmp']);

export async function createNodeRecogniser(): Promise<TesseractRecogniser> {
  const { createWorker } = await import('tesseract.js');
  return createTesseractRecogniser(createWorker as unknown as CreateTessWorker, {
    langPath: { eng: dataDir('eng'), chi_sim: dataDir('chi_sim') },
    workerOptions: { cacheMethod: 'none' },
    workers: { chi_sim: chineseReaders(availableParallelism()) },
  });
}

/**
 * Chinese readers for the command line: the Chinese reader is most of a page's CPU (labels and prose,
 * ~4 ms a character; tests/bench/ocr.ts), and its stacks split into one part per reader, so each core
 * beyond the digit reader's takes a share, up to three. Two on this project's 2-core machine, where two
 * readers on two cores had measured 2.0–2.3 → 0.95–1.1 s for the busiest thread of a page.
 */
export function chineseReaders(cores: number): number {
  return Math.max(2, Math.min(3, cores - 1));
}

type Canvas = {
  width: number;
  height: number;
  getContext(kind: '2d'): Ctx;
};
type Ctx = {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  drawImage(img: unknown, x: number, y: number): void;
  getImageData(x: number, y: number, w: number, h: number): { width: number; height: number; data: Uint8ClampedArray };
};
type NapiCanvas = { createCanvas(w: number, h: number): Canvas; loadImage(src: Uint8Array): Promise<{ width: number; height: number }> };

export class OcrUnavailableError extends Error {}

async function napiCanvas(): Promise<NapiCanvas> {
  try {
    return (await import('@napi-rs/canvas')) as unknown as NapiCanvas;
  } catch (e) {
    throw new OcrUnavailableError(`@napi-rs/canvas 不可用，无法解码图片或渲染 PDF 页 / @napi-rs/canvas is not available (${(e as Error).message})`);
  }
}

/** A white page: transparent pixels of a PNG are paper, not ink. */
function whiteCanvas(c: NapiCanvas, width: number, height: number): { canvas: Canvas; ctx: Ctx } {
  const canvas = c.createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  return { canvas, ctx };
}

/** A scan or photo (PNG, JPEG, WebP, GIF, BMP) → RGBA pixels. Throws when the bytes are not an image. */
export async function decodeImage(bytes: Uint8Array): Promise<OcrImage> {
  const c = await napiCanvas();
  let img: { width: number; height: number };
  try {
    img = await c.loadImage(bytes);
  } catch (e) {
    throw new Error(`不是可识别的图片 / not an image this can read (${(e as Error).message})`);
  }
  if (!img.width || !img.height) throw new Error('图片没有内容 / the image is empty');
  const { ctx } = whiteCanvas(c, img.width, img.height);
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height);
  return { width: data.width, height: data.height, data: data.data };
}

type RenderPage = {
  getViewport(o: { scale: number }): { width: number; height: number };
  getOperatorList(): Promise<OperatorList>;
  render(o: { canvasContext: unknown; viewport: unknown; canvas: unknown }): { promise: Promise<void> };
};
type RenderablePdf = { getPage(n: number): Promise<RenderPage>; destroy(): Promise<void> };
type RenderPdfJs = { getDocument(src: { data: Uint8Array; isEvalSupported?: boolean }): { promise: Promise<RenderablePdf> } };

/** Renders pages of one PDF to pixels for OCR; `close()` when done. */
export async function pdfPageRenderer(pdfjs: unknown, bytes: Uint8Array): Promise<{ render(page: number): Promise<OcrImage>; close(): Promise<void> }> {
  const c = await napiCanvas();
  const doc = await (pdfjs as RenderPdfJs).getDocument({ data: bytes.slice(), isEvalSupported: false }).promise;
  return {
    async render(n) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: renderDpi(await page.getOperatorList()) / 72 });
      const { canvas, ctx } = whiteCanvas(c, Math.round(viewport.width), Math.round(viewport.height));
      await page.render({ canvasContext: ctx, viewport, canvas }).promise;
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
      return { width: data.width, height: data.height, data: data.data };
    },
    close: () => doc.destroy(),
  };
}
