// A list page of annual reports (report-links.ts: two or more same-origin links that name a report) gets
// 「检查本页列出的全部年报」 at the bottom left. Nothing is fetched before the click. The click opens the
// summary page (entrypoints/batch/, the background opens it on this tab) and from then on this page
// answers it: the list, and each report's bytes fetched from this page's own origin (gov.cn sites send
// no CORS headers: the page's origin may read its own files, the extension page may not). A URL of any
// other origin is refused here, whatever the asker says. Everything stops with the signal.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createUiHost } from './ui-host.ts';
import { UI_CSS } from './ui-css.ts';
import { BATCH_WORDS } from './batch-rows.ts';
import { MIN_LIST_LINKS, nextPageUrl, reportLinks } from './report-links.ts';
import { isToListPage, type BatchFetched, type BatchList, type OpenBatchRequest } from './messages.ts';
import type { Lang } from './lang.ts';

/** One answer travels as one message (Chrome caps a message at 64 MiB of JSON; base64 adds a third). */
export const BATCH_FETCH_MAX = 30 * 1024 * 1024;

/** The attachment offer's look (ui-css.ts .offer) at the bottom left, under its own class: the two may show at once. */
const BATCH_CSS = `${UI_CSS}
.batch-offer{position:fixed;left:16px;bottom:16px;width:min(360px,calc(100vw - 32px));box-sizing:border-box;background:#fff;color:#202124;
  border:1px solid #5f6368;border-left:4px solid #1a73e8;border-radius:6px;padding:8px 12px;box-shadow:0 2px 8px rgba(0,0,0,.2);font-size:13px}
.batch-offer p{margin:4px 0 6px}
.batch-offer button{border:1px solid #dadce0;background:#fff;border-radius:4px;padding:2px 8px;color:#202124}
.batch-offer [data-action="check-list"]{width:100%;font-weight:600}
@media (prefers-color-scheme:dark){
  .batch-offer{background:#202124;color:#e8eaed;border-color:#9aa0a6}
  .batch-offer button{background:#303134;color:#e8eaed;border-color:#5f6368}
}`;

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/**
 * A report that has not arrived in this long is that row's 获取失败, and its place goes to the next: a
 * slow link never holds the batch (the big real PDFs, ~10 MB, come in seconds from a county site).
 */
export const BATCH_FETCH_TIMEOUT_MS = 90_000;

/** Fetch one URL of the page's own origin; never throws (the row shows the status or the reason). */
export async function fetchSameOrigin(url: string, origin: string, fetcher: typeof fetch = fetch, max = BATCH_FETCH_MAX, timeoutMs = BATCH_FETCH_TIMEOUT_MS): Promise<BatchFetched> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { ok: false, status: 0, error: 'bad URL' };
  }
  if (target.origin !== origin) return { ok: false, status: 0, error: `not this site (${target.origin})`, code: 'other-origin' };
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  try {
    const res = await fetcher(target.href, { credentials: 'include', signal: timeout.signal });
    if (!res.ok) return { ok: false, status: res.status, error: `HTTP ${res.status}` };
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.length > max) return { ok: false, status: 0, error: `${(bytes.length / 1048576).toFixed(1)} MB`, code: 'too-large' };
    return { ok: true, status: res.status, type: res.headers.get('content-type') ?? '', base64: toBase64(bytes) };
  } catch (e) {
    if (timeout.signal.aborted) return { ok: false, status: 0, error: `no answer in ${timeoutMs / 1000} s`, code: 'timeout' };
    return { ok: false, status: 0, error: (e as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

export function listOf(doc: Document): BatchList {
  const url = doc.location?.href ?? doc.baseURI;
  const next = nextPageUrl(doc, url);
  return { url, title: (doc.title ?? '').trim(), links: reportLinks(doc, url), ...(next ? { next } : {}) };
}

/** Answers the summary page: listening starts with the click and ends with the signal. */
function serve(doc: Document, signal: AbortSignal): void {
  const origin = doc.location?.origin ?? new URL(doc.baseURI).origin;
  const onMessage = (msg: unknown, _sender: unknown, sendResponse: (r: unknown) => void): true | undefined => {
    if (!isToListPage(msg) || typeof sendResponse !== 'function') return undefined;
    if (msg.type === 'gkc:batch-list') sendResponse(listOf(doc));
    else void fetchSameOrigin(msg.url, origin).then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), { once: true });
}

export type BatchOfferHandle = { setLang(lang: Lang): void };

/** The offer on a list page, or undefined when the page lists fewer than two reports. */
export function offerBatch(doc: Document, lang: Lang, signal: AbortSignal, open?: () => void): BatchOfferHandle | undefined {
  if (signal.aborted) return undefined;
  const count = reportLinks(doc, doc.location?.href ?? doc.baseURI).length;
  if (count < MIN_LIST_LINKS) return undefined;
  const ui = createUiHost(doc, BATCH_CSS);
  let current = lang;
  let serving = false;
  const start = () => {
    if (!serving) serve(doc, signal);
    serving = true;
    if (open) open();
    else {
      const msg: OpenBatchRequest = { type: 'gkc:open-batch' };
      browser.runtime.sendMessage(msg).catch(() => {});
    }
  };
  const remove = () => {
    render(null, ui.container);
    ui.remove();
  };
  const draw = () => {
    const w = BATCH_WORDS[current];
    render(
      <aside class="batch-offer" role="complementary" aria-label={w.title} lang={current === 'zh' ? 'zh-CN' : 'en'}>
        <div class="offer-head">
          <strong>{w.title}</strong>
          <button type="button" aria-label="×" data-action="close-offer" onClick={remove}>
            ×
          </button>
        </div>
        <p data-testid="batch-offer-text">{w.offerText(count)}</p>
        <button type="button" data-action="check-list" onClick={start}>
          {w.offer}
        </button>
      </aside>,
      ui.container,
    );
  };
  draw();
  signal.addEventListener('abort', remove, { once: true });
  return {
    setLang(l) {
      current = l;
      draw();
    },
  };
}
