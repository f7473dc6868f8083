// The site's state and what changes it: one check session per page (paste or open a report → check →
// result, errors, the cross-year pick, OCR with its corrections, a batch, the language). Plain values
// in signals and plain functions, no DOM: the views render from it, a test drives it without rendering.
import type { Lang } from '../../core/index.ts';
import { agencyKey } from '../../core/light.ts';
import { checkInBackground } from './client.ts';
import { readFile, type FileRead } from './files.ts';
import { clearChecks, deleteCheck, entryOf, getCheck, latestCheck, listChecks, saveCheck, type HistoryDb, type HistoryEntry } from './history.ts';
import { pairs, type BatchItem } from './batch.ts';
import { ocrRead, type OcrFile, type OcrRead } from './ocr/read.ts';
import type { PictureArticle } from './ocr/article.ts';
import type { OcrSession, SiteProgress } from './ocr/session.ts';
import { progressText } from './ocr/progress.ts';
import type { PreviousInput, SiteInput } from './engine.ts';
import type { SiteViews } from './view.ts';
import { signal, type ReadonlySignal, type Signal } from './store.ts';
import { t, tf } from './i18n.ts';

/** Pastes above this size are kept out of the textarea: a 10 MB textarea alone freezes a tab. */
export const INLINE_LIMIT = 512 * 1024;

/** What the next check reads when it is not the textarea's text: rich clipboard HTML, a large paste, a file. */
export type Pending = { input: SiteInput; name: string; note: string };

/**
 * What a paste event holds: the clipboard's two text flavours, its files (a screenshot is an image file
 * there) and the textarea around the caret.
 */
export type PasteData = { html: string; plain: string; value: string; start: number; end: number; files?: File[] };

/** The image types a pasted screenshot comes as, and the extension readFile knows them by. */
const PASTED_IMAGE_EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif', 'image/bmp': 'bmp' };

export type CheckSessionOptions = {
  db?: HistoryDb | undefined;
  lang?: Lang;
  /** the check itself (default: the worker, or the page where there is none) */
  check?: (input: SiteInput, name: string, previous?: PreviousInput) => Promise<SiteViews>;
  /** OCR of an image or scanned PDF (default: tesseract through the bridge, loaded on first use) */
  ocr?: OcrRead;
  /** go to a route (default: the location hash) */
  navigate?: (hash: string) => void;
};

export type CheckSession = ReturnType<typeof createCheckSession>;

const readOnly = <T>(s: Signal<T>): ReadonlySignal<T> => s;

export function createCheckSession(options: CheckSessionOptions = {}) {
  const { db } = options;
  const check = options.check ?? checkInBackground;
  const ocrOf = options.ocr ?? ocrRead;
  const navigate = options.navigate ?? ((hash: string) => void (location.hash = hash));

  const lang = signal<Lang>(options.lang ?? 'zh');
  const text = signal('');
  const pending = signal<Pending | undefined>(undefined);
  /** what the page is doing, in words (reading, checking…) */
  const busy = signal<string | undefined>(undefined);
  const error = signal<string | undefined>(undefined);
  const views = signal<SiteViews | undefined>(undefined);
  /** the input on screen (for a re-check against another previous year) and the history to pick from */
  const current = signal<{ input: SiteInput; name: string } | undefined>(undefined);
  const candidates = signal<HistoryEntry[]>([]);
  const previousId = signal<number | undefined>(undefined);
  const batch = signal<BatchItem[]>([]);
  /** OCR under way (progress, cancel) and the last OCR session (its page images, for corrections) */
  const ocr = signal<{ progress: SiteProgress; abort: AbortController } | undefined>(undefined);
  const ocrSession = signal<OcrSession | undefined>(undefined);
  /** page images of the result on screen (a scan or a PDF): page number → object URL */
  const pageImages = signal<Record<number, string> | undefined>(undefined);
  /** counts the results shown, so the view can bring each new one into sight */
  const shown = signal(0);
  /** the history page's list: undefined while it loads, 'unavailable' where this browser keeps none */
  const history = signal<HistoryEntry[] | 'unavailable' | undefined>(undefined);
  /** the newest check in the history, offered on an empty check page (after a reload the page was blank) */
  const lastCheck = signal<HistoryEntry | undefined>(undefined);

  function show(v: SiteViews, input: SiteInput | undefined, save: boolean) {
    views.value = v;
    lastCheck.value = undefined;
    if (save && db) saveCheck(db, entryOf(v, input)).catch(() => undefined);
    shown.value++;
  }

  /** A failed open leaves no older result on screen under its error (issue 20). */
  function failOpen(message: string) {
    views.value = undefined;
    pending.value = undefined;
    current.value = undefined;
    ocrSession.value = undefined;
    pageImages.value = undefined;
    error.value = message;
  }

  async function run(input: SiteInput, name: string, save = true, previous?: PreviousInput & { id: number }) {
    const l = lang.value;
    const body = input.kind === 'text' ? input.text : input.html;
    if (!body.trim()) {
      error.value = t('emptyInput', l);
      return;
    }
    error.value = undefined;
    busy.value = body.length > INLINE_LIMIT ? t('hugeInput', l) : t('checking', l);
    try {
      let v = await check(input, name, previous);
      ocrSession.value = undefined;
      pageImages.value = undefined;
      current.value = { input, name };
      previousId.value = previous?.id;
      // Cross-year: the same agency's report for the year before, from the local history.
      if (!previous && db) {
        const entries = (await listChecks(db).catch(() => [] as HistoryEntry[])).filter((e) => e.input);
        candidates.value = entries;
        const { agency, year } = v.zh;
        const auto = agency && year !== undefined ? entries.find((e) => e.year === year - 1 && e.agency && agencyKey(e.agency) === agencyKey(agency)) : undefined;
        if (auto?.input) {
          v = await check(input, name, { input: auto.input, name: auto.name });
          previousId.value = auto.id;
        }
      }
      show(v, save ? input : undefined, save);
    } catch (e) {
      error.value = t('checkFailed', lang.value) + (e as Error).message;
    } finally {
      busy.value = undefined;
    }
  }

  function pickPrevious(id: number | undefined) {
    const now = current.value;
    if (!now) return;
    const e = candidates.value.find((c) => c.id === id);
    if (e?.input) void run(now.input, now.name, false, { input: e.input, name: e.name, id: e.id! });
    else {
      previousId.value = undefined;
      void check(now.input, now.name).then((v) => (views.value = v));
    }
  }

  /** Many files: a queue, one at a time, then cross-year pairs inside the batch. */
  async function startBatch(files: File[]) {
    const l = lang.value;
    const base = Date.now();
    const items: BatchItem[] = files.map((f, i) => ({ key: base + i, name: f.name, size: f.size, status: 'queued' }));
    batch.value = items;
    navigate('#/batch');
    const update = (key: number, patch: Partial<BatchItem>) => (batch.value = batch.value.map((x) => (x.key === key ? { ...x, ...patch } : x)));
    const done: BatchItem[] = [];
    for (let i = 0; i < files.length; i++) {
      const item = items[i]!;
      update(item.key, { status: 'reading' });
      const read = await readFile(files[i]!, l, { pages: false });
      if (read.kind === 'error') {
        update(item.key, { status: 'error', message: read.message });
        continue;
      }
      try {
        update(item.key, { status: 'checking' });
        const v =
          read.kind === 'views'
            ? read.views
            : read.kind === 'ocr'
              ? (await ocrOf(read, (p) => update(item.key, { message: progressText(p, l) }))).views
              : await check(read.input, read.name);
        const finished = { ...item, status: 'done' as const, views: v, ...(read.kind === 'input' ? { input: read.input } : {}) };
        done.push(finished);
        update(item.key, finished);
        if (db) saveCheck(db, entryOf(v, read.kind === 'input' ? read.input : undefined)).catch(() => undefined);
      } catch (e) {
        update(item.key, { status: 'error', message: (e as Error).message });
      }
    }
    for (const [item, prev] of pairs(done)) {
      const v = await check(item.input!, item.name, { input: prev.input!, name: prev.name });
      update(item.key, { views: v });
    }
  }

  async function runOcr(read: OcrFile) {
    const controller = new AbortController();
    ocr.value = { progress: { stage: 'loading', page: 0, pages: 1, done: 0, total: 1 }, abort: controller };
    error.value = undefined;
    views.value = undefined;
    try {
      const { session, views: v } = await ocrOf(read, (p) => (ocr.value = ocr.value ? { ...ocr.value, progress: p } : ocr.value), controller.signal);
      ocrSession.value = session;
      pageImages.value = Object.fromEntries(session.images.map((i) => [i.page, i.url]));
      current.value = undefined;
      show(v, undefined, true);
    } catch (e) {
      error.value = controller.signal.aborted ? t('ocrCancelled', lang.value) : t('ocrFailed', lang.value) + (e as Error).message;
    } finally {
      ocr.value = undefined;
    }
  }

  /** A number the user read off the page image: the OCR session re-checks without OCR again. */
  async function correct(key: string, value: string) {
    const s = ocrSession.value;
    if (!s) return;
    const next = { ...s, corrections: { ...s.corrections, [key]: value } };
    ocrSession.value = next;
    const { checkSession } = await import('./ocr/session.ts');
    views.value = checkSession(next).views;
  }

  /** A web page's text and pictures (the extension's 「识别本页图片中的年报表格」): OCR with progress and cancel. */
  async function openArticle(article: PictureArticle) {
    error.value = undefined;
    await runOcr({ kind: 'ocr', name: article.name, file: article.pictures[0]!, bytes: new Uint8Array(0), pdf: false, article });
  }

  async function openFile(file: File) {
    const l = lang.value;
    busy.value = t('reading', l);
    error.value = undefined;
    try {
      const read: FileRead = await readFile(file, l);
      if (read.kind === 'error') return failOpen(`${read.name}：${read.message}`);
      if (read.kind === 'views') {
        ocrSession.value = undefined;
        pageImages.value = read.pages;
        return show(read.views, undefined, true);
      }
      if (read.kind === 'ocr') {
        busy.value = undefined;
        return await runOcr(read);
      }
      if (!(read.input.kind === 'text' ? read.input.text : read.input.html).trim()) return failOpen(`${read.name}：${t('emptyFile', l)}`);
      pending.value = { input: read.input, name: read.name, note: read.name };
      text.value = '';
      await run(read.input, read.name);
    } finally {
      busy.value = undefined;
    }
  }

  function openFiles(files: File[]) {
    if (files.length > 1) void startBatch(files);
    else if (files[0]) void openFile(files[0]);
  }

  /** A paste is checked at once: a copied table through its HTML, a huge text held aside, else the text. */
  function paste({ html, plain, value, start, end, files = [] }: PasteData) {
    const l = lang.value;
    // A screenshot of a report (only an image on the clipboard, no text or table with it): OCR, as if
    // the image file had been opened. Text pasted with an image (a Word selection) is read as text.
    const image = files.find((f) => f.type in PASTED_IMAGE_EXT);
    if (image && !plain.trim() && !/<table[\s>]/i.test(html)) {
      void openFile(new File([image], `${t('pastedImage', l)}.${PASTED_IMAGE_EXT[image.type]}`, { type: image.type }));
      return;
    }
    // A table copied from a web page or Word keeps its cells only in the HTML flavour.
    if (html && /<table[\s>]/i.test(html)) {
      const input: SiteInput = { kind: 'html', html };
      pending.value = { input, name: t('pasted', l), note: t('richPasted', l) };
      text.value = plain.length > INLINE_LIMIT ? '' : plain;
      void run(input, t('pasted', l));
      return;
    }
    if (plain.length > INLINE_LIMIT) {
      const input: SiteInput = { kind: 'text', text: plain };
      pending.value = { input, name: t('pasted', l), note: tf('pastedSize', l, (plain.length / 1048576).toFixed(1)) };
      text.value = '';
      void run(input, t('pasted', l));
      return;
    }
    // Plain text: inserted as the browser would, then checked.
    const next = value.slice(0, start) + plain + value.slice(end);
    pending.value = undefined;
    text.value = next;
    void run({ kind: 'text', text: next }, t('pasted', l));
  }

  function type(value: string) {
    text.value = value;
    pending.value = undefined;
  }

  function submit() {
    const p = pending.value;
    if (p) void run(p.input, p.name);
    else void run({ kind: 'text', text: text.value }, t('pasted', lang.value));
  }

  function clear() {
    text.value = '';
    pending.value = undefined;
    views.value = undefined;
    error.value = undefined;
  }

  /** A check from the history: its input is checked again with today's rules (PDF results keep their views). */
  async function openEntry(id: number) {
    if (!db) return;
    const e = await getCheck(db, id);
    if (!e) {
      error.value = t('entryMissing', lang.value);
      return;
    }
    error.value = undefined;
    lastCheck.value = undefined;
    if (e.input) await run(e.input, e.name, false);
    else if (e.views) views.value = e.views;
  }

  /** On an empty check page: offer the newest check of the history (reopened with openEntry). */
  async function offerLast() {
    if (!db || views.value) return;
    const e = await latestCheck(db).catch(() => undefined);
    if (!views.value && !busy.value) lastCheck.value = e;
  }

  /** A shared link (`#/r/…`): the tables' numbers and the finding ids, rebuilt into a result. */
  async function openLink(payload: string) {
    const [{ decodePayload, resultFromPayload }, { buildViews }] = await Promise.all([import('./share-link.ts'), import('./view.ts')]);
    const p = decodePayload(payload);
    if (!p) {
      error.value = t('badLink', lang.value);
      return;
    }
    const { result, missing } = resultFromPayload(p);
    const v = buildViews(result, p.n);
    v.zh.fromLink = v.en.fromLink = { missing };
    error.value = undefined;
    views.value = v;
  }

  // the views read the state; only the actions below change it
  async function loadHistory() {
    if (!db) return void (history.value = 'unavailable');
    try {
      history.value = await listChecks(db);
    } catch {
      history.value = 'unavailable';
    }
  }

  /** The history page opens on a fresh list (the checks since the last visit are in it). */
  function openHistory() {
    history.value = undefined;
    return loadHistory();
  }

  async function deleteEntry(id: number) {
    if (!db) return;
    await deleteCheck(db, id);
    await loadHistory();
  }

  async function clearHistory() {
    if (!db) return;
    await clearChecks(db);
    await loadHistory();
  }

  return {
    lang: readOnly(lang),
    text: readOnly(text),
    pending: readOnly(pending),
    busy: readOnly(busy),
    error: readOnly(error),
    views: readOnly(views),
    current: readOnly(current),
    candidates: readOnly(candidates),
    previousId: readOnly(previousId),
    batch: readOnly(batch),
    ocr: readOnly(ocr),
    ocrSession: readOnly(ocrSession),
    pageImages: readOnly(pageImages),
    shown: readOnly(shown),
    history: readOnly(history),
    lastCheck: readOnly(lastCheck),
    // actions
    setLang: (l: Lang) => void (lang.value = l),
    type,
    paste,
    submit,
    clear,
    run,
    openFile,
    openArticle,
    /** a file that could not be had at all (the extension's checker page when the fetch failed) */
    failOpen,
    openFiles,
    startBatch,
    pickPrevious,
    correct,
    cancelOcr: () => ocr.value?.abort.abort(),
    openEntry,
    offerLast,
    openLink,
    openHistory,
    deleteEntry,
    clearHistory,
  };
}
