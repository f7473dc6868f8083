// Severity and table names as every face shows them, in both languages. Plain data with no imports
// beyond types, so the extension's content script can show them without bundling the core.
import type { CoverageKey, Lang, Severity, TemplateId } from '../types.ts';

export const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'Error', warning: 'Warning', info: 'Info' },
};

export const TABLE_LABEL: Record<Lang, Record<CoverageKey, string>> = {
  zh: { A: '表一 主动公开情况', B: '表二 收到和处理政府信息公开申请情况', C: '表三 行政复议、行政诉讼情况', text: '正文与结构' },
  en: { A: 'Table A (proactive disclosure)', B: 'Table B (applications)', C: 'Table C (reviews and suits)', text: 'Narrative and structure' },
};

/** Which national template the report follows, as the site and the extension name it. */
export const TEMPLATE_LABEL: Record<Lang, Record<TemplateId, string>> = {
  zh: { '2019': '2019 年版格式（国办公开办函〔2019〕60号）', '2021': '2021 年版格式（国办公开办函〔2021〕30号）', mixed: '新旧格式混用', unknown: '格式未识别' },
  en: { '2019': '2019 template (General Office of the State Council, [2019] No. 60)', '2021': '2021 template (General Office of the State Council, [2021] No. 30)', mixed: 'mixed templates', unknown: 'template not recognised' },
};
