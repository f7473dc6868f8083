// The narrative's stated numbers that were not compared with the tables, and why, in words (issue 19).
// core/pipeline/coverage.ts lists them as data (NarrativeSkip: the number, the clause before it, a
// reason code); this file says them for the coverage line, the command line and the JSON report.
import type { CheckResult, CoverageReason, Lang, NarrativeSkip, NarrativeSkipReason } from '../types.ts';

const REASONS: Record<NarrativeSkipReason, Record<Lang, string>> = {
  'no-table-cell': { zh: '表中没有对应项', en: 'no table cell counts it' },
  'ambiguous-subject': { zh: '所指不明确', en: 'what it counts is unclear' },
  'agency-wide-cases': { zh: '可能是本机关全部复议诉讼案件，不只是政府信息公开的', en: "may count all of the agency's cases, not only those about disclosure" },
  'cell-not-read': { zh: '对应的表格单元格未读出或为空', en: 'the table cell it would be compared with was not read or is blank' },
};

/** Most telling first: what a reader may want to look at before what the tables simply do not hold. */
const ORDER: NarrativeSkipReason[] = ['ambiguous-subject', 'agency-wide-cases', 'cell-not-read', 'no-table-cell'];

export function narrativeSkipReasonText(reason: NarrativeSkipReason, lang: Lang = 'zh'): string {
  return REASONS[reason][lang];
}

function byReason(skips: NarrativeSkip[]): [NarrativeSkipReason, NarrativeSkip[]][] {
  return ORDER.map((r) => [r, skips.filter((s) => s.reason === r)] as [NarrativeSkipReason, NarrativeSkip[]]).filter(([, ss]) => ss.length);
}

/** The count per reason, for the coverage line: 「表中没有对应项 13 个、所指不明确 1 个」. */
export function narrativeSkipSummary(skips: NarrativeSkip[], lang: Lang = 'zh'): string {
  return byReason(skips)
    .map(([r, ss]) => (lang === 'zh' ? `${REASONS[r].zh} ${ss.length} 个` : `${REASONS[r].en} (${ss.length})`))
    .join(lang === 'zh' ? '、' : '; ');
}

/** One quoted number: the report's own clause up to it (a quote, so Chinese in English output too). */
function quote(s: NarrativeSkip, lang: Lang): string {
  return lang === 'zh' ? `「${s.excerpt}」` : `"${s.excerpt}"`;
}

const numbersOf = (result: CheckResult) => result.coverage.text.codes.find((c): c is Extract<CoverageReason, { code: 'narrative-numbers' }> => c.code === 'narrative-numbers');

/**
 * The numbers not compared, one line per reason with each number quoted, for the command line's text
 * report (a block after the findings); none when every stated number was compared.
 */
export function narrativeSkipLines(result: CheckResult, lang: Lang = 'zh'): string[] {
  const code = numbersOf(result);
  if (!code?.skips.length) return [];
  const head = lang === 'zh' ? `【正文中未与表格比对的数字（${code.skips.length} 个）】` : `[Numbers in the narrative not compared with the tables (${code.skips.length})]`;
  return ['', head, ...narrativeSkipGroups(result, lang).map((g) => `  ${g.why}${lang === 'zh' ? '：' : ': '}${g.quotes.join(lang === 'zh' ? '' : ', ')}`)];
}

/** The numbers not compared grouped by reason, each quoted, for a face that lists them (the site's findings). */
export function narrativeSkipGroups(result: CheckResult, lang: Lang = 'zh'): { why: string; quotes: string[] }[] {
  const code = numbersOf(result);
  return code ? byReason(code.skips).map(([r, ss]) => ({ why: REASONS[r][lang], quotes: ss.map((s) => quote(s, lang)) })) : [];
}

/** The JSON report's `narrative`: the counts and every number not compared, with its reason as a code and in words. */
export type NarrativeJson = {
  compared: number;
  skipped: number;
  skips: { para: number; n: number; unit: string; excerpt: string; subject?: string; reason: NarrativeSkipReason; why: string }[];
};

export function narrativeJson(result: CheckResult, lang: Lang = 'zh'): NarrativeJson | undefined {
  const code = numbersOf(result);
  if (!code) return undefined;
  return {
    compared: code.compared,
    skipped: code.skipped,
    skips: code.skips.map((s) => ({ para: s.para, n: s.n, unit: s.unit, excerpt: s.excerpt, ...(s.subject ? { subject: s.subject } : {}), reason: s.reason, why: REASONS[s.reason][lang] })),
  };
}
