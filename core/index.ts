// Public API of the core: check(input) → CheckResult, format(result, lang). Pure TypeScript: no DOM
// globals, no Node built-ins (the CLI in cli.ts is the one Node-aware file).
export { check, checkModel, toDoc, withPrevious, type CheckInput, type CheckOptions } from './pipeline/check.ts';
export { locateMistakes } from './pipeline/mistakes.ts';
export { agencyKey, previousReport } from './model/agency.ts';
export { modelFromCells, type CellsInput } from './model/from-cells.ts';
export { textToDoc } from './adapters/text/index.ts';
export { decodeTextBytes, looksBinary, textEncodingOf, type TextEncoding } from './adapters/text/decode.ts';
export { htmlToDoc, domToDoc, decodeHtmlBytes } from './adapters/html/index.ts';
export { recognise } from './recognise/index.ts';
export { RULES, ruleById } from './rules/registry.ts';
// The presentation: every sentence and label, per language.
export {
  format, formatFinding, verdictText, countBySeverity, countMistakes, mistakeText, fill, inputProblemText, templateLabel, columnLabel, labelOf,
  cellMarks, cardOf, coverageBanner, coverageReasons, narrativeSkipGroups, csvField, csvHeader, findingsCsvRows, findingsCsv, findingsJson, plainSummary,
  tableLayout, formLayout, totalParts, type FormCell, type FormTemplate, type FormRow, type FormSection, type FormTable, type ViewCell, type ViewRow, type ViewSection, type ViewTable,
  SEVERITY_LABEL, TABLE_LABEL, TEMPLATE_LABEL, refusalText, refusalTextBoth, isRefusal, type Refusal, type Card, type CellMark, type Banner,
} from './present/index.ts';
export { findDomCell } from './adapters/html/index.ts';
export { positionedToDoc, readPdfText, PdfReadError, type PdfRefusal, type PdfJs, type PageText, type TextItem } from './adapters/pdf/index.ts';
export { checkPdf, type PdfCheck } from './pipeline/pdf.ts';
export { docxToHtml, docxToDoc, DocxReadError, type Mammoth, type DocxRefusal } from './adapters/docx/index.ts';
export type * from './types.ts';
