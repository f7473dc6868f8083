// The form's exports: JSON (the cells as typed, to open again) and an HTML table in the official layout
// (merged header cells, group rows, the 勾稽 note, table C as one row of fifteen) that pastes into Word/WPS or a CMS editor keeping its
// structure. Our own HTML reader reads it back to the same cells (tests/site-form.test.ts).
import { formLayout, TABLE_LABEL, type FormTemplate, type Lang } from '../../../core/index.ts';
import { t } from '../i18n.ts';
import { formRefs, templateOfValues, type FormValues } from './state.ts';

export type FormJson = { format: 'gongkai-check-form'; v: 1; template: FormTemplate; cells: FormValues };

export function formJson(values: FormValues): string {
  const doc: FormJson = { format: 'gongkai-check-form', v: 1, template: templateOfValues(values), cells: values };
  return JSON.stringify(doc, null, 1);
}

/** The cells of an exported JSON draft, or undefined when the text is not one. */
export function readFormJson(text: string): FormValues | undefined {
  try {
    const doc = JSON.parse(text) as Partial<FormJson>;
    if (doc.format !== 'gongkai-check-form' || !doc.cells || typeof doc.cells !== 'object') return undefined;
    return Object.fromEntries(formRefs(templateOfValues(doc.cells)).filter((r) => typeof doc.cells![r] === 'string').map((r) => [r, doc.cells![r]!]));
  } catch {
    return undefined;
  }
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const CELL = 'border:1px solid #000;padding:2px 4px';

/** One cell of the official layout: its text and how far it spans; `num` cells are right-aligned numbers. */
export type GridCell = { text: string; colSpan?: number; rowSpan?: number; num?: true };
/** The tables in the official layout, as paragraphs and tables of cells, for the HTML and .docx exports alike. */
export type GridBlock = { kind: 'para'; text: string; bold?: true } | { kind: 'table'; rows: GridCell[][] };

export function formGrid(values: FormValues, lang: Lang): GridBlock[] {
  const out: GridBlock[] = [];
  for (const table of formLayout(lang, templateOfValues(values))) {
    out.push({ kind: 'para', text: TABLE_LABEL[lang][table.id], bold: true });
    for (const s of table.sections) {
      const width = s.columns.length + 1;
      if (s.printed) {
        // as the template prints it (table C: one row of fifteen), which is what a report's reader knows
        out.push({ kind: 'table', rows: [...s.printed.head, s.printed.cells.map((ref) => ({ text: values[ref] ?? '', num: true as const }))] });
        continue;
      }
      const rows: GridCell[][] = [];
      if (s.caption) rows.push([{ text: s.caption, colSpan: width }]);
      const g = s.columnGroup;
      if (g) {
        // table B: 自然人 and 总计 span both header rows, 法人或其他组织 spans its five kinds
        const head: GridCell[] = [{ text: t('item', lang), rowSpan: 2 }];
        s.columns.forEach((c, i) => {
          if (i === g.from) head.push({ text: g.label, colSpan: g.span });
          if (i < g.from || i >= g.from + g.span) head.push({ text: c, rowSpan: 2 });
        });
        rows.push(head, s.columns.slice(g.from, g.from + g.span).map((c) => ({ text: c })));
      } else {
        rows.push([{ text: t('item', lang) }, ...s.columns.map((c) => ({ text: c }))]);
      }
      for (const row of s.rows) {
        if (row.heading) rows.push([{ text: row.label, colSpan: width }]);
        else rows.push([{ text: row.label }, ...row.cells.map((c) => ({ text: values[c.ref] ?? '', num: true as const }))]);
      }
      out.push({ kind: 'table', rows });
    }
    if (table.id === 'B') out.push({ kind: 'para', text: t('formBalanceNote', lang) });
  }
  return out;
}

/** The three tables as one HTML fragment, each under its title as the report prints it. */
export function formHtml(values: FormValues, lang: Lang): string {
  const td = (c: GridCell) =>
    `<td${c.colSpan ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan ? ` rowspan="${c.rowSpan}"` : ''} style="${CELL}${c.num ? ';text-align:right' : ''}">${esc(c.text)}</td>`;
  return formGrid(values, lang)
    .map((b) =>
      b.kind === 'para'
        ? `<p>${b.bold ? `<b>${esc(b.text)}</b>` : esc(b.text)}</p>`
        : `<table style="border-collapse:collapse" border="1">\n${b.rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('\n')}\n</table>`,
    )
    .join('\n');
}

/** The same tables as plain text, tab-separated (the clipboard's plain flavour, for a spreadsheet). */
export function formTsv(values: FormValues, lang: Lang): string {
  return formGrid(values, lang)
    .map((b) => (b.kind === 'para' ? b.text : b.rows.map((r) => r.flatMap((c) => [c.text, ...Array<string>((c.colSpan ?? 1) - 1).fill('')]).join('\t')).join('\n')))
    .join('\n\n');
}
