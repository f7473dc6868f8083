// The form's exports: JSON (the cells as typed, to open again) and an HTML table in the official layout
// (merged header cells, group rows, the 勾稽 note) that pastes into Word/WPS or a CMS editor keeping its
// structure. Our own HTML reader reads it back to the same cells (tests/site-form.test.ts).
import { formLayout, TABLE_LABEL, type Lang } from '../../../core/index.ts';
import { t } from '../i18n.ts';
import { FORM_REFS, type FormValues } from './state.ts';

export type FormJson = { format: 'gongkai-check-form'; v: 1; template: '2021'; cells: FormValues };

export function formJson(values: FormValues): string {
  const doc: FormJson = { format: 'gongkai-check-form', v: 1, template: '2021', cells: values };
  return JSON.stringify(doc, null, 1);
}

/** The cells of an exported JSON draft, or undefined when the text is not one. */
export function readFormJson(text: string): FormValues | undefined {
  try {
    const doc = JSON.parse(text) as Partial<FormJson>;
    if (doc.format !== 'gongkai-check-form' || !doc.cells || typeof doc.cells !== 'object') return undefined;
    return Object.fromEntries(FORM_REFS.filter((r) => typeof doc.cells![r] === 'string').map((r) => [r, doc.cells![r]!]));
  } catch {
    return undefined;
  }
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const CELL = 'border:1px solid #000;padding:2px 4px';

/** The three tables as one HTML fragment, each under its title as the report prints it. */
export function formHtml(values: FormValues, lang: Lang): string {
  const out: string[] = [];
  for (const table of formLayout(lang)) {
    out.push(`<p><b>${esc(TABLE_LABEL[lang][table.id])}</b></p>`);
    for (const s of table.sections) {
      const width = s.columns.length + 1;
      out.push(`<table style="border-collapse:collapse" border="1">`);
      if (s.caption) out.push(`<tr><td colspan="${width}" style="${CELL}">${esc(s.caption)}</td></tr>`);
      const g = s.columnGroup;
      if (g) {
        // table B: 自然人 and 总计 span both header rows, 法人或其他组织 spans its five kinds
        const head = [`<td rowspan="2" style="${CELL}">${esc(t('item', lang))}</td>`];
        s.columns.forEach((c, i) => {
          if (i === g.from) head.push(`<td colspan="${g.span}" style="${CELL}">${esc(g.label)}</td>`);
          if (i < g.from || i >= g.from + g.span) head.push(`<td rowspan="2" style="${CELL}">${esc(c)}</td>`);
        });
        out.push(`<tr>${head.join('')}</tr>`);
        out.push(`<tr>${s.columns.slice(g.from, g.from + g.span).map((c) => `<td style="${CELL}">${esc(c)}</td>`).join('')}</tr>`);
      } else {
        out.push(`<tr><td style="${CELL}">${esc(t('item', lang))}</td>${s.columns.map((c) => `<td style="${CELL}">${esc(c)}</td>`).join('')}</tr>`);
      }
      for (const row of s.rows) {
        if (row.heading) out.push(`<tr><td colspan="${width}" style="${CELL}">${esc(row.label)}</td></tr>`);
        else out.push(`<tr><td style="${CELL}">${esc(row.label)}</td>${row.cells.map((c) => `<td style="${CELL};text-align:right">${esc(values[c.ref] ?? '')}</td>`).join('')}</tr>`);
      }
      out.push('</table>');
    }
    if (table.id === 'B') out.push(`<p>${esc(t('formBalanceNote', lang))}</p>`);
  }
  return out.join('\n');
}
