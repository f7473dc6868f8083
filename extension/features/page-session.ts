// One checked document (the page, or the same-origin iframe holding the article): send its HTML
// to the background to be checked, redraw, and re-check when the report container changes. The
// work is in features handed this session's AbortSignal: the marks (marks-sync.ts), the card and its
// keys (card-keys.ts), the buttons of card and panel (panel-actions.ts); what is shown is page-model.ts.
// stop() aborts them and gives the page back. The core never runs on the page's thread: only taking
// the HTML and the marking do.
import type { CellRef, Lang } from '../../core/index.ts';
import { createUiHost, type UiHost } from './ui-host.ts';
import { UI_CSS } from './ui-css.ts';
import { renderUi, unmountUi, type UiActions, type UiModel, type UiState } from './ui.tsx';
import { loadDismissals, type Dismissals } from './dismiss.ts';
import { watchReport } from './observe.ts';
import { liveTable, pageHtml } from './live-cells.ts';
import type { WireResult } from './wire-check.ts';
import { backgroundChecker, type Checker } from './check-client.ts';
import { isIncomplete, pageCounts, pageModel, templateName, type PageInput } from './page-model.ts';
import type { Counts, PageState } from './messages.ts';
import { MarksSync } from './marks-sync.ts';
import { CardKeys } from './card-keys.ts';
import { panelActions } from './panel-actions.ts';

export type SessionOptions = {
  doc: Document;
  /** the page the dismissals belong to (default: the document's URL) */
  url?: string;
  /** called after every check and every dismissal change */
  onChange?(session: PageSession): void;
  /** re-check delay after the report container changed */
  debounceMs?: number;
  /** runs the core on the page's HTML (default: in the background) */
  check?: Checker;
  lang?: Lang;
};

export class PageSession {
  readonly doc: Document;
  readonly url: string;
  result: WireResult | undefined;
  /** why the last check did not come back (the background failed) */
  failure: string | undefined;
  dismissals: Dismissals = {};
  lang: Lang;
  /** page-thread ms of the last check (HTML + marking), and the background's ms */
  checkMs: number | undefined;
  htmlMs: number | undefined;
  backgroundMs: number | undefined;
  checks = 0;
  private generation = 0;

  /** aborted by stop(): every feature below tears itself down */
  private readonly life = new AbortController();
  private readonly marks: MarksSync;
  private readonly card: CardKeys;
  private readonly actions: UiActions;
  private ui: UiHost | undefined;
  private panelOpen = false;
  private unwatch: (() => void) | undefined;

  constructor(private readonly opts: SessionOptions) {
    this.doc = opts.doc;
    this.url = opts.url ?? opts.doc.URL;
    this.lang = opts.lang ?? 'zh';
    const signal = this.life.signal;
    this.marks = new MarksSync(this.doc, signal);
    const shared = {
      doc: this.doc,
      view: this.view,
      marks: this.marks,
      ui: () => this.ui,
      panelOpen: () => this.panelOpen,
      setPanel: (open: boolean) => this.openPanel(open),
    };
    this.card = new CardKeys({ ...shared, render: () => this.renderUi() }, signal);
    this.actions = panelActions(
      {
        ...shared,
        url: this.url,
        lang: () => this.lang,
        card: this.card,
        counts: () => this.counts(),
        listed: () => this.model(),
        templateLabel: () => this.templateLabel(),
        setDismissals: (d) => this.setDismissals(d),
      },
      signal,
    );
    signal.addEventListener('abort', () => {
      this.unwatch?.();
      this.unwatch = undefined;
      if (this.ui) {
        unmountUi(this.ui.container);
        this.ui.remove();
        this.ui = undefined;
      }
    });
  }

  private get stopped(): boolean {
    return this.life.signal.aborted;
  }

  get view(): Window & typeof globalThis {
    return (this.doc.defaultView ?? globalThis) as Window & typeof globalThis;
  }

  async start(): Promise<void> {
    this.dismissals = await loadDismissals(this.url);
    if (this.stopped) return;
    await this.runCheck();
  }

  get hasTables(): boolean {
    return !!this.result?.hasTables;
  }

  /**
   * Check the document now and redraw everything (marks in one batch). Two slices run on the page's
   * thread: taking the page's HTML, and the marking once the background has answered. A check
   * overtaken by a newer one is dropped.
   */
  async runCheck(): Promise<void> {
    if (this.stopped) return;
    const gen = ++this.generation;
    const t0 = performance.now();
    const html = pageHtml(this.doc);
    const snapMs = performance.now() - t0;
    let result: WireResult | undefined;
    let failure: string | undefined;
    try {
      result = await (this.opts.check ?? backgroundChecker)(html);
    } catch (e) {
      failure = e instanceof Error ? e.message : String(e);
    }
    if (this.stopped || gen !== this.generation) return;
    const t1 = performance.now();
    this.result = result;
    this.failure = failure;
    this.marks.setResult(result);
    this.checks++;
    this.card.close();
    this.redraw();
    this.checkMs = snapMs + (performance.now() - t1);
    this.htmlMs = snapMs;
    this.backgroundMs = result?.ms;
    this.watch();
    this.opts.onChange?.(this);
  }

  /** The language setting changed: redraw in it, without checking again. */
  setLang(lang: Lang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    if (!this.result || this.stopped) return;
    this.redraw();
    this.opts.onChange?.(this);
  }

  /** Dismissals changed (here or in another tab): redraw without re-reading the page. */
  setDismissals(d: Dismissals): void {
    this.dismissals = d;
    if (!this.result || this.stopped) return;
    this.redraw();
    this.card.marksChanged();
    this.opts.onChange?.(this);
  }

  async reloadDismissals(): Promise<void> {
    this.setDismissals(await loadDismissals(this.url));
  }

  counts(): Counts {
    return pageCounts(this.input());
  }

  /** Table B or C not read or only partly read: the page must never look clean. */
  get incomplete(): boolean {
    return isIncomplete(this.result);
  }

  state(gateMs = 0): PageState {
    const counts = this.counts();
    return {
      status: this.failure !== undefined ? 'failed' : this.hasTables ? 'checked' : 'no-tables',
      host: this.view.location?.hostname ?? '',
      counts,
      incomplete: this.incomplete,
      headline: this.model().headline,
      timing: {
        gateMs,
        ...(this.checkMs !== undefined ? { checkMs: this.checkMs } : {}),
        ...(this.backgroundMs !== undefined ? { backgroundMs: this.backgroundMs } : {}),
      },
    };
  }

  openPanel(open = true): void {
    this.panelOpen = open;
    this.renderUi();
  }

  /** Scroll to the cell, focus it (its card opens) and pulse it. */
  jump(ref: CellRef): void {
    this.actions.jump(ref);
  }

  closeCard(): void {
    this.card.close();
  }

  /** The page as it was: no attributes, no stylesheet, no UI, no listeners, no observer. */
  stop(): void {
    this.life.abort();
  }

  // ---------------------------------------------------------------------------------------------

  private redraw(): void {
    this.marks.sync(this.dismissals, this.lang);
    this.renderUi();
  }

  /** Everything the launcher, the panel and the copied text show (page-model.ts). */
  model(): UiModel {
    return pageModel(this.input());
  }

  private input(): PageInput {
    return { result: this.result, failure: this.failure, lang: this.lang, marks: this.marks };
  }

  private templateLabel(): string {
    return templateName(this.result, this.lang);
  }

  private renderUi(): void {
    if (this.stopped) return;
    if (!this.hasTables && this.failure === undefined) {
      // Nothing to show (checked on request, no report tables): leave the page alone.
      if (this.ui) {
        unmountUi(this.ui.container);
        this.ui.remove();
        this.ui = undefined;
      }
      return;
    }
    this.ui ??= createUiHost(this.doc, UI_CSS);
    const model = this.model();
    const state: UiState = { model, panelOpen: this.panelOpen };
    const card = this.card.view(model.template);
    if (card) state.card = card;
    renderUi(this.ui.container, state, this.actions);
  }

  /** Watch the report container (the tables' common ancestor) for changes to its table content. */
  private watch(): void {
    this.unwatch?.();
    this.unwatch = undefined;
    if (!this.hasTables) return;
    const tables = this.result!.tables.map((i) => liveTable(this.doc, i)).filter((t): t is HTMLTableElement => !!t);
    const container = commonAncestor(tables);
    if (!container) return;
    this.unwatch = watchReport(container, () => void this.runCheck(), { delayMs: this.opts.debounceMs ?? 500, view: this.view });
  }
}

/** The nearest element holding all the tables; for one table, its parent (so a replaced table is seen). */
export function commonAncestor(els: Element[]): Element | undefined {
  if (!els.length) return undefined;
  let anc: Element | null = els.length === 1 ? els[0]!.parentElement : els[0]!;
  while (anc && !els.every((e) => anc!.contains(e))) anc = anc.parentElement;
  return anc ?? undefined;
}
