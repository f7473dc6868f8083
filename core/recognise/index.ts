// Doc → ReportModel: sections and narrative, title/agency/year, the three tables by label, and the
// template they follow. Pure and synchronous.
import type { Doc, GridCell, ReportModel, TemplateId } from '../types.ts';
import { emptyModel } from '../model/from-example.ts';
import { findRegions } from './sections.ts';
import { recogniseTableA } from './table-a.ts';
import { recogniseTableB } from './table-b.ts';
import { recogniseTableC } from './table-c.ts';
import { detectYear } from './year.ts';
import { normaliseLabel } from './label.ts';

export type Recognised = { model: ReportModel };

export function recognise(doc: Doc): Recognised {
  const model = emptyModel();
  const regions = findRegions(doc);
  model.sections = regions.sections;
  model.paras = regions.paras.map(({ text, source, section }) => ({ text, source, ...(section ? { section } : {}) }));

  const preamble = regions.paras.filter((p) => !p.section);
  let titlePara = preamble.find((p) => isTitle(p.text)) ?? regions.paras.find((p) => isTitle(p.text) && p.text.length <= 60);
  if (!titlePara) {
    // A title broken over two lines by PDF text extraction: 「2025 年上海市人民政府办公厅政府信息公开」 / 「工作年度报告」.
    for (let i = 0; i + 1 < Math.min(preamble.length, 6); i++) {
      const [a, b] = [preamble[i]!, preamble[i + 1]!];
      if (a.text.length <= 40 && b.text.length <= 40 && isTitle(a.text + b.text)) {
        titlePara = { ...a, text: a.text + b.text };
        break;
      }
    }
  }
  // 「标题：…」 is how saved pages and scrapers label the title.
  if (titlePara) model.title = titlePara.text.replace(/^#+\s*/, '').replace(/^(标题|题名|名称)\s*[:：]\s*/, '').trim();
  // A title set on two lines, the agency above the rest (洪泽区人民政府 / 2023 年政府信息公开工作年度报告).
  const above = titlePara ? regions.paras[regions.paras.indexOf(titlePara) - 1] : undefined;
  if (model.title && above && !agencyFrom(model.title, []) && above.text.length <= 30 && AGENCY_END.test(normaliseLabel(above.text))) {
    model.title = `${above.text.trim()}${model.title}`;
  }
  const y = detectYear({ ...(model.title ? { title: model.title } : {}), paras: model.paras });
  if (y.year !== undefined) model.year = y.year;
  model.yearSource = y.source;
  const agency = agencyFrom(model.title, model.paras);
  if (agency) model.agency = agency;

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
  return { model };
}

/** Words only the template's tables use: seen in a text whose tables could not be read. */
const TEMPLATE_WORDS = ['本年新收政府信息公开申请数量', '上年结转政府信息公开申请数量', '结转下年度继续办理', '第二十条第', '本年制发件数', '尚未审结', '复议后起诉'];

export function isTitle(text: string): boolean {
  const t = normaliseLabel(text);
  // A title names the report; a sentence about it (「本年度报告根据《…条例》…」) is not one.
  if (/[《》，,。；]|根据|^本/.test(t)) return false;
  return t.length <= 80 && /(年度报告|年报)/.test(t) && /政府信息公开|政务公开|信息公开/.test(t);
}

function templateOf(parts: ReportModel['templateParts']): TemplateId {
  const fromA = parts.A;
  const fromB = parts.Bother === 'split' ? '2021' : parts.Bother === 'single' ? '2019' : undefined;
  if (fromA && fromB) return fromA === fromB ? fromA : 'mixed';
  return fromA ?? fromB ?? 'unknown';
}

const AGENCY_END = /(人民政府|实验区|新区|开发区|政府办公室|办公室|委员会|管理委员会|管委会|局|委|办|厅|署|中心|院|所|街道办事处|街道|镇|乡|公司)$/;

/** The agency from the title (minus year and report words), else from the sign-off or the opening line. */
export function agencyFrom(title: string | undefined, paras: { text: string }[]): string | undefined {
  if (title) {
    const t = normaliseLabel(title)
      .replace(/[-—_|｜].*$/, '')
      .replace(/\d{4}年度?/g, '')
      .replace(/(关于)?(政府信息公开|政务公开)(工作)?(年度)?(报告|年报)$/, '')
      .replace(/的$/, '');
    if (t.length >= 3 && t.length <= 30 && AGENCY_END.test(t)) return t;
  }
  for (const p of paras.slice(-8).reverse()) {
    const t = normaliseLabel(p.text);
    if (t.length >= 4 && t.length <= 25 && AGENCY_END.test(t) && !/[，,。；:：]/.test(t)) return t;
  }
  const first = paras[0] && /^\d{4}年(度)?[，,]([^，,。]{3,25}?(局|委员会|委|人民政府|办公室|中心))/.exec(normaliseLabel(paras[0].text));
  return first?.[2];
}
