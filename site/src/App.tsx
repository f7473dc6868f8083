// The site: a check page (paste, open or drop a report → banner, tables with marks, findings) and a
// history page (local IndexedDB). Hash routes so the static files need no server rules.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../core/index.ts';
import { ResultView } from './components/ResultView.tsx';
import { HistoryPage } from './components/HistoryPage.tsx';
import { checkInBackground } from './client.ts';
import { loadPdfJs, readFile, type FileRead } from './files.ts';
import type { OcrSession, SiteProgress } from './ocr/session.ts';
import type { OcrBridge } from './ocr/bridge.ts';
import type { PictureArticle } from './ocr/article.ts';
import { progressText } from './ocr/progress.ts';
import { HistoryDb, entryOf, getCheck, listChecks, saveCheck, type HistoryEntry } from './history.ts';
import { PreviousPicker } from './components/PreviousPicker.tsx';
import { BatchPage } from './components/BatchPage.tsx';
import { pairs, type BatchItem } from './batch.ts';
import { agencyKey } from '../../core/model/agency.ts';
import type { PreviousInput, SiteInput } from './engine.ts';
import type { SiteViews } from './view.ts';
import { t } from './i18n.ts';

/** One OCR engine for the tab (its workers load once, and unload after a minute idle). */
let bridge: OcrBridge | undefined;

/** Pastes above this size are kept out of the textarea: a 10 MB textarea alone freezes a tab. */
const INLINE_LIMIT = 512 * 1024;

type Route = { page: 'check' } | { page: 'history' } | { page: 'entry'; id: number } | { page: 'link'; payload: string } | { page: 'batch' };

function routeOf(hash: string): Route {
  if (hash.startsWith('#/r/')) return { page: 'link', payload: hash.slice(4) };
  if (hash.startsWith('#/batch')) return { page: 'batch' };
  const m = /^#\/history\/(\d+)$/.exec(hash);
  if (m) return { page: 'entry', id: Number(m[1]) };
  if (hash.startsWith('#/history')) return { page: 'history' };
  return { page: 'check' };
}

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem('gkc-lang');
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    /* storage blocked: default */
  }
  return 'zh';
}

/**
 * `openOnStart`: a file to check as soon as the page opens (the extension's checker page, opened from a
 * context menu on an image or a PDF link, passes the file it fetched; or a web page's text and pictures).
 */
export function App({ db, openOnStart }: { db?: HistoryDb | undefined; openOnStart?: File | PictureArticle | undefined }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [route, setRoute] = useState<Route>(() => routeOf(location.hash));
  const [text, setText] = useState('');
  /** what the next check reads: the textarea's text, rich clipboard HTML, or a large paste held aside */
  const [pending, setPending] = useState<{ input: SiteInput; name: string; note: string } | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [views, setViews] = useState<SiteViews | undefined>();
  const [dragging, setDragging] = useState(false);
  /** the input on screen (for a re-check against another previous year) and the history to pick from */
  const [current, setCurrent] = useState<{ input: SiteInput; name: string } | undefined>();
  const [candidates, setCandidates] = useState<HistoryEntry[]>([]);
  const [previousId, setPreviousId] = useState<number | undefined>();
  const [batch, setBatch] = useState<BatchItem[]>([]);
  /** OCR under way (progress, cancel) and the last OCR session (its page images, for corrections) */
  const [ocr, setOcr] = useState<{ progress: SiteProgress; abort: AbortController } | undefined>();
  const [session, setSession] = useState<OcrSession | undefined>();
  /** page images of the result on screen (a scan or a PDF): page number → object URL */
  const [pageImages, setPageImages] = useState<Record<number, string> | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (openOnStart instanceof File) void openFile(openOnStart);
    // a web page's text and pictures (the extension's 「识别本页图片中的年报表格」): OCR with progress and cancel
    else if (openOnStart) void runOcr({ kind: 'ocr', name: openOnStart.name, file: openOnStart.pictures[0]!, bytes: new Uint8Array(0), pdf: false, article: openOnStart });
  }, [openOnStart]);
  useEffect(() => {
    const on = () => setRoute(routeOf(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t('appName', lang)}${lang === 'zh' ? ' · 政府信息公开年报核数' : ' · annual report checker'}`;
    try {
      localStorage.setItem('gkc-lang', lang);
    } catch {
      /* ignore */
    }
  }, [lang]);
  useEffect(() => {
    if (route.page !== 'entry' || !db) return;
    void (async () => {
      const e = await getCheck(db, route.id);
      if (!e) return setError(lang === 'zh' ? '找不到这条历史记录。' : 'That history entry no longer exists.');
      setError(undefined);
      if (e.input) await run(e.input, e.name, false);
      else if (e.views) setViews(e.views);
    })();
  }, [route, db]);

  useEffect(() => {
    if (route.page !== 'link') return;
    void (async () => {
      const [{ decodePayload, resultFromPayload }, { buildViews }] = await Promise.all([import('./share-link.ts'), import('./view.ts')]);
      const p = decodePayload(route.payload);
      if (!p) return setError(t('badLink', lang));
      const { result, missing } = resultFromPayload(p);
      const v = buildViews(result, p.n);
      v.zh.fromLink = v.en.fromLink = { missing };
      setError(undefined);
      setViews(v);
    })();
  }, [route]);

  async function run(input: SiteInput, name: string, save = true, previous?: PreviousInput & { id: number }) {
    const size = input.kind === 'text' ? input.text.length : input.html.length;
    if (!(input.kind === 'text' ? input.text : input.html).trim()) {
      setError(t('emptyInput', lang));
      return;
    }
    setError(undefined);
    setBusy(size > INLINE_LIMIT ? t('hugeInput', lang) : t('checking', lang));
    try {
      let v = await checkInBackground(input, name, previous);
      setSession(undefined);
      setPageImages(undefined);
      setCurrent({ input, name });
      setPreviousId(previous?.id);
      // Cross-year: the same agency's report for the year before, from the local history.
      if (!previous && db) {
        const entries = (await listChecks(db).catch(() => [] as HistoryEntry[])).filter((e) => e.input);
        setCandidates(entries);
        const auto = v.zh.agency && v.zh.year !== undefined ? entries.find((e) => e.year === v.zh.year! - 1 && e.agency && agencyKey(e.agency) === agencyKey(v.zh.agency!)) : undefined;
        if (auto?.input) {
          v = await checkInBackground(input, name, { input: auto.input, name: auto.name });
          setPreviousId(auto.id);
        }
      }
      show(v, save ? input : undefined, save);
    } catch (e) {
      setError(`${lang === 'zh' ? '核对失败：' : 'The check failed: '}${(e as Error).message}`);
    } finally {
      setBusy(undefined);
    }
  }

  function show(v: SiteViews, input: SiteInput | undefined, save: boolean) {
    setViews(v);
    if (save && db) saveCheck(db, entryOf(v, input)).catch(() => undefined);
    requestAnimationFrame(() => resultRef.current?.scrollIntoView?.({ block: 'start' }));
  }

  function pickPrevious(id: number | undefined) {
    if (!current) return;
    const e = candidates.find((c) => c.id === id);
    if (e?.input) void run(current.input, current.name, false, { input: e.input, name: e.name, id: e.id! });
    else {
      setPreviousId(undefined);
      void checkInBackground(current.input, current.name).then((v) => setViews(v));
    }
  }

  /** Many files: a queue, one at a time, then cross-year pairs inside the batch. */
  async function startBatch(files: File[]) {
    const base = Date.now();
    const items: BatchItem[] = files.map((f, i) => ({ key: base + i, name: f.name, size: f.size, status: 'queued' }));
    setBatch(items);
    location.hash = '#/batch';
    const update = (key: number, patch: Partial<BatchItem>) => setBatch((all) => all.map((x) => (x.key === key ? { ...x, ...patch } : x)));
    const done: BatchItem[] = [];
    for (let i = 0; i < files.length; i++) {
      const item = items[i]!;
      update(item.key, { status: 'reading' });
      const read = await readFile(files[i]!, lang, { pages: false });
      if (read.kind === 'error') {
        update(item.key, { status: 'error', message: read.message });
        continue;
      }
      try {
        update(item.key, { status: 'checking' });
        const views = read.kind === 'views' ? read.views : read.kind === 'ocr' ? (await ocrRead(read, (p) => update(item.key, { message: progressText(p, lang) }))).views : await checkInBackground(read.input, read.name);
        const finished = { ...item, status: 'done' as const, views, ...(read.kind === 'input' ? { input: read.input } : {}) };
        done.push(finished);
        update(item.key, finished);
        if (db) saveCheck(db, entryOf(views, read.kind === 'input' ? read.input : undefined)).catch(() => undefined);
      } catch (e) {
        update(item.key, { status: 'error', message: (e as Error).message });
      }
    }
    for (const [item, prev] of pairs(done)) {
      const views = await checkInBackground(item.input!, item.name, { input: prev.input!, name: prev.name });
      update(item.key, { views });
    }
  }

  /** OCR of one image or scanned PDF: the session is kept so corrections re-check without OCR again. */
  async function ocrRead(read: Extract<FileRead, { kind: 'ocr' }>, onProgress: (p: SiteProgress) => void, signal?: AbortSignal) {
    const [ocr, { OcrBridge }] = await Promise.all([import('./ocr/session.ts'), import('./ocr/bridge.ts')]);
    bridge ??= new OcrBridge(new URL('ocr/', location.href));
    const opts = { onProgress, ...(signal ? { signal } : {}) };
    const session = read.article
      ? await (await import('./ocr/article.ts')).ocrArticle(bridge, read.article, opts)
      : read.pdf
      ? await ocr.ocrPdf(bridge, (await loadPdfJs()) as never, read.bytes, read.name, opts)
      : await ocr.ocrImages(bridge, [await ocr.decodeImage(read.file)], read.name, opts);
    return { session, views: ocr.checkSession(session).views };
  }

  async function runOcr(read: Extract<FileRead, { kind: 'ocr' }>) {
    const controller = new AbortController();
    setOcr({ progress: { stage: 'loading', page: 0, pages: 1, done: 0, total: 1 }, abort: controller });
    setError(undefined);
    setViews(undefined);
    try {
      const { session, views: v } = await ocrRead(read, (p) => setOcr((o) => (o ? { ...o, progress: p } : o)), controller.signal);
      setSession(session);
      setPageImages(Object.fromEntries(session.images.map((i) => [i.page, i.url])));
      setCurrent(undefined);
      show(v, undefined, true);
    } catch (e) {
      setError(controller.signal.aborted ? t('ocrCancelled', lang) : t('ocrFailed', lang) + (e as Error).message);
    } finally {
      setOcr(undefined);
    }
  }

  async function correct(key: string, value: string) {
    if (!session) return;
    const next = { ...session, corrections: { ...session.corrections, [key]: value } };
    setSession(next);
    const { checkSession } = await import('./ocr/session.ts');
    setViews(checkSession(next).views);
  }

  function openFiles(list: FileList | null | undefined) {
    const files = Array.from(list ?? []);
    if (files.length > 1) void startBatch(files);
    else if (files[0]) void openFile(files[0]);
  }

  async function openFile(file: File) {
    setBusy(t('reading', lang));
    setError(undefined);
    try {
      const read = await readFile(file, lang);
      if (read.kind === 'error') return setError(`${read.name}：${read.message}`);
      if (read.kind === 'views') {
        setSession(undefined);
        setPageImages(read.pages);
        return show(read.views, undefined, true);
      }
      if (read.kind === 'ocr') {
        setBusy(undefined);
        return await runOcr(read);
      }
      setPending({ input: read.input, name: read.name, note: read.name });
      setText('');
      await run(read.input, read.name);
    } finally {
      setBusy(undefined);
    }
  }

  function onPaste(e: ClipboardEvent) {
    const data = e.clipboardData;
    if (!data) return;
    const html = data.getData('text/html');
    const plain = data.getData('text/plain');
    // A table copied from a web page or Word keeps its cells only in the HTML flavour.
    if (html && /<table[\s>]/i.test(html)) {
      e.preventDefault();
      const input: SiteInput = { kind: 'html', html };
      setPending({ input, name: t('pasted', lang), note: t('richPasted', lang) });
      setText(plain.length > INLINE_LIMIT ? '' : plain);
      void run(input, t('pasted', lang));
      return;
    }
    if (plain.length > INLINE_LIMIT) {
      e.preventDefault();
      const input: SiteInput = { kind: 'text', text: plain };
      const mb = (plain.length / 1048576).toFixed(1);
      setPending({ input, name: t('pasted', lang), note: lang === 'zh' ? `已粘贴 ${mb} MB 文本（过大，不在输入框中显示）` : `${mb} MB of text pasted (too large to show in the box)` });
      setText('');
      void run(input, t('pasted', lang));
      return;
    }
    // Plain text: insert it ourselves (same result as the browser would) and check at once.
    e.preventDefault();
    const el = e.target as HTMLTextAreaElement;
    const value = el.value.slice(0, el.selectionStart ?? el.value.length) + plain + el.value.slice(el.selectionEnd ?? el.value.length);
    setPending(undefined);
    setText(value);
    void run({ kind: 'text', text: value }, t('pasted', lang));
  }

  function onSubmit(e: Event) {
    e.preventDefault();
    if (pending) void run(pending.input, pending.name);
    else void run({ kind: 'text', text }, t('pasted', lang));
  }

  const view = views?.[lang];
  return (
    <div
      class={`app${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        if (e.dataTransfer?.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e) => {
        if (e.target === e.currentTarget) setDragging(false);
      }}
      onDrop={(e) => {
        setDragging(false);
        if (e.dataTransfer?.files.length) {
          e.preventDefault();
          openFiles(e.dataTransfer.files);
        }
      }}
    >
      <a class="skip" href="#findings">
        {t('skipToFindings', lang)}
      </a>
      <header class="top">
        <h1>
          <a href="#/">{t('appName', lang)}</a>
        </h1>
        <nav>
          <a href="#/" aria-current={route.page === 'check' ? 'page' : undefined}>
            {t('navCheck', lang)}
          </a>
          <a href="#/batch" aria-current={route.page === 'batch' ? 'page' : undefined}>
            {lang === 'zh' ? '批量' : 'Batch'}
          </a>
          <a href="#/history" aria-current={route.page === 'history' || route.page === 'entry' ? 'page' : undefined}>
            {t('navHistory', lang)}
          </a>
          <button type="button" class="lang" lang={lang === 'zh' ? 'en' : 'zh'} title={t('languageTitle', lang)} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t('language', lang)}
          </button>
        </nav>
      </header>
      <main>
        <input
          ref={fileInput}
          type="file"
          hidden
          multiple
          accept=".txt,.md,.html,.htm,.pdf,.docx,.doc,.png,.jpg,.jpeg,text/plain,text/html,application/pdf"
          onChange={(e) => {
            openFiles((e.target as HTMLInputElement).files);
            (e.target as HTMLInputElement).value = '';
          }}
        />
        {route.page === 'history' ? (
          <HistoryPage db={db} lang={lang} />
        ) : route.page === 'batch' ? (
          <>
            <div class="input-actions">
              <button type="button" class="primary" onClick={() => fileInput.current?.click()}>
                {lang === 'zh' ? '选择多个文件…' : 'Pick files…'}
              </button>
            </div>
            <BatchPage items={batch} lang={lang} />
          </>
        ) : (
          <>
            {route.page === 'check' && (
              <form class="input" onSubmit={onSubmit}>
                <p class="tagline">{t('tagline', lang)}</p>
                <label for="report-input">{t('pasteLabel', lang)}</label>
                <textarea
                  id="report-input"
                  value={text}
                  placeholder={t('pastePlaceholder', lang)}
                  rows={10}
                  spellcheck={false}
                  onPaste={onPaste}
                  onInput={(e) => {
                    setText((e.target as HTMLTextAreaElement).value);
                    setPending(undefined);
                  }}
                />
                {pending && <p class="pending-note">{pending.note}</p>}
                <div class="input-actions">
                  <button type="submit" class="primary" disabled={!!busy}>
                    {t('checkButton', lang)}
                  </button>
                  <button type="button" onClick={() => fileInput.current?.click()} disabled={!!busy}>
                    {t('pickFile', lang)}
                  </button>

                  <button
                    type="button"
                    onClick={() => {
                      setText('');
                      setPending(undefined);
                      setViews(undefined);
                      setError(undefined);
                    }}
                  >
                    {t('clearButton', lang)}
                  </button>
                </div>
              </form>
            )}
            {dragging && <div class="drop-hint">{t('dropHere', lang)}</div>}
            {ocr && (
              <div class="busy ocr-progress" role="status" aria-live="polite" data-testid="ocr-progress">
                <progress {...(ocr.progress.total > 0 && ocr.progress.stage !== 'loading' ? { max: ocr.progress.total, value: ocr.progress.done } : {})} />
                <span>{progressText(ocr.progress, lang)}</span>
                <button type="button" onClick={() => ocr.abort.abort()}>
                  {t('cancel', lang)}
                </button>
              </div>
            )}
            {busy && (
              <div class="busy" role="status" aria-live="polite">
                <progress /> {busy}
              </div>
            )}
            {error && (
              <p class="error" role="alert">
                {error}
              </p>
            )}
            <div ref={resultRef}>
              {view && !busy && current && route.page !== 'link' && candidates.length > 0 && (
                <PreviousPicker lang={lang} view={view} candidates={candidates} selected={previousId} onPick={pickPrevious} />
              )}
              {view && !busy && !ocr && (
                <ResultView view={view} ocrImages={view.ocr ? pageImages : undefined} onCorrect={correct} />
              )}
            </div>
          </>
        )}
      </main>
      <footer class="foot">{t('historyNote', lang)}</footer>
    </div>
  );
}
