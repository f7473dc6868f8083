// What every face shows, computed once: which cells to mark and how badly, the card for a finding (rule,
// equation with its numbers, difference, the other cells to light, why it might still be right), the
// coverage banner, counts, and exports. Pure data in, plain data out; the site and the extension render it.
import type { OcrInfo } from './pipeline/ocr.ts';
import type { CellRef, CheckResult, Finding, Lang, Severity } from './types.ts';
import { ruleById } from './rules/registry.ts';
import { labelOf } from './rules/run.ts';
import { formatFinding, verdictText, unreadableText, countBySeverity, format, inputProblemText, leafName, plural } from './format.ts';

import { SEVERITY_LABEL, TABLE_LABEL, TEMPLATE_LABEL } from './words.ts';

export { inputProblemText, SEVERITY_LABEL, TABLE_LABEL, TEMPLATE_LABEL };

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export type CellMark = { ref: CellRef; severity: Severity; findings: number[] };

/**
 * The cells to mark: each finding marks its first cell; a cell marked by several findings takes the
 * worst severity. `findings` are indices into result.findings.
 */
export function cellMarks(result: CheckResult): Map<CellRef, CellMark> {
  const marks = new Map<CellRef, CellMark>();
  result.findings.forEach((f, i) => {
    const ref = f.cells[0];
    if (!ref || !result.locations[ref]) return;
    const m = marks.get(ref);
    if (!m) marks.set(ref, { ref, severity: f.severity, findings: [i] });
    else {
      m.findings.push(i);
      if (RANK[f.severity] < RANK[m.severity]) m.severity = f.severity;
    }
  });
  return marks;
}

export type Card = {
  ruleId: string;
  severity: Severity;
  severityLabel: string;
  certainty: Finding['certainty'];
  /** the reviewer's note, e.g. 「（七）总计」自然人列应为 4（…），表中为 3 */
  message: string;
  /** the marked cell's name as the report wrote it */
  cellLabel?: string;
  equation?: { left: string; right: string; leftSum: number; rightSum: number; diff: number };
  /** every cell of the equation except the marked one: lit while the card is open */
  related: CellRef[];
  /** why this might still be right (heuristic rules), or undefined */
  caveat?: string;
};

const GENERIC_CAVEAT: Record<Lang, string> = {
  zh: '本条为经验规则，报告可能有合理原因（如模板版本、口径说明），请结合原文判断。',
  en: 'This is a heuristic rule: the report may have a good reason (template version, a stated definition). Judge against the original.',
};

const INFERRED_CAVEAT: Record<Lang, string> = {
  zh: '原文中这些数字连写在一起（如网页抓取的文本），各格是按模板等式推断拆分的，请对照原表核对。',
  en: 'These digits run together in the text (as a crawled page saves them); the cells were separated by the template\'s identities. Check the original table.',
};

export function cardOf(result: CheckResult, finding: Finding, lang: Lang = 'zh'): Card {
  const rule = ruleById(finding.ruleId);
  const ref = finding.cells[0];
  const side = (terms: NonNullable<Finding['equation']>['left']): string => {
    // A column sum lists 20+ leaves, nearly all 0: name the ones that count, then say how many are 0.
    const sameCol = new Set(terms.map((t) => t.ref.split('.')[2])).size === 1;
    const named = terms.length <= 3 ? terms : terms.filter((t) => t.value);
    const rest = terms.length - named.length;
    const parts = named.map((t) => `${shortLabel(result, t.ref, sameCol && terms.length > 1)} ${t.value ?? (lang === 'zh' ? '空' : 'blank')}`);
    if (rest) parts.push(lang === 'zh' ? `其余 ${rest} 项为 0` : `${rest} other items 0`);
    return parts.join(' + ') || '0';
  };
  const eq = finding.equation;
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    severityLabel: SEVERITY_LABEL[lang][finding.severity],
    certainty: finding.certainty,
    message: formatFinding(finding, lang, result.model),
    ...(ref ? { cellLabel: labelOf(result.model, ref) } : {}),
    ...(eq ? { equation: { left: side(eq.left), right: side(eq.right), leftSum: eq.leftSum, rightSum: eq.rightSum, diff: eq.leftSum - eq.rightSum } } : {}),
    related: [...new Set(finding.cells.slice(1).concat(eq ? [...eq.left, ...eq.right].map((t) => t.ref) : []))].filter((r) => r !== ref),
    ...(finding.inferred ? { caveat: INFERRED_CAVEAT[lang] } : finding.certainty === 'heuristic' ? { caveat: rule?.meta.caveat?.[lang] ?? GENERIC_CAVEAT[lang] } : {}),
  };
}

/** 「（三）不予公开 6.属于四类过程性信息/自然人」 → 「属于四类过程性信息/自然人」: short enough for an equation. */
function shortLabel(result: CheckResult, ref: CellRef, dropColumn = false): string {
  const full = labelOf(result.model, ref);
  return leafName(dropColumn ? full.replace(/\/[^/]*$/, '') : full);
}

export type Banner = { level: 'ok' | 'warn' | 'bad'; headline: string; lines: string[] };

/** What was and was not checked, in plain words: never a green "no errors" when a table was not read. */
export function coverageBanner(result: CheckResult, lang: Lang = 'zh'): Banner {
  const counts = countBySeverity(result.findings);
  const lines: string[] = result.model.recognition.inputProblems.map((p) => inputProblemText(p, lang));
  for (const key of ['A', 'B', 'C'] as const) {
    const c = result.coverage[key];
    // 「表一」 / "Table A": the short name.
    const name = TABLE_LABEL[lang][key].split(' ').slice(0, lang === 'zh' ? 1 : 2).join(' ');
    const reasons = lang === 'zh' ? c.reasons : c.reasonsEn;
    if (c.status === 'not-found') lines.push(lang === 'zh' ? `${name}未找到，未检查` : `${name} not found: not checked`);
    else if (c.status === 'unreadable') lines.push(lang === 'zh' ? `${name}无法读取，未检查` : `${name} could not be read: not checked`);
    else if (c.status === 'partial') lines.push(lang === 'zh' ? `${name}只核对了一部分：${reasons.join('；')}` : `${name} partly checked: ${reasons.join('; ')}`);
  }
  const level = result.verdict === 'errors' || result.verdict === 'unreadable' ? 'bad' : result.verdict === 'incomplete' ? 'warn' : 'ok';
  const headline =
    lang === 'zh'
      ? `${verdictText(result, lang)}（错误 ${counts.error} · 警告 ${counts.warning} · 提示 ${counts.info}）`
      : `${verdictText(result, lang)} (${plural(counts.error, 'error')} · ${plural(counts.warning, 'warning')} · ${counts.info} info)`;
  return { level, headline, lines };
}

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
  /** when some of the file was read by OCR: what was read, and the numbers it was unsure of */
  ocr?: { pages: { page: number; method: string; cellsRead: number }[]; cellsRead: number; numbers: number; doubtful: { page: number; ref?: string; text: string; confidence: number; unread?: true }[] };
};

export function findingsJson(result: CheckResult & { ocr?: OcrInfo }, lang: Lang = 'zh', source = ''): FileReport {
  const cov = (k: 'A' | 'B' | 'C') => ({ status: result.coverage[k].status, reasons: lang === 'zh' ? result.coverage[k].reasons : result.coverage[k].reasonsEn });
  const onDoubtful = new Set(result.ocr?.findingsOnDoubtful ?? []);
  const ocr = result.ocr;
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
    ...(ocr
      ? {
          ocr: {
            pages: ocr.pages.map((p) => ({ page: p.page, method: p.method, cellsRead: p.cellsRead })),
            cellsRead: ocr.cellsRead,
            numbers: ocr.numbers,
            doubtful: ocr.doubtful.map((d) => ({ page: d.page, ...(d.ref ? { ref: d.ref } : {}), text: d.text, confidence: Math.round(d.confidence), ...(d.unread ? { unread: true as const } : {}) })),
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
