// tesseract.js behind one small bridge: two workers (eng for digits, chi_sim for labels) created on
// first use from files this site serves (public/ocr, copied at build time), jobs queued one at a time
// per worker, an AbortSignal that terminates the workers (a cancelled OCR stops at once), and teardown
// after a minute idle so 40 MB of wasm and models do not stay in memory.
import type { Worker as TesseractWorker } from 'tesseract.js';

export type OcrKind = 'digits' | 'label' | 'page';
export type OcrLine = { text: string; confidence: number };
export type OcrWord = { text: string; confidence: number; bbox: { x0: number; y0: number; x1: number; y1: number } };
export type OcrImage = HTMLCanvasElement | OffscreenCanvas | ImageData | Blob;
export type Progress = (stage: 'loading' | 'recognising', detail?: number) => void;

const IDLE_MS = 60_000;

export class AbortedError extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('OCR cancelled');
  }
}

type Slot = { worker?: Promise<TesseractWorker>; queue: Promise<unknown>; mode?: 'line-digits' | 'line-label' | 'page' };

export class OcrBridge {
  private slots: Record<'eng' | 'chi_sim', Slot> = { eng: { queue: Promise.resolve() }, chi_sim: { queue: Promise.resolve() } };
  private idle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** where public/ocr is served, e.g. new URL('ocr/', location.href) */
    private readonly base: URL,
    private readonly onProgress?: Progress,
  ) {}

  private async create(lang: 'eng' | 'chi_sim'): Promise<TesseractWorker> {
    this.onProgress?.('loading');
    const { createWorker, OEM } = await import('tesseract.js');
    return createWorker(lang, OEM.LSTM_ONLY, {
      workerPath: new URL('worker.min.js', this.base).href,
      corePath: new URL('core/', this.base).href,
      langPath: new URL('lang', this.base).href.replace(/\/$/, ''),
      gzip: true,
      workerBlobURL: false,
      // models come from this site; keep them out of IndexedDB so "delete my data" stays simple
      cacheMethod: 'none',
    });
  }

  private run<T>(lang: 'eng' | 'chi_sim', signal: AbortSignal | undefined, job: (w: TesseractWorker, slot: Slot) => Promise<T>): Promise<T> {
    if (signal?.aborted) return Promise.reject(new AbortedError());
    clearTimeout(this.idle);
    const slot = this.slots[lang];
    const next = slot.queue.then(async () => {
      if (signal?.aborted) throw new AbortedError();
      slot.worker ??= this.create(lang);
      const w = await slot.worker;
      const abort = new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(new AbortedError()), { once: true }));
      return Promise.race([job(w, slot), abort]);
    });
    slot.queue = next.catch(() => undefined);
    next.catch((e) => {
      if (e instanceof AbortedError) void this.terminate();
    });
    void next.finally(() => this.scheduleIdle());
    return next;
  }

  private scheduleIdle(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => void this.terminate(), IDLE_MS);
  }

  /** One line of digits (a table cell): eng, single line, digits and a decimal point only. */
  digits(image: OcrImage, signal?: AbortSignal): Promise<OcrLine> {
    return this.run('eng', signal, async (w, slot) => {
      if (slot.mode !== 'line-digits') {
        await w.setParameters({ tessedit_pageseg_mode: '7' as never, tessedit_char_whitelist: '0123456789.-', user_defined_dpi: '150' });
        slot.mode = 'line-digits';
      }
      const { data } = await w.recognize(image as never);
      return { text: data.text.trim(), confidence: data.confidence };
    });
  }

  /** One line of Chinese (a row or column label): chi_sim, spaces between characters removed. */
  label(image: OcrImage, signal?: AbortSignal): Promise<OcrLine> {
    return this.run('chi_sim', signal, async (w, slot) => {
      if (slot.mode !== 'line-label') {
        await w.setParameters({ tessedit_pageseg_mode: '7' as never, tessedit_char_whitelist: '', user_defined_dpi: '150' });
        slot.mode = 'line-label';
      }
      const { data } = await w.recognize(image as never);
      return { text: stripCjkSpaces(data.text.trim()), confidence: data.confidence };
    });
  }

  /** A whole page's words with boxes (borderless tables, or finding the table on the page). */
  page(image: OcrImage, signal?: AbortSignal): Promise<OcrWord[]> {
    return this.run('chi_sim', signal, async (w, slot) => {
      if (slot.mode !== 'page') {
        await w.setParameters({ tessedit_pageseg_mode: '3' as never, tessedit_char_whitelist: '', user_defined_dpi: '150' });
        slot.mode = 'page';
      }
      const { data } = await w.recognize(image as never, {}, { blocks: true, text: true } as never);
      const words: OcrWord[] = [];
      for (const b of (data as unknown as { blocks?: { paragraphs: { lines: { words: OcrWord[] }[] }[] }[] }).blocks ?? [])
        for (const p of b.paragraphs) for (const l of p.lines) for (const wd of l.words) words.push({ text: stripCjkSpaces(wd.text), confidence: wd.confidence, bbox: wd.bbox });
      return words;
    });
  }

  async terminate(): Promise<void> {
    clearTimeout(this.idle);
    for (const slot of Object.values(this.slots)) {
      const w = slot.worker;
      slot.worker = undefined;
      slot.mode = undefined;
      slot.queue = Promise.resolve();
      if (w) await w.then((x) => x.terminate()).catch(() => undefined);
    }
  }
}

/** 「三 、 收 到 和 处 理」 → 「三、收到和处理」: tesseract spaces Chinese characters apart. */
export function stripCjkSpaces(s: string): string {
  return s.replace(/(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])/g, '');
}
