// Severity, table, coverage-status and verdict words as every face shows them, in both languages. Plain data with no imports
// beyond types, so the extension's content script can show them without bundling the core.
import type { CheckResult, Coverage, CoverageKey, Lang, Severity, TemplateId } from '../types.ts';

export const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'Error', warning: 'Warning', info: 'Info' },
};

export const TABLE_LABEL: Record<Lang, Record<CoverageKey, string>> = {
  zh: { A: '表一 主动公开情况', B: '表二 收到和处理政府信息公开申请情况', C: '表三 行政复议、行政诉讼情况', text: '正文与结构' },
  en: { A: 'Table A (proactive disclosure)', B: 'Table B (applications)', C: 'Table C (reviews and suits)', text: 'Narrative and structure' },
};

/** The tables' short names, where a line of plain text names each (the CLI's report, a copied summary). */
export const TABLE_SHORT_LABEL: Record<Lang, Record<CoverageKey, string>> = {
  zh: { A: '表一 主动公开', B: '表二 依申请', C: '表三 复议诉讼', text: '正文' },
  en: { A: 'Table A', B: 'Table B', C: 'Table C', text: 'Narrative' },
};

/** How much of a table was checked. */
export const STATUS_LABEL: Record<Lang, Record<Coverage['status'], string>> = {
  zh: { checked: '已核对', partial: '部分核对', 'not-found': '未找到', unreadable: '无法读取' },
  en: { checked: 'checked', partial: 'partly checked', 'not-found': 'not found', unreadable: 'unreadable' },
};

/** The verdict on a whole result. */
export const VERDICT_LABEL: Record<Lang, Record<CheckResult['verdict'], string>> = {
  zh: { errors: '发现错误', clean: '已核对，未发现错误', incomplete: '未发现错误，但有表格未完整核对', unreadable: '未能识别出年度报告表格，未检查' },
  en: { errors: 'errors found', clean: 'checked, no errors found', incomplete: 'no errors found, but some tables were not fully checked', unreadable: 'no report tables recognised: nothing checked' },
};

/** Which national template the report follows, as the site and the extension name it. */
export const TEMPLATE_LABEL: Record<Lang, Record<TemplateId, string>> = {
  zh: { '2019': '2019 年版格式（国办公开办函〔2019〕60号）', '2021': '2021 年版格式（国办公开办函〔2021〕30号）', mixed: '新旧格式混用', unknown: '格式未识别' },
  en: { '2019': '2019 template (General Office of the State Council, [2019] No. 60)', '2021': '2021 template (General Office of the State Council, [2021] No. 30)', mixed: 'mixed templates', unknown: 'template not recognised' },
};
