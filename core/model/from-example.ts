// Builds a ReportModel from a rule example's hand-written cells and narrative, so every rule's own
// valid/invalid examples can run without a full report text. Values go through the same cell parser
// as real reports.
import type { Cell, ReportModel, TableId, TableModel } from '../types.ts';
import type { ExampleInput } from '../rules/rule.ts';
import { parseCellValue } from '../recognise/cell-value.ts';
import { tableOf } from './cells.ts';

export function emptyModel(): ReportModel {
  return {
    yearSource: 'none',
    template: 'unknown',
    templateParts: {},
    sections: [],
    tables: {},
    paras: [],
    recognition: {
      templateEvidence: [],
      tables: {
        A: { found: false, cellsParsed: 0, cellsEmpty: 0, cellsUnreadable: 0 },
        B: { found: false, cellsParsed: 0, cellsEmpty: 0, cellsUnreadable: 0 },
        C: { found: false, cellsParsed: 0, cellsEmpty: 0, cellsUnreadable: 0 },
      },
      inputProblems: [],
      splitDigits: [],
    },
  };
}

export function emptyTable(): TableModel {
  return { cells: {}, rowsFound: [], rowsMissing: [], rowsShort: [], labelVariants: [] };
}

export function modelFromExample(input: Exclude<ExampleInput, { text: string }>): ReportModel {
  const m = emptyModel();
  if (input.year !== undefined) {
    m.year = input.year;
    m.yearSource = input.yearSource ?? 'title';
  }
  if (input.template) m.template = input.template;
  if (input.templateParts) m.templateParts = input.templateParts;
  if (input.title) m.title = input.title;
  if (input.agency) m.agency = input.agency;
  const src = { kind: 'text' as const, start: 0, end: 0 };
  for (const [ref, v] of Object.entries(input.cells ?? {})) {
    if (v === null) continue;
    const t: TableId = tableOf(ref);
    const table = (m.tables[t] ??= emptyTable());
    m.recognition.tables[t].found = true;
    const raw = typeof v === 'number' ? String(v) : v;
    const cell: Cell = { ref, raw, source: src, value: parseCellValue(raw, { signed: true, money: true }) };
    table.cells[ref] = cell;
    const row = ref.split('.').slice(0, 2).join('.');
    if (!table.rowsFound.includes(row)) table.rowsFound.push(row);
  }
  for (const s of input.rowsShort ?? []) {
    const table = (m.tables[s.table] ??= emptyTable());
    table.rowsShort.push({ row: s.row, label: s.row, found: s.found, expected: s.expected, source: src, ...(s.flat ? { flat: s.flat } : {}) });
  }
  for (const v of input.labelVariants ?? []) {
    const table = (m.tables[v.table] ??= emptyTable());
    table.labelVariants.push({ canonical: v.canonical, written: v.written, source: src });
  }
  m.sections = (input.sections ?? []).map((s) => ({
    no: s.no,
    title: s.title,
    text: s.text ?? '',
    source: src,
    numbered: s.numbered ?? true,
  }));
  m.paras = (input.paras ?? []).map((p) => ({ text: p.text, source: src, ...(p.section ? { section: p.section } : {}) }));
  if (input.previous) m.previous = modelFromExample(input.previous);
  return m;
}
