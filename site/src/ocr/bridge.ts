// tesseract.js behind one small bridge: the core's recogniser (eng for digits, chi_sim for labels) over
// workers made from files this site serves (public/ocr, copied at build time; tesseract.js would
// otherwise fetch a CDN), one OCR job at a time, an AbortSignal that terminates the workers (a cancelled
// OCR stops at once), and teardown after a minute idle so 40 MB of wasm and models leave memory.
import { createTesseractRecogniser, type CreateTessWorker, type TesseractRecogniser } from '../../../core/ocr/index.ts';

const IDLE_MS = 60_000;
const LOAD_TIMEOUT_MS = 60_000;

export class OcrBridge {
  private recogniser: Promise<TesseractRecogniser> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private idle: ReturnType<typeof setTimeout> | undefined;

  /** `base`: where public/ocr is served, e.g. new URL('ocr/', location.href) */
  constructor(private readonly base: URL) {}

  private get(): Promise<TesseractRecogniser> {
    this.recogniser ??= (async () => {
      const { createWorker } = await import('tesseract.js');
      // A worker that cannot start (wasm blocked by a page policy, a file missing) never answers: give up
      // with a message instead of a spinner that turns forever.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('文字识别引擎未能启动（超时）/ the OCR engine did not start')), LOAD_TIMEOUT_MS);
      });
      return Promise.race([this.create(createWorker as unknown as CreateTessWorker), timeout]).finally(() => clearTimeout(timer));
    })();
    this.recogniser.catch(() => (this.recogniser = undefined));
    return this.recogniser;
  }

  private create(createWorker: CreateTessWorker): Promise<TesseractRecogniser> {
    return createTesseractRecogniser(createWorker, {
        langPath: new URL('lang', this.base).href,
        workerOptions: {
          workerPath: new URL('worker.min.js', this.base).href,
          corePath: new URL('core/', this.base).href,
          gzip: true,
          // an extension page may not spawn blob: workers; the site does not need them either
          workerBlobURL: false,
          // the models come from this site: nothing to cache in IndexedDB
          cacheMethod: 'none',
        },
      });
  }

  /**
   * Runs `job` with the recogniser once the jobs before it are done. `onLoading` is told when the
   * workers and language data are being loaded (the first job, or the first after an idle teardown).
   */
  run<T>(job: (rec: TesseractRecogniser) => Promise<T>, opts: { signal?: AbortSignal; onLoading?: () => void } = {}): Promise<T> {
    clearTimeout(this.idle);
    const next = this.queue.then(async () => {
      if (opts.signal?.aborted) throw new DOMException('OCR cancelled', 'AbortError');
      if (!this.recogniser) opts.onLoading?.();
      const rec = await this.get();
      // Cancel: terminate the workers and reject at once (a job inside a terminated worker never settles).
      let onAbort = () => {};
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => {
          void this.terminate();
          reject(new DOMException('OCR cancelled', 'AbortError'));
        };
        opts.signal?.addEventListener('abort', onAbort, { once: true });
      });
      try {
        return await Promise.race([job(rec), aborted]);
      } finally {
        opts.signal?.removeEventListener('abort', onAbort);
      }
    });
    this.queue = next.catch(() => undefined);
    void next.finally(() => {
      clearTimeout(this.idle);
      this.idle = setTimeout(() => void this.terminate(), IDLE_MS);
    }).catch(() => undefined);
    return next;
  }

  async terminate(): Promise<void> {
    clearTimeout(this.idle);
    const r = this.recogniser;
    this.recogniser = undefined;
    if (r) await r.then((x) => x.terminate()).catch(() => undefined);
  }
}
