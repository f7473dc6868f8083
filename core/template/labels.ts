// Human labels for CellRefs, used in messages when the report's own label is not available.
import { B_COL_LABELS, bRowDef, B_GROUPS, type BCol } from './table-b.ts';
import { C_COL_LABELS, C_GROUP_LABELS, type CGroup } from './table-c.ts';
import { A_2019, A_2021 } from './table-a.ts';
import type { Lang } from '../types.ts';

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
