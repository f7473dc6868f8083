// What a rule is: metadata (id, severity, certainty, templates, messages, examples) and a check that
// reports cells. One rule family per file; `registry.ts` lists them all (ESLint / markdownlint style).
import type { SumOutcome } from './equation.ts';
import type { CellRef, DataValue, FlatProblem, Finding, ReportModel, Severity, Certainty, TableId, Term, SourceRef, NarrativeSentence, NarrativeSkipReason, Quantity } from '../types.ts';

export type Messages = Record<string, { zh: string; en: string }>;

/**
 * A rule's own example, run by the generic example test. Either a whole report text (run through the
 * real pipeline) or a hand-built model: cells by CellRef (number, raw string such as '' or '—', or null
 * for "cell absent") plus the year/template/narrative the rule needs.
 */
export type ExampleInput =
  | { text: string }
  | {
      cells?: Record<CellRef, number | string | null>;
      year?: number;
      yearSource?: ReportModel['yearSource'];
      template?: ReportModel['template'];
      templateParts?: ReportModel['templateParts'];
      title?: string;
      agency?: string;
      sections?: { no: number; title: string; text?: string; numbered?: boolean }[];
      paras?: { text: string; section?: number }[];
      /** rows to mark as short (PARSE-ROW-SHORT): table, row key, found/expected */
      rowsShort?: { table: TableId; row: string; found: number; expected: number; flat?: FlatProblem }[];
      labelVariants?: { table: TableId; canonical: string; written: string }[];
      /** last year's report, for the XYEAR-* rules */
      previous?: Exclude<ExampleInput, { text: string }>;
    };

export type RuleExample = { name: string; valid: boolean; input: ExampleInput };

export type RuleMeta = {
  id: string;
  severity: Severity;
  certainty: Certainty;
  templates: ('2019' | '2021')[];
  table: TableId | 'text';
  /** one line, English, for the registry and docs */
  description: string;
  /** message templates with {named} placeholders; the first key is the rule's main message */
  messages: Messages;
  examples: RuleExample[];
  /** for heuristic rules: why a finding might still be right, shown on the card */
  caveat?: { zh: string; en: string };
};

export type Report = {
  messageId?: string;
  data: Record<string, DataValue>;
  cells: CellRef[];
  equation?: Finding['equation'];
  span?: SourceRef;
  /** override the rule's default severity (e.g. XYEAR-NORM-STOCK info → warning) */
  severity?: Severity;
  /** the table the finding is grouped under, when it has no cells (e.g. a missing row) */
  table?: TableId | 'text';
};

export type RuleContext = {
  model: ReportModel;
  report(r: Report): void;
  /** a rule could not run on (part of) a table: recorded in that table's coverage */
  skip(table: TableId | 'text', reason: string): void;
  /**
   * Evaluates Σleft = Σright under the empty-cell policy (equation.ts) and records which cells an
   * evaluated equation covered: a table is "checked" only when every cell took part in one.
   */
  sum(left: CellRef[], right: CellRef[], totals?: CellRef[]): SumOutcome;
  /** a stated number of the narrative was bound to a table quantity and compared (the coverage counts them) */
  compared(s: NarrativeSentence, q: Quantity): void;
  /**
   * a stated number a rule read but did not compare, and why (the coverage lists it); `subject` is the
   * word the rule bound it to. A number some rule compared counts as compared whatever another said.
   */
  notCompared(s: NarrativeSentence, q: Quantity, reason: NarrativeSkipReason, subject?: string): void;
};

export type Rule = { meta: RuleMeta; check(ctx: RuleContext): void };

export function defineRule(rule: Rule): Rule {
  return rule;
}

export type { Term };
