// The page's side of OCR: one Web Worker (site/src/ocr/ocr.worker.ts) that runs the core's OCR pipeline
// with tesseract.js workers nested inside it, all loaded from files this site or extension serves (ocr/,
// copied at build time; tesseract.js would otherwise fetch a CDN). Jobs queue one at a time; an
// AbortSignal terminates the worker (and the tesseract workers with it) so a cancel stops at once; after
// a minute idle it is terminated too, so 40 MB of wasm and models leave memory.
import type { OcrImage, OcrPage, OcrProgress } from '../../../core/ocr/index.ts';
import type { OcrWorkerReply, OcrWorkerRequest } from './ocr.worker.ts';
// `?worker`: Vite bundles the worker itself; the `new URL(…, import.meta.url)` form is rewritten by WXT's build
import OcrWorker from './ocr.worker.ts?worker';

const IDLE_MS = 60_000;
/**
 * A worker that cannot start (wasm blocked by a policy, a file missing) never answers: given up after
 * this long without a word from the engine while it loads. Each step of its loading is a word, so a slow
 * machine's long load is not cut short (Firefox's checker page under a full test run's load once took
 * over 60 s from the first word to the engine being ready; ext-firefox-e2e, pictures).
 */
const LOAD_TIMEOUT_MS = 60_000;

/** The engine said nothing for LOAD_TIMEOUT_MS while it loaded. */
class EngineStartError extends Error {}

export type BridgeProgress = { type: 'loading' } | { type: 'progress'; progress: OcrProgress };

export class OcrBridge {
  private worker: Worker | undefined;
  private loaded = false;
  private queue: Promise<unknown> = Promise.resolve();
  private idle: ReturnType<typeof setTimeout> | undefined;
  private nextId = 1;

  /** `base`: where the ocr/ folder is served, e.g. new URL('ocr/', location.href) */
  constructor(private readonly base: URL) {}

  /** OCR of page images, in order; `onProgress` hears the loading and each stage of each page. */
  run(pages: { page: number; image: OcrImage }[], opts: { signal?: AbortSignal; onProgress?: (p: BridgeProgress) => void } = {}): Promise<OcrPage[]> {
    clearTimeout(this.idle);
    const next = this.queue.then(() => this.job(pages, opts));
    this.queue = next.catch(() => undefined);
    void next
      .finally(() => {
        clearTimeout(this.idle);
        this.idle = setTimeout(() => this.terminate(), IDLE_MS);
      })
      .catch(() => undefined);
    return next;
  }

  /**
   * An engine that stops loading is started once more in a new worker before the job fails: Firefox's
   * extension checker page now and then got no further word from its engine while the machine sat idle
   * (ext-firefox-e2e's attachment and pictures tests; the cause was not found).
   */
  private async job(pages: { page: number; image: OcrImage }[], opts: { signal?: AbortSignal; onProgress?: (p: BridgeProgress) => void }): Promise<OcrPage[]> {
    try {
      return await this.attempt(pages, opts);
    } catch (e) {
      if (!(e instanceof EngineStartError) || opts.signal?.aborted) throw e;
      return this.attempt(pages, opts);
    }
  }

  private attempt(pages: { page: number; image: OcrImage }[], opts: { signal?: AbortSignal; onProgress?: (p: BridgeProgress) => void }): Promise<OcrPage[]> {
    if (opts.signal?.aborted) return Promise.reject(new DOMException('OCR cancelled', 'AbortError'));
    this.worker ??= new OcrWorker();
    const worker = this.worker;
    const id = this.nextId++;
    return new Promise<OcrPage[]>((resolve, reject) => {
      let loadTimer: ReturnType<typeof setTimeout> | undefined;
      const finish = () => {
        clearTimeout(loadTimer);
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        opts.signal?.removeEventListener('abort', onAbort);
      };
      const onMessage = (e: MessageEvent<OcrWorkerReply>) => {
        const m = e.data;
        if (m.id !== id) return;
        if (m.type === 'loading') {
          if (loadTimer === undefined) opts.onProgress?.({ type: 'loading' });
          clearTimeout(loadTimer);
          loadTimer = setTimeout(() => {
            finish();
            this.terminate();
            reject(new EngineStartError('文字识别引擎未能启动（超时）/ the OCR engine did not start'));
          }, LOAD_TIMEOUT_MS);
        } else if (m.type === 'progress') {
          clearTimeout(loadTimer);
          this.loaded = true;
          opts.onProgress?.({ type: 'progress', progress: m.progress });
        } else {
          finish();
          if (m.type === 'done') resolve(m.pages);
          else reject(new Error(m.error));
        }
      };
      const onError = (e: ErrorEvent) => {
        finish();
        this.terminate();
        reject(new Error(e.message || 'OCR worker failed'));
      };
      const onAbort = () => {
        finish();
        this.terminate();
        reject(new DOMException('OCR cancelled', 'AbortError'));
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      worker.postMessage({ id, base: this.base.href, pages } satisfies OcrWorkerRequest);
    });
  }

  /** Whether the engine is loaded (the next job starts at once). */
  get ready(): boolean {
    return !!this.worker && this.loaded;
  }

  terminate(): void {
    clearTimeout(this.idle);
    this.worker?.terminate();
    this.worker = undefined;
    this.loaded = false;
  }
}
