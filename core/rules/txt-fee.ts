// TXT-ACT-FEE (domain.md §2.4): the 行政事业性收费 amount the narrative states, against table A's
// 本年收费金额 (万元, 2021 template: A.fee.amt). Only a sentence that names 行政事业性收费 itself: the
// 信息处理费 that section 六 reports is another thing (domain.md §2.3; 上海市科委 2024 「未发生政府信息公开收费
// 事项」, 沭阳县发改局 2023 「未发生收费情况」 state no amount of table A), and is never read here.
//
// The text may round (「4068.21万元」 for 4068.208) or write 元: the amounts agree when the table's, in the
// text's unit, rounds to the text's figure at the text's decimals.
import { defineRule, type Rule } from './rule.ts';
import { boundNumbers, canCompare, cellNumber, comparableSentences, excerpt } from './txt-match.ts';

const FEE_RE = /行政事业性收费(?:收入|金额|总额|总金额|数额)?(?:共计|合计|共|为|是|达|：|:|，|,){0,2}(?<n>\d+(?:\.\d+)?)(?:万元|元)/dg;
const INFO_FEE = /信息处理费|政府信息公开收费/;

/** The table's amount (万元) in the text's unit, rounded as the text is. */
function agrees(text: number, raw: string, unit: string, table: number): boolean {
  const decimals = raw.includes('.') ? raw.length - raw.indexOf('.') - 1 : 0;
  const inUnit = unit === '元' ? table * 10_000 : table;
  return Math.abs(Number(inUnit.toFixed(decimals)) - text) < 1e-9;
}

const TXT_ACT_FEE = defineRule({
  meta: {
    id: 'TXT-ACT-FEE',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2021'],
    table: 'text',
    description: 'The 行政事业性收费 amount the narrative states, against table A 本年收费金额（万元）; never the 信息处理费 of section 六.',
    messages: {
      main: {
        zh: '正文「{excerpt}」称行政事业性收费 {n}{unit}，表中本年收费金额为 {v} 万元',
        en: 'The text ("{excerpt}") gives {n} {unit} of administrative fees; table A has {v} (10,000 yuan)',
      },
    },
    caveat: {
      zh: '正文与表格的金额单位（元或万元）和取舍位数可能不同，请对照原文核实。',
      en: 'The text and the table may use different units (yuan or 10,000 yuan) or round differently. Please check the text.',
    },
    examples: [
      {
        name: '平潭 2021 table A 行政事业性收费 24252.311082 万元, a sentence stating it rounded to 24252.31万元',
        valid: true,
        input: { year: 2021, cells: { 'A.fee.amt': 24252.311082 }, paras: [{ text: '全年行政事业性收费共计24252.31万元，均按规定公开收费项目。', section: 2 }] },
      },
      {
        name: '保山 2021 table A 127.68 万元, a sentence stating it in 元',
        valid: true,
        input: { year: 2021, cells: { 'A.fee.amt': 127.68 }, paras: [{ text: '本年度行政事业性收费金额为1276800元。', section: 2 }] },
      },
      {
        name: '保山 2021 table A 127.68 万元 against a sentence stating 172.68万元',
        valid: false,
        input: { year: 2021, cells: { 'A.fee.amt': 127.68 }, paras: [{ text: '本年度行政事业性收费金额为172.68万元。', section: 2 }] },
      },
    ],
  },
  check(ctx) {
    const { model } = ctx;
    if (!model.tables.A || model.templateParts.A === '2019') return;
    const v = cellNumber(model, 'A.fee.amt');
    for (const s of comparableSentences(model)) {
      if (!s.text.includes('行政事业性收费') || INFO_FEE.test(s.text)) continue;
      for (const { q, m } of boundNumbers(s, FEE_RE)) {
        if (!canCompare(ctx, s, q, v, '行政事业性收费')) continue;
        const raw = m.groups!['n']!;
        if (!agrees(q.n, raw, q.unit, v)) ctx.report({ data: { n: raw, unit: q.unit, v, excerpt: excerpt(s.text, m.index, q.end) }, cells: ['A.fee.amt'], span: s.span });
      }
    }
  },
});

export const txtFeeRules: Rule[] = [TXT_ACT_FEE];
