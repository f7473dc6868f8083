// The content script's work, apart from WXT's entrypoint wrapper: gate, per-site switch, one
// PageSession per report document (the page and same-origin iframes), dismissals kept in step with
// storage, state reported to the background (badge) and answered to the popup. `forced` is a check the
// person asked for (toolbar button, shortcut): it skips the gate and the per-site switch.
import { browser } from 'wxt/browser';
import { frameRole, iframesOf, looksLikeReport, reportAttachments, reportDocuments, type Attachment } from './gate.ts';
import { showAttachmentOffer, type OfferHandle, type PictureOffer } from './offer.tsx';
import { findPictureOffer } from './pictures.ts';
import { offerBatch, type BatchOfferHandle } from './batch-offer.tsx';
import { fetchFile } from './checker-files.ts';
import { PageSession } from './page-session.ts';
import { isSiteEnabled, SITES_OFF_KEY } from './sites.ts';
import { storageKey } from './dismiss.ts';
import { LANG_KEY, loadLang, type Lang } from './lang.ts';
import { watchForLateReport } from './late.ts';
import type { Checker } from './check-client.ts';
import { FORCE_FLAG, NO_COUNTS, isToContent, sumCounts, type OpenCheckerRequest, type PageState, type ToBackground } from './messages.ts';

/** A file the page fetches for the checker travels in a message (Chrome caps one at 64 MiB of JSON). */
const PAGE_FETCH_MAX = 30 * 1024 * 1024;

export type ContentContext = { onInvalidated(cb: () => void): unknown };

export type ContentOptions = {
  doc?: Document;
  /** report the page state to the background (badge); default runtime.sendMessage */
  send?(state: PageState): void;
  debounceMs?: number;
  /** runs the core on the page's HTML (default: the background) */
  check?: Checker;
  /** how long after document_idle a report that loads late is still picked up (default 15 s) */
  lateWindowMs?: number;
  lateDelayMs?: number;
  /** something was checked or switched off here: dismissals, the switch and the language now matter */
  onActive?(): void;
  /** open the checker page on an attachment; default: ask the background */
  openChecker?(url: string): void;
};


export class ContentController {
  readonly doc: Document;
  sessions: PageSession[] = [];
  status: PageState['status'] = 'not-report';
  gateMs = 0;
  private forced = false;
  private stopped = false;
  private readonly send: (state: PageState) => void;
  private frameCleanups: (() => void)[] = [];
  private lang: Lang | undefined;
  private stopLate: (() => void) | undefined;
  private attachments: Attachment[] = [];
  private offer: OfferHandle | undefined;
  /** the picture offer's own lifetime (features/pictures.ts): aborted with the offer */
  private pictures: AbortController | undefined;
  /** the list page's 「检查本页列出的全部年报」 (features/batch-offer.tsx) and its answers to the summary page */
  private batch: AbortController | undefined;
  private batchOffer: BatchOfferHandle | undefined;

  constructor(private readonly opts: ContentOptions = {}) {
    this.doc = opts.doc ?? document;
    this.send =
      opts.send ??
      ((state) => {
        const msg: ToBackground = { type: 'gkc:page-state', state };
        browser.runtime.sendMessage(msg).catch(() => {});
      });
  }

  get host(): string {
    return this.doc.defaultView?.location?.hostname ?? '';
  }

  async start(forced = false): Promise<PageState> {
    this.forced ||= forced;
    const t0 = performance.now();
    const docs = reportDocuments(this.doc);
    this.gateMs = performance.now() - t0;
    if (!this.forced) this.watchFrames(docs);
    if (!docs.length && !this.forced) {
      this.status = 'not-report';
      this.watchLate();
      void this.offerAttachments();
      return this.state();
    }
    if (!this.forced && !(await isSiteEnabled(this.host))) {
      this.status = 'disabled';
      this.opts.onActive?.();
      this.report();
      return this.state();
    }
    await this.run(docs.length ? docs : [this.doc]);
    return this.state();
  }

  /** Check again on request (popup button, shortcut), whatever the gate and the switch say. */
  async checkNow(): Promise<PageState> {
    this.stopSessions();
    this.forced = true;
    const docs = reportDocuments(this.doc);
    await this.run(docs.length ? docs : [this.doc]);
    return this.state();
  }

  /**
   * No report tables, but the report is a linked or embedded file, or its tables are pictures in the
   * article: offer them to the checker page. The attachments are offered at once; the pictures once
   * they have sizes (after the page's load event), beside them.
   */
  private async offerAttachments(): Promise<void> {
    if (this.offer || this.pictures || this.stopped) return;
    void this.offerList();
    const pictures = new AbortController();
    this.pictures = pictures;
    const files = reportAttachments(this.doc);
    if (files.length) await this.showOffer(files);
    const found = await findPictureOffer(this.doc, pictures.signal);
    if (!found || pictures.signal.aborted || this.stopped || !this.unchecked()) return;
    let running = false;
    const offer: PictureOffer = {
      count: found.count,
      onRead: () => {
        if (running) return;
        running = true;
        found
          .read()
          .then(() => this.offer?.setPictures(offer))
          .catch((e: Error) => {
            if (!pictures.signal.aborted) this.offer?.setPictures({ ...offer, problem: e.message });
          })
          .finally(() => (running = false));
      },
    };
    // shown meanwhile with the attachments? (TS keeps the narrowing of the first line across the awaits)
    const shown = this.offer as OfferHandle | undefined;
    if (shown) shown.setPictures(offer);
    else await this.showOffer([], offer);
  }

  /** A list page of reports: offer to check them all (once per page; it stays while the summary page works). */
  private async offerList(): Promise<void> {
    if (this.batch) return;
    this.batch = new AbortController();
    if (!(await isSiteEnabled(this.host)) || this.stopped) return;
    this.lang ??= await loadLang();
    this.batchOffer = offerBatch(this.doc, this.lang, this.batch.signal);
  }

  /**
   * Nothing was checked here: the gate failed, or it passed on the title and a layout <table> (older CMSs
   * lay the whole article out in one) but the check found no report table in it.
   */
  private unchecked(): boolean {
    return this.status === 'not-report' || (this.status === 'no-tables' && !this.forced);
  }

  private async showOffer(files: Attachment[], pictures?: PictureOffer): Promise<void> {
    if (!(await isSiteEnabled(this.host)) || this.stopped || !this.unchecked() || this.offer) return;
    this.attachments = files;
    this.lang ??= await loadLang();
    const open =
      this.opts.openChecker ??
      ((url: string) =>
        // The page's own origin fetches its attachment: Firefox gives the background no host access from
        // the content-script patterns, and a click in the page grants no activeTab. The background
        // fetches when this fails (another host without CORS, too large for a message).
        void fetchFile(url, fetch, PAGE_FETCH_MAX)
          .catch(() => undefined)
          .then((file) => {
            const msg: OpenCheckerRequest = { type: 'gkc:open-checker', url, ...(file ? { file } : {}) };
            return browser.runtime.sendMessage(msg);
          })
          .catch(() => {}));
    if (this.stopped || this.offer) return;
    this.offer = showAttachmentOffer(this.doc, files, this.lang, open, pictures);
    this.opts.onActive?.();
    this.report();
  }

  private dropOffer(): void {
    this.pictures?.abort();
    this.pictures = undefined;
    this.offer?.remove();
    this.offer = undefined;
    this.attachments = [];
  }

  /** The gate failed at idle: for a while, run it again when tables are added (a report loaded by script). */
  private watchLate(): void {
    if (this.stopLate || this.stopped) return;
    this.stopLate = watchForLateReport(
      this.doc,
      () => {
        if (this.stopped || this.status !== 'not-report' || !reportDocuments(this.doc).length) return;
        this.stopLate?.();
        void this.start();
      },
      { ...(this.opts.lateWindowMs !== undefined ? { windowMs: this.opts.lateWindowMs } : {}), ...(this.opts.lateDelayMs !== undefined ? { delayMs: this.opts.lateDelayMs } : {}) },
    );
  }

  private async run(docs: Document[]): Promise<void> {
    this.dropOffer(); // the tables are here after all
    this.lang ??= await loadLang();
    for (const doc of docs) {
      if (this.sessions.some((s) => s.doc === doc)) continue;
      const session = new PageSession({
        doc,
        lang: this.lang,
        onChange: () => this.report(),
        ...(this.opts.debounceMs !== undefined ? { debounceMs: this.opts.debounceMs } : {}),
        ...(this.opts.check ? { check: this.opts.check } : {}),
      });
      this.sessions.push(session);
      await session.start();
    }
    if (this.stopped) return;
    this.status = this.sessions.some((s) => s.hasTables) ? 'checked' : 'no-tables';
    this.opts.onActive?.();
    this.report();
    // a report page laid out in a <table> whose report is an attachment or pictures
    if (this.status === 'no-tables' && !this.forced) void this.offerAttachments();
  }

  /** An iframe that loads after document_idle may hold the article: check it when it has loaded. */
  private watchFrames(already: Document[]): void {
    for (const frame of iframesOf(this.doc)) {
      let inner: Document | null = null;
      try {
        inner = frame.contentDocument;
      } catch {
        continue; // cross-origin
      }
      if (inner && already.includes(inner) && inner.readyState === 'complete') continue;
      const onLoad = () => {
        let d: Document | null = null;
        try {
          d = frame.contentDocument;
        } catch {
          return;
        }
        if (!d || this.stopped || this.status === 'disabled' || this.sessions.some((s) => s.doc === d) || !looksLikeReport(d)) return;
        void this.run([d]);
      };
      frame.addEventListener('load', onLoad);
      this.frameCleanups.push(() => frame.removeEventListener('load', onLoad));
    }
  }

  state(): PageState {
    const since = this.doc.defaultView?.performance?.timeOrigin;
    const base = { host: this.host, timing: { gateMs: this.gateMs }, ...(since ? { since: Math.floor(since) } : {}) };
    if (this.status === 'not-report' || this.status === 'disabled')
      return { ...base, status: this.status, counts: { ...NO_COUNTS }, incomplete: false, ...(this.attachments.length ? { attachments: this.attachments } : {}) };
    const counts = sumCounts(this.sessions.map((s) => s.counts()));
    const checkMs = this.sessions.reduce((t, s) => t + (s.checkMs ?? 0), 0);
    const withTables = this.sessions.filter((s) => s.hasTables);
    const failed = this.sessions.find((s) => s.failure !== undefined);
    const headline = withTables.length === 1 ? withTables[0]!.state().headline : !withTables.length && failed ? failed.state().headline : undefined;
    const backgroundMs = this.sessions.reduce((t, s) => t + (s.backgroundMs ?? 0), 0);
    const htmlMs = this.sessions.reduce((t, s) => t + (s.htmlMs ?? 0), 0);
    return {
      ...base,
      status: withTables.length ? 'checked' : failed ? 'failed' : 'no-tables',
      counts,
      incomplete: !withTables.length || withTables.some((s) => s.incomplete) || !!failed,
      ...(headline ? { headline } : {}),
      timing: { gateMs: this.gateMs, checkMs, htmlMs, backgroundMs },
    };
  }

  report(): void {
    if (!this.stopped) this.send(this.state());
  }

  openPanel(): void {
    this.sessions.find((s) => s.hasTables)?.openPanel(true);
  }

  /** storage.local changed (here, in the popup, or in another tab). */
  async onStorageChanged(changes: Record<string, unknown>): Promise<void> {
    for (const s of this.sessions) if (storageKey(s.url) in changes) await s.reloadDismissals();
    if (LANG_KEY in changes) {
      this.lang = await loadLang();
      for (const s of this.sessions) s.setLang(this.lang);
      this.offer?.setLang(this.lang);
      this.batchOffer?.setLang(this.lang);
      this.report();
    }
    if (SITES_OFF_KEY in changes && !this.forced) {
      const on = await isSiteEnabled(this.host);
      if (!on) this.batch?.abort();
      if (!on && this.offer) {
        this.dropOffer();
        this.report();
      }
      if (!on && this.status !== 'disabled' && this.status !== 'not-report') {
        this.stopSessions();
        this.status = 'disabled';
        this.report();
      } else if (on && this.status === 'disabled') {
        this.status = 'not-report';
        await this.start();
      }
    }
  }

  private stopSessions(): void {
    for (const s of this.sessions) s.stop();
    this.sessions = [];
  }

  stop(): void {
    this.batch?.abort();
    this.dropOffer();
    this.stopSessions();
    for (const c of this.frameCleanups.splice(0)) c();
    this.stopLate?.();
    this.stopped = true;
  }
}

/** The content script's main(): returns the page state (executeScript hands it to the caller). */
export function startContent(ctx: ContentContext, opts: ContentOptions = {}): Promise<PageState> {
  const g = globalThis as Record<string, unknown>;
  const forced = g[FORCE_FLAG] === true;
  delete g[FORCE_FLAG];
  const view = opts.doc?.defaultView ?? (typeof window === 'undefined' ? undefined : window);
  if (!forced && view && frameRole(view) === 'covered') {
    // the parent page's script checks this frame's document; nothing to do here, nothing to listen to
    return Promise.resolve({ status: 'not-report', host: view.location?.hostname ?? '', counts: { ...NO_COUNTS }, incomplete: false, timing: { gateMs: 0 } });
  }
  const controller = new ContentController({ ...opts, onActive: () => listenToStorage() });
  // sendResponse + `return true` works in Chrome and Firefox alike (a returned Promise does not everywhere).
  const onMessage = (msg: unknown, _sender: unknown, sendResponse: (r: PageState) => void): true | undefined => {
    if (!isToContent(msg) || typeof sendResponse !== 'function') return undefined;
    if (msg.type === 'gkc:check-now') {
      void controller.checkNow().then(sendResponse);
      return true;
    }
    if (msg.type === 'gkc:open-panel') controller.openPanel();
    void started.then(() => sendResponse(controller.state()));
    return true;
  };
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local') void controller.onStorageChanged(changes);
  };
  let storageListened = false;
  const listenToStorage = () => {
    if (storageListened) return;
    storageListened = true;
    browser.storage.onChanged.addListener(onStorage);
  };
  const started = controller.start(forced);
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    browser.storage.onChanged.removeListener(onStorage);
    controller.stop();
  });
  return started;
}
