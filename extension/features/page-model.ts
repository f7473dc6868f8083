// What the launcher, the panel, the copied text, the badge and the popup show for one checked document,
// computed from plain data (the background's answer, the marks as synced, the language): counts as a
// reader fixes them, the headline, the notices per table, the list. No DOM: testable on its own.
import type { CoverageKey, Lang } from '../../core/index.ts';
import { TEMPLATE_LABEL } from '../../core/index.ts';
import { WORDS } from './lang.ts';
import type { Counts } from './messages.ts';
import type { MarksSync } from './marks-sync.ts';
import type { UiModel } from './ui.tsx';
import type { WireResult } from './wire-check.ts';

export type PageInput = {
  result: WireResult | undefined;
  /** why the check did not come back */
  failure: string | undefined;
  lang: Lang;
  marks: Pick<MarksSync, 'findings' | 'mistakes' | 'explainedBy'>;
};

/**
 * Counted as a reader fixes them (issue 17): each mistake still shown once, however many equations it
 * breaks; a finding a mistake explains is not counted again; a table-level notice (EMPTY-CELLS) is a
 * notice, not a count.
 */
export function pageCounts({ result, marks }: PageInput): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0, dismissed: 0 };
  for (const f of marks.findings) {
    if (result?.findings[f.index]?.notice) continue;
    if (f.dismissal) c.dismissed++;
    else if (!marks.explainedBy.has(f.index)) c[f.severity]++;
  }
  c.error += marks.mistakes.filter((m) => m.shown).length;
  return c;
}

/** Table B or C not read or only partly read: the page must never look clean. */
export function isIncomplete(result: WireResult | undefined): boolean {
  const cov = result?.coverage;
  return !result?.hasTables || !cov || cov.B.status !== 'checked' || cov.C.status !== 'checked';
}

export function templateName(result: WireResult | undefined, lang: Lang): string {
  const t = result?.template;
  return t && t !== 'unknown' ? TEMPLATE_LABEL[lang][t] : '';
}

export function pageModel(input: PageInput): UiModel {
  const { result, failure, lang, marks } = input;
  const w = WORDS[lang];
  const counts = pageCounts(input);
  const pill = w.counts({ ...counts, dismissed: 0 });
  if (!result) return { lang, counts, headline: failure !== undefined ? w.failed(failure) : '', level: 'warn', general: [], notices: {}, tableNotes: {}, findings: [], mistakes: [], pill, template: '' };
  const notices: Partial<Record<CoverageKey, string[]>> = {};
  const tableNotes: Partial<Record<CoverageKey, string[]>> = {};
  for (const k of ['A', 'B', 'C', 'text'] as const) {
    const c = result.coverage[k];
    if (c.status !== 'checked') notices[k] = c.reasons[lang].length ? c.reasons[lang] : [w.notChecked];
    // Checked in full and still something to say: how many of the narrative's numbers were compared with
    // the tables, as the CLI and the site always say (a note, not a 「not checked」 notice).
    else if (c.reasons[lang].length) tableNotes[k] = [...c.reasons[lang]];
  }
  const listed = marks.findings.filter((f) => {
    if (result.findings[f.index]?.notice) {
      (tableNotes[f.table] ??= []).push(f.card.message);
      return false;
    }
    return !!f.dismissal || !marks.explainedBy.has(f.index);
  });
  const incomplete = isIncomplete(result);
  const headline = counts.error ? w.headlineErrors(counts.error) : incomplete ? w.headlinePartial : w.headlineClean;
  return {
    lang,
    counts,
    headline,
    level: counts.error ? 'bad' : incomplete ? 'warn' : 'ok',
    general: result.problems[lang],
    notices,
    tableNotes,
    findings: listed,
    mistakes: marks.mistakes.filter((m) => m.shown),
    // checked in full with nothing to fix: say so, not 「错误 0 · 警告 0 · 提示 0」
    pill: !counts.error && !incomplete ? w.cleanPill(counts) : pill,
    template: templateName(result, lang),
  };
}
