// A Recogniser over tesseract.js workers: `eng` with a digit whitelist and one-line segmentation for
// number cells (../shared/spec/toolchain.md §4: 175/175 cells of a real table), `chi_sim` for labels,
// prose and full pages. tesseract.js's createWorker is passed in with the paths to its worker, core and
// language data, so this file runs wherever the caller has them: Node (tests/support/tesseract-node.ts)
// or the site's Web Worker bridge, with nothing fetched from other hosts.
import { encodePgm, type Gray } from './image.ts';
import { stripCjkSpaces, type OcrWord, type Reading, type Recogniser } from './recogniser.ts';

type TessSymbol = { text: string; confidence: number };
type TessWord = { text: string; confidence: number; bbox: { x0: number; y0: number; x1: number; y1: number }; symbols?: TessSymbol[] };
type TessPage = { text: string; confidence: number; blocks?: { paragraphs: { lines: { words: TessWord[] }[] }[] }[] | null };

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
};

const OEM_LSTM_ONLY = 1;
const PSM_AUTO = '3';
const PSM_BLOCK = '6';
const PSM_LINE = '7';
/** one character: a lone 「1」 that line mode reads as nothing (淮安市 2024 table B blurred, issue 16) */
const PSM_CHAR = '10';

export type TesseractRecogniser = Recogniser & { terminate(): Promise<void> };

export async function createTesseractRecogniser(createWorker: CreateTessWorker, opts: TesseractOptions): Promise<TesseractRecogniser> {
  const path = (lang: 'eng' | 'chi_sim') => (typeof opts.langPath === 'string' ? opts.langPath : opts.langPath[lang]);
  const [eng, chi] = await Promise.all([
    createWorker('eng', OEM_LSTM_ONLY, { ...opts.workerOptions, langPath: path('eng') }),
    createWorker('chi_sim', OEM_LSTM_ONLY, { ...opts.workerOptions, langPath: path('chi_sim') }),
  ]);
  await eng.setParameters({ tessedit_pageseg_mode: PSM_LINE, tessedit_char_whitelist: '0123456789.' });
  await chi.setParameters({ tessedit_pageseg_mode: PSM_BLOCK, preserve_interword_spaces: '0' });
  const out = { text: true, blocks: true };
  return {
    async digits(crop: Gray, hint?: { singleChar?: boolean }): Promise<Reading> {
      const { data } = await eng.recognize(encodePgm(crop), hint?.singleChar ? { tessedit_pageseg_mode: PSM_CHAR } : {}, out);
      return { text: data.text.replace(/\s+/g, ''), confidence: readingConfidence(data) };
    },
    async label(crop: Gray, hint?: { singleLine?: boolean }): Promise<Reading> {
      const { data } = await chi.recognize(encodePgm(crop), hint?.singleLine ? { tessedit_pageseg_mode: PSM_LINE } : {}, out);
      return { text: stripCjkSpaces(data.text.replace(/\n+/g, '')), confidence: readingConfidence(data) };
    },
    async page(image: Gray): Promise<OcrWord[]> {
      const { data } = await chi.recognize(encodePgm(image), { tessedit_pageseg_mode: PSM_AUTO }, out);
      return wordsOf(data).map((w) => ({ text: w.text, confidence: w.confidence, bbox: [w.bbox.x0, w.bbox.y0, w.bbox.x1, w.bbox.y1] }));
    },
    async terminate() {
      await Promise.all([eng.terminate(), chi.terminate()]);
    },
  };
}

function wordsOf(page: TessPage): TessWord[] {
  return (page.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words)));
}

/** The weakest character decides: one doubtful digit makes the number doubtful. */
function readingConfidence(page: TessPage): number {
  const symbols = wordsOf(page).flatMap((w) => w.symbols ?? []);
  if (!symbols.length) return page.text.trim() ? page.confidence : 0;
  return Math.min(...symbols.map((s) => s.confidence));
}
