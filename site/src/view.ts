// CheckResult → SiteView: everything the page renders, as plain data, for both languages at once.
// Built where the check ran (the worker) so only JSON crosses to the page, and a language switch needs
// no second check. Pure; tested in Node.
import { cardOf, cellMarks, countBySeverity, countMistakes, coverageBanner, coverageReasons, narrativeSkipGroups, findingsCsv, findingsJson, plainSummary, SEVERITY_LABEL, TABLE_LABEL, TEMPLATE_LABEL, tableLayout, verdictText } from '../../core/index.ts';
import type { Banner, Card, CellRef, CheckResult, CoverageKey, Lang, Severity, ViewTable } from '../../core/index.ts';
import { encodePayload, payloadOf } from './share-link.ts';

export type ViewFinding = {
  index: number;
  ruleId: string;
  severity: Severity;
  severityLabel: string;
  table: CoverageKey;
  tableLabel: string;
  /** the cell to mark and jump to, when the finding has one that is shown */
  cell?: CellRef;
  card: Card;
  /** for narrative findings: the sentence, when the input text is at hand */
  quote?: string;
  /** rests on a number OCR was unsure of */
  doubtful?: boolean;
};
export type SiteView = {
  lang: Lang;
  name: string;
  agency?: string;
  year?: number;
  template: string;
  verdict: CheckResult['verdict'];
  verdictText: string;
  counts: Record<Severity, number>;
  /** mistakes to fix: a located mistake counts once however many error findings it explains (issue 17) */
  mistakes: number;
  banner: Banner;
  tables: ViewTable[];
  findings: ViewFinding[];
  /** the narrative's numbers: the coverage words (compared / not compared) and the ones not compared, by reason */
  narrative?: { reasons: string[]; skips: { why: string; quotes: string[] }[] };
  summary: string;
  csv: string;
  json: string;
  /** the share link's #fragment payload (table numbers and finding ids) */
  share: string;
  /** the previous year's report the cross-year rules compared with */
  previous?: { name: string; agency?: string; year?: number };
  /** scanned pages: the OCR boxes, doubtful numbers and the detected grid (site/src/ocr/session.ts) */
  ocr?: import('./ocr/session.ts').OcrView;
  /** set when the view was rebuilt from a link: the original findings the numbers alone cannot bring back */
  fromLink?: { missing: string[] };
};
export type SiteViews = { zh: SiteView; en: SiteView };


export function buildViews(result: CheckResult, name = '', inputText?: string): SiteViews {
  return { zh: buildView(result, 'zh', name, inputText), en: buildView(result, 'en', name, inputText) };
}

export function buildView(result: CheckResult, lang: Lang, name = '', inputText?: string): SiteView {
  const marks = cellMarks(result);
  // Each finding jumps to the cell that carries its mark: a finding a mistake explains is marked on the
  // mistake's cell (issue 17), not on its own first cell.
  const markedAt = new Map<number, CellRef>();
  for (const m of marks.values()) for (const i of m.findings) if (!markedAt.has(i)) markedAt.set(i, m.ref);
  const findings: ViewFinding[] = result.findings.map((f, index) => {
    const shown = markedAt.get(index);
    const span = f.span;
    const quote = inputText && span?.kind === 'text' ? inputText.slice(span.start, span.end).trim().slice(0, 300) : undefined;
    return {
      index,
      ruleId: f.ruleId,
      severity: f.severity,
      severityLabel: SEVERITY_LABEL[lang][f.severity],
      table: f.table,
      tableLabel: TABLE_LABEL[lang][f.table],
      ...(shown ? { cell: shown } : {}),
      card: cardOf(result, f, lang),
      ...(quote ? { quote } : {}),
    };
  });
  const m = result.model;
  return {
    lang,
    name,
    ...(m.agency ? { agency: m.agency } : {}),
    ...(m.year !== undefined ? { year: m.year } : {}),
    template: TEMPLATE_LABEL[lang][m.template] ?? m.template,
    verdict: result.verdict,
    verdictText: verdictText(result, lang),
    counts: countBySeverity(result.findings),
    mistakes: countMistakes(result),
    banner: coverageBanner(result, lang),
    tables: (['A', 'B', 'C'] as const).map((t) => tableLayout(result, t, lang, marks)),
    findings,
    // What the narrative's numbers came to (issue 19): how many were compared with the tables, and each one
    // that was not, with why — the same words as the command line's.
    narrative: { reasons: coverageReasons(result, 'text', lang), skips: narrativeSkipGroups(result, lang) },
    summary: plainSummary(result, lang, name),
    csv: findingsCsv(result, lang, name),
    json: JSON.stringify(findingsJson(result, lang, name), null, 2),
    share: encodePayload(payloadOf(result, name)),
  };
}
