// Doc → ReportModel: sections and narrative, title/agency/year, the three tables by label, and the
// template they follow. Pure and synchronous.
import type { Doc, GridCell, ReportModel, TemplateId } from '../types.ts';
import { emptyModel } from '../model/empty.ts';
import { findRegions } from './sections.ts';
import { recogniseTableA } from './table-a.ts';
import { recogniseTableB } from './table-b.ts';
import { recogniseTableC } from './table-c.ts';
import { detectYear } from './year.ts';
import { narrativeSentences } from './narrative.ts';
import { agencyOf, findReportTitle, findTitle } from './title.ts';

export type Recognised = { model: ReportModel };

export function recognise(doc: Doc): Recognised {
  const model = emptyModel();
  const regions = findRegions(doc);
  model.sections = regions.sections;
  model.paras = regions.paras.map(({ text, source, section }) => ({ text, source, ...(section ? { section } : {}) }));

  const title = findReportTitle(regions.paras);
  if (title) model.title = title;
  const y = detectYear({ ...(model.title ? { title: model.title } : {}), paras: model.paras });
  if (y.year !== undefined) model.year = y.year;
  model.yearSource = y.source;

  const grids = (t: 'A' | 'B' | 'C'): GridCell[][][] => regions.grids[t].map((b) => (b.kind === 'grid' ? b.rows : []));
  const a = recogniseTableA(grids('A'), model.year);
  const b = recogniseTableB(grids('B'), model.year);
  const c = recogniseTableC(grids('C'), regions.tableParas.C);
  if (regions.grids.A.length && (a.layout || Object.keys(a.table.cells).length)) model.tables.A = a.table;
  if (regions.grids.B.length && (b.table.rowsFound.length || b.table.rowsShort.length)) model.tables.B = b.table;
  if (regions.grids.C.length && (c.valuesFound > 0 || Object.keys(c.table.cells).length)) model.tables.C = c.table;
  if (a.layout) model.templateParts.A = a.layout;
  if (b.other) model.templateParts.Bother = b.other;
  model.template = templateOf(model.templateParts);
  model.recognition.templateEvidence = [
    ...a.evidence.slice(0, 6),
    ...(b.other ? [`B（六）其他处理: ${b.other === 'split' ? '3 rows (2021)' : '1 row (2019)'}`] : []),
  ];

  for (const t of ['A', 'B', 'C'] as const) {
    const table = model.tables[t];
    const stats = model.recognition.tables[t];
    stats.found = regions.grids[t].length > 0;
    if (!table) continue;
    for (const cell of Object.values(table.cells)) {
      if (cell.value.kind === 'number') stats.cellsParsed++;
      else if (cell.value.kind === 'empty') stats.cellsEmpty++;
      else stats.cellsUnreadable++;
    }
  }
  if (!doc.blocks.length) model.recognition.inputProblems.push('empty');
  else if (!regions.grids.A.length && !regions.grids.B.length && !regions.grids.C.length) {
    // The report is there (its title, the template's row labels) but no table could be read: say so,
    // never "this does not look like a report" (平潭's crawled pages said that before the flat reader).
    const all = model.paras.map((p) => p.text).join('\n');
    const said = TEMPLATE_WORDS.filter((w) => all.includes(w));
    if (model.title || said.length >= 2) model.recognition.inputProblems.push(`tables-unread:${said.slice(0, 3).join('、')}`);
    else if (!model.sections.length) model.recognition.inputProblems.push('no-report');
  }
  model.recognition.splitDigits = b.splitDigits.map((s) => ({ ref: `B.${s.row}.${s.at}`, raw: s.raw }));
  readNarrative(model);
  return { model };
}

/**
 * What the rules read in the text, written into the model once so no rule recognises anything itself: the
 * title (when no title paragraph was found, the first lines' reading of one, as year detection does), the
 * agency it names, the 统计期限 sentence, the sign-off, and the narrative sentences with their numbers.
 * Needs title, paras and year; also completes a model built from a rule example (model/from-example.ts).
 */
export function readNarrative(model: ReportModel): void {
  const d = detectYear({ ...(model.title ? { title: model.title } : {}), paras: model.paras });
  if (!model.title) {
    const line = findTitle(model.paras);
    if (line) {
      model.title = line.text;
      model.titlePara = line.para;
    }
  }
  // One reading for both: the reporting agency (unless the caller gave it) and the name the title gives.
  const named = agencyOf(model.title, model.paras);
  if (named.agency && !model.agency) model.agency = named.agency;
  if (named.inTitle) model.titleAgency = named.inTitle;
  if (d.period) model.period = d.period;
  if (d.signoff) model.signoff = d.signoff;
  model.sentences = narrativeSentences(model);
}

/** Words only the template's tables use: seen in a text whose tables could not be read. */
const TEMPLATE_WORDS = ['本年新收政府信息公开申请数量', '上年结转政府信息公开申请数量', '结转下年度继续办理', '第二十条第', '本年制发件数', '尚未审结', '复议后起诉'];

function templateOf(parts: ReportModel['templateParts']): TemplateId {
  const fromA = parts.A;
  const fromB = parts.Bother === 'split' ? '2021' : parts.Bother === 'single' ? '2019' : undefined;
  if (fromA && fromB) return fromA === fromB ? fromA : 'mixed';
  return fromA ?? fromB ?? 'unknown';
}
