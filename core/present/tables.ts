// The three tables as the faces draw them, laid out by the template: rows in template order, column
// headings and row names per language, the text each cell holds as written, and its mark.
import type { CellRef, CheckResult, Coverage, Lang, Severity, TableId } from '../types.ts';
import { A_2019, A_2021 } from '../template/table-a.ts';
import { B_COLS, B_COL_LABELS, B_ROWS, B_GROUPS } from '../template/table-b.ts';
import { C_COLS, C_COL_LABELS, C_GROUPS, C_GROUP_LABELS } from '../template/table-c.ts';
import { cellMarks, TABLE_LEVEL, type CellMark } from './cards.ts';
import { coverageReasons } from './coverage.ts';
import { templateLabel } from './labels.ts';
import { TABLE_LABEL } from './words.ts';

/** `blank`: one of the blank cells a table-level notice (EMPTY-CELLS) lists: hatched, not outlined */
export type ViewCell = { ref: CellRef; text: string; severity?: Severity; findings: number[]; blank?: true };
/**
 * A row of a recognised table. `heading`: a group's header that holds no numbers of its own (table B's
 * 「三、本年度办理结果」 and 「（三）不予公开」…, which the report prints above 「1.属于国家秘密」…); its
 * `cells` are empty. `inGroup`: the row sits under such a header.
 */
export type ViewRow = { key: string; label: string; cells: (ViewCell | null)[]; heading?: true; inGroup?: true };
export type ViewSection = { caption?: string; columns: string[]; rows: ViewRow[] };
/** `blankCells`: how many cells the table left blank (not 0), said once above the table */
export type ViewTable = { id: TableId; title: string; status: Coverage['status']; reasons: string[]; sections: ViewSection[]; blankCells?: number };

const OUTCOME_HEADING = { zh: '三、本年度办理结果', en: 'III. outcomes this year' };

/**
 * One table as the faces draw it: the template's rows that the report filled, in template order, each with
 * the report's own row label (Chinese) or the template's (English), its cells' text as written and their marks.
 */
export function tableLayout(result: CheckResult, id: TableId, lang: Lang, marks: Map<CellRef, CellMark> = cellMarks(result)): ViewTable {
  const cov = result.coverage[id];
  const table = result.model.tables[id];
  const cells = table?.cells ?? {};
  const blank = new Set(result.findings.filter((f) => TABLE_LEVEL.has(f.ruleId)).flatMap((f) => f.cells.filter((r) => r.startsWith(id) && cells[r])));
  const cell = (ref: CellRef): ViewCell | null => {
    const c = cells[ref];
    if (!c) return null;
    const mark = marks.get(ref);
    return { ref, text: c.raw, ...(mark ? { severity: mark.severity } : {}), findings: mark?.findings ?? [], ...(blank.has(ref) ? { blank: true as const } : {}) };
  };
  // The row label as the report wrote it, when a cell of the row kept it; the template's otherwise.
  const rowLabel = (refs: CellRef[], fallback: string): string => {
    for (const r of refs) {
      const l = cells[r]?.label;
      if (l) return l;
    }
    return fallback;
  };
  const sections: ViewSection[] = [];
  if (id === 'B') {
    const hasOrg = Object.keys(cells).some((r) => r.endsWith('.org'));
    const cols = hasOrg ? ['np', 'org', ...B_COLS.slice(1)] : [...B_COLS];
    const rowKeys = [...B_ROWS.map((r) => r.key), ...B_GROUPS.map((g) => g.key)];
    const order = new Map(B_ROWS.map((r, i) => [r.key, i]));
    // group subtotal rows (a report's own 「（三）不予公开」 numbers) sit just before their first child
    for (const g of B_GROUPS) order.set(g.key, (order.get(g.children[0]!) ?? 99) - 0.5);
    const keys = rowKeys.filter((k) => cols.some((c) => cells[`B.${k}.${c}`])).sort((a, b) => (order.get(a) ?? 99) - (order.get(b) ?? 99));
    const rows: ViewRow[] = [];
    // The report's headers are rows without numbers, so the model has no cells for them: without
    // them 「1.属于国家秘密」 read as an item of （二）部分公开 (issue 20). A group whose own subtotal
    // row was read has its header already (（六）其他处理 may be read as the row `other`).
    const hasOwnRow = (g: (typeof B_GROUPS)[number]) => keys.includes(g.key) || (g.key === 'othersub' && keys.includes('other'));
    const heading = (key: string, label: string) => {
      if (!rows.some((r) => r.key === key)) rows.push({ key, label, cells: [], heading: true });
    };
    for (const k of keys) {
      if (k === 'open' || k === 'partial') heading('outcome-heading', OUTCOME_HEADING[lang]);
      const parent = B_GROUPS.find((g) => g.children.includes(k));
      if (parent && !hasOwnRow(parent)) heading(`${parent.key}-heading`, lang === 'zh' ? parent.label : parent.en);
      const refs = cols.map((c) => `B.${k}.${c}`);
      const def = B_ROWS.find((r) => r.key === k);
      // under its header a row is named without its group: 「（三）不予公开 1.属于国家秘密」 → 「1.属于国家秘密」
      const label = def ? (lang === 'zh' ? def.label : def.en) : templateLabel(`B.${k}.tot`, lang).split('/')[0]!;
      const fallback = parent ? label.replace(/^.*?\s(?=\d+\.)/, '') : label;
      rows.push({ key: k, label: lang === 'zh' ? rowLabel(refs, fallback) : fallback, cells: refs.map(cell), ...(parent ? { inGroup: true as const } : {}) });
    }
    if (rows.length) sections.push({ columns: cols.map((c) => B_COL_LABELS[c as keyof typeof B_COL_LABELS][lang]), rows });
  } else if (id === 'C') {
    const rows = C_GROUPS.filter((g) => C_COLS.some((c) => cells[`C.${g}.${c}`])).map((g) => ({
      key: g,
      label: C_GROUP_LABELS[g][lang],
      cells: C_COLS.map((c) => cell(`C.${g}.${c}`)),
    }));
    if (rows.length) sections.push({ columns: C_COLS.map((c) => C_COL_LABELS[c][lang]), rows });
  } else {
    const is2019 = Object.keys(cells).some((r) => r.startsWith('A19.'));
    const prefix = is2019 ? 'A19' : 'A';
    for (const block of is2019 ? A_2019 : A_2021) {
      const rows = block.rows
        .filter((r) => block.cols.some((c) => cells[`${prefix}.${r.key}.${c.key}`]))
        .map((r) => {
          const refs = block.cols.map((c) => `${prefix}.${r.key}.${c.key}`);
          // Chinese: the report's own row label; English: the template's English (labels.ts), never the Chinese.
          return { key: r.key, label: lang === 'zh' ? rowLabel(refs, r.label) : englishPart(templateLabel(refs[0]!, 'en'), 0, r.label), cells: refs.map(cell) };
        });
      if (!rows.length) continue;
      sections.push({
        caption: lang === 'zh' ? `第二十条第（${block.item}）项` : `Art. 20 item (${'一二三四五六七八九十'.indexOf(block.item) + 1 || block.item})`,
        columns: block.cols.map((c) => (lang === 'zh' ? c.label : englishPart(templateLabel(`${prefix}.${block.rows[0]!.key}.${c.key}`, 'en'), 1, c.label))),
        rows,
      });
    }
  }
  return { id, title: TABLE_LABEL[lang][id], status: cov.status, reasons: coverageReasons(result, id, lang), sections, ...(blank.size ? { blankCells: blank.size } : {}) };
}

/** The row (0) or column (1) half of an English template label 「row/column」, or the fallback when there is none. */
function englishPart(label: string, half: 0 | 1, fallback: string): string {
  const parts = label.split('/');
  return parts.length === 2 && !/[\u3400-\u9fff]/.test(parts[half]!) ? parts[half]! : fallback;
}
