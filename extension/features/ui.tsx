// The card and the findings panel, rendered with Preact into the shadow root of ui-host.ts. Plain
// props in, callbacks out: the page session (page-session.ts) owns the state and re-renders.
import { render, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { CellRef, CoverageKey, Lang, Severity } from '../../core/index.ts';
import type { Card } from '../../core/index.ts';
import type { Counts } from './messages.ts';
import { REASONS, type Dismissal, type Reason } from './dismiss.ts';
import { WORDS } from './lang.ts';

export type UiFinding = {
  index: number;
  key: string;
  severity: Severity;
  table: CoverageKey;
  ref?: CellRef;
  card: Card;
  dismissal?: Dismissal;
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
  findings: UiFinding[];
  /** the template the tables follow, named for people ('' when not recognised) */
  template: string;
};

export type Rect = { top: number; left: number; bottom: number; right: number };

export type UiState = {
  model: UiModel;
  panelOpen: boolean;
  card?: { ref: CellRef; findings: UiFinding[]; rect: Rect; viewport: { width: number; height: number }; template: string };
};

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
          {w.launcher} · {w.counts({ ...state.model.counts, dismissed: 0 })}
        </button>
      )}
      {/* after the launcher and the drawer, so it is drawn over them */}
      {state.card && <FindingCard card={state.card} actions={actions} w={w} />}
    </div>
  );
}

function FindingCard({ card, actions, w }: { card: NonNullable<UiState['card']>; actions: UiActions; w: Words }) {
  const { rect, viewport } = card;
  const width = Math.min(420, viewport.width - 16);
  const left = Math.max(8, Math.min(rect.left, viewport.width - width - 8));
  // Below the cell when there is room, else on the roomier side; never taller than that side.
  const below = viewport.height - rect.bottom - 12;
  const above = rect.top - 12;
  const pos = below > 260 || below >= above ? { top: `${rect.bottom + 6}px`, maxHeight: `${Math.max(below, 120)}px` } : { bottom: `${viewport.height - rect.top + 6}px`, maxHeight: `${above}px` };
  return (
    <div
      class="card"
      id="gkc-card"
      role="dialog"
      aria-label={card.findings[0]?.card.cellLabel ?? card.ref}
      style={{ ...pos, left: `${left}px`, width: `${width}px` }}
      onMouseEnter={() => actions.cardPointer(true)}
      onMouseLeave={() => actions.cardPointer(false)}
    >
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
      <div>
        {eq.left} = <strong>{eq.leftSum}</strong>
      </div>
      <div aria-label={w.notEqual}>≠</div>
      <div>
        {eq.right} = <strong>{eq.rightSum}</strong>
      </div>
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
          const notices = model.notices[t] ?? [];
          if (!rows.length && !notices.length) return null;
          return (
            <section key={t} data-table={t}>
              <h3>{w.table[t]}</h3>
              {notices.map((n) => (
                <p class="notice" data-testid="not-checked" key={n}>
                  {n}
                </p>
              ))}
              <ul>
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
        {!shown.length && <p class="empty">{w.nothingLeft}</p>}
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
