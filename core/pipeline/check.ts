// input → Doc → ReportModel → rules → findings → CheckResult. Synchronous and side-effect free, so the
// same call serves the CLI, a Web Worker, the site and a content script.
import type { CellRef, CheckResult, Doc, Finding, ReportModel, SourceRef, TableId } from '../types.ts';
import type { Rule } from '../rules/rule.ts';
import { textToDoc } from '../adapters/text/index.ts';
import { htmlToDoc, domToDoc, type MinimalParentNode } from '../adapters/html/index.ts';
import { recognise } from '../recognise/index.ts';
import { isTitle } from '../recognise/title.ts';
import { classifyGrid } from '../recognise/sections.ts';
import { runRules } from '../rules/run.ts';
import { RULES } from '../rules/registry.ts';
import { xyearRules } from '../rules/xyear.ts';
import { computeCoverage } from './coverage.ts';
import { locateMistakes, refsOf } from './mistakes.ts';

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
  const whole = toDoc(input);
  // Two reports in one input (a batch export, a pasted pair): the first is checked on its own and the
  // rest are announced, never mixed into it or silently dropped.
  const parts = splitReports(whole);
  const doc = parts[0]!;
  const { model } = recognise(doc);
  if (parts.length > 1) model.recognition.inputProblems.push(`several:${parts.length}`);
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
  const findings = sortFindings(markInferred(model, run.findings), locations);
  const anyTable = !!(model.tables.A || model.tables.B || model.tables.C);
  const verdict: CheckResult['verdict'] = findings.some((f) => f.severity === 'error')
    ? 'errors'
    : !anyTable
      ? 'unreadable'
      : coverage.B.status !== 'checked' || coverage.C.status !== 'checked' || model.recognition.inputProblems.some((p) => p.startsWith('several:'))
        ? 'incomplete'
        : 'clean';
  return {
    model,
    findings,
    coverage,
    locations,
    locate: (ref: CellRef) => locations[ref],
    mistakes: locateMistakes(model, findings),
    verdict,
  };
}

/**
 * A finding on cells cut out of a run of digits by inference (flat text, 平潭's crawl) is 'heuristic'
 * whatever its rule: the cut that was read is the only one the identities allow, not a cell the report set apart.
 */
function markInferred(model: ReportModel, findings: Finding[]): Finding[] {
  const inferred = new Set<CellRef>();
  for (const t of ['A', 'B', 'C'] as const) for (const c of Object.values(model.tables[t]?.cells ?? {})) if (c.inferred) inferred.add(c.ref);
  if (!inferred.size) return findings;
  return findings.map((f) => (refsOf(f).some((r) => inferred.has(r)) ? { ...f, certainty: 'heuristic' as const, inferred: true as const } : f));
}

/**
 * The reports in one Doc: a new one starts at a report title that follows a table B already seen
 * (「…2023年政府信息公开工作年度报告」 after the first report's tables).
 */
export function splitReports(doc: Doc): Doc[] {
  const out: Doc[] = [];
  let start = 0;
  let seenB = false;
  doc.blocks.forEach((b, i) => {
    if (b.kind === 'grid') {
      if (classifyGrid(b.rows) === 'B') seenB = true;
      return;
    }
    if (seenB && b.text.length <= 80 && isTitle(b.text.replace(/^(标题|题名|名称)\s*[:：]\s*/, ''))) {
      out.push({ ...doc, blocks: doc.blocks.slice(start, i) });
      start = i;
      seenB = false;
    }
  });
  out.push({ ...doc, blocks: doc.blocks.slice(start) });
  return out;
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
  return { ...result, model, findings, mistakes: locateMistakes(model, findings), verdict: findings.some((f) => f.severity === 'error') ? 'errors' : result.verdict };
}
