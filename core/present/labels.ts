// Names for cells, rows and columns as a reader knows them: the template's label per language (Table A has
// no English of its own, so it is given here), the report's own row label where it wrote one, and the
// short forms term lists and card equations use.
import { B_COL_LABELS, bRowDef, B_GROUPS, type BCol } from '../template/table-b.ts';
import { C_COL_LABELS, C_GROUP_LABELS, type CGroup } from '../template/table-c.ts';
import { A_2019, A_2021 } from '../template/table-a.ts';
import { cellOf } from '../model/cells.ts';
import type { CellRef, Lang, ReportModel } from '../types.ts';

export function templateLabel(ref: string, lang: Lang = 'zh'): string {
  const [table, row = '', col = ''] = ref.split('.');
  if (table === 'B') {
    const def = bRowDef(row);
    const rowLabel = def ? (lang === 'zh' ? def.label : def.en) : ((g) => (g ? (lang === 'zh' ? g.label : g.en) : row))(B_GROUPS.find((g) => g.key === row));
    const colLabel = B_COL_LABELS[col as BCol]?.[lang] ?? col;
    return `${rowLabel}/${colLabel}`;
  }
  if (table === 'C') {
    const g = C_GROUP_LABELS[row as CGroup]?.[lang] ?? row;
    const c = C_COL_LABELS[col as keyof typeof C_COL_LABELS]?.[lang] ?? col;
    return `${g}/${c}`;
  }
  if (table === 'A' || table === 'A19') {
    for (const block of table === 'A' ? A_2021 : A_2019) {
      const r = block.rows.find((x) => x.key === row);
      const c = block.cols.find((x) => x.key === col);
      if (r && c) return lang === 'zh' ? `${r.label}/${c.label}` : `${A_ROW_EN[r.key] ?? r.label}/${A_COL_EN[c.key] ?? c.label}`;
    }
  }
  return ref;
}

/** The column label alone (for 「自然人」列 style messages). */
export function columnLabel(ref: string, lang: Lang = 'zh'): string {
  const [table, , col = ''] = ref.split('.');
  if (table === 'B') return B_COL_LABELS[col as BCol]?.[lang] ?? col;
  if (table === 'C') return C_COL_LABELS[col as keyof typeof C_COL_LABELS]?.[lang] ?? col;
  return col;
}

/** Table A rows and columns in English (the template has no English of its own). */
export const A_ROW_EN: Record<string, string> = {
  reg: 'rules', norm: 'normative documents', permit: 'licensing', othersvc: 'other services', penalty: 'penalties',
  coercion: 'enforcement measures', fee: 'administrative fees', procure: 'central procurement',
};
const A_COL_EN: Record<string, string> = {
  made: 'made this year', repealed: 'repealed this year', valid: 'in force', dec: 'decisions this year', amt: 'amount',
  newmade: 'newly made', newpub: 'newly published', totalpub: 'total published', prev: 'previous year', delta: 'change', count: 'projects',
};

/**
 * 「row/column」 for a cell: the row label as the report wrote it where there is one (a numbered sub-item
 * such as 「1.属于国家秘密」 gets its group from the template), the template's wording otherwise.
 */
export function labelOf(model: ReportModel, ref: CellRef): string {
  const template = templateLabel(ref);
  const written = cellOf(model, ref)?.label;
  if (!written) return template;
  const [tRow = '', tCol = ''] = template.split('/');
  const group = /^\d/.test(written) ? /^（[一二三四五六七]）\S+?(?= )/.exec(tRow)?.[0] : undefined;
  return `${group ? `${group} ` : ''}${written}/${tCol}`;
}

/** 「（七）总计/自然人」 as the report wrote the row (Chinese), the template's label in English. */
export function cellName(ref: CellRef, lang: Lang, model?: ReportModel): string {
  return lang === 'zh' && model ? labelOf(model, ref) : templateLabel(ref, lang);
}

/** The leaf wording only: 「（三）不予公开 6.属于四类过程性信息」 → 「属于四类过程性信息」, "(3) withheld 6. process information" → "process information". */
export function leafName(full: string): string {
  return full.replace(/^.*?\d[.、．]\s*/, '').replace(/^[（(]([一二三四五六七八九十]+|\d+)[)）]\s*(?=\S)/, '') || full;
}

/** 「B.open」 → 「（一）予以公开」 / "(1) disclosed", 「A.reg」 → 「规章」, 「C.rev」 → 「行政复议」: names a reader knows. */
export function rowName(rowRef: string, lang: Lang = 'zh'): string {
  const [table, row = ''] = rowRef.split('.');
  if (table === 'A' || table === 'A19') {
    for (const block of table === 'A' ? A_2021 : A_2019) {
      const r = block.rows.find((x) => x.key === row);
      if (r) return lang === 'zh' ? r.label : (A_ROW_EN[r.key] ?? r.label);
    }
    return row;
  }
  if (table === 'C') return C_GROUP_LABELS[row as keyof typeof C_GROUP_LABELS]?.[lang] ?? row;
  return templateLabel(`${rowRef}.tot`, lang).split('/')[0]!;
}
