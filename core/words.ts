// Severity and table names as every face shows them, in both languages. Plain data with no imports
// beyond types, so the extension's content script can show them without bundling the core.
import type { CoverageKey, Lang, Severity } from './types.ts';

export const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'Error', warning: 'Warning', info: 'Info' },
};

export const TABLE_LABEL: Record<Lang, Record<CoverageKey, string>> = {
  zh: { A: '表一 主动公开情况', B: '表二 收到和处理政府信息公开申请情况', C: '表三 行政复议、行政诉讼情况', text: '正文与结构' },
  en: { A: 'Table A (proactive disclosure)', B: 'Table B (applications)', C: 'Table C (reviews and suits)', text: 'Narrative and structure' },
};
