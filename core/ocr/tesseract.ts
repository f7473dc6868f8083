// A Recogniser over tesseract.js workers: `eng` with a digit whitelist and one-line segmentation for
// number cells (175 of 175 number cells of a real table when the toolchain was chosen), `chi_sim` for labels,
// prose and full pages. tesseract.js's createWorker is passed in with the paths to its worker, core and
// language data, so this file runs wherever the caller has them: Node (tests/support/tesseract-node.ts)
// or the site's Web Worker bridge, with nothing fetched from other hosts.
import { encodePgm, type Gray } from './image.ts';
import { stripCjkSpaces, type OcrWord, type Reading, type Recogniser } from './recogniser.ts';
import { readingsOfStack, stackCrops } from './stack.ts';

type TessSymbol = { text: string; confidence: number };
type TessWord = { text: string; confidence: number; bbox: { x0: number; y0: number; x1: number; y1: number }; symbols?: TessSymbol[] };
type TessLine = { words: TessWord[]; bbox: { x0: number; y0: number; x1: number; y1: number } };
type TessPage = { text: string; confidence: number; blocks?: { paragraphs: { lines: TessLine[] }[] }[] | null };

/** The part of a tesseract.js Worker used here. */
export type TessWorker = {
  setParameters(params: Record<string, string>): Promise<unknown>;
  recognize(image: Uint8Array, options?: Record<string, unknown>, output?: Record<string, boolean>): Promise<{ data: TessPage }>;
  terminate(): Promise<unknown>;
};
export type CreateTessWorker = (langs: string, oem: number, options: Record<string, unknown>) => Promise<TessWorker>;

export type TesseractOptions = {
  /** folder holding `<lang>.traineddata.gz`, one for both languages or one each */
  langPath: string | { eng: string; chi_sim: string };
  /** passed to createWorker as well: workerPath, corePath, cacheMethod, workerBlobURL, logger … */
  workerOptions?: Record<string, unknown>;
  /**
   * workers per language (default eng 1, chi_sim 2): the Chinese reader's share of a table page is the
   * larger (labels and prose lines: ~2.3 s of CPU against ~1.5 s for the digits on 淮安市 2024 p4), so a
   * second chi_sim worker lets both cores work to the end of the page. Each costs its load time once.
   */
  workers?: { eng?: number; chi_sim?: number };
};

/**
 * Chinese readers for OCR in a web page (the site, the extension's checker page): two on a machine of two
 * cores or more, one otherwise. The Chinese reader is most of a page's CPU and its stacks split into one
 * part per reader (pool.split), so the second takes half while the digit reader works beside them.
 * Measured in Chromium on this project's 2-core machine, a dropped page image to its findings, workers
 * warm, two readers and one run in turn twice (淮安市 2024 p3–p5 and 洪泽区 2023 p4, eight reads each):
 * one reader 1.53–1.58 s a page, two 1.06–1.15 s. (Timed inside the page: Playwright's waitForSelector
 * polls every half second, which had hidden the difference before.) Not more than two: each reader
 * holds the engine and the model, and a page shares the machine with the browser. One in Firefox, as
 * the command line's CI has run it: with two, its extension checker page's engine once failed to start
 * (ext-firefox-e2e, twice in a row, 95f7bd6). Two passed there five times on 2026-11-30 (alone, under
 * load, in a full run), but a fresh clone on this machine fails those two tests at the engine's start
 * with one reader as well, even at 26ca49d, which CI passed: so that failure says nothing either way,
 * and Firefox keeps what CI has seen pass.
 */
export function pageChineseReaders(cores: number | undefined, firefox: boolean): number {
  return !firefox && (cores ?? 1) >= 2 ? 2 : 1;
}

/**
 * Workers of one language. `next()` is the one with the fewest calls waiting; `split` cuts a stack of
 * crops into one part per worker, of about equal width (the recogniser's cost follows a line's length),
 * keeping their order. `add` brings in a worker that finished loading later.
 */
function pool(workers: TessWorker[]) {
  const waiting = workers.map(() => 0);
  const track = (i: number): TessWorker => ({
    setParameters: (params) => workers[i]!.setParameters(params),
    terminate: () => workers[i]!.terminate(),
    recognize: async (...args) => {
      waiting[i]!++;
      try {
        return await workers[i]!.recognize(...args);
      } finally {
        waiting[i]!--;
      }
    },
  });
  return {
    add(w: TessWorker): void {
      workers.push(w);
      waiting.push(0);
    },
    all: (): TessWorker[] => [...workers],
    next(): TessWorker {
      return track(waiting.indexOf(Math.min(...waiting)));
    },
    async split<T>(crops: Gray[], read: (w: TessWorker, part: Gray[]) => Promise<T[]>): Promise<T[]> {
      const total = crops.reduce((s, c) => s + c.width, 0);
      const parts: Gray[][] = workers.map(() => []);
      let acc = 0;
      for (const c of crops) {
        parts[Math.min(workers.length - 1, Math.floor((acc / total) * workers.length))]!.push(c);
        acc += c.width;
      }
      const read_ = await Promise.all(parts.map((p, i) => (p.length ? read(track(i), p) : Promise.resolve([]))));
      return read_.flat();
    },
  };
}

const OEM_LSTM_ONLY = 1;
const PSM_AUTO = '3';
const PSM_BLOCK = '6';
const PSM_LINE = '7';
/** one character: a lone 「1」 that line mode reads as nothing (淮安市 2024 table B blurred, issue 16) */
const PSM_CHAR = '10';

export type TesseractRecogniser = Recogniser & {
  terminate(): Promise<void>;
  /** every worker loaded (the extra Chinese readers join after the recogniser is ready; a bench waits for them) */
  allLoaded: Promise<void>;
};

export async function createTesseractRecogniser(createWorker: CreateTessWorker, opts: TesseractOptions): Promise<TesseractRecogniser> {
  const path = (lang: 'eng' | 'chi_sim') => (typeof opts.langPath === 'string' ? opts.langPath : opts.langPath[lang]);
  const count = { eng: opts.workers?.eng ?? 1, chi_sim: opts.workers?.chi_sim ?? 2 };
  const make = async (lang: 'eng' | 'chi_sim') => {
    const w = await createWorker(lang, OEM_LSTM_ONLY, { ...opts.workerOptions, langPath: path(lang) });
    await w.setParameters(lang === 'eng' ? { tessedit_pageseg_mode: PSM_LINE, tessedit_char_whitelist: '0123456789.' } : { tessedit_pageseg_mode: PSM_BLOCK, preserve_interword_spaces: '0' });
    return w;
  };
  const times = (n: number, f: () => Promise<TessWorker>) => Promise.all(Array.from({ length: n }, f));
  // Ready with one worker of each language; the other Chinese readers load meanwhile and join the pool
  // when they can. Loading them all first doubled the wait before the first page (each worker compiles
  // the engine on its own): Firefox's checker page ran past the site's 60 s load timeout under load.
  const [engs, chis] = await Promise.all([times(count.eng, () => make('eng')), times(Math.min(1, count.chi_sim), () => make('chi_sim'))]);
  const eng = pool(engs);
  const chi = pool(chis);
  let stopped = false;
  const allLoaded = times(count.chi_sim - chis.length, async () => {
    const w = await make('chi_sim');
    if (stopped) await w.terminate();
    else chi.add(w);
    return w;
  }).then(
    () => undefined,
    () => undefined, // a reader that failed to load leaves the others to do its share
  );
  const out = { text: true, blocks: true };
  return {
    async digits(crop: Gray, hint?: { singleChar?: boolean }): Promise<Reading> {
      const { data } = await eng.next().recognize(encodePgm(crop), hint?.singleChar ? { tessedit_pageseg_mode: PSM_CHAR } : {}, out);
      return { text: data.text.replace(/\s+/g, ''), confidence: readingConfidence(data) };
    },
    digitLines(crops: Gray[]): Promise<(Reading | undefined)[]> {
      return eng.split(crops, (w, part) => readStack(w, part, (words) => words.map((w) => w.text).join('').replace(/\s+/g, '')));
    },
    labelLines(crops: Gray[]): Promise<(Reading | undefined)[]> {
      return chi.split(crops, (w, part) => readStack(w, part, (words) => stripCjkSpaces(words.map((w) => w.text).join(' ')), { multiLine: true }));
    },
    async label(crop: Gray, hint?: { singleLine?: boolean }): Promise<Reading> {
      const { data } = await chi.next().recognize(encodePgm(crop), hint?.singleLine ? { tessedit_pageseg_mode: PSM_LINE } : {}, out);
      return { text: stripCjkSpaces(data.text.replace(/\n+/g, '')), confidence: readingConfidence(data) };
    },
    async page(image: Gray): Promise<OcrWord[]> {
      const { data } = await chi.next().recognize(encodePgm(image), { tessedit_pageseg_mode: PSM_AUTO }, out);
      return wordsOf(data).map((w) => ({ text: w.text, confidence: w.confidence, bbox: [w.bbox.x0, w.bbox.y0, w.bbox.x1, w.bbox.y1] }));
    },
    allLoaded,
    async terminate() {
      stopped = true;
      await Promise.all([...eng.all(), ...chi.all()].map((w) => w.terminate()));
    },
  };
}

/** Crops stacked one above the other and read as one block (stack.ts); each line's weakest character decides its confidence. */
async function readStack(worker: TessWorker, crops: Gray[], text: (words: TessWord[]) => string, opts: { multiLine?: boolean } = {}): Promise<(Reading | undefined)[]> {
  if (!crops.length) return [];
  const { image, bands } = stackCrops(crops);
  const { data } = await worker.recognize(encodePgm(image), { tessedit_pageseg_mode: PSM_BLOCK }, { text: true, blocks: true });
  const lines = (data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines));
  const read = lines.map((l) => ({ y0: l.bbox.y0, y1: l.bbox.y1, text: text(l.words), confidence: weakestSymbol(l.words) ?? 0 }));
  return readingsOfStack(bands, read, opts);
}

function wordsOf(page: TessPage): TessWord[] {
  return (page.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words)));
}

/** The weakest character decides: one doubtful digit makes the number doubtful. */
function readingConfidence(page: TessPage): number {
  return weakestSymbol(wordsOf(page)) ?? (page.text.trim() ? page.confidence : 0);
}

/** The lowest confidence of the words' characters, if they have any. */
function weakestSymbol(words: TessWord[]): number | undefined {
  const symbols = words.flatMap((w) => w.symbols ?? []);
  return symbols.length ? Math.min(...symbols.map((s) => s.confidence)) : undefined;
}
