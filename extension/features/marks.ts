// Cell marks on the page's own <td>s: attributes only (data-gkc, data-gkc-cell, a tabindex where the
// cell had none) plus one injected stylesheet. Outline never changes layout, follows scrolling and the
// 长者版 toolbars' zoom, and removing the attributes gives the page back as it was. Nothing is
// re-parented or re-texted, so the page's own scripts and a re-read of the tables see the same cells.
import type { CellRef, Severity } from '../../core/index.ts';
import { addToMark } from '../../core/light.ts';

/**
 * Marks tell severities apart without colour: error = solid 2px + ✕, warning = dashed 2px + !,
 * info = dotted 1px + i. The corner sign is an absolutely positioned ::before with no offsets, so it sits
 * at its static place, the top-left of the cell's content, and takes no room (the cell does not grow or
 * reflow, and the td needs no position of its own).
 */
export const MARK_CSS = `
[data-gkc]{outline-offset:-2px!important;cursor:help}
[data-gkc="error"]{outline:2px solid #d93025!important;background-color:rgba(217,48,37,.07)!important}
[data-gkc="warning"]{outline:2px dashed #b06000!important}
[data-gkc="info"]{outline:1px dotted #1a73e8!important}
[data-gkc]::before{position:absolute;margin:-.45em 0 0 -.45em;font:bold 11px/1 system-ui,sans-serif;pointer-events:none}
[data-gkc="error"]::before{content:"✕";color:#d93025}
[data-gkc="warning"]::before{content:"!";color:#b06000}
[data-gkc="info"]::before{content:"i";color:#1a73e8}
[data-gkc]:focus{outline-width:3px!important}
[data-gkc-blank]{background-image:repeating-linear-gradient(135deg,rgba(176,96,0,.16) 0 1px,transparent 1px 6px)!important}
[data-gkc-related]{outline:2px dashed #7b1fa2!important;outline-offset:-3px!important}
[data-gkc-pulse]{animation:gkc-pulse .4s ease-in-out 3}
@keyframes gkc-pulse{50%{outline-offset:2px;outline-width:4px}}
@media (prefers-reduced-motion:reduce){[data-gkc-pulse]{animation:none;outline-width:4px!important}}
`;

/** A marked cell: the findings it shows, and the mistakes (indexes into the result's mistakes) it is a cell of. */
export type Mark = { ref: CellRef; severity: Severity; findings: number[]; mistakes?: number[] };

/** The cells to mark for the findings still shown: first cell of each, worst severity wins. */
export function visibleMarks(findings: readonly { ref?: CellRef; severity: Severity }[], shown: (index: number) => boolean, placed: (ref: CellRef) => boolean): Map<CellRef, Mark> {
  const marks = new Map<CellRef, Mark>();
  findings.forEach((f, i) => {
    const ref = f.ref;
    if (ref && shown(i) && placed(ref)) addToMark(marks, ref, f.severity, i);
  });
  return marks;
}

export class CellMarker {
  private marked = new Set<HTMLElement>();
  private related = new Set<HTMLElement>();
  /** the blank cells of a table-level notice (EMPTY-CELLS), hatched lightly */
  private blank = new Set<HTMLElement>();
  /** cells that had no tabindex before we gave them one */
  private ownTabindex = new Set<HTMLElement>();
  private style: HTMLStyleElement | undefined;

  constructor(private readonly doc: Document) {}

  /** Replace all marks in one batch: clear the old ones, then write the new attributes. */
  apply(marks: Map<CellRef, Mark>, cellOf: (ref: CellRef) => HTMLElement | undefined): Map<CellRef, HTMLElement> {
    const cells = new Map<CellRef, HTMLElement>();
    for (const m of marks.values()) {
      const td = cellOf(m.ref);
      if (td) cells.set(m.ref, td);
    }
    this.clearMarks();
    if (cells.size) this.ensureStyle();
    for (const [ref, td] of cells) {
      td.setAttribute('data-gkc', marks.get(ref)!.severity);
      td.setAttribute('data-gkc-cell', ref);
      if (!td.hasAttribute('tabindex')) {
        td.setAttribute('tabindex', '0');
        this.ownTabindex.add(td);
      }
      this.marked.add(td);
    }
    return cells;
  }

  setRelated(tds: Iterable<HTMLElement>): void {
    this.clearRelated();
    for (const td of tds) {
      td.setAttribute('data-gkc-related', '');
      this.related.add(td);
    }
  }

  setBlank(tds: Iterable<HTMLElement>): void {
    for (const td of this.blank) td.removeAttribute('data-gkc-blank');
    this.blank.clear();
    for (const td of tds) {
      this.ensureStyle();
      td.setAttribute('data-gkc-blank', '');
      this.blank.add(td);
    }
  }

  clearRelated(): void {
    for (const td of this.related) td.removeAttribute('data-gkc-related');
    this.related.clear();
  }

  /** Scroll to the cell, focus it (opens its card) and pulse its outline. */
  jumpTo(td: HTMLElement): void {
    td.scrollIntoView?.({ block: 'center', inline: 'nearest' });
    td.focus({ preventScroll: true });
    td.removeAttribute('data-gkc-pulse');
    void td.offsetWidth; // restart the animation when jumping to the same cell twice
    td.setAttribute('data-gkc-pulse', '');
    const view = this.doc.defaultView ?? globalThis;
    view.setTimeout(() => td.removeAttribute('data-gkc-pulse'), 1500);
  }

  private clearMarks(): void {
    for (const td of this.marked) {
      td.removeAttribute('data-gkc');
      td.removeAttribute('data-gkc-cell');
      td.removeAttribute('data-gkc-pulse');
      if (this.ownTabindex.has(td)) td.removeAttribute('tabindex');
    }
    this.marked.clear();
    this.ownTabindex.clear();
  }

  private ensureStyle(): void {
    if (this.style?.isConnected) return;
    const style = this.doc.createElement('style');
    style.setAttribute('data-gkc-ui', '');
    style.textContent = MARK_CSS;
    (this.doc.head ?? this.doc.documentElement).appendChild(style);
    this.style = style;
  }

  /** Everything off: the page is as it was. */
  clear(): void {
    this.clearRelated();
    this.setBlank([]);
    this.clearMarks();
    this.style?.remove();
    this.style = undefined;
  }
}
