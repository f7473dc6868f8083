// The blank tables of a template as a fill-in form draws them (the site's 「填报自查」, issue 22): every
// number cell with its ref and its accessible name 「<row label> / <column label>」, group headers in the
// official layout's places, and which cells are totals of which parts (for 「按分项计算」, done only when asked).
import type { CellRef, Lang, TableId } from '../types.ts';
import { A_2019, A_2021 } from '../template/table-a.ts';
import { B_COLS, B_COL_LABELS, B_GROUPS, B_OUT_2019, B_OUT_2021, B_ROWS } from '../template/table-b.ts';
import { C_COLS, C_COL_LABELS, C_GROUPS, C_GROUP_LABELS } from '../template/table-c.ts';
import { TABLE_LABEL } from './words.ts';

export type FormCell = { ref: CellRef; name: string };
/** `heading`: a group's header row without numbers (「三、本年度办理结果」, 「（三）不予公开」) */
export type FormRow = { key: string; label: string; cells: FormCell[]; heading?: true; inGroup?: true };
/** A header cell of a printed table: its words and how far it spans. */
export type PrintedHead = { text: string; colSpan?: number; rowSpan?: number };
/**
 * `columnGroup`: a header over some columns (table B's 「法人或其他组织」 over its five kinds).
 * `printed`: how the template prints the section when that is not the form's grid: table C is typed as
 * three rows of five, but printed as one row of fifteen numbers under a three-row header. A report, and
 * so our own readers, know only the printed one: in the form's grid a blank 行政复议 row (岭东区 2020 left
 * it blank) made the HTML and .docx readers miss table C altogether.
 */
export type FormSection = {
  caption?: string;
  columns: string[];
  columnGroup?: { label: string; from: number; span: number };
  rows: FormRow[];
  printed?: { head: PrintedHead[][]; cells: CellRef[] };
};
export type FormTable = { id: TableId; title: string; sections: FormSection[] };

const OUTCOME = { zh: '三、本年度办理结果', en: 'III. outcomes this year' };
/** table C's printed header: 行政诉讼 over its two kinds, each kind over the five results */
const C_PRINTED = {
  zh: { review: '行政复议', litigation: '行政诉讼', litd: '未经复议直接起诉', lita: '复议后起诉' },
  en: { review: 'administrative review', litigation: 'administrative litigation', litd: 'without review first', lita: 'after review' },
};
const ORGS = { zh: '法人或其他组织', en: 'legal persons or other organisations' };
const ROW_COL = (row: string, col: string): string => `${row} / ${col}`;

/**
 * The templates a form can be filled in: 〔2021〕30号 and 〔2019〕60号, and `mixed`, the 2021 template with
 * （六）其他处理 as the single row of 2019, as 鄞州区卫健局 2021 (seed 004) printed it: a report opened in
 * the form keeps every number it has (APP-OTHER-SPLIT then says the row should be three).
 */
export type FormTemplate = '2021' | '2019' | 'mixed';

/** The three tables of a template (〔2021〕30号 by default), blank, in the official order. */
export function formLayout(lang: Lang, template: FormTemplate = '2021'): FormTable[] {
  const prefix = template === '2019' ? 'A19' : 'A';
  const a: FormSection[] = (template === '2019' ? A_2019 : A_2021).map((block) => ({
    caption: lang === 'zh' ? `第二十条第（${block.item}）项` : `Art. 20 item (${block.item})`,
    columns: block.cols.map((c) => c.label),
    rows: block.rows.map((r) => ({ key: r.key, label: r.label, cells: block.cols.map((c) => ({ ref: `${prefix}.${r.key}.${c.key}`, name: ROW_COL(r.label, c.label) })) })),
  }));
  const bRows: FormRow[] = [];
  const colLabels = B_COLS.map((c) => B_COL_LABELS[c][lang]);
  for (const def of B_ROWS) {
    // （六）其他处理 is one row in 2019 (and in the mixed form), three under a header in 2021
    if (template === '2021' ? def.key === 'other' : def.key.startsWith('other') && def.key !== 'other') continue;
    if (def.key === 'open') bRows.push({ key: 'outcome-heading', label: OUTCOME[lang], cells: [], heading: true });
    const group = B_GROUPS.find((g) => g.children.includes(def.key));
    if (group && group.children[0] === def.key) bRows.push({ key: `${group.key}-heading`, label: lang === 'zh' ? group.label : group.en, cells: [], heading: true, inGroup: true });
    const full = lang === 'zh' ? def.label : def.en;
    // under its header a row is named without its group, as the report prints it; its cells keep the whole name
    const label = group ? full.replace(/^.*?\s(?=\d+\.)/, '') : full;
    bRows.push({
      key: def.key,
      label,
      cells: B_COLS.map((c, i) => ({ ref: `B.${def.key}.${c}`, name: ROW_COL(full, colLabels[i]!) })),
      ...(group ? { inGroup: true as const } : {}),
    });
  }
  const b: FormSection = { columns: colLabels, columnGroup: { label: ORGS[lang], from: 1, span: 5 }, rows: bRows };
  const cCols = C_COLS.map((col) => C_COL_LABELS[col][lang]);
  const w = C_PRINTED[lang];
  const c: FormSection = {
    columns: cCols,
    rows: C_GROUPS.map((g) => ({ key: g, label: C_GROUP_LABELS[g][lang], cells: C_COLS.map((col) => ({ ref: `C.${g}.${col}`, name: ROW_COL(C_GROUP_LABELS[g][lang], C_COL_LABELS[col][lang]) })) })),
    printed: {
      head: [
        [{ text: w.review, colSpan: cCols.length }, { text: w.litigation, colSpan: 2 * cCols.length }],
        [...cCols.map((text) => ({ text, rowSpan: 2 })), { text: w.litd, colSpan: cCols.length }, { text: w.lita, colSpan: cCols.length }],
        [...cCols, ...cCols].map((text) => ({ text })),
      ],
      cells: C_GROUPS.flatMap((g) => C_COLS.map((col) => `C.${g}.${col}`)),
    },
  };
  return [
    { id: 'A', title: TABLE_LABEL[lang].A, sections: a },
    { id: 'B', title: TABLE_LABEL[lang].B, sections: [b] },
    { id: 'C', title: TABLE_LABEL[lang].C, sections: [c] },
  ];
}

/**
 * The cells a total is the sum of, in the template, or undefined when the cell is no total: a row's
 * 总计 (its six kinds of applicant), （七）总计 (the outcomes of its column) and table C's 总计 (its four results).
 */
export function totalParts(ref: CellRef, template: FormTemplate = '2021'): CellRef[] | undefined {
  const [t, row, col] = ref.split('.');
  if (t === 'B' && row === 'total') return (template === '2021' ? B_OUT_2021 : B_OUT_2019).map((r) => `B.${r}.${col}`);
  if (t === 'B' && col === 'tot' && B_ROWS.some((r) => r.key === row)) return B_COLS.filter((c) => c !== 'tot').map((c) => `B.${row}.${c}`);
  if (t === 'C' && col === 'total') return C_COLS.filter((c) => c !== 'total').map((c) => `C.${row}.${c}`);
  return undefined;
}
