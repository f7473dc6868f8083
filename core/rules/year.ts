// YEAR-*: the report year and the dates around it, domain.md §2.5. The year, the 统计期限 sentence and the
// sign-off are recognised once, into the model (model.year, yearSource, period, signoff); these rules check them.
import type { CellRef, ReportModel, SourceRef } from '../types.ts';
import { defineRule, type Rule } from './rule.ts';
import { compact } from '../text/compact.ts';
import { yearMentions } from '../text/years.ts';
import { aLayouts } from './act.ts';

const paraSource = (model: ReportModel, i: number | undefined): { span: SourceRef } | {} => {
  const p = i === undefined ? undefined : model.paras[i];
  return p ? { span: p.source } : {};
};

const YEAR_DETECT = defineRule({
  meta: {
    id: 'YEAR-DETECT',
    severity: 'info',
    certainty: 'certain',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'The report year was not found in a title, so it was taken from the 统计期限, the body or the sign-off date.',
    messages: {
      body: {
        zh: '标题中未找到报告年度，按正文判断为 {year} 年度报告',
        en: 'No report year found in a title; read as the {year} report from the body text',
      },
      period: {
        zh: '标题中未找到报告年度，按统计期限判断为 {year} 年度报告',
        en: 'No report year found in a title; read as the {year} report from the statistical period',
      },
      signoff: {
        zh: '标题中未找到报告年度，按落款日期判断为 {year} 年度报告',
        en: 'No report year found in a title; read as the {year} report from the sign-off date',
      },
      none: {
        zh: '未能确定报告年度（标题、统计期限、正文和落款均未写明），与年度有关的检查未运行',
        en: 'The report year could not be determined (no title, statistical period, body year or sign-off date); year checks did not run',
      },
    },
    examples: [
      {
        name: 'seed 003 (泰山 2022): year from the title',
        valid: true,
        input: { year: 2022, yearSource: 'title', title: '泰山区卫生健康局2022年政府信息公开工作年度报告' },
      },
      {
        name: 'seed 002 (保山 2021): no title, year from the body',
        valid: false,
        input: {
          year: 2021,
          yearSource: 'body',
          paras: [
            { text: '2021年,市卫生健康委高度重视政府信息公开工作,认真贯彻落实相关要求,结合卫生健康委实际,积极推进政府信息公开工作。', section: 1 },
            { text: '保山市卫生健康委员会' },
            { text: ' 2022年1月24日' },
          ],
        },
      },
    ],
  },
  check(ctx) {
    const { model } = ctx;
    if (model.yearSource === 'title' || !model.paras.length) return;
    const year = model.year;
    if (year === undefined || model.yearSource === 'none') {
      ctx.report({ messageId: 'none', data: { source: 'none' }, cells: [] });
      return;
    }
    const at =
      model.yearSource === 'period'
        ? model.period?.para
        : model.yearSource === 'signoff'
          ? model.signoff?.para
          : model.paras.findIndex((p) => p.section !== undefined && p.section <= 4 && compact(p.text).includes(`${year}年`));
    ctx.report({ messageId: model.yearSource, data: { year, source: model.yearSource }, cells: [], ...paraSource(model, at === -1 ? undefined : at) });
  },
});

// 「Y′年，我单位接到…」 / 「Y′年(共|全年|累计)收到…」: the year as the time of this report's own facts.
// A verb followed by 的 is a reference (「2020年受理的申请」 carried over), not a statement.
const FACT_RE =
  /^(?:19|20)\d{2}年度?(?:\d{1,2}月(?:\d{1,2}日)?份?)?[，,]?(?:(?:我|本)(?:局|委|单位|机关|办|区|县|市|镇|乡|街道|部门|中心|院|厅|府|馆|所|站|队)[^。；;！!？?]*?|(?:共|全年|累计|全县|全区|全市|全镇)?)(?:收到|接到|受理|新收|主动公开|公开|发布|办理|制发|答复)(?!的)/;

const YEAR_BODY_MISMATCH = defineRule({
  meta: {
    id: 'YEAR-BODY-MISMATCH',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'A sentence states this year\'s facts under another year (「2020年，我单位接到…」 in a 2021 report): text left over from another report.',
    messages: {
      main: {
        zh: '本报告为 {year} 年度，但正文写「{excerpt}」（{written} 年），疑为沿用其他年度报告的表述',
        en: 'This is the {year} report, but the text says "{excerpt}" ({written}); possibly left over from another year\'s report',
      },
    },
    examples: [
      {
        name: 'seed 003 (泰山 2022) 「比2021年多1条」 is a comparison',
        valid: true,
        input: { year: 2022, paras: [{ text: '2、依申请公开方面。2022年收到政府信息公开申请数量2条，数量比2021年多1条，均按照时限要求进行答复。', section: 1 }] },
      },
      {
        name: 'seed 001 (岭东 2020) 〔2019〕60 号 and 《…2020 年…方案的通知》 are document references',
        valid: true,
        input: {
          year: 2021,
          paras: [
            {
              text: '我局认真贯彻执行《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60 号）有关规定，按照《双鸭山市人民政府办公室关于印发双鸭山市 2020 年政务公开工作实施方案的通知》要求。',
              section: 1,
            },
          ],
        },
      },
      {
        name: 'a plan for next year (「2023年将…」) in a 2022 report',
        valid: true,
        input: { year: 2022, paras: [{ text: '2023年将进一步加大信息公开力度，及时发布政务信息。', section: 1 }] },
      },
      {
        name: 'seed 004 (鄞州 2021) 「2020年，我单位接到依申请公开3条」',
        valid: false,
        input: {
          year: 2021,
          yearSource: 'body',
          paras: [
            { text: '2021年，主动公开政府信息114条。', section: 1 },
            { text: '2020年，我单位接到依申请公开3条，均及时办结，无行政复议和提起诉讼情况。', section: 1 },
          ],
        },
      },
    ],
  },
  check(ctx) {
    const { model } = ctx;
    const year = model.year;
    if (year === undefined) return;
    const signoff = model.signoff?.para;
    model.paras.forEach((p, i) => {
      // Section 五 must say how last year's problems were handled (2021 template): past years belong there.
      if (p.section === 5 || i === signoff) return;
      const text = compact(p.text);
      for (const m of yearMentions(text)) {
        if (m.year === year || m.kind === 'excluded') continue;
        // 「2022年1月」 in a 2021 report is the publication month, not a stale year.
        if (m.kind === 'date' && m.year === year + 1) continue;
        const sentence = text.slice(m.start).split(/[。；;！!？?]/)[0]!;
        if (!FACT_RE.test(sentence)) continue;
        const excerpt = sentence.length > 40 ? `${sentence.slice(0, 40)}…` : sentence;
        ctx.report({ data: { year, written: m.year, excerpt }, cells: [], span: p.source });
      }
    });
  },
});

const YEAR_STAT_PERIOD = defineRule({
  meta: {
    id: 'YEAR-STAT-PERIOD',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'The 统计期限 sentence covers 1 January to 31 December of the report year.',
    messages: {
      main: {
        zh: '统计期限写为 {from}–{to} 年，与报告年度 {year} 不符',
        en: 'The statistical period is given as {from}–{to}, which does not match the report year {year}',
      },
    },
    examples: [
      {
        name: '沭阳 2025 「本报告所列数据统计期限从2025年1月1日至2025年12月31日止」',
        valid: true,
        input: { year: 2025, paras: [{ text: '本报告所列数据统计期限从2025年1月1日至2025年12月31日止。现将沐阳县人民政府2025年政府信息公开年度报告向社会公布。' }] },
      },
      {
        name: 'seed 003 (泰山 2022) period sentence copied unchanged into the 2023 report',
        valid: false,
        input: { year: 2023, paras: [{ text: '本年度报告中所列数据统计期限自2022年1月1日起至2022年12月31日止。' }] },
      },
    ],
  },
  check(ctx) {
    const { model } = ctx;
    const year = model.year;
    if (year === undefined) return;
    const { period } = model;
    if (!period || (period.from === year && period.to === year)) return;
    ctx.report({ data: { from: period.from, to: period.to, year }, cells: [], ...paraSource(model, period.para) });
  },
});

const TEMPLATE_DOC = { '2019': '国办公开办函〔2019〕60号', '2021': '国办公开办函〔2021〕30号' } as const;

const YEAR_TEMPLATE = defineRule({
  meta: {
    id: 'YEAR-TEMPLATE',
    severity: 'warning',
    certainty: 'certain',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'Reports for 2019–2020 use the 〔2019〕60号 table A, reports for 2021 on the 〔2021〕30号 one.',
    messages: {
      main: {
        zh: '{year} 年度报告应使用 {expected} 年版格式（{doc}），主动公开表为 {found} 年版格式',
        en: 'A {year} report should use the {expected} template ({doc}), but table A follows the {found} template',
      },
    },
    examples: [
      {
        name: 'seed 004 (鄞州 2021): 2021 table A in a 2021 report',
        valid: true,
        input: { year: 2021, templateParts: { A: '2021', Bother: 'single' }, cells: { 'A.norm.made': 3, 'A.norm.repealed': 1, 'A.norm.valid': 24, 'A.permit.dec': 12581 } },
      },
      {
        name: 'seed 001 (岭东 2020): 2019 table A in a 2020 report',
        valid: true,
        input: { year: 2020, templateParts: { A: '2019' }, cells: { 'A19.permit.prev': 16, 'A19.permit.delta': 16, 'A19.permit.dec': 16 } },
      },
      {
        name: 'seed 001 (岭东) 2019 table A reused for a 2021 report',
        valid: false,
        input: { year: 2021, templateParts: { A: '2019' }, cells: { 'A19.permit.prev': 16, 'A19.permit.delta': 16, 'A19.permit.dec': 16 } },
      },
    ],
  },
  check(ctx) {
    const { model } = ctx;
    const year = model.year;
    const layout = aLayouts(model)[0];
    if (year === undefined || !layout) return;
    const found = layout.prefix === 'A19' ? '2019' : '2021';
    const expected = year <= 2020 ? '2019' : '2021';
    if (found === expected) return;
    // Mark table A: its first cell in template order.
    const refs: CellRef[] = layout.blocks.flatMap((b) => b.rows.flatMap((r) => b.cols.map((c) => `${layout.prefix}.${r.key}.${c.key}`)));
    const first = refs.find((r) => model.tables.A?.cells[r]);
    ctx.report({ data: { year, expected, found, doc: TEMPLATE_DOC[expected] }, cells: first ? [first] : [] });
  },
});

/** 条例第四十九条: 县级以上人民政府部门 by 31 January, 人民政府 (via their 主管部门) by 31 March. */
function agencyKind(name: string | undefined): 'government' | 'department' | 'unknown' {
  if (!name) return 'unknown';
  if (/政府$/.test(name)) return 'government';
  if (/(?:局|委员会|委|厅|办公室|办|中心|院|署|所|队|馆|站)$/.test(name)) return 'department';
  return 'unknown';
}

const YEAR_SIGNOFF = defineRule({
  meta: {
    id: 'YEAR-SIGNOFF',
    severity: 'info',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'The sign-off date falls in the year after the report year, by the statutory deadline (31 Jan departments, 31 Mar governments).',
    messages: {
      lateDepartment: {
        zh: '落款日期 {date} 晚于法定发布时限 {deadline}（政府部门应于1月31日前公布年度报告）',
        en: 'The sign-off date {date} is after the statutory deadline {deadline} (government departments publish by 31 January)',
      },
      lateGovernment: {
        zh: '落款日期 {date} 晚于法定发布时限 {deadline}（人民政府应于3月31日前公布年度报告）',
        en: 'The sign-off date {date} is after the statutory deadline {deadline} (people\'s governments publish by 31 March)',
      },
      lateUnknown: {
        zh: '落款日期 {date} 晚于最迟的法定发布时限 {deadline}',
        en: 'The sign-off date {date} is after the latest statutory deadline, {deadline}',
      },
      wrongYear: {
        zh: '落款日期 {date} 不在报告年度的次年（{expected} 年），请核实年度或落款',
        en: 'The sign-off date {date} is not in {expected}, the year after the report year; please check the year or the date',
      },
    },
    examples: [
      {
        name: 'seed 002 (保山 2021) signed 2022年1月24日 by a department',
        valid: true,
        input: { year: 2021, yearSource: 'body', paras: [{ text: '2021年,我委没有因政府信息公开申请行政复议和提起行政诉讼情况发生。', section: 4 }, { text: '保山市卫生健康委员会' }, { text: ' 2022年1月24日' }] },
      },
      {
        name: '沭阳 2025 government report signed 2026年1月23日',
        valid: true,
        input: { year: 2025, title: '# 沐阳县人民政府 2025 年 政府信息公开工作年度报告', paras: [{ text: '沐阳县人民政府' }, { text: '2026年1月23日' }] },
      },
      {
        name: 'seed 002 (保山) sign-off copied from the year before: 2021年1月24日 on the 2021 report',
        valid: false,
        input: { year: 2021, paras: [{ text: '保山市卫生健康委员会' }, { text: ' 2021年1月24日' }] },
      },
      {
        name: 'seed 002 (保山) department report signed 2022年3月5日',
        valid: false,
        input: { year: 2021, paras: [{ text: '保山市卫生健康委员会' }, { text: '2022年3月5日' }] },
      },
    ],
  },
  check(ctx) {
    const { model } = ctx;
    const year = model.year;
    if (year === undefined) return;
    const s = model.signoff;
    if (!s) return;
    const span = paraSource(model, s.para);
    if (s.y !== year + 1) {
      ctx.report({ messageId: 'wrongYear', data: { date: s.text, expected: year + 1, year }, cells: [], ...span });
      return;
    }
    const kind = agencyKind(model.agency ?? model.titleAgency ?? s.agency);
    const lastMonth = kind === 'department' ? 1 : 3;
    if (s.m <= lastMonth) return;
    const deadline = `${year + 1}年${lastMonth}月31日`;
    const messageId = kind === 'department' ? 'lateDepartment' : kind === 'government' ? 'lateGovernment' : 'lateUnknown';
    ctx.report({ messageId, data: { date: s.text, deadline }, cells: [], ...span });
  },
});

export const yearRules: Rule[] = [YEAR_DETECT, YEAR_BODY_MISMATCH, YEAR_STAT_PERIOD, YEAR_TEMPLATE, YEAR_SIGNOFF];
