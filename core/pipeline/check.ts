// input → Doc → ReportModel → rules → findings → CheckResult. Synchronous and side-effect free, so the
// same call serves the CLI, a Web Worker, the site and a content script.
import type { CellRef, CheckResult, Doc, Finding, ReportModel, SourceRef, TableId } from '../types.ts';
import type { Rule } from '../rules/rule.ts';
import { textToDoc } from '../adapters/text/index.ts';
import { htmlToDoc, domToDoc, type MinimalParentNode } from '../adapters/html/index.ts';
import { recognise } from '../recognise/index.ts';
import { runRules } from '../rules/run.ts';
import { RULES } from '../rules/registry.ts';
import { xyearRules } from '../rules/xyear.ts';
import { computeCoverage } from './coverage.ts';

export type CheckInput =
  | { kind: 'text'; text: string; name?: string }
  | { kind: 'html'; html: string; name?: string }
  | { kind: 'dom'; root: MinimalParentNode; name?: string }
  | { kind: 'doc'; doc: Doc };

export type CheckOptions = {
  rules?: readonly Rule[];
  /** the same agency's report for the year before: enables the XYEAR-* rules */
  previous?: ReportModel;
};

/** Larger than any real report by far (the biggest in the corpus is ~110 KB of HTML). */
const HUGE_INPUT = 2_000_000;

export function toDoc(input: CheckInput): Doc {
  switch (input.kind) {
    case 'text':
      return textToDoc(input.text, input.name ? { name: input.name } : {});
    case 'html':
      return htmlToDoc(input.html, input.name ? { name: input.name } : {});
    case 'dom':
      return domToDoc(input.root, input.name ? { name: input.name } : {});
    case 'doc':
      return input.doc;
  }
}

export function check(input: CheckInput, options: CheckOptions = {}): CheckResult {
  const doc = toDoc(input);
  const { model } = recognise(doc);
  const size = input.kind === 'text' ? input.text.length : input.kind === 'html' ? input.html.length : 0;
  if (size > HUGE_INPUT) model.recognition.inputProblems.push('huge');
  return checkModel(model, options);
}

/**
 * The rules, coverage and verdict for a model already recognised (or rebuilt: the site's share link
 * carries only the table numbers).
 */
export function checkModel(model: ReportModel, options: CheckOptions = {}): CheckResult {
  markUnread(model);
  // Only last year's own model, never its own previous: the chain stays one year deep.
  if (options.previous) model.previous = { ...options.previous, previous: undefined };
  const rules = options.rules ?? RULES;
  const run = runRules(model, rules);
  const coverage = computeCoverage(model, run);

  const locations: Record<CellRef, SourceRef> = {};
  for (const t of ['A', 'B', 'C'] as const) {
    for (const cell of Object.values(model.tables[t]?.cells ?? {})) locations[cell.ref] = cell.source;
  }
  const findings = sortFindings(run.findings, locations);
  const anyTable = !!(model.tables.A || model.tables.B || model.tables.C);
  const verdict: CheckResult['verdict'] = findings.some((f) => f.severity === 'error')
    ? 'errors'
    : !anyTable
      ? 'unreadable'
      : coverage.B.status !== 'checked' || coverage.C.status !== 'checked'
        ? 'incomplete'
        : 'clean';
  return {
    model,
    findings,
    coverage,
    locations,
    locate: (ref: CellRef) => locations[ref],
    verdict,
  };
}

/**
 * A scanned cell with ink that OCR could not read arrives as blank text marked `unread` (so the row keeps
 * its shape); its value is unreadable, so every identity through it is skipped and its table is partial.
 */
function markUnread(model: ReportModel): void {
  for (const t of ['A', 'B', 'C'] as const) {
    for (const cell of Object.values(model.tables[t]?.cells ?? {})) {
      if (cell.source.kind === 'ocr' && cell.source.unread) cell.value = { kind: 'unreadable' };
    }
  }
}

const TABLE_ORDER: Record<TableId | 'text', number> = { A: 0, B: 1, C: 2, text: 3 };
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Sorted: table, then severity, then where the marked cell sits in the input. */
function sortFindings(findings: Finding[], locations: Record<CellRef, SourceRef>): Finding[] {
  const pos = (f: Finding): number => {
    const src = (f.cells[0] && locations[f.cells[0]]) || f.span;
    if (!src) return Number.MAX_SAFE_INTEGER;
    if (src.kind === 'text') return src.start;
    if (src.kind === 'dom') return src.table * 1e6 + src.row * 1e3 + src.cell;
    if (src.kind === 'para') return src.block;
    return src.page * 1e6 + src.bbox[1] * 1e3 + src.bbox[0];
  };
  return findings
    .map((f, i) => ({ f, i, p: pos(f) }))
    .sort((a, b) => TABLE_ORDER[a.f.table] - TABLE_ORDER[b.f.table] || SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.p - b.p || a.i - b.i)
    .map((x) => x.f);
}

/**
 * Adds the cross-year findings to a result already computed (a batch that finds both years of one
 * agency, or a previous report picked after the check) without reading the input again.
 */
export function withPrevious(result: CheckResult, previous: ReportModel, rules: readonly Rule[] = xyearRules): CheckResult {
  const model: ReportModel = { ...result.model, previous: { ...previous, previous: undefined } };
  const extra = runRules(model, rules).findings;
  const findings = sortFindings([...result.findings.filter((f) => !f.ruleId.startsWith('XYEAR-')), ...extra], result.locations);
  return { ...result, model, findings, verdict: findings.some((f) => f.severity === 'error') ? 'errors' : result.verdict };
}
