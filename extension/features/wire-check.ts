// The check as the background runs it for a page: the page's HTML from the content script in (one
// native outerHTML, ~1 ms, instead of a JS walk that creates a wrapper for every node, ~7 ms), everything
// the page needs to mark and explain out: findings with their cards in both languages, what was and
// was not checked, and for each cell it names the place (table, row, cell) in the page, which leads
// back to the page's own <td> (live-cells.ts). The page's thread never runs the core.
import { cardOf, checkModel, coverageReasons, htmlToDoc, inputProblemText, labelOf, recognise, templateLabel, type Card, type CellRef, type Coverage, type CoverageKey, type Finding, type Lang, type Severity, type TemplateId } from '../../core/index.ts';
import type { CheckAnswer } from './messages.ts';

export type WireFinding = {
  /** stable across re-checks of the page: the rule and the cell it marks (dismissals are stored by it) */
  key: string;
  ruleId: string;
  severity: Severity;
  table: CoverageKey;
  /** the cell the finding marks */
  ref?: CellRef;
  card: Record<Lang, Card>;
  /**
   * about the table as a whole, not one cell (EMPTY-CELLS: its cells are every blank cell of the table):
   * shown as a notice of its table, the cells hatched lightly, no outline on any one of them
   */
  notice?: { cells: CellRef[] };
};

/** Rules whose finding speaks of a whole table (core/rules/parse.ts EMPTY-CELLS: one per table, all its blank cells). */
const TABLE_NOTICE_RULES = new Set(['EMPTY-CELLS']);

/**
 * A cell to change: the value it needs, what the table says now ('' when blank), its name: in Chinese as
 * the report wrote it, in English the template's label.
 */
export type WireFix = { ref: CellRef; value: number; now: string; label: Record<Lang, string> };

/**
 * One mistake (core/pipeline/mistakes.ts): the cells to change, and the tied alternatives ("one of
 * these"); `findings` index the error findings it explains (they are not counted again).
 */
export type WireMistake = { fix: WireFix[]; alternatives: WireFix[][]; findings: number[] };

/** What was checked of a table (or the narrative): its status, and why not fully in words, in both languages. */
export type WireCoverage = { status: Coverage['status']; reasons: Record<Lang, string[]> };

/** A cell's place in the page: the n-th <table> in document order, its own row, the cell in the row. */
export type CellPlace = { table: number; row: number; cell: number };

export type WireResult = {
  findings: WireFinding[];
  /** where the errors are, as a reader fixes them: one typed digit is one mistake however many identities it breaks */
  mistakes: WireMistake[];
  coverage: Record<CoverageKey, WireCoverage>;
  /** the input as a whole (garbage, too large), in both languages */
  problems: Record<Lang, string[]>;
  /** table A, B or C recognised */
  hasTables: boolean;
  /** which national template the tables follow (the card and the copied text name it) */
  template: TemplateId;
  /** index (document order) of each recognised report <table>: the re-check watches their common ancestor */
  tables: number[];
  /** the place of every cell a finding marks or lights */
  cells: Record<CellRef, CellPlace>;
  /** background milliseconds (parse + check + cards), for the bench */
  ms: number;
};

/** Stable across re-checks of the same page: the rule and the cell it marks (or the paragraph). */
export function findingKey(f: Finding): string {
  const where = f.cells[0] ?? (f.span ? JSON.stringify(f.span) : f.messageId);
  return `${f.ruleId}@${where}`;
}

export function checkPageHtml(html: string): WireResult {
  const t0 = performance.now();
  const result = checkModel(recognise(htmlToDoc(html)).model);
  const cells: Record<CellRef, CellPlace> = {};
  const place = (ref: CellRef): void => {
    const src = result.locate(ref);
    if (src?.kind === 'dom' && !(ref in cells)) cells[ref] = { table: src.table, row: src.row, cell: src.cell };
  };
  const findings = result.findings.map((f): WireFinding => {
    const card = { zh: cardOf(result, f, 'zh'), en: cardOf(result, f, 'en') };
    if (f.cells[0]) place(f.cells[0]);
    for (const r of card.zh.related) place(r);
    const notice = TABLE_NOTICE_RULES.has(f.ruleId) ? { notice: { cells: f.cells.filter((r) => (place(r), r in cells)) } } : {};
    return { key: findingKey(f), ruleId: f.ruleId, severity: f.severity, table: f.table, ...(f.cells[0] ? { ref: f.cells[0] } : {}), card, ...notice };
  });
  const fixes = (o: { cells: CellRef[]; values: number[] }): WireFix[] =>
    o.cells.map((ref, i) => {
      place(ref);
      return { ref, value: o.values[i]!, now: result.model.tables[ref[0] as 'B' | 'C']?.cells[ref]?.raw ?? '', label: { zh: labelOf(result.model, ref), en: templateLabel(ref, 'en') } };
    });
  const mistakes = result.mistakes.map((m): WireMistake => ({ fix: fixes(m), alternatives: m.alternatives.map(fixes), findings: m.findings }));
  // every <table> a recognised cell came from: a report table split at a page break (Word exports)
  // is two <table>s, and the re-check must watch both
  const tables = new Set<number>();
  for (const t of ['A', 'B', 'C'] as const) {
    for (const c of Object.values(result.model.tables[t]?.cells ?? {})) {
      const src = result.locate(c.ref);
      if (src?.kind === 'dom') tables.add(src.table);
    }
  }
  const problems = result.model.recognition.inputProblems;
  const t = result.model.tables;
  const covered = (k: CoverageKey): WireCoverage => ({ status: result.coverage[k].status, reasons: { zh: coverageReasons(result, k, 'zh'), en: coverageReasons(result, k, 'en') } });
  return {
    findings,
    mistakes,
    coverage: { A: covered('A'), B: covered('B'), C: covered('C'), text: covered('text') },
    problems: { zh: problems.map((p) => inputProblemText(p, 'zh')), en: problems.map((p) => inputProblemText(p, 'en')) },
    hasTables: !!(t.A || t.B || t.C),
    template: result.model.template,
    tables: [...tables].sort((a, b) => a - b),
    cells,
    ms: performance.now() - t0,
  };
}

/** The background's answer to a check request: never throws (the page shows the reason instead). */
export function answerCheck(html: unknown): CheckAnswer {
  if (typeof html !== 'string') return { error: 'no page text in the request' };
  try {
    return checkPageHtml(html);
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
