// The card on a marked cell and the keys around it: hover or focus opens it (the other cells of its
// equations lit), leaving closes it after a moment unless the pointer or focus went into it; Esc, Enter
// and Tab as WCAG 1.4.13 and the page's own tab order want; scroll and resize move it (one frame at a
// time). Aborting the signal removes every listener and timer.
import type { CellRef } from '../../core/index.ts';
import type { AtCell, MarksSync } from './marks-sync.ts';
import type { UiHost } from './ui-host.ts';
import type { UiState } from './ui.tsx';

export type CardHost = {
  doc: Document;
  view: Window & typeof globalThis;
  marks: MarksSync;
  /** our shadow-root UI, when it is on the page */
  ui(): UiHost | undefined;
  /** draw the UI again (the card moved, opened or closed) */
  render(): void;
  panelOpen(): boolean;
  setPanel(open: boolean): void;
};

type OpenCard = { ref: CellRef; via: 'hover' | 'focus' };

const shows = (at: AtCell) => at.findings.length > 0 || at.mistakes.length > 0;

export class CardKeys {
  private card: OpenCard | undefined;
  /** set while we move focus back to a cell ourselves: that focus must not reopen the card */
  private quietFocus = false;
  private pointerInCard = false;
  private closeTimer: number | undefined;
  private frame: number | undefined;

  constructor(
    private readonly host: CardHost,
    private readonly signal: AbortSignal,
  ) {
    this.listen();
    signal.addEventListener('abort', () => {
      this.cancelClose();
      if (this.frame !== undefined) host.view.cancelAnimationFrame?.(this.frame);
      this.card = undefined;
    });
  }

  /** The open card as the UI draws it (placed by its cell's box), or undefined. */
  view(template: string): UiState['card'] {
    const td = this.card && this.host.marks.cells.get(this.card.ref);
    if (!this.card || !td) return undefined;
    const r = td.getBoundingClientRect();
    return {
      ref: this.card.ref,
      ...this.host.marks.at(this.card.ref),
      rect: { top: r.top, left: r.left, bottom: r.bottom, right: r.right },
      viewport: { width: this.host.view.innerWidth, height: this.host.view.innerHeight },
      template,
    };
  }

  /** The marks changed: a card whose cell shows nothing any more closes. */
  marksChanged(): void {
    if (this.card && !shows(this.host.marks.at(this.card.ref))) this.close();
  }

  open(ref: CellRef, via: OpenCard['via']): void {
    this.cancelClose();
    if (this.card?.ref === ref) {
      if (via === 'focus') this.card.via = 'focus';
      return;
    }
    if (!shows(this.host.marks.at(ref))) return;
    this.card = { ref, via };
    this.host.marks.light(ref);
    this.host.render();
  }

  close(): void {
    this.cancelClose();
    if (!this.card) return;
    this.card = undefined;
    this.pointerInCard = false;
    this.host.marks.unlight();
    this.host.render();
  }

  /** The pointer entered or left the card. */
  pointer(inside: boolean): void {
    this.pointerInCard = inside;
    if (inside) this.cancelClose();
    else if (this.card?.via === 'hover') this.scheduleClose();
  }

  private scheduleClose(): void {
    this.cancelClose();
    this.closeTimer = this.host.view.setTimeout(() => {
      this.closeTimer = undefined;
      const active = this.host.doc.activeElement;
      if (this.pointerInCard || (this.card && active === this.host.marks.cells.get(this.card.ref))) return;
      this.close();
    }, 300);
  }

  private cancelClose(): void {
    if (this.closeTimer !== undefined) this.host.view.clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }

  /** Is this node our UI? (Browsers retarget a node inside the shadow root to its host; test DOMs may not.) */
  private inUi(node: Node | null): boolean {
    const ui = this.host.ui();
    if (!node || !ui) return false;
    return node === ui.host || ui.host.contains(node) || node.getRootNode?.() === ui.shadow;
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

  private onKey(e: KeyboardEvent): void {
    // every key typed anywhere in the page passes here: only these three are ours
    if (e.key !== 'Enter' && e.key !== 'Tab' && e.key !== 'Escape') return;
    const card = this.card;
    const marks = this.host.marks;
    if (e.key === 'Enter') {
      const hit = marks.markedCell(e.target);
      if (hit && card?.ref !== hit.ref) this.open(hit.ref, 'focus');
      return;
    }
    const ui = this.host.ui();
    const cell = card && marks.cells.get(card.ref);
    const buttons = card && ui ? [...ui.container.querySelectorAll<HTMLElement>('#gkc-card button')] : [];
    const active = ui?.shadow.activeElement as HTMLElement | null | undefined;
    const inCard = this.inUi(e.target as Node) && !!active && buttons.includes(active);
    if (e.key === 'Tab' && cell && buttons.length) {
      if (!e.shiftKey && e.target === cell) {
        e.preventDefault();
        buttons[0]!.focus();
      } else if (inCard && e.shiftKey && active === buttons[0]) {
        e.preventDefault();
        this.focusQuietly(cell);
      } else if (inCard && !e.shiftKey && active === buttons.at(-1)) {
        // no preventDefault: with focus back on the cell, the browser's own Tab goes on from there
        this.focusQuietly(cell);
        this.close();
      }
      return;
    }
    if (e.key !== 'Escape') return;
    if (card) {
      this.close();
      if (inCard && cell) this.focusQuietly(cell);
    } else if (this.host.panelOpen()) this.host.setPanel(false);
  }

  private on(target: EventTarget, type: string, fn: (e: Event) => void, capture = false): void {
    target.addEventListener(type, fn, capture);
    this.signal.addEventListener('abort', () => target.removeEventListener(type, fn, capture));
  }

  private listen(): void {
    const { doc, view, marks } = this.host;
    this.on(doc, 'mouseover', (e) => {
      const hit = marks.markedCell(e.target);
      if (hit) this.open(hit.ref, 'hover');
    });
    this.on(doc, 'mouseout', (e) => {
      const hit = marks.markedCell(e.target);
      if (!hit || this.card?.ref !== hit.ref || this.card.via !== 'hover') return;
      const to = (e as MouseEvent).relatedTarget as Node | null;
      if (to && hit.td.contains(to)) return;
      this.scheduleClose();
    });
    this.on(doc, 'focusin', (e) => {
      const hit = marks.markedCell(e.target);
      if (hit && !this.quietFocus) this.open(hit.ref, 'focus');
    });
    this.on(doc, 'focusout', (e) => {
      const to = (e as FocusEvent).relatedTarget as Node | null;
      const intoUi = this.inUi(to);
      if (this.inUi(e.target as Node)) {
        // focus left our UI: out of the card to anywhere but its cell closes the card
        const cell = this.card && marks.cells.get(this.card.ref);
        if (this.card && !intoUi && to !== cell && !this.pointerInCard) this.close();
        return;
      }
      const hit = marks.markedCell(e.target);
      if (!hit || this.card?.ref !== hit.ref || intoUi) return; // into the card: it stays
      if (!this.pointerInCard) this.close();
    });
    // Keys (capture, before the page's own handlers and our host's stopPropagation):
    // Esc closes the card (then the panel), wherever focus is, our shadow root included (WCAG 1.4.13),
    // and from inside the card gives focus back to its cell; Enter on a marked cell opens its card
    // again; Tab moves from the cell into its card and out of the card's last button on to whatever
    // follows the cell in the page (the card itself sits at the end of the document).
    this.on(doc, 'keydown', (e) => this.onKey(e as KeyboardEvent), true);
    const reposition = () => {
      if (!this.card || this.frame !== undefined) return;
      this.frame = view.requestAnimationFrame(() => {
        this.frame = undefined;
        this.host.render();
      });
    };
    this.on(doc, 'scroll', reposition, true);
    this.on(view, 'resize', reposition);
  }
}
