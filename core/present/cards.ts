// What every face shows on the report, computed once: which cells to mark and how badly, the card for a
// finding (rule, equation with its numbers, difference, the other cells to light, why it might still be
// right) and the coverage banner. Pure data in, plain data out; the site and the extension render it.
import type { CellRef, CheckResult, Finding, Lang, Severity } from '../types.ts';
import { ruleById } from '../rules/registry.ts';
import { cellName, labelOf, leafName } from './labels.ts';
import { coverageReasons } from './coverage.ts';
import { formatFinding } from './findings.ts';
import { countBySeverity, countsText, inputProblemText, mistakeText, verdictText } from './text.ts';
import { SEVERITY_LABEL, TABLE_LABEL } from './words.ts';
import { addToMark, type CellMark } from './mark.ts';

export type { CellMark } from './mark.ts';

/**
 * The cells to mark: each finding marks its first cell; a cell marked by several findings takes the
 * worst severity. `findings` are indices into result.findings.
 */
/**
 * Findings about a whole table, not one cell: EMPTY-CELLS lists a table's blank cells. Marked on its
 * first cell it read as "this cell is wrong" (on a clean report it was the only outline, issue 17);
 * the table says it once and its blank cells are hatched instead (tables.ts, the extension's marks).
 */
export const TABLE_LEVEL = new Set(['EMPTY-CELLS']);

export function cellMarks(result: CheckResult): Map<CellRef, CellMark> {
  const marks = new Map<CellRef, CellMark>();
  // A finding a located mistake explains is marked where the mistake is (with tied alternatives, on each
  // of them), not on its own first cell: one typed digit is one outlined cell (issue 17; 沭阳县 2025's
  // （七）总计/自然人 710 → 711 broke three identities whose first cells were three different cells).
  const at = new Map<number, CellRef[]>();
  for (const m of result.mistakes) for (const i of m.findings) at.set(i, [...m.cells, ...m.alternatives.flatMap((a) => a.cells)]);
  result.findings.forEach((f, i) => {
    if (TABLE_LEVEL.has(f.ruleId)) return;
    for (const ref of at.get(i) ?? f.cells.slice(0, 1)) {
      if (result.locations[ref]) addToMark(marks, ref, f.severity, i);
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
  /** the located mistake this finding is part of, as a reader fixes it: 「「（七）总计/自然人」应为 710（表中为 711）」 (shown first) */
  fix?: string;
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
    const parts = named.map((t) => `${shortLabel(result, t.ref, lang, sameCol && terms.length > 1)} ${t.value ?? (lang === 'zh' ? '空' : 'blank')}`);
    if (rest) parts.push(lang === 'zh' ? `其余 ${rest} 项为 0` : `${rest} other items 0`);
    return parts.join(' + ') || '0';
  };
  const eq = finding.equation;
  const index = result.findings.indexOf(finding);
  const mistake = index < 0 ? undefined : result.mistakes.find((m) => m.findings.includes(index));
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    severityLabel: SEVERITY_LABEL[lang][finding.severity],
    certainty: finding.certainty,
    message: formatFinding(finding, lang, result.model),
    ...(mistake ? { fix: mistakeText(mistake, result, lang) } : {}),
    // Chinese: the cell as the report labels it; English: its English template name (the report's Chinese is no quote here).
    ...(ref ? { cellLabel: lang === 'zh' ? labelOf(result.model, ref) : cellName(ref, lang, result.model) } : {}),
    ...(eq ? { equation: { left: side(eq.left), right: side(eq.right), leftSum: eq.leftSum, rightSum: eq.rightSum, diff: eq.leftSum - eq.rightSum } } : {}),
    related: [...new Set(finding.cells.slice(1).concat(eq ? [...eq.left, ...eq.right].map((t) => t.ref) : []))].filter((r) => r !== ref),
    ...(finding.inferred ? { caveat: INFERRED_CAVEAT[lang] } : finding.certainty === 'heuristic' ? { caveat: rule?.meta.caveat?.[lang] ?? GENERIC_CAVEAT[lang] } : {}),
  };
}

/** 「（三）不予公开 6.属于四类过程性信息/自然人」 → 「属于四类过程性信息/自然人」: short enough for an equation. */
function shortLabel(result: CheckResult, ref: CellRef, lang: Lang, dropColumn = false): string {
  // The report's own row label in Chinese; in English the template's English label (the report's Chinese
  // label is no quote here, only a name).
  const full = cellName(ref, lang, result.model);
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
    const reasons = coverageReasons(result, key, lang);
    if (c.status === 'not-found') lines.push(lang === 'zh' ? `${name}未找到，未检查` : `${name} not found: not checked`);
    else if (c.status === 'unreadable') lines.push(lang === 'zh' ? `${name}无法读取，未检查` : `${name} could not be read: not checked`);
    else if (c.status === 'partial') lines.push(lang === 'zh' ? `${name}只核对了一部分：${reasons.join('；')}` : `${name} partly checked: ${reasons.join('; ')}`);
  }
  const level = result.verdict === 'errors' || result.verdict === 'unreadable' ? 'bad' : result.verdict === 'incomplete' ? 'warn' : 'ok';
  const headline = `${verdictText(result, lang)}${countsText(counts, lang)}`;
  return { level, headline, lines };
}
