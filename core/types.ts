// The one contract every part of gongkai-check shares: input → Doc → ReportModel → rules → findings and
// coverage as data (cell refs, numbers, codes); core/present turns them into words. Templates and the rule
// catalogue: docs/domain.md.
// Everything here is plain, JSON-serialisable data: it crosses worker, content-script and background
// boundaries, and the CLI prints it.

/** Where a block or cell came from, so every face can point at it. */
export type SourceRef =
  | { kind: 'text'; start: number; end: number } // offsets into the input string
  | { kind: 'dom'; table: number; row: number; cell: number } // index of <table>, <tr>, <td> in the page
  | {
      kind: 'ocr';
      page: number;
      /** the cell or line in the page image's pixels, top-left origin */
      bbox: [number, number, number, number];
      /** how sure the recogniser was of this text (0–100) */
      confidence?: number;
      /** a number read with low confidence: shown as 「可能识别有误」 beside the cell image */
      doubtful?: boolean;
      /**
       * the cell has ink but no reader could read it: its value is unreadable, never blank (a blank
       * counts as 0, and a lost 「1」 made a false certain error on a blurred 洪泽区 page, issue 16)
       */
      unread?: boolean;
      /** what the recogniser read, when the text was replaced by the nearest template label */
      read?: string;
      /** the value was typed over the reading by the user (the site's correction of a doubtful cell) */
      typed?: boolean;
    }
  | { kind: 'pdf'; page: number; bbox: [number, number, number, number] }
  | { kind: 'para'; block: number }; // a paragraph block of the Doc (HTML/DOM inputs)

export type GridCell = {
  text: string;
  rowSpan: number;
  colSpan: number;
  source: SourceRef;
  /** flat text: the cell was cut out of a run of digits by the template's identities (平潭 crawl) */
  inferred?: true;
  /** flat text: a placeholder for a row's numbers that could not be placed for certain, and why */
  flat?: FlatProblem;
};

/**
 * Why the numbers of a flat-text row could not be placed: more numbers than cells; a digit run with
 * several cuts that add up (`ambiguous`), none (`no-reading`: the row cannot add up however it is cut),
 * too many to try (`capped`), or too few digits for the row's cells (`too-short`: blank cells vanished
 * beside a run, so no cut exists and nothing was tested).
 */
export type FlatProblem = { why: 'too-many' | 'ambiguous' | 'no-reading' | 'capped' | 'too-short'; found: number; readings?: number; /** the numbers as written */ raw?: string };

export type Block =
  | { kind: 'para'; text: string; source: SourceRef }
  | { kind: 'grid'; rows: GridCell[][]; source: SourceRef; layout?: string };

export type DocOrigin = 'text' | 'html' | 'pdf' | 'docx' | 'ocr';

export type Doc = { blocks: Block[]; origin: DocOrigin; name?: string };

// ---------------------------------------------------------------------------------------------
// ReportModel

/** A cell name such as `B.total.np`, `C.rev.keep`, `A.reg.made`, `A19.permit.delta` (domain.md §1.0). */
export type CellRef = string;

export type CellValue =
  | { kind: 'number'; n: number; unit?: string; nonstandard?: boolean }
  | { kind: 'empty' }
  | { kind: 'unreadable' };

export type Cell = {
  ref: CellRef;
  raw: string;
  source: SourceRef;
  value: CellValue;
  /** the row label as the report wrote it (for messages) */
  label?: string;
  /** separated from a run of digits by inference (flat text): findings on it are 'heuristic' */
  inferred?: true;
};

export type TableId = 'A' | 'B' | 'C';

export type TableModel = {
  cells: Record<CellRef, Cell>;
  rowsFound: string[];
  rowsMissing: string[];
  /** rows that had fewer value cells than columns: every rule touching them is skipped (domain.md §2.0.4) */
  rowsShort: { row: string; label: string; found: number; expected: number; source: SourceRef; flat?: FlatProblem }[];
  /** labels matched through an alias (STRUCT-LABEL-VARIANT) */
  labelVariants: { canonical: string; written: string; source: SourceRef }[];
  /** how the values were laid out, for the coverage report and debugging */
  layout?: string;
};

export type TemplateId = '2019' | '2021' | 'mixed' | 'unknown';

export type Section = { no: number; title: string; text: string; source: SourceRef; numbered: boolean };

/** Why a table is not fully checked, as data; the presentation layer (core/present/coverage.ts) puts it in words. */
export type CoverageReason =
  | { code: 'not-found' }
  | { code: 'found-unreadable' }
  | { code: 'all-unreadable' }
  | { code: 'rows-missing'; rows: string[] }
  | { code: 'fragment'; from: string; to: string }
  | { code: 'row-short'; row: string; label: string; found: number; expected: number; flat?: FlatProblem }
  | { code: 'cells-unreadable'; cells: { ref: CellRef; raw: string }[] }
  | { code: 'key-totals-blank'; cells: CellRef[] }
  | { code: 'blank-unchecked'; count: number; rows: string[] }
  | { code: 'no-narrative' }
  | { code: 'no-year' }
  | { code: 'narrative-not-run' }
  /**
   * the narrative's stated numbers about the tables: how many a TXT rule compared, how many it did not
   * (information, not a gap), and each of those with why (`skips.length === skipped`)
   */
  | { code: 'narrative-numbers'; compared: number; skipped: number; skips: NarrativeSkip[] }
  | { code: 'ocr-no-table' };

/**
 * Why a number the narrative states about the tables was not compared with them (issue 19); the words
 * are core/present/narrative.ts's.
 * - `ambiguous-subject`: what it counts is not one thing: 「行政复议、行政诉讼案件…其中结果维持1件」, 「全县共办理
 *   相关案件74件」 after 「行政复议、行政诉讼案件」 (沭阳县 2025), or an outcome under no subject
 * - `agency-wide-cases`: reviews or suits counted outside section 四 with no word of disclosure around
 *   them: they may be all of the agency's cases, table C counts the disclosure ones only
 * - `cell-not-read`: bound to a table cell that is absent, blank or unreadable (上海市科委 2024's scrambled
 *   table B: 「不予公开答复 2 件」)
 * - `no-table-cell`: no rule reads it as a quantity the tables hold (「通知公告22条」, 「政策解读21个」)
 */
export type NarrativeSkipReason = 'ambiguous-subject' | 'agency-wide-cases' | 'cell-not-read' | 'no-table-cell';

/** One stated number not compared: where (its sentence's paragraph and span), the number, the words before it, why. */
export type NarrativeSkip = {
  /** index into model.paras of the paragraph its sentence starts in */
  para: number;
  span: SourceRef;
  n: number;
  unit: string;
  /** the clause up to the number, as the report wrote it (compacted) */
  excerpt: string;
  /** the word a rule bound it to, when one did (「行政诉讼」, 「不予公开」) */
  subject?: string;
  reason: NarrativeSkipReason;
};

/**
 * What core/pipeline/coverage.ts decides for a table: its status and why, as data (codes). The faces, the
 * text report and the JSON say the codes in words through core/present's coverageReasons.
 */
export type Coverage = { status: 'checked' | 'partial' | 'not-found' | 'unreadable'; codes: CoverageReason[] };

export type RecognitionReport = {
  templateEvidence: string[];
  tables: Record<TableId, { found: boolean; cellsParsed: number; cellsEmpty: number; cellsUnreadable: number }>;
  /** why the input could not be read at all (garbage, too large, no report text) */
  inputProblems: string[];
  /** digits of one number found split over two cells and joined again (PARSE-SPLIT-DIGITS) */
  splitDigits: { ref: CellRef; raw: [string, string] }[];
};

// ---------------------------------------------------------------------------------------------
// The narrative as recognise() reads it (core/recognise/narrative.ts, year.ts)

/** `para`: index into the paras passed in */
export type StatPeriod = { from: number; to: number; text: string; para: number };
/** `agency`: the name written next to the date (the line before it, or before it on the same line) */
export type Signoff = { y: number; m: number; d: number; text: string; para: number; agency?: string };
export type NarrativeSentence = {
  /** compacted like `compact()`: half-width digits, no whitespace; punctuation as written; comparing clauses blanked with □ */
  text: string;
  section?: number;
  /** index into model.paras of the paragraph the sentence starts in */
  para: number;
  /** the sentence itself for plain-text input, else the paragraph it starts in */
  span: SourceRef;
  /** the sentence before it in the same run of paragraphs (「…114条。其中，…」 continues it) */
  prev?: NarrativeSentence;
  /**
   * speaks of another year (「2020年，我单位接到…」) or compares with one: never compared. A comparing clause
   * inside an otherwise plain sentence (「…2条，数量比2021年多1条，…」) is blanked in `text` instead.
   */
  otherYear: boolean;
  comparison: boolean;
  /** the counted quantities of `text`, in order (「申请21件」, 「三条」) */
  quantities: Quantity[];
};

export type Quantity = {
  n: number;
  unit: string;
  /** offsets into the sentence text: the number, and the end of the unit */
  start: number;
  numEnd: number;
  end: number;
  /** 「近20条」「20余条」「约」「超过」: never compared exactly */
  approx: boolean;
  /** inside （…）: an aside (「（含上年结转189件）」), not part of the main statement */
  inParens: boolean;
};

export type ReportModel = {
  year?: number;
  yearSource: 'title' | 'period' | 'body' | 'signoff' | 'none';
  /** the reporting agency: the title's name when it reads as an agency, else the sign-off or opening line (recognise/title.ts agencyOf) */
  agency?: string;
  title?: string;
  template: TemplateId;
  /** the table layout as found: 2021 table A vs 2019 table A, one or three （六） rows */
  templateParts: { A?: '2019' | '2021'; Bother?: 'single' | 'split' };
  sections: Section[];
  tables: { A?: TableModel; B?: TableModel; C?: TableModel };
  /** narrative paragraphs in reading order, with their source (for YEAR-* and STRUCT-* rules) */
  paras: { text: string; source: SourceRef; section?: number }[];
  /** the name the title gives, whatever it is (before its year, or between the year and 政府信息公开): the same reading as `agency` */
  titleAgency?: string;
  /** index into paras of the title, when it was read from the opening lines rather than found as a title paragraph */
  titlePara?: number;
  /** the 统计期限 sentence (YEAR-STAT-PERIOD) */
  period?: StatPeriod;
  /** the sign-off date, with the agency written by it */
  signoff?: Signoff;
  /** the narrative as the TXT-* rules read it: sentences of sections 一–四 with their counted quantities */
  sentences: NarrativeSentence[];
  recognition: RecognitionReport;
  /**
   * The same agency's report for the year before, when the caller supplies it (CLI --previous, a batch
   * holding both years, the site's history): the XYEAR-* rules compare against it.
   */
  previous?: ReportModel;
};

// ---------------------------------------------------------------------------------------------
// Findings

export type Severity = 'error' | 'warning' | 'info';
export type Certainty = 'certain' | 'heuristic';

export type Term = { ref: CellRef; value: number | null };

/**
 * What a finding's message names, as data: the presentation layer turns each into words of the reader's
 * language (the report's own row label in Chinese, the template's English label in English). Rules never
 * put a label or a phrase of one language into a finding.
 */
export type DataRef =
  | { cell: CellRef } // 「（七）总计/自然人」 / "(7) total/natural persons"
  | { row: CellRef } // the row of that cell
  | { col: CellRef } // the column of that cell
  | { terms: Term[] } // the non-zero terms of a sum: 「予以公开 1 + 属于四类过程性信息 1」
  | { cells: CellRef[] } // a list of cell names
  | { zh: string; en: string }; // a fixed phrase (a table name)

export type DataValue = string | number | DataRef;

export type Finding = {
  ruleId: string;
  severity: Severity;
  certainty: Certainty;
  messageId: string;
  data: Record<string, DataValue>;
  /** cells[0] is the one to mark; the rest take part in the equation */
  cells: CellRef[];
  equation?: { left: Term[]; right: Term[]; leftSum: number; rightSum: number };
  /** for findings about narrative text: the paragraph or span they point at */
  span?: SourceRef;
  /** table the finding belongs to, for grouping ('text' for narrative/structure findings) */
  table: TableId | 'text';
  /** rests on cells separated from a run of digits by inference (flat text): certainty is 'heuristic' */
  inferred?: true;
};

export type CoverageKey = TableId | 'text';

/**
 * One mistake: the fewest cells whose change makes the broken identities hold (core/pipeline/mistakes.ts).
 * `values` are what those cells would need to be; `findings` index the error findings it explains;
 * `alternatives` are other cells that would mend the same identities as well (「one of these」).
 */
export type Mistake = { cells: CellRef[]; values: number[]; findings: number[]; alternatives: { cells: CellRef[]; values: number[] }[] };

export type CheckResult = {
  model: ReportModel;
  findings: Finding[];
  coverage: Record<CoverageKey, Coverage>;
  /** how every UI finds the cell to mark: CellRef → where it came from */
  locations: Record<CellRef, SourceRef>;
  locate(ref: CellRef): SourceRef | undefined;
  /** where the errors are, counted as a reader fixes them: one typed digit is one mistake */
  mistakes: Mistake[];
  /** one-line verdict: errors found / checked, no errors found / not fully checked / could not check */
  verdict: 'errors' | 'clean' | 'incomplete' | 'unreadable';
};

export type Lang = 'zh' | 'en';
