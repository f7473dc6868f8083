// OCR off the page's thread: the pixel work (grey, deskew, ruling lines, cell crops) and the tesseract.js
// workers it drives (nested here, so terminating this worker stops them all). Plain data in and out.
import { createTesseractRecogniser, ocrPage, pageChineseReaders, type CreateTessWorker, type OcrImage, type OcrPage, type OcrProgress, type TesseractRecogniser } from '../../../core/ocr/index.ts';

export type OcrWorkerRequest = { id: number; base: string; pages: { page: number; image: OcrImage }[] };
export type OcrWorkerReply =
  | { id: number; type: 'loading' }
  | { id: number; type: 'progress'; progress: OcrProgress }
  | { id: number; type: 'done'; pages: OcrPage[] }
  | { id: number; type: 'error'; error: string };

let recogniser: Promise<TesseractRecogniser> | undefined;
/** The job waiting for the engine to load: each step of the loading is said to its bridge (bridge.ts LOAD_TIMEOUT_MS). */
let loadingJob: number | undefined;
const post = (m: OcrWorkerReply) => (self as unknown as Worker).postMessage(m);

function load(base: string): Promise<TesseractRecogniser> {
  recogniser ??= (async () => {
    const { createWorker } = await import('tesseract.js');
    const at = (p: string) => new URL(p, base).href;
    return createTesseractRecogniser(createWorker as unknown as CreateTessWorker, {
      langPath: at('lang'),
      workerOptions: {
        workerPath: at('worker.min.js'),
        corePath: at('core/'),
        gzip: true,
        // an extension page may not spawn blob: workers; the site does not need them either
        workerBlobURL: false,
        // the models come from this site or extension: nothing to cache in IndexedDB
        cacheMethod: 'none',
        // tesseract.js reports each step of a worker's loading (core, language data, API) here
        logger: () => {
          if (loadingJob !== undefined) post({ id: loadingJob, type: 'loading' });
        },
      },
      // Two on two cores or more, one in Firefox (tesseract.ts pageChineseReaders says why).
      workers: { chi_sim: pageChineseReaders(self.navigator?.hardwareConcurrency, /\bFirefox\//.test(self.navigator?.userAgent ?? '')) },
    });
  })();
  recogniser.catch(() => (recogniser = undefined));
  return recogniser;
}

self.onmessage = async (e: MessageEvent<OcrWorkerRequest>) => {
  const { id, base, pages } = e.data;
  try {
    if (!recogniser) {
      loadingJob = id;
      post({ id, type: 'loading' });
    }
    const rec = await load(base).finally(() => (loadingJob = undefined));
    const out: OcrPage[] = [];
    for (const p of pages) out.push(await ocrPage(p.image, rec, { page: p.page, onProgress: (progress) => post({ id, type: 'progress', progress }) }));
    post({ id, type: 'done', pages: out });
  } catch (err) {
    post({ id, type: 'error', error: (err as Error).message });
  }
};
