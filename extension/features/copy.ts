// "复制说明" on a card and "复制全部" in the panel: a finding, or all that are not dismissed, as plain
// text for an email or a 整改通知 (ux.md §3: users ask for findings they can paste elsewhere).
import type { Counts } from './messages.ts';
import { mistakeLines, type UiFinding, type UiMistake } from './ui.tsx';
import { WORDS, type Lang } from './lang.ts';

const TABLE_ORDER = ['A', 'B', 'C', 'text'] as const;

/** One finding: severity, rule and cell; the note; the equation with its numbers; the caveat. */
export function findingAsText(f: UiFinding, lang: Lang): string {
  const w = WORDS[lang];
  const c = f.card;
  const lines = [`${w.sev[f.severity]} ${c.ruleId}${c.cellLabel ? ` ${c.cellLabel}` : ''}`, c.message];
  if (c.equation) {
    const e = c.equation;
    lines.push(`${e.left} = ${e.leftSum} ≠ ${e.right} = ${e.rightSum}${lang === 'zh' ? '，' : ', '}${w.diff(e.diff)}`);
  }
  if (c.caveat) lines.push(`${w.caveat}${c.caveat}`);
  return lines.join('\n');
}

/** One mistake: its fix (the cells named), then the equations it breaks with their numbers. */
export function mistakeAsText(m: UiMistake, lang: Lang): string {
  const w = WORDS[lang];
  const [head, ...options] = mistakeLines(m, undefined, w, lang);
  const lines = [`${w.sev.error} ${head}`, ...options.map((o) => `- ${o}`), w.breaks(m.findings.length)];
  for (const f of m.findings) {
    const e = f.card.equation;
    lines.push(e ? `- ${f.card.ruleId} ${e.left} = ${e.leftSum} ≠ ${e.right} = ${e.rightSum}${lang === 'zh' ? '，' : ', '}${w.diff(e.diff)}` : `- ${f.card.ruleId} ${f.card.message}`);
  }
  return lines.join('\n');
}

/**
 * Everything still shown, grouped by table, under a header that says what page this was: the table's
 * notices, then its mistakes and the findings no mistake explains, numbered as they are counted.
 */
export function findingsAsText(o: { findings: UiFinding[]; mistakes?: UiMistake[]; notes?: Partial<Record<UiFinding['table'], string[]>>; counts: Counts; template: string; title: string; url: string; lang: Lang }): string {
  const w = WORDS[o.lang];
  const out = [w.copyHeader({ title: o.title, url: o.url, template: o.template, counts: o.counts })];
  const shown = o.findings.filter((f) => !f.dismissal);
  for (const t of TABLE_ORDER) {
    const mistakes = (o.mistakes ?? []).filter((m) => m.table === t);
    const rows = shown.filter((f) => f.table === t);
    const notes = o.notes?.[t] ?? [];
    if (!rows.length && !mistakes.length && !notes.length) continue;
    out.push('', `【${w.table[t]}】`, ...notes.map((n) => `※ ${n}`));
    const texts = [...mistakes.map((m) => mistakeAsText(m, o.lang)), ...rows.map((f) => findingAsText(f, o.lang))];
    texts.forEach((text, i) => out.push(`${i + 1}. ${text.replace(/\n/g, '\n   ')}`));
  }
  const dismissed = o.findings.length - shown.length;
  if (dismissed) out.push('', w.copyDismissed(dismissed));
  return out.join('\n');
}

/**
 * Put `text` on the clipboard from a click in the page. The async Clipboard API exists only on secure
 * (https) pages; most gov.cn pages are plain http, so there a copy command runs whose data we set in a
 * capturing listener, stopping it there: pages that forbid copying or append a "来源：…" notice to
 * copied text (both common on government sites) neither block nor change ours. Resolves false when
 * nothing could be copied (the button says so).
 */
export async function copyText(doc: Document, text: string): Promise<boolean> {
  const win = doc.defaultView;
  const clipboard = win?.isSecureContext ? win.navigator.clipboard : undefined;
  if (clipboard?.writeText) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // no permission or no focus: try the copy command
    }
  }
  let done = false;
  const onCopy = (e: Event) => {
    const data = (e as ClipboardEvent).clipboardData;
    if (!data) return;
    data.setData('text/plain', text);
    e.preventDefault();
    e.stopImmediatePropagation();
    done = true;
  };
  doc.addEventListener('copy', onCopy, true);
  try {
    doc.execCommand('copy');
  } catch {
    // not supported here
  } finally {
    doc.removeEventListener('copy', onCopy, true);
  }
  return done;
}
