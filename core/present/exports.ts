// A result as files to take away: CSV rows (one per finding, a batch shares one header), the JSON report
// the CLI's --json and the site's export share, and a plain-text summary for an email.
import type { OcrInfo } from '../pipeline/ocr.ts';
import type { CheckResult, Lang } from '../types.ts';
import { labelOf } from './labels.ts';
import { coverageReasons } from './coverage.ts';
import { formatFinding } from './findings.ts';
import { format, unreadableText, verdictText } from './text.ts';
import { SEVERITY_LABEL, TABLE_LABEL } from './words.ts';
import { narrativeJson, type NarrativeJson } from './narrative.ts';

/** A CSV field, quoted when it holds a comma, quote or line break (shared with the site's batch export). */
export function csvField(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const CSV_HEAD: Record<Lang, string[]> = {
  zh: ['来源', '单位', '年度', '结论', '表', '级别', '规则', '单元格', '说明'],
  en: ['source', 'agency', 'year', 'verdict', 'table', 'severity', 'rule', 'cell', 'message'],
};

export function csvHeader(lang: Lang = 'zh'): string {
  return CSV_HEAD[lang].join(',');
}

/** One CSV line per finding (no header): batches concatenate them under one header. */
export function findingsCsvRows(result: CheckResult, lang: Lang = 'zh', source = ''): string[] {
  return result.findings.map((f) =>
    [
      source,
      result.model.agency ?? '',
      result.model.year ?? '',
      verdictText(result, lang),
      TABLE_LABEL[lang][f.table],
      SEVERITY_LABEL[lang][f.severity],
      f.ruleId,
      f.cells[0] ? `${f.cells[0]} ${labelOf(result.model, f.cells[0])}` : '',
      formatFinding(f, lang, result.model),
    ]
      .map(csvField)
      .join(','),
  );
}

/** The CSV line of a file that could not be read: its verdict and why, so a batch's table lists every file. */
export function unreadableCsvRow(source: string, reason: string, lang: Lang = 'zh'): string {
  return [source, '', '', unreadableText(lang), '', '', '', '', reason].map(csvField).join(',');
}

/** CSV with a BOM so Excel opens the Chinese text correctly. */
export function findingsCsv(result: CheckResult, lang: Lang = 'zh', source = ''): string {
  return '\ufeff' + [csvHeader(lang), ...findingsCsvRows(result, lang, source)].join('\r\n') + '\r\n';
}

/**
 * One file's result as JSON: the CLI's --json prints an array of these and the site's JSON export is one,
 * so the two never drift apart.
 */
export type FileReport = {
  file: string;
  agency: string | null;
  year: number | null;
  template: string;
  verdict: CheckResult['verdict'] | 'unreadable';
  coverage: Record<'A' | 'B' | 'C', { status: string; reasons: string[] }>;
  findings: { ruleId: string; severity: string; certainty: string; cells: string[]; message: string; doubtful?: true; inferred?: true }[];
  /** where the errors are: the fewest cells whose change mends every broken identity (indexes into findings) */
  mistakes: { cells: string[]; values: number[]; findings: number[]; alternatives: { cells: string[]; values: number[] }[] }[];
  /** why the file could not be read (then every table is `unreadable` with that reason, and no findings) */
  unreadable?: string;
  /** what the narrative states about the tables: how many numbers were compared, and each one not compared with why (core/present/narrative.ts) */
  narrative?: NarrativeJson;
  /** when some of the file was read by OCR: what was read, and the numbers it was unsure of */
  ocr?: { pages: { page: number; method: string; cellsRead: number }[]; cellsRead: number; numbers: number; doubtful: { page: number; ref?: string; text: string; confidence: number; unread?: true; small?: number }[] };
};

export function findingsJson(result: CheckResult & { ocr?: OcrInfo }, lang: Lang = 'zh', source = ''): FileReport {
  const cov = (k: 'A' | 'B' | 'C') => ({ status: result.coverage[k].status, reasons: coverageReasons(result, k, lang) });
  const onDoubtful = new Set(result.ocr?.findingsOnDoubtful ?? []);
  const ocr = result.ocr;
  const narrative = narrativeJson(result, lang);
  return {
    file: source,
    agency: result.model.agency ?? null,
    year: result.model.year ?? null,
    template: result.model.template,
    verdict: result.verdict,
    coverage: { A: cov('A'), B: cov('B'), C: cov('C') },
    findings: result.findings.map((f, i) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      certainty: f.certainty,
      cells: f.cells,
      message: formatFinding(f, lang, result.model),
      ...(onDoubtful.has(i) ? { doubtful: true as const } : {}),
      ...(f.inferred ? { inferred: true as const } : {}),
    })),
    mistakes: result.mistakes,
    ...(narrative ? { narrative } : {}),
    ...(ocr
      ? {
          ocr: {
            pages: ocr.pages.map((p) => ({ page: p.page, method: p.method, cellsRead: p.cellsRead })),
            cellsRead: ocr.cellsRead,
            numbers: ocr.numbers,
            doubtful: ocr.doubtful.map((d) => ({ page: d.page, ...(d.ref ? { ref: d.ref } : {}), text: d.text, confidence: Math.round(d.confidence), ...(d.unread ? { unread: true as const } : {}), ...(d.small ? { small: d.small } : {}) })),
          },
        }
      : {}),
  };
}

/** A file that could not be read, as a report of its own: a batch's JSON lists every file it was given. */
export function unreadableJson(file: string, reason: string): FileReport {
  const cov = { status: 'unreadable', reasons: [reason] };
  return { file, agency: null, year: null, template: 'unknown', verdict: 'unreadable', coverage: { A: cov, B: cov, C: cov }, findings: [], mistakes: [], unreadable: reason };
}

/** A plain-text summary for an email. */
export function plainSummary(result: CheckResult, lang: Lang = 'zh', source = ''): string {
  return (source ? `${source}\n` : '') + format(result, lang);
}
