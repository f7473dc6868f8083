// One checked document (the page, or the same-origin iframe holding the article): read its tables
// through the core, mark the cells in one batch, show the card on hover/focus and the findings panel,
// keep dismissals, and re-check when the report container changes. stop() gives the page back.
import { cardOf, checkModel, domToDoc, inputProblemText, recognise, type CellRef, type CheckResult, type CoverageKey } from '../../core/index.ts';
import { CellMarker, cellElement, visibleMarks, type Mark } from './marks.ts';
import { createUiHost, type UiHost } from './ui-host.ts';
import { UI_CSS } from './ui-css.ts';
import { renderUi, unmountUi, type UiFinding, type UiModel, type UiState } from './ui.tsx';
import { dismiss, findingKey, loadDismissals, restore, type Dismissals, type Reason } from './dismiss.ts';
import { watchReport } from './observe.ts';
import { snapshot, type SnapNode } from './snapshot.ts';
import type { Counts, PageState } from './messages.ts';

/**
 * What core check({ kind: 'dom', root }) does, spelled out: read through a snapshot of the page
 * (snapshot.ts: the walker's repeated visits become plain JS), and without bundling the string HTML
 * parser (htmlparser2 + entity tables, ~30 kB gzip) that only check()'s other input kinds use.
 */
export function checkSnapshot(root: SnapNode): CheckResult {
  return checkModel(recognise(domToDoc(root)).model);
}

export function checkDocument(doc: Document): CheckResult {
  return checkSnapshot(snapshot(doc));
}

export type SessionOptions = {
  doc: Document;
  /** the page the dismissals belong to (default: the document's URL) */
  url?: string;
  /** called after every check and every dismissal change */
  onChange?(session: PageSession): void;
  /** re-check delay after the report container changed */
  debounceMs?: number;
};

type OpenCard = { ref: CellRef; via: 'hover' | 'focus' };

export class PageSession {
  readonly doc: Document;
  readonly url: string;
  result: CheckResult | undefined;
  /** the copy of the page the last check read; its nodes lead back to the page's own cells */
  root: SnapNode | undefined;
  dismissals: Dismissals = {};
  /** main-thread ms of the last check + marking */
  checkMs: number | undefined;
  checks = 0;

  private readonly marker: CellMarker;
  private ui: UiHost | undefined;
  private marks = new Map<CellRef, Mark>();
  private cells = new Map<CellRef, HTMLElement>();
  private findings: UiFinding[] = [];
  private panelOpen = false;
  private card: OpenCard | undefined;
  private pointerInCard = false;
  private closeTimer: number | undefined;
  private frame: number | undefined;
  private unwatch: (() => void) | undefined;
  private readonly cleanups: (() => void)[] = [];
  private stopped = false;

  constructor(private readonly opts: SessionOptions) {
    this.doc = opts.doc;
    this.url = opts.url ?? opts.doc.URL;
    this.marker = new CellMarker(this.doc);
  }

  get view(): Window & typeof globalThis {
    return (this.doc.defaultView ?? globalThis) as Window & typeof globalThis;
  }

  async start(): Promise<void> {
    this.dismissals = await loadDismissals(this.url);
    if (this.stopped) return;
    this.listen();
    this.runCheck();
  }

  get hasTables(): boolean {
    const t = this.result?.model.tables;
    return !!(t && (t.A || t.B || t.C));
  }

  /** Check the document now and redraw everything (marks in one batch). */
  runCheck(): void {
    if (this.stopped) return;
    const t0 = performance.now();
    this.root = snapshot(this.doc);
    this.result = checkSnapshot(this.root);
    this.checks++;
    this.closeCard();
    this.redraw();
    this.checkMs = performance.now() - t0;
    this.watch();
    this.opts.onChange?.(this);
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
      status: this.hasTables ? 'checked' : 'no-tables',
      host: this.view.location?.hostname ?? '',
      counts,
      incomplete: this.incomplete,
      headline: this.model().headline,
      timing: { gateMs, ...(this.checkMs !== undefined ? { checkMs: this.checkMs } : {}) },
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
  }

  // ---------------------------------------------------------------------------------------------

  private redraw(): void {
    const result = this.result!;
    const seen = new Map<string, number>();
    this.findings = result.findings.map((f, index) => {
      let key = findingKey(f);
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      if (n) key += `#${n}`;
      const d = this.dismissals[key];
      return { index, key, severity: f.severity, table: f.table, ...(f.cells[0] ? { ref: f.cells[0] } : {}), card: cardOf(result, f, 'zh'), ...(d ? { dismissal: d } : {}) };
    });
    this.marks = visibleMarks(result, (i) => !this.findings[i]!.dismissal);
    this.cells = this.marker.apply(this.marks, result, this.root);
    this.renderUi();
  }

  private model(): UiModel {
    const result = this.result;
    const counts = this.counts();
    if (!result) return { counts, headline: '', level: 'warn', general: [], notices: {}, findings: [] };
    const notices: Partial<Record<CoverageKey, string[]>> = {};
    for (const k of ['A', 'B', 'C', 'text'] as const) {
      const c = result.coverage[k];
      if (c.status !== 'checked') notices[k] = c.reasons.length ? c.reasons : ['未检查'];
    }
    const incomplete = this.incomplete;
    const headline = counts.error
      ? `发现 ${counts.error} 处错误，请核对标记的单元格`
      : incomplete
        ? '已核对部分未发现错误，但有表格未检查或只检查了一部分'
        : '已核对部分未发现错误';
    return {
      counts,
      headline,
      level: counts.error ? 'bad' : incomplete ? 'warn' : 'ok',
      general: result.model.recognition.inputProblems.map((p) => inputProblemText(p, 'zh')),
      notices,
      findings: this.findings,
    };
  }

  private visibleAt(ref: CellRef): UiFinding[] {
    const m = this.marks.get(ref);
    return m ? m.findings.map((i) => this.findings[i]!).filter((f) => !f.dismissal) : [];
  }

  private renderUi(): void {
    if (this.stopped) return;
    if (!this.hasTables) {
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
      };
    }
    renderUi(this.ui.container, state, {
      setPanel: (open) => this.openPanel(open),
      jump: (ref) => this.jump(ref),
      dismiss: (key, reason) => void this.dismiss(key, reason),
      restore: (key) => void this.restore(key),
      closeCard: () => this.closeCard(),
      cardPointer: (inside) => {
        this.pointerInCard = inside;
        if (inside) this.cancelClose();
        else if (this.card?.via === 'hover') this.scheduleClose();
      },
    });
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
        const el = cellElement(this.root!, this.result!, r);
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
      if (hit) this.openCard(hit.ref, 'focus');
    });
    this.on(doc, 'focusout', (e) => {
      const hit = this.markedCell(e.target);
      if (!hit || this.card?.ref !== hit.ref) return;
      const to = (e as FocusEvent).relatedTarget as Node | null;
      if (to && this.ui && (to === this.ui.host || this.ui.host.contains(to))) return; // into the card
      if (!this.pointerInCard) this.closeCard();
    });
    // Esc closes the card (then the panel), wherever focus is, our shadow root included (WCAG 1.4.13).
    this.on(
      doc,
      'keydown',
      (e) => {
        if ((e as KeyboardEvent).key !== 'Escape') return;
        if (this.card) this.closeCard();
        else if (this.panelOpen) this.openPanel(false);
      },
      true,
    );
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
    const tables = new Set<Element>();
    for (const t of ['A', 'B', 'C'] as const) {
      const cell = Object.values(this.result!.model.tables[t]?.cells ?? {})[0];
      const td = cell && cellElement(this.root!, this.result!, cell.ref);
      const table = td?.closest('table');
      if (table) tables.add(table);
    }
    const container = commonAncestor([...tables]);
    if (!container) return;
    this.unwatch = watchReport(container, () => this.runCheck(), { delayMs: this.opts.debounceMs ?? 500, view: this.view });
  }
}

/** The nearest element holding all the tables; for one table, its parent (so a replaced table is seen). */
export function commonAncestor(els: Element[]): Element | undefined {
  if (!els.length) return undefined;
  let anc: Element | null = els.length === 1 ? els[0]!.parentElement : els[0]!;
  while (anc && !els.every((e) => anc!.contains(e))) anc = anc.parentElement;
  return anc ?? undefined;
}
