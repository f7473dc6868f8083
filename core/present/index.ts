// The presentation layer: every sentence and label the faces show, in Chinese and English. Rules and the
// pipeline hand over data (cell refs, numbers, term refs, reason codes); only this folder turns them into
// words (STYLE.md, "Rules never build sentences"). ESLint keeps rules and the pipeline from importing it.
export { templateLabel, columnLabel, labelOf } from './labels.ts';
export { fill, formatFinding } from './findings.ts';
export { format, formatOcr, verdictText, inputProblemText, mistakeText, countMistakes, countBySeverity } from './text.ts';
export { cellMarks, cardOf, coverageBanner, type Card, type CellMark, type Banner } from './cards.ts';
export { csvField, csvHeader, findingsCsvRows, findingsCsv, unreadableCsvRow, findingsJson, unreadableJson, plainSummary, type FileReport } from './exports.ts';
export { tableLayout, type ViewCell, type ViewRow, type ViewSection, type ViewTable } from './tables.ts';
export { formLayout, totalParts, type FormCell, type FormTemplate, type FormRow, type FormSection, type FormTable } from './form.ts';
export { SEVERITY_LABEL, TABLE_LABEL, TEMPLATE_LABEL } from './words.ts';
export { coverageReasons } from './coverage.ts';
export { narrativeSkipGroups, narrativeSkipLines, narrativeSkipReasonText, narrativeSkipSummary, narrativeJson, type NarrativeJson } from './narrative.ts';
export { refusalText, refusalTextBoth, isRefusal, type Refusal } from './refusal.ts';
