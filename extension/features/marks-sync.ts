// The marks of one checked document kept in step with the result, the dismissals and the language: the
// findings as the UI shows them, the page's own <td> for each cell the result names (found once each),
// the marks written in one batch, and the related cells lit while a card is open. Aborting the signal
// takes every mark and the stylesheet off the page.
import type { CellRef, Lang } from '../../core/types.ts';
import { CellMarker, visibleMarks, type Mark } from './marks.ts';
import { liveCell } from './live-cells.ts';
import type { Dismissals } from './dismiss.ts';
import type { UiFinding } from './ui.tsx';
import type { WireResult } from './wire-check.ts';

export class MarksSync {
  /** the findings as the UI shows them, in the result's order */
  findings: UiFinding[] = [];
  /** the marked cells: CellRef → the page's own <td> */
  cells = new Map<CellRef, HTMLElement>();
  private marks = new Map<CellRef, Mark>();
  private live = new Map<CellRef, HTMLElement | null>();
  private result: WireResult | undefined;
  private readonly marker: CellMarker;

  constructor(
    private readonly doc: Document,
    signal: AbortSignal,
  ) {
    this.marker = new CellMarker(doc);
    signal.addEventListener('abort', () => {
      this.marker.clear();
      this.cells.clear();
      this.marks.clear();
      this.live.clear();
      this.findings = [];
    });
  }

  /** A new result: the cells it names are looked up afresh. */
  setResult(result: WireResult | undefined): void {
    this.result = result;
    this.live.clear();
  }

  /** Redraw the marks for the findings still shown (one batch: old marks off, new ones on). */
  sync(dismissals: Dismissals, lang: Lang): void {
    const seen = new Map<string, number>();
    this.findings = (this.result?.findings ?? []).map((f, index) => {
      // the same rule twice on one cell or paragraph: keep the keys apart
      let key = f.key;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      if (n) key += `#${n}`;
      const d = dismissals[key];
      return { index, key, severity: f.severity, table: f.table, ...(f.ref ? { ref: f.ref } : {}), card: f.card[lang], ...(d ? { dismissal: d } : {}) };
    });
    this.marks = visibleMarks(this.findings, (i) => !this.findings[i]!.dismissal, (ref) => this.nodeAt(ref) !== undefined);
    this.cells = this.marker.apply(this.marks, (ref) => this.nodeAt(ref));
  }

  /** The page's own cell for a CellRef of the result. */
  nodeAt(ref: CellRef): HTMLElement | undefined {
    let el = this.live.get(ref);
    if (el === undefined) {
      const place = this.result?.cells[ref];
      el = (place && liveCell(this.doc, place)) ?? null;
      this.live.set(ref, el);
    }
    return el ?? undefined;
  }

  /** The findings a marked cell shows (not dismissed). */
  visibleAt(ref: CellRef): UiFinding[] {
    const m = this.marks.get(ref);
    return m ? m.findings.map((i) => this.findings[i]!).filter((f) => !f.dismissal) : [];
  }

  /** The marked cell an event happened in, if any. */
  markedCell(target: EventTarget | null): { td: HTMLElement; ref: CellRef } | undefined {
    const el = target as Element | null;
    const td = el && typeof el.closest === 'function' ? (el.closest('[data-gkc-cell]') as HTMLElement | null) : null;
    const ref = td?.getAttribute('data-gkc-cell');
    return td && ref && this.cells.get(ref) === td ? { td, ref } : undefined;
  }

  /** Light the other cells of these findings' equations (while their card is open). */
  light(findings: readonly UiFinding[]): void {
    const related = new Set<HTMLElement>();
    for (const f of findings) {
      for (const r of f.card.related) {
        const el = this.nodeAt(r);
        if (el) related.add(el);
      }
    }
    this.marker.setRelated(related);
  }

  unlight(): void {
    this.marker.clearRelated();
  }

  /** Scroll to a marked cell, focus it (its card opens) and pulse it; false when it is not marked. */
  jumpTo(ref: CellRef): HTMLElement | undefined {
    const td = this.cells.get(ref);
    if (td) this.marker.jumpTo(td);
    return td;
  }
}
