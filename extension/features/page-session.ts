// One checked document (the page, or the same-origin iframe holding the article): send its HTML
// to the background to be checked, mark the cells in one batch, show the card on hover/focus and the
// findings panel, keep dismissals, and re-check when the report container changes. stop() gives the
// page back. The core never runs on the page's thread: only taking the HTML and the marking do.
import type { CellRef, CoverageKey, Lang } from '../../core/index.ts';
import { CellMarker, visibleMarks, type Mark } from './marks.ts';
import { createUiHost, type UiHost } from './ui-host.ts';
import { UI_CSS } from './ui-css.ts';
import { renderUi, unmountUi, type UiFinding, type UiModel, type UiState } from './ui.tsx';
import { dismiss, loadDismissals, restore, type Dismissals, type Reason } from './dismiss.ts';
import { watchReport } from './observe.ts';
import { liveCell, liveTable, pageHtml } from './live-cells.ts';
import type { WireResult } from './wire-check.ts';
import { backgroundChecker, type Checker } from './check-client.ts';
import { WORDS } from './lang.ts';
import { TEMPLATE_LABEL } from '../../core/light.ts';
import { copyText, findingAsText, findingsAsText } from './copy.ts';
import type { Counts, PageState } from './messages.ts';

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

type OpenCard = { ref: CellRef; via: 'hover' | 'focus' };

export class PageSession {
  readonly doc: Document;
  readonly url: string;
  result: WireResult | undefined;
  /** the page's own cells for the result's places, found once each */
  private live = new Map<CellRef, HTMLElement | null>();
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

  private readonly marker: CellMarker;
  private ui: UiHost | undefined;
  private marks = new Map<CellRef, Mark>();
  private cells = new Map<CellRef, HTMLElement>();
  private findings: UiFinding[] = [];
  private panelOpen = false;
  private card: OpenCard | undefined;
  /** set while we move focus back to a cell ourselves: that focus must not reopen the card */
  private quietFocus = false;
  private pointerInCard = false;
  private closeTimer: number | undefined;
  private frame: number | undefined;
  private unwatch: (() => void) | undefined;
  private readonly cleanups: (() => void)[] = [];
  private stopped = false;

  constructor(private readonly opts: SessionOptions) {
    this.doc = opts.doc;
    this.url = opts.url ?? opts.doc.URL;
    this.lang = opts.lang ?? 'zh';
    this.marker = new CellMarker(this.doc);
  }

  get view(): Window & typeof globalThis {
    return (this.doc.defaultView ?? globalThis) as Window & typeof globalThis;
  }

  async start(): Promise<void> {
    this.dismissals = await loadDismissals(this.url);
    if (this.stopped) return;
    this.listen();
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
    this.live.clear();
    this.checks++;
    this.closeCard();
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

  /** The page's own cell for a CellRef of the result. */
  private nodeAt(ref: CellRef): HTMLElement | undefined {
    let el = this.live.get(ref);
    if (el === undefined) {
      const place = this.result?.cells[ref];
      el = (place && liveCell(this.doc, place)) ?? null;
      this.live.set(ref, el);
    }
    return el ?? undefined;
  }

  /** Dismissals changed (here or in another tab): redraw without re-reading the page. */
  setDismissals(d: Dismissals): void {
    this.dismissals = d;
    if (!this.result || this.stopped) return;
    if (this.card && !this.visibleAt(this.card.ref).length) this.closeCard();
    this.redraw();
    this.opts.onChange?.(this);
  }

  async reloadDismissals(): Promise<void> {
    this.setDismissals(await loadDismissals(this.url));
  }

  async dismiss(key: string, reason: Reason): Promise<void> {
    this.setDismissals(await dismiss(this.url, key, reason));
  }

  async restore(key: string): Promise<void> {
    this.setDismissals(await restore(this.url, key));
  }

  counts(): Counts {
    const c: Counts = { error: 0, warning: 0, info: 0, dismissed: 0 };
    for (const f of this.findings) {
      if (f.dismissal) c.dismissed++;
      else c[f.severity]++;
    }
    return c;
  }

  /** Table B or C not read or only partly read: the page must never look clean. */
  get incomplete(): boolean {
    const cov = this.result?.coverage;
    return !this.hasTables || !cov || cov.B.status !== 'checked' || cov.C.status !== 'checked';
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
    const td = this.cells.get(ref);
    if (!td) return;
    this.marker.jumpTo(td);
    // The drawer covers the right edge: fold it away when it hides the cell.
    const r = td.getBoundingClientRect();
    if (this.panelOpen && r.right > this.view.innerWidth - 380) this.openPanel(false);
  }

  /** The page as it was: no attributes, no stylesheet, no UI, no listeners, no observer. */
  stop(): void {
    this.stopped = true;
    this.unwatch?.();
    this.unwatch = undefined;
    for (const c of this.cleanups.splice(0)) c();
    if (this.closeTimer !== undefined) this.view.clearTimeout(this.closeTimer);
    if (this.frame !== undefined) this.view.cancelAnimationFrame?.(this.frame);
    this.marker.clear();
    if (this.ui) {
      unmountUi(this.ui.container);
      this.ui.remove();
      this.ui = undefined;
    }
    this.cells.clear();
    this.marks.clear();
    this.live.clear();
  }

  // ---------------------------------------------------------------------------------------------

  private redraw(): void {
    const result = this.result;
    const seen = new Map<string, number>();
    this.findings = (result?.findings ?? []).map((f, index) => {
      // the same rule twice on one cell or paragraph: keep the keys apart
      let key = f.key;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      if (n) key += `#${n}`;
      const d = this.dismissals[key];
      return { index, key, severity: f.severity, table: f.table, ...(f.ref ? { ref: f.ref } : {}), card: f.card[this.lang], ...(d ? { dismissal: d } : {}) };
    });
    this.marks = visibleMarks(this.findings, (i) => !this.findings[i]!.dismissal, (ref) => this.nodeAt(ref) !== undefined);
    this.cells = this.marker.apply(this.marks, (ref) => this.nodeAt(ref));
    this.renderUi();
  }

  private model(): UiModel {
    const w = WORDS[this.lang];
    const result = this.result;
    const counts = this.counts();
    if (!result) return { lang: this.lang, counts, headline: this.failure !== undefined ? w.failed(this.failure) : '', level: 'warn', general: [], notices: {}, findings: [], template: '' };
    const notices: Partial<Record<CoverageKey, string[]>> = {};
    for (const k of ['A', 'B', 'C', 'text'] as const) {
      const c = result.coverage[k];
      const reasons = this.lang === 'zh' ? c.reasons : c.reasonsEn;
      if (c.status !== 'checked') notices[k] = reasons.length ? reasons : [w.notChecked];
    }
    const incomplete = this.incomplete;
    const headline = counts.error ? w.headlineErrors(counts.error) : incomplete ? w.headlinePartial : w.headlineClean;
    return {
      lang: this.lang,
      counts,
      headline,
      level: counts.error ? 'bad' : incomplete ? 'warn' : 'ok',
      general: result.problems[this.lang],
      notices,
      findings: this.findings,
      template: this.templateLabel(),
    };
  }

  private templateLabel(): string {
    const t = this.result?.template;
    return t && t !== 'unknown' ? TEMPLATE_LABEL[this.lang][t] : '';
  }

  /** Open the panel with this finding's row in view and focused (the card's "在列表中查看"). */
  showInList(key: string): void {
    this.closeCard();
    this.openPanel(true);
    const row = [...(this.ui?.container.querySelectorAll<HTMLElement>('li.row') ?? [])].find((li) => li.dataset.key === key);
    row?.scrollIntoView?.({ block: 'nearest' });
    row?.focus();
  }

  private copyFinding(key: string): Promise<boolean> {
    const f = this.findings.find((x) => x.key === key);
    return f ? copyText(this.doc, findingAsText(f, this.lang)) : Promise.resolve(false);
  }

  private copyAll(): Promise<boolean> {
    const text = findingsAsText({ findings: this.findings, counts: this.counts(), template: this.templateLabel(), title: this.doc.title.trim(), url: this.url, lang: this.lang });
    return copyText(this.doc, text);
  }

  private visibleAt(ref: CellRef): UiFinding[] {
    const m = this.marks.get(ref);
    return m ? m.findings.map((i) => this.findings[i]!).filter((f) => !f.dismissal) : [];
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
    const state: UiState = { model: this.model(), panelOpen: this.panelOpen };
    const td = this.card && this.cells.get(this.card.ref);
    if (this.card && td) {
      const r = td.getBoundingClientRect();
      state.card = {
        ref: this.card.ref,
        findings: this.visibleAt(this.card.ref),
        rect: { top: r.top, left: r.left, bottom: r.bottom, right: r.right },
        viewport: { width: this.view.innerWidth, height: this.view.innerHeight },
        template: state.model.template,
      };
    }
    renderUi(this.ui.container, state, {
      setPanel: (open) => this.openPanel(open),
      jump: (ref) => this.jump(ref),
      dismiss: (key, reason) => void this.dismiss(key, reason),
      restore: (key) => void this.restore(key),
      closeCard: () => this.closeCard(),
      copyFinding: (key) => this.copyFinding(key),
      copyAll: () => this.copyAll(),
      showInList: (key) => this.showInList(key),
      cardPointer: (inside) => {
        this.pointerInCard = inside;
        if (inside) this.cancelClose();
        else if (this.card?.via === 'hover') this.scheduleClose();
      },
    });
  }

  private onKey(e: KeyboardEvent): void {
    // every key typed anywhere in the page passes here: only these three are ours
    if (e.key !== 'Enter' && e.key !== 'Tab' && e.key !== 'Escape') return;
    const card = this.card;
    if (e.key === 'Enter') {
      const hit = this.markedCell(e.target);
      if (hit && card?.ref !== hit.ref) this.openCard(hit.ref, 'focus');
      return;
    }
    const cell = card && this.cells.get(card.ref);
    const buttons = card && this.ui ? [...this.ui.container.querySelectorAll<HTMLElement>('#gkc-card button')] : [];
    const inCard = this.inUi(e.target as Node) && buttons.includes(this.ui!.shadow.activeElement as HTMLElement);
    if (e.key === 'Tab' && cell && buttons.length) {
      if (!e.shiftKey && e.target === cell) {
        e.preventDefault();
        buttons[0]!.focus();
      } else if (inCard && e.shiftKey && this.ui!.shadow.activeElement === buttons[0]) {
        e.preventDefault();
        this.focusQuietly(cell);
      } else if (inCard && !e.shiftKey && this.ui!.shadow.activeElement === buttons.at(-1)) {
        // no preventDefault: with focus back on the cell, the browser's own Tab goes on from there
        this.focusQuietly(cell);
        this.closeCard();
      }
      return;
    }
    if (e.key !== 'Escape') return;
    if (card) {
      this.closeCard();
      if (inCard && cell) this.focusQuietly(cell);
    } else if (this.panelOpen) this.openPanel(false);
  }

  /** Is this node our UI? (Browsers retarget a node inside the shadow root to its host; test DOMs may not.) */
  private inUi(node: Node | null): boolean {
    if (!node || !this.ui) return false;
    return node === this.ui.host || this.ui.host.contains(node) || node.getRootNode?.() === this.ui.shadow;
  }

  /** Focus a marked cell without its focus opening the card again. */
  private focusQuietly(cell: HTMLElement): void {
    this.quietFocus = true;
    try {
      cell.focus();
    } finally {
      this.quietFocus = false;
    }
  }

  private openCard(ref: CellRef, via: OpenCard['via']): void {
    this.cancelClose();
    if (this.card?.ref === ref) {
      if (via === 'focus') this.card.via = 'focus';
      return;
    }
    const findings = this.visibleAt(ref);
    if (!findings.length) return;
    this.card = { ref, via };
    const related = new Set<HTMLElement>();
    for (const f of findings) {
      for (const r of f.card.related) {
        const el = this.nodeAt(r);
        if (el) related.add(el);
      }
    }
    this.marker.setRelated(related);
    this.renderUi();
  }

  closeCard(): void {
    this.cancelClose();
    if (!this.card) return;
    this.card = undefined;
    this.pointerInCard = false;
    this.marker.clearRelated();
    this.renderUi();
  }

  private scheduleClose(): void {
    this.cancelClose();
    this.closeTimer = this.view.setTimeout(() => {
      this.closeTimer = undefined;
      const active = this.doc.activeElement;
      if (this.pointerInCard || (this.card && active === this.cells.get(this.card.ref))) return;
      this.closeCard();
    }, 300);
  }

  private cancelClose(): void {
    if (this.closeTimer !== undefined) this.view.clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }

  private markedCell(target: EventTarget | null): { td: HTMLElement; ref: CellRef } | undefined {
    const el = target as Element | null;
    const td = el && typeof el.closest === 'function' ? (el.closest('[data-gkc-cell]') as HTMLElement | null) : null;
    const ref = td?.getAttribute('data-gkc-cell');
    return td && ref && this.cells.get(ref) === td ? { td, ref } : undefined;
  }

  private on<K extends string>(target: EventTarget, type: K, fn: (e: Event) => void, capture = false): void {
    target.addEventListener(type, fn, capture);
    this.cleanups.push(() => target.removeEventListener(type, fn, capture));
  }

  private listen(): void {
    const doc = this.doc;
    this.on(doc, 'mouseover', (e) => {
      const hit = this.markedCell(e.target);
      if (hit) this.openCard(hit.ref, 'hover');
    });
    this.on(doc, 'mouseout', (e) => {
      const hit = this.markedCell(e.target);
      if (!hit || this.card?.ref !== hit.ref || this.card.via !== 'hover') return;
      const to = (e as MouseEvent).relatedTarget as Node | null;
      if (to && hit.td.contains(to)) return;
      this.scheduleClose();
    });
    this.on(doc, 'focusin', (e) => {
      const hit = this.markedCell(e.target);
      if (hit && !this.quietFocus) this.openCard(hit.ref, 'focus');
    });
    this.on(doc, 'focusout', (e) => {
      const to = (e as FocusEvent).relatedTarget as Node | null;
      const intoUi = this.inUi(to);
      if (this.inUi(e.target as Node)) {
        // focus left our UI: out of the card to anywhere but its cell closes the card
        const cell = this.card && this.cells.get(this.card.ref);
        if (this.card && !intoUi && to !== cell && !this.pointerInCard) this.closeCard();
        return;
      }
      const hit = this.markedCell(e.target);
      if (!hit || this.card?.ref !== hit.ref || intoUi) return; // into the card: it stays
      if (!this.pointerInCard) this.closeCard();
    });
    // Keys (capture, before the page's own handlers and our host's stopPropagation):
    // Esc closes the card (then the panel), wherever focus is, our shadow root included (WCAG 1.4.13),
    // and from inside the card gives focus back to its cell; Enter on a marked cell opens its card
    // again; Tab moves from the cell into its card and out of the card's last button on to whatever
    // follows the cell in the page (the card itself sits at the end of the document).
    this.on(doc, 'keydown', (e) => this.onKey(e as KeyboardEvent), true);
    const reposition = () => {
      if (!this.card || this.frame !== undefined) return;
      this.frame = this.view.requestAnimationFrame(() => {
        this.frame = undefined;
        this.renderUi();
      });
    };
    this.on(doc, 'scroll', reposition, true);
    this.on(this.view, 'resize', reposition);
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
