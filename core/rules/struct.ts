// STRUCT-*: the report's shape against the template, domain.md §2.7: the six sections, the three
// tables, label aliases, section 六's 信息处理费 statement, and another agency's name left in the text.
import type { ReportModel, SourceRef, TableId } from '../types.ts';
import { defineRule, type Rule } from './rule.ts';
import { compact } from '../text/compact.ts';
import { fragmentOf } from './fragment.ts';
import { B_COLS, B_OUT_2021 } from '../template/table-b.ts';
import { A_2019 } from '../template/table-a.ts';

/** The six section titles of both templates (domain.md §1.0). */
const SECTION_TITLES_EN = ['General', 'Proactive disclosure', 'Applications received and handled', 'Administrative reviews and suits', 'Main problems and improvements', 'Other matters to report'];
export const SECTION_TITLES = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'];
const NUMERALS = ['一', '二', '三', '四', '五', '六'];

const STRUCT_SECTIONS = defineRule({
  meta: {
    id: 'STRUCT-SECTIONS',
    severity: 'warning',
    certainty: 'certain',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'The six section headings are present, in order, and numbered 一、…六、 (missing numbering alone is info).',
    messages: {
      missing: {
        zh: '缺少第{numeral}部分「{title}」',
        en: 'Section {no} ("{title}") is missing',
      },
      order: {
        zh: '第{numeral}部分「{title}」出现在第{afterNumeral}部分之后，顺序与模板不符',
        en: 'Section {no} ("{title}") comes after section {after}, out of the template\'s order',
      },
      unnumbered: {
        zh: '「{title}」未按模板编号（应为「{numeral}、{title}」）',
        en: '"{title}" has no section number (the template writes "{numeral}、{title}")',
      },
    },
    examples: [
      {
        name: 'seed 002 (保山 2021): six numbered sections (「存在问题及改进情况」 is matched by the recogniser)',
        valid: true,
        input: {
          sections: [
            { no: 1, title: '总体情况' },
            { no: 2, title: '主动公开政府信息情况' },
            { no: 3, title: '收到和处理政府信息公开申请情况' },
            { no: 4, title: '政府信息公开行政复议、行政诉讼情况' },
            { no: 5, title: '存在问题及改进情况' },
            { no: 6, title: '其他需要报告的事项' },
          ],
        },
      },
      {
        name: 'seed 003 (泰山 2022): 「其他需要报告的事项」 has no 「六、」',
        valid: false,
        input: {
          sections: [
            { no: 1, title: '总体情况' },
            { no: 2, title: '主动公开政府信息情况' },
            { no: 3, title: '收到和处理政府信息公开申请情况' },
            { no: 4, title: '政府信息公开行政复议、行政诉讼情况' },
            { no: 5, title: '存在的主要问题及改进情况' },
            { no: 6, title: '其他需要报告的事项', numbered: false },
          ],
        },
      },
      {
        name: 'seed 000 (普陀 2021) without its section 五',
        valid: false,
        input: {
          sections: [
            { no: 1, title: '总体情况' },
            { no: 2, title: '主动公开政府信息情况' },
            { no: 3, title: '收到和处理政府信息公开申请情况' },
            { no: 4, title: '政府信息公开行政复议、行政诉讼情况' },
            { no: 6, title: '其他需要报告的事项' },
          ],
        },
      },
    ],
  },
  check(ctx) {
    const { sections } = ctx.model;
    // No heading at all: a pasted table, not a whole report; nothing to say about its sections.
    if (!sections.length) return;
    // Part of a report (one scanned page): what it does not hold is said once, by STRUCT-PARTIAL-INPUT.
    const part = !!fragmentOf(ctx.model);
    for (let no = 1; no <= 6 && !part; no++) {
      if (!sections.some((s) => s.no === no)) {
        ctx.report({ messageId: 'missing', data: { no, numeral: NUMERALS[no - 1]!, title: { zh: SECTION_TITLES[no - 1]!, en: SECTION_TITLES_EN[no - 1]! } }, cells: [] });
      }
    }
    let last = 0;
    for (const s of sections) {
      if (s.no < last) {
        ctx.report({
          messageId: 'order',
          data: { no: s.no, numeral: NUMERALS[s.no - 1] ?? String(s.no), title: s.title, after: last, afterNumeral: NUMERALS[last - 1] ?? String(last) },
          cells: [],
          span: s.source,
        });
      }
      last = Math.max(last, s.no);
      if (!s.numbered) {
        ctx.report({ messageId: 'unnumbered', severity: 'info', data: { no: s.no, numeral: NUMERALS[s.no - 1] ?? String(s.no), title: s.title }, cells: [], span: s.source });
      }
    }
  },
});

const TABLES: { id: TableId; section: number; name: string }[] = [
  { id: 'A', section: 2, name: '主动公开政府信息情况' },
  { id: 'B', section: 3, name: '收到和处理政府信息公开申请情况' },
  { id: 'C', section: 4, name: '政府信息公开行政复议、行政诉讼情况' },
];
const TABLE_EN: Record<TableId, string> = { A: 'proactive disclosure', B: 'applications received and handled', C: 'administrative reviews and suits' };

const tableFound = (model: ReportModel, id: TableId): boolean =>
  model.recognition.tables[id].found || Object.keys(model.tables[id]?.cells ?? {}).length > 0;

const STRUCT_TABLE_MISSING = defineRule({
  meta: {
    id: 'STRUCT-TABLE-MISSING',
    severity: 'warning',
    certainty: 'certain',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'A report (section headings recognised) contains all three statistics tables A, B and C.',
    messages: {
      main: {
        zh: '未找到「{name}」统计表（表{table}）',
        en: 'The table "{name}" (table {table}) was not found',
      },
    },
    examples: [
      {
        name: 'seed 003 (泰山 2022): all three tables',
        valid: true,
        input: {
          sections: [{ no: 1, title: '总体情况' }, { no: 2, title: '主动公开政府信息情况' }, { no: 3, title: '收到和处理政府信息公开申请情况' }, { no: 4, title: '政府信息公开行政复议、行政诉讼情况' }],
          cells: { 'A.penalty.dec': 126, 'B.new.tot': 2, 'B.open.tot': 2, 'B.total.tot': 2, 'C.rev.total': 0 },
        },
      },
      {
        name: 'a pasted table B alone (no section headings) is not a report',
        valid: true,
        input: { cells: { 'B.new.tot': 2, 'B.open.tot': 2, 'B.total.tot': 2 } },
      },
      {
        name: 'seed 003 (泰山 2022) with table C lost (e.g. an image)',
        valid: false,
        input: {
          sections: [{ no: 1, title: '总体情况' }, { no: 2, title: '主动公开政府信息情况' }, { no: 3, title: '收到和处理政府信息公开申请情况' }, { no: 4, title: '政府信息公开行政复议、行政诉讼情况' }],
          cells: { 'A.penalty.dec': 126, 'B.new.tot': 2, 'B.open.tot': 2, 'B.total.tot': 2 },
        },
      },
    ],
  },
  check(ctx) {
    const { model } = ctx;
    if (!model.sections.length || fragmentOf(model)) return;
    for (const t of TABLES) {
      if (tableFound(model, t.id)) continue;
      const s = model.sections.find((x) => x.no === t.section);
      ctx.report({ data: { table: t.id, name: { zh: t.name, en: TABLE_EN[t.id] } }, cells: [], ...(s ? { span: s.source } : {}) });
    }
  },
});

/** 2019 table-A labels: canonical in a 2019 layout, so never a variant there (seed 001's 规范性文件). */
const A19_LABELS = new Set(A_2019.flatMap((b) => [...b.rows.map((r) => r.label), ...b.cols.map((c) => c.label)]));

const STRUCT_LABEL_VARIANT = defineRule({
  meta: {
    id: 'STRUCT-LABEL-VARIANT',
    severity: 'info',
    certainty: 'certain',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'A table label differs from the template but was recognised through the alias table.',
    messages: {
      main: {
        zh: '表{table}标签「{written}」与模板「{canonical}」不一致（已按同义标签识别）',
        en: 'Table {table} label "{written}" differs from the template\'s "{canonical}" (recognised as an alias)',
      },
    },
    examples: [
      {
        name: 'seed 000 (普陀 2021): template labels',
        valid: true,
        input: { year: 2021, templateParts: { A: '2021' }, cells: { 'A.permit.dec': 1815 } },
      },
      {
        name: 'seed 001 (岭东 2020): 规范性文件 is the 2019 label itself',
        valid: true,
        input: { year: 2020, templateParts: { A: '2019' }, labelVariants: [{ table: 'A', canonical: '行政规范性文件', written: '规范性文件' }] },
      },
      {
        name: 'seed 004 (鄞州 2021): 本年制作件数量, 现行有效件数量, 规范性文件',
        valid: false,
        input: {
          year: 2021,
          templateParts: { A: '2021' },
          labelVariants: [
            { table: 'A', canonical: '本年制发件数', written: '本年制作件数量' },
            { table: 'A', canonical: '现行有效件数', written: '现行有效件数量' },
            { table: 'A', canonical: '行政规范性文件', written: '规范性文件' },
          ],
        },
      },
    ],
  },
  check(ctx) {
    const { model } = ctx;
    for (const id of ['A', 'B', 'C'] as const) {
      for (const v of model.tables[id]?.labelVariants ?? []) {
        if (id === 'A' && model.templateParts.A === '2019' && A19_LABELS.has(v.written)) continue;
        ctx.report({ data: { table: id, canonical: v.canonical, written: v.written }, cells: [], span: v.source });
      }
    }
  },
});

// 「本年度本单位无收取政府信息公开信息处理费情况」 (seed 004), 「未收取信息处理费」 (seed 003),
// 「收取信息处理费共计380元」 (沭阳 2025), 「未收取任何费用」.
const FEE_RE = /处理费|收取[^。；;]{0,8}费|收费/;

const STRUCT_OTHER_MATTERS = defineRule({
  meta: {
    id: 'STRUCT-OTHER-MATTERS',
    severity: 'info',
    certainty: 'heuristic',
    templates: ['2021'],
    table: 'text',
    description: 'From 2021, section 六 states whether 信息处理费 was collected (〔2021〕30号, 国办函〔2020〕109号).',
    messages: {
      main: {
        zh: '{year} 年度报告「其他需要报告的事项」未说明信息处理费收取情况',
        en: 'Section 6 (other matters to report) of the {year} report does not say whether information processing fees were charged',
      },
    },
    examples: [
      {
        name: 'seed 004 (鄞州 2021) 「本年度本单位无收取政府信息公开信息处理费情况」',
        valid: true,
        input: {
          year: 2021,
          sections: [{ no: 6, title: '其他需要报告的事项' }],
          paras: [{ text: '2021年度，我局政府信息公开工作没有出现过泄密、应急事件未及时处理、不符合《新条例》要求的其它情况。我局无其他需要报告的事项。本年度本单位无收取政府信息公开信息处理费情况。', section: 6 }],
        },
      },
      {
        name: 'seed 001 (岭东 2020) 「无其他需要报告的事项。」 before the 2021 template',
        valid: true,
        input: { year: 2020, sections: [{ no: 6, title: '其他需要报告的事项' }], paras: [{ text: '无其他需要报告的事项。', section: 6 }] },
      },
      {
        name: 'seed 000 (普陀 2021) section 六 「无。」',
        valid: false,
        input: { year: 2021, sections: [{ no: 6, title: '其他需要报告的事项' }], paras: [{ text: '无。', section: 6 }] },
      },
    ],
  },
  check(ctx) {
    const { model } = ctx;
    if (model.year === undefined || model.year < 2021) return;
    const s = model.sections.find((x) => x.no === 6);
    const paras = model.paras.filter((p) => p.section === 6);
    if (!s && !paras.length) return; // a missing section 六 is STRUCT-SECTIONS' finding
    const text = [s?.text ?? '', ...paras.map((p) => p.text)].join('\n');
    if (FEE_RE.test(compact(text))) return;
    ctx.report({ data: { year: model.year }, cells: [], ...(s ? { span: s.source } : paras[0] ? { span: paras[0].source } : {}) });
  },
});

/** The lowest-level place in an agency name: 「泰安市泰山区卫生健康局」 → 泰山区 (seed 003's two spellings agree). */
export function placeOf(name: string): string | undefined {
  const places = [...name.matchAll(/[\u4e00-\u9fa5]{2,4}?(?:自治县|自治州|自治区|街道|省|市|区|县|旗|州|盟|镇|(?<!城)乡)/g)];
  return places.at(-1)?.[0];
}

// Where a report names itself: 「现将沐阳县人民政府2025年政府信息公开年度报告向社会公布」 (沭阳 2025),
// 「…（以下简称“我局”）」, and an opening 「2021年，普陀区卫生健康局在…」 (seed 000).
const SELF_RES = [
  /现将(?!我|本)([\u4e00-\u9fa5]{2,25}?)(?:19|20)\d{2}年/g,
  /([\u4e00-\u9fa5]{2,25}?)[（(]以下简称[“"]?(?:我|本)[\u4e00-\u9fa5]{1,2}[”"]?[）)]/g,
];
const OPENING_RE =
  /^(?:(?:19|20)\d{2}年度?[，,])?([\u4e00-\u9fa5]{2,6}?(?:省|市|区|县|旗|州|盟|镇|乡|街道)[\u4e00-\u9fa5]{0,20}?(?:局|委员会|委|人民政府|办公室|厅|中心))(?:在|以|按照|坚持|高度重视|认真|始终|紧紧|深入|严格|围绕|全面|积极|持续|进一步|根据|立足|聚焦)/;

type AgencyMention = { name: string; where: 'title' | 'signoff' | 'body'; span?: SourceRef };

function agencyMentions(model: ReportModel): AgencyMention[] {
  const out: AgencyMention[] = [];
  const ta = model.titleAgency;
  const tspan = model.titlePara !== undefined ? model.paras[model.titlePara]?.source : undefined;
  if (ta) out.push({ name: ta, where: 'title', ...(tspan ? { span: tspan } : {}) });
  const s = model.signoff;
  if (s?.agency) out.push({ name: s.agency, where: 'signoff', span: model.paras[s.para]!.source });
  model.paras.forEach((p, i) => {
    if (p.section === 5 || i === model.titlePara) return;
    const text = compact(p.text);
    // The regexes backtrack at every position: only run them where their anchor word occurs.
    if (text.includes('现将') || text.includes('以下简称')) {
      for (const re of SELF_RES) for (const m of text.matchAll(re)) out.push({ name: m[1]!, where: 'body', span: p.source });
    }
    if (p.section === undefined || p.section === 1) {
      const m = OPENING_RE.exec(text);
      if (m) out.push({ name: m[1]!, where: 'body', span: p.source });
    }
  });
  return out;
}

const STRUCT_FOREIGN_AGENCY = defineRule({
  meta: {
    id: 'STRUCT-FOREIGN-AGENCY',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'The title, the sign-off or the text\'s own self-reference names an agency of another place: residue of a copied report.',
    messages: {
      title: {
        zh: '标题中的单位「{written}」与报告单位「{expected}」不一致，疑为套用其他单位的报告',
        en: 'The title names "{written}", not the reporting agency "{expected}"; possibly copied from another agency\'s report',
      },
      signoff: {
        zh: '落款单位「{written}」与报告单位「{expected}」不一致，疑为套用其他单位的报告',
        en: 'The sign-off names "{written}", not the reporting agency "{expected}"; possibly copied from another agency\'s report',
      },
      body: {
        zh: '正文以「{written}」自称，与报告单位「{expected}」不一致，疑为套用其他单位的报告',
        en: 'The text refers to itself as "{written}", not the reporting agency "{expected}"; possibly copied from another agency\'s report',
      },
    },
    examples: [
      {
        name: 'seed 000 (普陀 2021): title and opening sentence agree',
        valid: true,
        input: {
          title: '普陀区卫生健康局2021年政府信息公开工作年度报告',
          paras: [{ text: '2021年，普陀区卫生健康局在区委、区政府的正确领导下，紧紧围绕政务公开工作要点和群众关注关切的现实问题，不断完善政务公开制度。现将我局2021年政府信息公开工作年度报告如下：' }],
        },
      },
      {
        name: '沭阳 2025: title, self-reference and sign-off agree',
        valid: true,
        input: {
          title: '# 沐阳县人民政府 2025 年 政府信息公开工作年度报告',
          paras: [{ text: '现将沐阳县人民政府2025年政府信息公开年度报告向社会公布。' }, { text: '沐阳县人民政府' }, { text: '2026年1月23日' }],
        },
      },
      {
        name: 'seed 003 (泰山 2022): 「泰山区卫生健康局」 in the title, 「泰安市泰山区卫生健康局」 elsewhere',
        valid: true,
        input: { title: '泰山区卫生健康局2022年政府信息公开工作年度报告', paras: [{ text: '泰安市泰山区卫生健康局' }, { text: '2023年1月20日' }] },
      },
      {
        name: 'seed 000 (普陀 2021) opening reused under another district\'s title',
        valid: false,
        input: {
          title: '宝山区卫生健康局2021年政府信息公开工作年度报告',
          paras: [{ text: '2021年，普陀区卫生健康局在区委、区政府的正确领导下，紧紧围绕政务公开工作要点和群众关注关切的现实问题，不断完善政务公开制度。' }],
        },
      },
    ],
  },
  check(ctx) {
    const { model } = ctx;
    const mentions = agencyMentions(model);
    const expected = model.agency ?? mentions.find((m) => placeOf(m.name))?.name;
    const home = expected ? placeOf(expected) : undefined;
    if (!expected || !home) return;
    const seen = new Set<string>();
    for (const m of mentions) {
      const place = placeOf(m.name);
      // Same place, or one name spelling out the other (「泰安市泰山区…」 vs 「泰山区…」): the same agency.
      if (!place || place === home || expected.includes(place) || m.name.includes(home) || seen.has(m.name)) continue;
      seen.add(m.name);
      ctx.report({ messageId: m.where, data: { written: m.name, expected }, cells: [], ...(m.span ? { span: m.span } : {}) });
    }
  },
});

/** Table B cells of these rows only, every cell 0. */
function onlyRows(rows: string[]): Record<string, number> {
  return Object.fromEntries(rows.flatMap((r) => B_COLS.map((c) => [`B.${r}.${c}`, 0] as const)));
}

/** Part of a report: said once, instead of every row, section and table it does not hold. */
const STRUCT_PARTIAL_INPUT = defineRule({
  meta: {
    id: 'STRUCT-PARTIAL-INPUT',
    severity: 'info',
    certainty: 'certain',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'The input holds a contiguous run of table B rows that stops short of its first or last row (one scanned page, a pasted part): said once; the rows, sections and tables outside it are not listed one by one.',
    messages: {
      main: {
        zh: '所给内容只是报告的一部分：表二只含「{from}」至「{to}」各行；其余各行、章节和表格不在其中，未逐一列出，也未检查',
        en: 'The input holds part of a report: table B rows "{from}" to "{to}" only; the other rows, sections and tables are not in it, are not listed one by one and were not checked',
      },
    },
    examples: [
      { name: 'a whole table B', valid: true, input: { cells: onlyRows(['new', 'carry_in', ...B_OUT_2021, 'total', 'carry_out']), sections: [{ no: 3, title: '收到和处理政府信息公开申请情况' }] } },
      {
        name: 'a whole report whose table B lost its second half names each missing row (APP-ROWS-MISSING)',
        valid: true,
        input: { title: '2021年政府信息公开工作年度报告', cells: onlyRows(['new', 'carry_in', 'open', 'partial']), sections: [{ no: 1, title: '总体情况' }] },
      },
      {
        name: '洪泽区 2023 page 4 by OCR: 3.补正后… to 四、结转下年度',
        valid: false,
        input: {
          cells: onlyRows(['unable3', 'reject1', 'reject2', 'reject3', 'reject4', 'reject5', 'other1', 'other2', 'other3', 'total', 'carry_out']),
          sections: [{ no: 4, title: '政府信息公开行政复议、行政诉讼情况' }, { no: 5, title: '存在的主要问题及改进情况' }],
        },
      },
    ],
  },
  check(ctx) {
    const part = fragmentOf(ctx.model);
    if (!part) return;
    ctx.report({ data: { from: { row: `B.${part.from}.tot` }, to: { row: `B.${part.to}.tot` } }, cells: [], table: 'B' });
  },
});

// 「无」, 「暂无。」, 「暂无问题」, 「本年度无」: a section 五 that names no problem and no measure.
const BARE_NONE = /^(?:本年度?)?(?:无|暂无|没有|未发现)(?:问题|明显问题|存在问题|存在的问题|相关情况|此类情况)?$/;

/** Section 五 must say what the problems were and what is done about them (〔2021〕30号 template). */
const STRUCT_PROBLEMS_EMPTY = defineRule({
  meta: {
    id: 'STRUCT-PROBLEMS-EMPTY',
    severity: 'warning',
    certainty: 'certain',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'Section 五 (存在的主要问题及改进情况) is empty or says only 「无」/「暂无」: the template asks for the problems and the measures taken.',
    messages: {
      empty: {
        zh: '第五部分「存在的主要问题及改进情况」没有内容；模板要求写明存在的问题和改进措施',
        en: 'Section 5 (main problems and improvements) is empty; the template asks for the problems and the measures taken',
      },
      none: {
        zh: '第五部分「存在的主要问题及改进情况」只写了「{written}」；模板要求写明存在的问题和改进措施',
        en: 'Section 5 (main problems and improvements) says only "{written}"; the template asks for the problems and the measures taken',
      },
    },
    examples: [
      {
        name: '平潭 2022: problems and measures stated',
        valid: true,
        input: {
          year: 2022,
          sections: [{ no: 5, title: '存在的主要问题及改进情况' }, { no: 6, title: '其他需要报告的事项' }],
          paras: [{ text: '2022年，平潭综合实验区政府信息公开工作取得了一定成绩，但还存在一些问题和不足：一是重大行政决策预公开程度需进一步加强，意见征集形式较为单一。', section: 5 }],
        },
      },
      { name: 'section 五 「暂无问题。」', valid: false, input: { year: 2022, sections: [{ no: 5, title: '存在的主要问题及改进情况' }, { no: 6, title: '其他需要报告的事项' }], paras: [{ text: '暂无问题。', section: 5 }] } },
      { name: 'section 五 「无」', valid: false, input: { year: 2021, sections: [{ no: 5, title: '存在的主要问题及改进情况' }, { no: 6, title: '其他需要报告的事项' }], paras: [{ text: '无', section: 5 }] } },
      { name: 'the heading straight followed by section 六', valid: false, input: { year: 2021, sections: [{ no: 5, title: '存在的主要问题及改进情况' }, { no: 6, title: '其他需要报告的事项' }], paras: [{ text: '本年度本单位无收取政府信息公开信息处理费情况。', section: 6 }] } },
      {
        name: '洪泽区 2023 page 4 alone: the heading is the page\'s last line, its text on the next page',
        valid: true,
        input: { year: 2023, sections: [{ no: 4, title: '政府信息公开行政复议、行政诉讼情况' }, { no: 5, title: '存在的主要问题及改进情况' }] },
      },
    ],
  },
  check(ctx) {
    const { model } = ctx;
    const five = model.sections.find((x) => x.no === 5);
    if (!five || fragmentOf(model)) return;
    const text = compact(model.paras.filter((p) => p.section === 5).map((p) => p.text).join('')).replace(/[。．.，,；;！!、：:]/g, '');
    if (text === '') {
      // Nothing after the heading says more only when the report goes on (a page or paste may stop there).
      if (model.sections.some((x) => x.no > 5)) ctx.report({ messageId: 'empty', data: {}, cells: [], span: five.source });
      return;
    }
    if (BARE_NONE.test(text)) ctx.report({ messageId: 'none', data: { written: text }, cells: [], span: five.source });
  },
});

export const structRules: Rule[] = [STRUCT_SECTIONS, STRUCT_TABLE_MISSING, STRUCT_PARTIAL_INPUT, STRUCT_PROBLEMS_EMPTY, STRUCT_LABEL_VARIANT, STRUCT_OTHER_MATTERS, STRUCT_FOREIGN_AGENCY];
