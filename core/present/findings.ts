// A finding's message in words: the rule's template (its meta) filled with the finding's data, each cell,
// row, column and term reference named in the reader's language. The one place templates are filled in.
import type { CellRef, DataValue, Finding, Lang, ReportModel } from '../types.ts';
import { ruleById } from '../rules/registry.ts';
import { cellName, columnLabel, leafName } from './labels.ts';

/**
 * Fills a message template. Cell, row, column and term references become words of `lang`: the report's
 * own row label in Chinese (when the model is given), the template's English label in English.
 */
export function fill(template: string, data: Record<string, DataValue>, lang: Lang = 'zh', model?: ReportModel): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? words(data[k]!, lang, model) : m));
}

export function formatFinding(f: Finding, lang: Lang = 'zh', model?: ReportModel): string {
  const rule = ruleById(f.ruleId);
  const msg = rule?.meta.messages[f.messageId] ?? rule?.meta.messages[Object.keys(rule.meta.messages)[0]!];
  if (!msg) return `${f.ruleId} ${JSON.stringify(f.data)}`;
  return fill(msg[lang], f.data, lang, model);
}

/** One data value in words. */
export function words(v: DataValue, lang: Lang, model?: ReportModel): string {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if ('zh' in v) return v[lang];
  if ('cell' in v) return cellName(v.cell, lang, model);
  if ('row' in v) return cellName(v.row, lang, model).replace(/\/[^/]*$/, '');
  if ('col' in v) return columnLabel(v.col, lang);
  if ('cells' in v) {
    const names = v.cells.slice(0, 6).map((r) => cellName(r, lang, model));
    const more = v.cells.length > 6 ? (lang === 'zh' ? ' 等' : ', …') : '';
    return names.join(lang === 'zh' ? '、' : '; ') + more;
  }
  const nz = v.terms.filter((t) => t.value);
  if (!nz.length) return lang === 'zh' ? '各项均为 0' : 'every item 0';
  return nz.map((t) => `${shortRow(t.ref, lang, model)} ${t.value}`).join(' + ');
}

function shortRow(ref: CellRef, lang: Lang, model?: ReportModel): string {
  return leafName(cellName(ref, lang, model).replace(/\/[^/]*$/, ''));
}
