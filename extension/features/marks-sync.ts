// The marks of one checked document kept in step with the result, the dismissals and the language: the
// findings as the UI shows them, the page's own <td> for each cell the result names (found once each),
// the marks written in one batch, and the related cells lit while a card is open. Aborting the signal
// takes every mark and the stylesheet off the page.
import type { CellRef, Lang } from '../../core/index.ts';
import { CellMarker, visibleMarks, type Mark } from './marks.ts';
import { liveCell } from './live-cells.ts';
import type { Dismissals } from './dismiss.ts';
import type { UiFinding, UiMistake } from './ui.tsx';
import type { WireResult } from './wire-check.ts';

/** Findings and mistakes a marked cell shows (not dismissed). */
export type AtCell = { findings: UiFinding[]; mistakes: UiMistake[] };

export class MarksSync {
  /** the findings as the UI shows them, in the result's order */
  findings: UiFinding[] = [];
  /** the located mistakes (core/pipeline/mistakes.ts), in the result's order */
  mistakes: UiMistake[] = [];
  /** finding index → the mistake that explains it: such a finding marks no cell of its own and is not counted again */
  explainedBy = new Map<number, number>();
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
      this.mistakes = [];
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
    const wire = this.result?.findings ?? [];
    this.explainedBy.clear();
    this.mistakes = (this.result?.mistakes ?? []).map((m, mi): UiMistake => {
      const findings = m.findings.map((i) => this.findings[i]).filter((f): f is UiFinding => !!f);
      for (const f of findings) this.explainedBy.set(f.index, mi);
      return {
        index: mi,
        key: `mistake@${m.fix.map((x) => x.ref).join('+')}`,
        fix: m.fix,
        alternatives: m.alternatives,
        findings,
        table: findings[0]?.table ?? (m.fix[0]!.ref[0] as UiMistake['table']),
        shown: findings.some((f) => !f.dismissal),
      };
    });
    // A finding a mistake explains marks no cell of its own: the mistake's cell carries it. A table-level
    // notice (EMPTY-CELLS) marks none either: its blank cells are hatched.
    const own = this.findings.map((f) => (this.explainedBy.has(f.index) || wire[f.index]?.notice ? { severity: f.severity } : f));
    const placed = (ref: CellRef) => this.nodeAt(ref) !== undefined;
    this.marks = visibleMarks(own, (i) => !this.findings[i]!.dismissal, placed);
    for (const m of this.mistakes) {
      if (!m.shown) continue;
      // tied alternatives ("one of these"): every cell that could be the wrong one is outlined
      for (const fix of [m.fix, ...m.alternatives]) {
        for (const { ref } of fix) {
          if (!placed(ref)) continue;
          const mark = this.marks.get(ref) ?? { ref, severity: 'error' as const, findings: [] };
          mark.severity = 'error';
          (mark.mistakes ??= []).push(m.index);
          this.marks.set(ref, mark);
        }
      }
    }
    this.cells = this.marker.apply(this.marks, (ref) => this.nodeAt(ref));
    const blank = new Set<HTMLElement>();
    for (const f of this.findings) {
      if (f.dismissal) continue;
      for (const ref of wire[f.index]?.notice?.cells ?? []) {
        const el = this.nodeAt(ref);
        if (el) blank.add(el);
      }
    }
    this.marker.setBlank(blank);
  }

  /** The findings a marked cell shows that no mistake of it explains, and its mistakes (not dismissed). */
  at(ref: CellRef): AtCell {
    const m = this.marks.get(ref);
    if (!m) return { findings: [], mistakes: [] };
    const mistakes = (m.mistakes ?? []).map((i) => this.mistakes[i]!).filter((x) => x.shown);
    const findings = m.findings.map((i) => this.findings[i]!).filter((f) => !f.dismissal);
    return { findings, mistakes };
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

  /** The marked cell an event happened in, if any. */
  markedCell(target: EventTarget | null): { td: HTMLElement; ref: CellRef } | undefined {
    const el = target as Element | null;
    const td = el && typeof el.closest === 'function' ? (el.closest('[data-gkc-cell]') as HTMLElement | null) : null;
    const ref = td?.getAttribute('data-gkc-cell');
    return td && ref && this.cells.get(ref) === td ? { td, ref } : undefined;
  }

  /** Light the other cells of a marked cell's equations (while its card is open): never the cell itself. */
  light(ref: CellRef): void {
    const { findings, mistakes } = this.at(ref);
    const refs = new Set<CellRef>();
    for (const f of [...findings, ...mistakes.flatMap((m) => m.findings)]) {
      if (f.ref) refs.add(f.ref);
      for (const r of f.card.related) refs.add(r);
    }
    for (const m of mistakes) for (const fix of [m.fix, ...m.alternatives]) for (const x of fix) refs.add(x.ref);
    refs.delete(ref);
    const related = new Set<HTMLElement>();
    for (const r of refs) {
      const el = this.nodeAt(r);
      if (el) related.add(el);
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
