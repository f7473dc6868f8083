// Builds a ReportModel from a rule example's hand-written cells and narrative, so every rule's own
// valid/invalid examples can run without a full report text. Values go through the same cell parser
// as real reports.
import type { ReportModel } from '../types.ts';
import type { ExampleInput } from '../rules/rule.ts';
import { readNarrative } from '../recognise/index.ts';
import { emptyTable } from './empty.ts';
import { modelFromCells } from './from-cells.ts';

export function modelFromExample(input: Exclude<ExampleInput, { text: string }>): ReportModel {
  const m = modelFromCells({ ...input, cells: input.cells ?? {} });
  if (input.title) m.title = input.title;
  const src = { kind: 'text' as const, start: 0, end: 0 };
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
  // What recognise() reads from the text (title, sign-off, narrative sentences), read from the example's.
  readNarrative(m);
  return m;
}
