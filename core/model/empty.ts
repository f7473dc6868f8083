// The empty ReportModel and TableModel every constructor starts from: recognise() fills one from a Doc,
// modelFromCells() from a share link's numbers, modelFromExample() from a rule example.
import type { ReportModel, TableModel } from '../types.ts';

export function emptyModel(): ReportModel {
  return {
    yearSource: 'none',
    template: 'unknown',
    templateParts: {},
    sections: [],
    tables: {},
    paras: [],
    sentences: [],
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
