// What the card's and the panel's buttons do: jump to a cell (folding the panel away when it hides the
// cell), dismiss and restore through storage.local, copy one finding or all of them, show a finding's
// row in the list. Once the signal is aborted (the session stopped) every action does nothing.
import type { CellRef, Lang } from '../../core/index.ts';
import { dismiss, restore, type Dismissals, type Reason } from './dismiss.ts';
import { copyText, findingAsText, findingsAsText, mistakeAsText } from './copy.ts';
import type { CardKeys } from './card-keys.ts';
import type { MarksSync } from './marks-sync.ts';
import type { UiHost } from './ui-host.ts';
import type { UiActions, UiModel } from './ui.tsx';
import type { Counts } from './messages.ts';

export type PanelHost = {
  doc: Document;
  view: Window & typeof globalThis;
  /** the page the dismissals belong to */
  url: string;
  lang(): Lang;
  marks: MarksSync;
  card: CardKeys;
  ui(): UiHost | undefined;
  counts(): Counts;
  /** what the panel lists: its mistakes, the findings no shown mistake explains, the tables' notices */
  listed(): Pick<UiModel, 'findings' | 'mistakes' | 'tableNotes'>;
  templateLabel(): string;
  panelOpen(): boolean;
  setPanel(open: boolean): void;
  /** dismissals changed (stored already): redraw with them */
  setDismissals(d: Dismissals): void;
};

/** The drawer covers the right edge (min(380px, 100vw)): a cell under it is uncovered by folding it away. */
const DRAWER_WIDTH = 380;

export function panelActions(host: PanelHost, signal: AbortSignal): UiActions {
  const live = () => !signal.aborted;
  const finding = (key: string) => host.marks.findings.find((x) => x.key === key);
  const mistake = (key: string) => host.marks.mistakes.find((x) => x.key === key);
  /** a mistake is dismissed with the findings it explains, one stored dismissal each (dismiss.ts) */
  const dismissAll = async (key: string, reason: Reason): Promise<Dismissals> => {
    const m = mistake(key);
    if (!m) return dismiss(host.url, key, reason);
    let d: Dismissals | undefined;
    for (const f of m.findings) if (!f.dismissal) d = await dismiss(host.url, f.key, reason);
    return d ?? dismiss(host.url, m.findings[0]?.key ?? key, reason);
  };
  return {
    setPanel: (open) => live() && host.setPanel(open),
    jump: (ref: CellRef) => {
      if (!live()) return;
      const td = host.marks.jumpTo(ref);
      if (td && host.panelOpen() && td.getBoundingClientRect().right > host.view.innerWidth - DRAWER_WIDTH) host.setPanel(false);
    },
    dismiss: (key: string, reason: Reason) => void dismissAll(key, reason).then((d) => live() && host.setDismissals(d)),
    restore: (key: string) => void restore(host.url, key).then((d) => live() && host.setDismissals(d)),
    closeCard: () => host.card.close(),
    cardPointer: (inside) => host.card.pointer(inside),
    copyFinding: (key) => {
      const f = finding(key);
      const m = mistake(key);
      const text = m ? mistakeAsText(m, host.lang()) : f && findingAsText(f, host.lang());
      return text && live() ? copyText(host.doc, text) : Promise.resolve(false);
    },
    copyAll: () => {
      if (!live()) return Promise.resolve(false);
      const { findings, mistakes, tableNotes } = host.listed();
      const text = findingsAsText({ findings, mistakes, notes: tableNotes, counts: host.counts(), template: host.templateLabel(), title: host.doc.title.trim(), url: host.url, lang: host.lang() });
      return copyText(host.doc, text);
    },
    showInList: (key) => {
      if (!live()) return;
      host.card.close();
      host.setPanel(true);
      const row = [...(host.ui()?.container.querySelectorAll<HTMLElement>('li.row') ?? [])].find((li) => li.dataset.key === key);
      row?.scrollIntoView?.({ block: 'nearest' });
      row?.focus();
    },
  };
}
