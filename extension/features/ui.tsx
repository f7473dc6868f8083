// The card and the findings panel, rendered with Preact into the shadow root of ui-host.ts. Plain
// props in, callbacks out: the page session (page-session.ts) owns the state and re-renders.
import { render, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { CellRef, CoverageKey, Lang, Severity } from '../../core/index.ts';
import type { Card } from '../../core/index.ts';
import type { Counts } from './messages.ts';
import { REASONS, type Dismissal, type Reason } from './dismiss.ts';
import { WORDS } from './lang.ts';
import type { WireFix } from './wire-check.ts';

export type UiFinding = {
  index: number;
  key: string;
  severity: Severity;
  table: CoverageKey;
  ref?: CellRef;
  card: Card;
  dismissal?: Dismissal;
};

/** A located mistake (core/pipeline/mistakes.ts) as the UI shows it: one mark, one count, one row. */
export type UiMistake = {
  /** index into the result's mistakes */
  index: number;
  /** 'mistake@' and its cells: the row in the list and the card's buttons */
  key: string;
  fix: WireFix[];
  /** tied alternatives: other cells that mend the same equations as well ("one of these") */
  alternatives: WireFix[][];
  /** the error findings it explains (their equations are the ones it breaks) */
  findings: UiFinding[];
  table: CoverageKey;
  /** not every finding it explains is dismissed */
  shown: boolean;
};

export type UiModel = {
  lang: Lang;
  counts: Counts;
  headline: string;
  level: 'ok' | 'warn' | 'bad';
  /** the input as a whole (garbage, too large) */
  general: string[];
  /** per table: why it was not (fully) checked */
  notices: Partial<Record<CoverageKey, string[]>>;
  /** the findings the list shows one by one: those no shown mistake explains, and the dismissed ones */
  findings: UiFinding[];
  /** the mistakes still shown (a mistake is dismissed with the findings it explains) */
  mistakes: UiMistake[];
  /** per table: notices about the table as a whole (EMPTY-CELLS), its cells hatched on the page */
  tableNotes: Partial<Record<CoverageKey, string[]>>;
  /** what the launcher says: the counts, or that the page was checked and is clean */
  pill: string;
  /** the template the tables follow, named for people ('' when not recognised) */
  template: string;
};

export type Rect = { top: number; left: number; bottom: number; right: number };

export type UiState = {
  model: UiModel;
  panelOpen: boolean;
  /** the open card: the mistakes of its cell first, then the findings no mistake of it explains */
  card?: { ref: CellRef; findings: UiFinding[]; mistakes: UiMistake[]; rect: Rect; viewport: { width: number; height: number }; template: string };
};

export type CardPlace = { top?: number; bottom?: number; left: number; width: number; maxHeight: number; flipped: boolean };

/** Margin kept to the viewport's edges, and the gap between the cell and the card. */
const EDGE = 8;
const GAP = 6;
/** Below the cell while at least this much room is left there (else on the roomier side). */
const ROOM_BELOW = 240;

/**
 * Where the card goes: below the cell, or flipped above it when the cell is near the viewport's bottom
 * edge; as wide as fits, never past an edge, and never taller than its side (it scrolls inside).
 */
export function placeCard(rect: Rect, viewport: { width: number; height: number }): CardPlace {
  const width = Math.max(0, Math.min(420, viewport.width - 2 * EDGE));
  const left = Math.max(EDGE, Math.min(rect.left, viewport.width - width - EDGE));
  const minHeight = Math.max(0, Math.min(120, viewport.height - 2 * EDGE));
  const below = viewport.height - EDGE - (rect.bottom + GAP);
  const above = rect.top - GAP - EDGE;
  if (below >= ROOM_BELOW || below >= above) {
    const top = Math.max(EDGE, Math.min(rect.bottom + GAP, viewport.height - EDGE - minHeight));
    return { top, left, width, maxHeight: viewport.height - EDGE - top, flipped: false };
  }
  const bottomEdge = Math.min(viewport.height - EDGE, Math.max(rect.top - GAP, EDGE + minHeight));
  return { bottom: viewport.height - bottomEdge, left, width, maxHeight: bottomEdge - EDGE, flipped: true };
}

export type UiActions = {
  setPanel(open: boolean): void;
  jump(ref: CellRef): void;
  dismiss(key: string, reason: Reason): void;
  restore(key: string): void;
  closeCard(): void;
  cardPointer(inside: boolean): void;
  /** resolve whether the text reached the clipboard (the button says so) */
  copyFinding(key: string): Promise<boolean>;
  copyAll(): Promise<boolean>;
  /** open the panel on this finding's row */
  showInList(key: string): void;
};

type Words = (typeof WORDS)[Lang];
const TABLES: CoverageKey[] = ['A', 'B', 'C', 'text'];


export function Ui({ state, actions }: { state: UiState; actions: UiActions }) {
  const w = WORDS[state.model.lang];
  return (
    <div lang={state.model.lang === 'zh' ? 'zh-CN' : 'en'}>
      {state.panelOpen ? (
        <Drawer model={state.model} actions={actions} w={w} />
      ) : (
        <button
          type="button"
          class={`launcher${state.model.counts.error ? ' has-error' : ''}`}
          data-testid="launcher"
          aria-label={w.launcherLabel(state.model.counts)}
          onClick={() => actions.setPanel(true)}
        >
          {w.launcher} · {state.model.pill}
        </button>
      )}
      {/* after the launcher and the drawer, so it is drawn over them */}
      {state.card && <FindingCard card={state.card} actions={actions} w={w} lang={state.model.lang} />}
    </div>
  );
}

function FindingCard({ card, actions, w, lang }: { card: NonNullable<UiState['card']>; actions: UiActions; w: Words; lang: Lang }) {
  const place = placeCard(card.rect, card.viewport);
  const pos = place.flipped ? { bottom: `${place.bottom}px` } : { top: `${place.top}px` };
  return (
    <div
      class="card"
      id="gkc-card"
      role="dialog"
      data-flipped={place.flipped ? '' : undefined}
      aria-label={card.mistakes[0]?.fix[0]?.label[lang] ?? card.findings[0]?.card.cellLabel ?? card.ref}
      style={{ ...pos, left: `${place.left}px`, width: `${place.width}px`, maxHeight: `${place.maxHeight}px` }}
      onMouseEnter={() => actions.cardPointer(true)}
      onMouseLeave={() => actions.cardPointer(false)}
    >
      {card.mistakes.map((m) => (
        <div class="card-body" key={m.key} data-testid="mistake">
          <MistakeText m={m} at={card.ref} w={w} lang={lang} />
          <DismissControl onDismiss={(r) => actions.dismiss(m.key, r)} w={w}>
            <CopyButton label={w.copy} action="copy" copy={() => actions.copyFinding(m.key)} w={w} />
            <button type="button" data-action="show-in-list" onClick={() => actions.showInList(m.key)}>
              {w.showInList}
            </button>
          </DismissControl>
        </div>
      ))}
      {card.findings.map((f) => (
        <div class="card-body" key={f.key}>
          <FindingText f={f} w={w} />
          <Equation card={f.card} w={w} />
          {f.card.caveat && (
            <p class="caveat">
              {w.caveat}
              {f.card.caveat}
            </p>
          )}
          <DismissControl onDismiss={(r) => actions.dismiss(f.key, r)} w={w}>
            <CopyButton label={w.copy} action="copy" copy={() => actions.copyFinding(f.key)} w={w} />
            <button type="button" data-action="show-in-list" onClick={() => actions.showInList(f.key)}>
              {w.showInList}
            </button>
          </DismissControl>
        </div>
      ))}
      {card.template && (
        <p class="template" data-testid="template">
          {w.template}
          {card.template}
        </p>
      )}
    </div>
  );
}

/** What a mistake says: its fix (「此格应为 710（表中为 711）」 on its own cell), then the equations it breaks. */
export function mistakeLines(m: Pick<UiMistake, 'fix' | 'alternatives'>, at: CellRef | undefined, w: Words, lang: Lang): string[] {
  const one = (fix: WireFix[]) => fix.map((x) => w.fixText(x.label[lang], x.value, x.now)).join(w.listSep);
  if (m.alternatives.length) return [w.oneOf, ...[m.fix, ...m.alternatives].map(one)];
  if (m.fix.length > 1) return [w.together, one(m.fix)];
  const x = m.fix[0]!;
  return [x.ref === at ? w.cellShouldBe(x.value, x.now) : w.fixText(x.label[lang], x.value, x.now)];
}

function MistakeText({ m, at, w, lang }: { m: UiMistake; at?: CellRef; w: Words; lang: Lang }) {
  const [head, ...options] = mistakeLines(m, at, w, lang);
  return (
    <>
      <p class="head">
        <span class="sev sev-error">{w.sev.error}</span>
        <span class="fix" data-testid="fix">
          {head}
        </span>
      </p>
      {options.length > 0 && (
        <ul class="options">
          {options.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
      )}
      {m.findings.length > 0 && (
        <>
          <p class="breaks">{w.breaks(m.findings.length)}</p>
          <ul class="eqs" data-testid="equations">
            {m.findings.map((f) => (
              <li key={f.key}>
                <code>{f.card.ruleId}</code> {f.card.equation ? <CompactEquation eq={f.card.equation} w={w} /> : f.card.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** One side of an equation: its terms, and their sum only when there is more than one term (no sum said twice). */
function side(terms: string, sum: number): string {
  return terms.includes(' + ') ? `${terms} = ${sum}` : terms;
}

function CompactEquation({ eq, w }: { eq: NonNullable<Card['equation']>; w: Words }) {
  return (
    <span class="eq-line">
      {side(eq.left, eq.leftSum)} <span aria-label={w.notEqual}>≠</span> {side(eq.right, eq.rightSum)} <span class="diff">({w.diff(eq.diff)})</span>
    </span>
  );
}

function FindingText({ f, w }: { f: UiFinding; w: Words }) {
  return (
    <>
      <p class="head">
        <span class={`sev sev-${f.severity}`}>{w.sev[f.severity]}</span>
        <code>{f.card.ruleId}</code>
        {f.card.cellLabel && <span class="cell">{f.card.cellLabel}</span>}
      </p>
      <p class="msg">{f.card.message}</p>
    </>
  );
}

function Equation({ card, w }: { card: Card; w: Words }) {
  const eq = card.equation;
  if (!eq) return null;
  return (
    <div class="eq" data-testid="equation">
      <div>{side(eq.left, eq.leftSum)}</div>
      <div aria-label={w.notEqual}>≠</div>
      <div>{side(eq.right, eq.rightSum)}</div>
      <div class="diff">{w.diff(eq.diff)}</div>
    </div>
  );
}

/** A copy button that says, for a moment, whether it worked. */
function CopyButton({ label, action, copy, w }: { label: string; action: string; copy(): Promise<boolean>; w: Words }) {
  const [said, setSaid] = useState<'' | 'ok' | 'failed'>('');
  const click = () =>
    void copy().then((ok) => {
      setSaid(ok ? 'ok' : 'failed');
      setTimeout(() => setSaid(''), 1500);
    });
  return (
    <button type="button" data-action={action} data-copied={said || undefined} onClick={click}>
      {said === 'ok' ? w.copied : said === 'failed' ? w.copyFailed : label}
    </button>
  );
}

/** 忽略… (then the three reasons), after any other actions of the row (`children`). */
function DismissControl({ onDismiss, w, children }: { onDismiss(reason: Reason): void; w: Words; children?: ComponentChildren }) {
  const [choosing, setChoosing] = useState(false);
  if (!choosing)
    return (
      <div class="actions">
        {children}
        <button type="button" data-action="dismiss" onClick={() => setChoosing(true)}>
          {w.dismiss}
        </button>
      </div>
    );
  return (
    <div class="actions" role="group" aria-label={w.reasonGroup}>
      <span>{w.reasonPrefix}</span>
      {REASONS.map((r) => (
        <button type="button" key={r} data-reason={r} onClick={() => onDismiss(r)}>
          {w.reason[r]}
        </button>
      ))}
      <button type="button" onClick={() => setChoosing(false)}>
        {w.cancel}
      </button>
    </div>
  );
}

function Drawer({ model, actions, w }: { model: UiModel; actions: UiActions; w: Words }) {
  const shown = model.findings.filter((f) => !f.dismissal);
  const dismissed = model.findings.filter((f) => f.dismissal);
  return (
    <aside class="drawer" role="complementary" aria-label={w.panelLabel}>
      <header>
        <div>
          <h2>{w.app}</h2>
          <div class="counts" data-testid="counts">
            {w.counts(model.counts)}
          </div>
          {model.template && (
            <div class="template">
              {w.template}
              {model.template}
            </div>
          )}
        </div>
        <div class="head-actions">
          {shown.length > 0 && <CopyButton label={w.copyAll} action="copy-all" copy={() => actions.copyAll()} w={w} />}
          <button type="button" aria-label={w.closePanel} data-action="close-panel" onClick={() => actions.setPanel(false)}>
            ×
          </button>
        </div>
      </header>
      <div class="scroll">
        <p class={`headline ${model.level}`}>{model.headline}</p>
        {model.general.map((g) => (
          <p class="notice" key={g}>
            {g}
          </p>
        ))}
        {TABLES.map((t) => {
          const rows = shown.filter((f) => f.table === t);
          const mistakes = model.mistakes.filter((m) => m.table === t);
          const notices = model.notices[t] ?? [];
          const notes = model.tableNotes[t] ?? [];
          if (!rows.length && !mistakes.length && !notices.length && !notes.length) return null;
          return (
            <section key={t} data-table={t}>
              <h3>{w.table[t]}</h3>
              {notices.map((n) => (
                <p class="notice" data-testid="not-checked" key={n}>
                  {n}
                </p>
              ))}
              {notes.map((n) => (
                <p class="note" data-testid="table-notice" key={n}>
                  {n}
                </p>
              ))}
              <ul>
                {mistakes.map((m) => (
                  <li class="row" key={m.key} data-key={m.key} tabIndex={-1} data-testid="mistake-row">
                    <button type="button" class="jump" data-jump={m.fix[0]!.ref} onClick={() => actions.jump(m.fix[0]!.ref)}>
                      <MistakeText m={m} w={w} lang={model.lang} />
                    </button>
                    <DismissControl onDismiss={(r) => actions.dismiss(m.key, r)} w={w} />
                  </li>
                ))}
                {rows.map((f) => (
                  <li class="row" key={f.key} data-key={f.key} tabIndex={-1}>
                    <button type="button" class="jump" data-jump={f.ref} disabled={!f.ref} onClick={() => f.ref && actions.jump(f.ref)}>
                      <FindingText f={f} w={w} />
                    </button>
                    <DismissControl onDismiss={(r) => actions.dismiss(f.key, r)} w={w} />
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
        {!shown.length && !model.mistakes.length && <p class="empty">{w.nothingLeft}</p>}
        {dismissed.length > 0 && (
          <section data-testid="dismissed">
            <h3>{w.dismissed}</h3>
            <ul>
              {dismissed.map((f) => (
                <li class="row dismissed" key={f.key}>
                  <FindingText f={f} w={w} />
                  <div class="actions">
                    <span class="reason">
                      {w.reasonPrefix}
                      {w.reason[f.dismissal!.reason]}
                    </span>
                    <button type="button" data-restore={f.key} onClick={() => actions.restore(f.key)}>
                      {w.restore}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </aside>
  );
}

export function renderUi(container: HTMLElement, state: UiState, actions: UiActions): void {
  render(<Ui state={state} actions={actions} />, container);
}

export function unmountUi(container: HTMLElement): void {
  render(null, container);
}
