// TXT-*: what the narrative says against what the tables say, domain.md §2.4. Every rule is heuristic:
// a number is compared only when it is bound to its noun in one clause (「受理政府信息公开申请21件」), is
// exact (not 「近20条」「5500余条」), and its sentence neither compares with nor speaks of another year.
// The parts-versus-whole rules live in txt-parts.ts, the matching they share in txt-match.ts.
import type { CellRef, ReportModel } from '../types.ts';
import { defineRule, type Rule, type RuleContext } from './rule.ts';
import { NUM_SRC } from '../text/numbers.ts';
import { CAVEAT, NOT_APPLICATIONS, applicationsReceived, boundNumbers, canCompare, cellNumber, cellSum, clauseBefore, comparableSentences, contextOf, excerpt } from './txt-match.ts';
import { B_ORG_COLS } from '../template/table-b.ts';
import { HUAIAN_2024_C, HUAIAN_2024_CASES, tableB, tableC } from './examples.ts';

const APP_UNIT = '(?:件|条|个|宗|份)';

const TXT_APP_NEW = defineRule({
  meta: {
    id: 'TXT-APP-NEW',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'The number of applications the narrative says were received equals table B 本年新收 (or 新收 + 上年结转, which some reports call 受理).',
    messages: {
      main: {
        zh: '正文「{excerpt}」称{verb}申请 {n} 件，表中本年新收为 {tot} 件',
        en: 'The text ("{excerpt}") says {n} applications were received, but table B has {tot} new applications',
      },
      withCarry: {
        zh: '正文「{excerpt}」称{verb}申请 {n} 件，表中本年新收为 {tot} 件（加上年结转为 {avail} 件）',
        en: 'The text ("{excerpt}") says {n} applications were received, but table B has {tot} new applications ({avail} with those carried over)',
      },
    },
    caveat: CAVEAT,
    examples: [
      {
        name: '洪泽 2023 「2023年全区受理政府信息公开申请21件，均在法定期限答复」, table 21',
        valid: true,
        input: { year: 2023, cells: tableB({ new: [21, 0, 0, 0, 0, 0, 21], partial: [4, 0, 0, 0, 0, 0, 4], total: [21, 0, 0, 0, 0, 0, 21] }), paras: [{ text: '（二）依申请公开情况。进一步规范依申请公开流程，畅通依申请公开受理渠。2023年全区受理政府信息公开申请21件，均在法定期限答复。', section: 1 }] },
      },
      {
        name: '沭阳县 2025 「全县全年共受理政府信息公开申请 749 件」 = 新收 713 + 上年结转 36',
        valid: true,
        input: {
          year: 2025,
          cells: tableB({ new: [705, 3, 0, 0, 5, 0, 713], carry_in: [36, 0, 0, 0, 0, 0, 36], carry_out: [31, 0, 0, 0, 0, 0, 31] }),
          paras: [{ text: '全县全年共受理政府信息公开申请 749 件，其中自然人申请 741 件，法人或其他组织申请 8 件；共办理 718 件，结转下一年 31 件。', section: 1 }],
        },
      },
      {
        name: 'seed 003 (泰山 2022) 「数量比2021年多1条」: the comparing clause is left out, this year\'s 2 agrees',
        valid: true,
        input: { year: 2022, cells: tableB({ new: [2, 0, 0, 0, 0, 0, 2] }), paras: [{ text: '2、依申请公开方面。2022年收到政府信息公开申请数量2条，数量比2021年多1条，均按照时限要求进行答复。', section: 1 }] },
      },
      {
        name: 'seed 003\'s sentence against a table of 1: this year\'s 2 is still read beside the comparison',
        valid: false,
        input: { year: 2022, cells: tableB({ new: [1, 0, 0, 0, 0, 0, 1] }), paras: [{ text: '2、依申请公开方面。2022年收到政府信息公开申请数量2条，数量比2021年多1条，均按照时限要求进行答复。', section: 1 }] },
      },
      {
        name: 'a sentence that only compares: 「收到申请比2021年多1条」',
        valid: true,
        input: { year: 2022, cells: tableB({ new: [2, 0, 0, 0, 0, 0, 2] }), paras: [{ text: '本年收到政府信息公开申请比2021年多1条。', section: 1 }] },
      },
      {
        name: 'seed 004 (鄞州 2021) 「2020年，我单位接到依申请公开3条」 speaks of another year',
        valid: true,
        input: { year: 2021, cells: tableB({ new: [2, 0, 0, 0, 0, 0, 2] }), paras: [{ text: '2020年，我单位接到依申请公开3条，均及时办结，无行政复议和提起诉讼情况。', section: 1 }] },
      },
      {
        name: '「本年新收151件」 (row 一\'s own wording, no 申请) against 一 总计 150',
        valid: false,
        input: { year: 2024, cells: tableB({ new: [150, 0, 0, 0, 0, 0, 150] }), paras: [{ text: '全年共办理政府信息公开申请事项，本年新收151件，均按时答复。', section: 1 }] },
      },
      {
        name: '沭阳发改 2023 「我局共收到依申请信息公开26件」, table 25',
        valid: false,
        input: { year: 2023, cells: tableB({ new: [25, 0, 0, 0, 0, 0, 25] }), paras: [{ text: '2023年度我局共收到依申请信息公开26件，及时回复申请人，并将申请人所申请的信息通过电子邮箱发送给申请人', section: 1 }] },
      },
      {
        name: 'seed 001 (岭东 2020) 「2020年共收到1条依申请公开信息」, table 2',
        valid: false,
        input: { year: 2020, cells: tableB({ new: [2, 0, 0, 0, 0, 0, 2] }, '2019'), paras: [{ text: '2020年共收到1条依申请公开信息，其中1个自然人申请信息，我局已全部及时答复，无引发诉讼、行政复议等情况。', section: 1 }] },
      },
    ],
  },
  check(ctx) {
    const { model } = ctx;
    const tot = cellNumber(model, 'B.new.tot');
    const cin = cellNumber(model, 'B.carry_in.tot');
    for (const a of applicationsReceived(comparableSentences(model))) {
      if (!canCompare(ctx, a.s, a.q, tot, a.verb)) continue;
      if (a.n === tot) continue;
      // 「受理」 often counts what was carried over too (沭阳县 2025: 749 = 713 + 36); 「新收」 never does.
      const avail = cin !== null && cin > 0 && a.verb !== '新收' ? tot + cin : null;
      if (avail !== null && a.n === avail) continue;
      const data = { n: a.n, tot, verb: a.verb, excerpt: excerpt(a.s.text, a.start, a.end) };
      ctx.report(avail !== null ? { messageId: 'withCarry', data: { ...data, avail }, cells: ['B.new.tot', 'B.carry_in.tot'], span: a.s.span } : { data, cells: ['B.new.tot'], span: a.s.span });
    }
  },
});

// 「我委未收到要求公开政府信息的申请」 (seed 002), 「申请数量为0件」.
const APP_NONE_A = /(?:未|没有|无)(?:发生|出现)?(?:收到|接到|受理|新收)(?:过|到)?(?<gap>[^，,。；;\d]{0,20}?)申请(?!人)/;
const APP_NONE_B = /(?:收到|接到|受理|新收)(?<gap>[^，,。；;\d]{0,20}?)申请(?:数量|数|总数|总量)?(?:为|是)?(?:0|零)(?:件|条|个)/;

const TXT_APP_NONE = defineRule({
  meta: {
    id: 'TXT-APP-NONE',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'The narrative says no application was received, but table B 本年新收 is above 0.',
    messages: {
      main: {
        zh: '正文「{excerpt}」称未收到申请，但表中本年新收为 {tot} 件',
        en: 'The text ("{excerpt}") says no application was received, but table B has {tot} new applications',
      },
    },
    caveat: CAVEAT,
    examples: [
      {
        name: 'seed 002 (保山 2021) 「2021年，我委未收到要求公开政府信息的申请」, table 0',
        valid: true,
        input: { year: 2021, cells: tableB({}), paras: [{ text: '明确了依申请公开的受理机构和程序,并在政府信息公开网站上进行公开,2021年,我委未收到要求公开政府信息的申请。', section: 3 }] },
      },
      {
        name: 'seed 002 (保山) sentence with 3 new applications in the table',
        valid: false,
        input: { year: 2021, cells: tableB({ new: [3, 0, 0, 0, 0, 0, 3], open: [3, 0, 0, 0, 0, 0, 3], total: [3, 0, 0, 0, 0, 0, 3] }), paras: [{ text: '明确了依申请公开的受理机构和程序,并在政府信息公开网站上进行公开,2021年,我委未收到要求公开政府信息的申请。', section: 3 }] },
      },
    ],
  },
  check(ctx) {
    const { model } = ctx;
    const tot = cellNumber(model, 'B.new.tot');
    if (tot === null || tot === 0) return;
    for (const s of comparableSentences(model)) {
      if (!s.text.includes('申请')) continue;
      const m = APP_NONE_A.exec(s.text) ?? APP_NONE_B.exec(s.text);
      if (!m || NOT_APPLICATIONS.test(m.groups?.['gap'] ?? '')) continue;
      ctx.report({ data: { tot, excerpt: excerpt(s.text, m.index, m.index + m[0].length) }, cells: ['B.new.tot'], span: s.span });
    }
  },
});

type Outcome = { label: string; rows: (model: ReportModel) => string[] };
const OTHER_ROWS = (model: ReportModel) => (model.tables.B?.cells['B.other.tot'] ? ['other'] : ['other1', 'other2', 'other3']);
const OUTCOMES: Record<string, Outcome> = {
  予以公开及部分公开: { label: '予以公开及部分公开', rows: () => ['open', 'partial'] },
  予以公开: { label: '予以公开', rows: () => ['open'] },
  同意公开: { label: '予以公开', rows: () => ['open'] },
  部分公开: { label: '部分公开', rows: () => ['partial'] },
  不予公开: { label: '不予公开', rows: () => ['deny1', 'deny2', 'deny3', 'deny4', 'deny5', 'deny6', 'deny7', 'deny8'] },
  无法提供: { label: '无法提供', rows: () => ['unable1', 'unable2', 'unable3'] },
  不予处理: { label: '不予处理', rows: () => ['reject1', 'reject2', 'reject3', 'reject4', 'reject5'] },
  其他处理: { label: '其他处理', rows: OTHER_ROWS },
};
// 「同意公开答复 9 件」「无法提供的 10 件」 (上海市科委 2024), 「因本机关不掌握等原因无法提供 564 件」 (上海市政府办公厅 2025).
const OUTCOME_RE = new RegExp(
  `(?<label>予以公开(?:及|和|或|、)部分公开|予以公开|同意公开|部分公开|不予公开|无法提供|不予处理|其他处理)(?:答复|决定|告知)?(?:的)?(?:共|为|共计|有)?(?<n>${NUM_SRC})(?:余|多)?(?:件|条|个|宗)`,
  'dg',
);

const TXT_APP_OUTCOME = defineRule({
  meta: {
    id: 'TXT-APP-OUTCOME',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'An outcome count in the narrative (予以公开 N, 不予公开 N, …) equals its row, or the sum of its group\'s rows, in table B 总计.',
    messages: {
      main: {
        zh: '正文「{excerpt}」称{outcome} {n} 件，表中为 {v} 件',
        en: 'The text ("{excerpt}") gives {n} for {outcome}, but table B has {v}',
      },
    },
    caveat: CAVEAT,
    examples: [
      {
        name: '上海市科委 2024 「所有办结的信息公开申请中同意公开答复 9 件」, table 9',
        valid: true,
        input: { year: 2024, cells: tableB({ new: [32, 2, 0, 0, 0, 0, 34], open: [9, 0, 0, 0, 0, 0, 9] }), paras: [{ text: '全年收到政府信息公开申请 34 件，上年结转政府信息公开申请 2 件，所有申请均已按要求办理完成。所有办结的信息公开申请中同意公开答复 9 件，部分公开答复 0 件。', section: 1 }] },
      },
      {
        name: '上海市科委 2024 「不予公开答复 2 件」 with 3 withheld in the table',
        valid: false,
        input: { year: 2024, cells: tableB({ new: [32, 2, 0, 0, 0, 0, 34], open: [9, 0, 0, 0, 0, 0, 9], deny3: [1, 0, 0, 0, 0, 0, 1], deny6: [2, 0, 0, 0, 0, 0, 2] }), paras: [{ text: '所有办结的信息公开申请中同意公开答复 9 件，部分公开答复 0 件，不予公开答复 2 件，无法提供的 10 件。', section: 1 }] },
      },
    ],
  },
  check(ctx) {
    const { model } = ctx;
    if (!model.tables.B) return;
    for (const s of comparableSentences(model, [undefined, 1, 3, 4])) {
      if (!/公开|提供|处理/.test(s.text) || !contextOf(s).includes('申请')) continue;
      for (const { q, m } of boundNumbers(s, OUTCOME_RE)) {
        if (s.text[m.index - 1] === '不') continue; // 「不予以公开」
        const outcome = OUTCOMES[m.groups!['label']!]!;
        const refs = outcome.rows(model).map((r) => `B.${r}.tot`);
        const v = refs.length === 1 ? cellNumber(model, refs[0]!) : cellSum(model, refs);
        // 上海市科委 2024: table B's outcome rows could not be paired with their numbers
        if (!canCompare(ctx, s, q, v, outcome.label)) continue;
        if (v === q.n) continue;
        ctx.report({ data: { outcome: outcome.label, n: q.n, v, excerpt: excerpt(s.text, m.index, q.end) }, cells: refs, span: s.span });
      }
    }
  },
});

const NP_A = new RegExp(`自然人(?:提出(?:的)?)?(?:申请)?(?:数量|数)?(?:共|为|共计|有)?(?<n>${NUM_SRC})(?:余|多)?${APP_UNIT}`, 'dg');
const NP_B = new RegExp(`(?<n>${NUM_SRC})${APP_UNIT}(?:为|是|系)?(?:由)?自然人(?:提出(?:的)?)?申请`, 'dg');
const ORG_A = new RegExp(`法人(?:或者|或|和|及|、)?(?:其他组织)?(?:提出(?:的)?)?(?:申请)?(?:数量|数)?(?:共|为|共计|有)?(?<n>${NUM_SRC})(?:余|多)?${APP_UNIT}`, 'dg');
// One organisation column by name: 「涉及自然人72件、商业企业3件」 (平潭 2022). 「其他」 alone is too common a word to bind.
const orgCol = (word: string) => new RegExp(`${word}(?:提出(?:的)?)?(?:申请)?(?:数量|数)?(?:共|为|共计|有)?(?<n>${NUM_SRC})(?:余|多)?${APP_UNIT}`, 'dg');
const ORG_COLS = [
  { word: '商业企业', col: 'biz', en: 'businesses' },
  { word: '科研机构', col: 'sci', en: 'research institutions' },
  { word: '社会公益组织', col: 'ngo', en: 'non-profit organisations' },
  { word: '法律服务机构', col: 'law', en: 'legal service providers' },
].map((o) => ({ res: [orgCol(o.word)], word: o.word, zh: o.word, en: o.en, refs: [`B.new.${o.col}`], carry: [`B.carry_in.${o.col}`] }));

const TXT_APP_APPLICANT = defineRule({
  meta: {
    id: 'TXT-APP-APPLICANT',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'text',
    description:
      'Applications by natural persons / by organisations (or one kind of organisation: 商业企业, 科研机构, 社会公益组织, 法律服务机构) in the narrative equal table B 本年新收 自然人 / the organisation columns / that column (or with 上年结转 added).',
    messages: {
      main: {
        zh: '正文「{excerpt}」称{who}申请 {n} 件，表中本年新收为 {v} 件',
        en: 'The text ("{excerpt}") says {n} applications came from {whoEn}, but table B has {v}',
      },
    },
    caveat: CAVEAT,
    examples: [
      {
        name: '沭阳县 2025 「其中自然人申请 741 件，法人或其他组织申请 8 件」 (新收 + 上年结转)',
        valid: true,
        input: {
          year: 2025,
          cells: tableB({ new: [705, 3, 0, 0, 5, 0, 713], carry_in: [36, 0, 0, 0, 0, 0, 36] }),
          paras: [{ text: '全县全年共受理政府信息公开申请 749 件，其中自然人申请 741 件，法人或其他组织申请 8 件；共办理 718 件，结转下一年 31 件。', section: 1 }],
        },
      },
      {
        name: 'seed 001 (岭东 2020) 「其中1个自然人申请信息」, 1 in the table',
        valid: true,
        input: { year: 2020, cells: tableB({ new: [1, 0, 0, 0, 0, 0, 1] }, '2019'), paras: [{ text: '接收渠道为市政府官方网站，2020年共收到1条依申请公开信息，其中1个自然人申请信息，我局已全部及时答复。', section: 1 }] },
      },
      {
        name: '平潭 2022 「全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件」 = 71 + 1 carried over, 3',
        valid: true,
        input: { year: 2022, cells: tableB({ new: [71, 3, 0, 0, 0, 0, 74], carry_in: [1, 0, 0, 0, 0, 0, 1] }), paras: [{ text: '2022年，全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件，均在法定期限内予以答复，办结率100%。', section: 1 }] },
      },
      {
        name: '平潭 2022 sentence with 「商业企业4件」 against 3 in the table',
        valid: false,
        input: { year: 2022, cells: tableB({ new: [71, 3, 0, 0, 0, 0, 74], carry_in: [1, 0, 0, 0, 0, 0, 1] }), paras: [{ text: '2022年，全区收到政府信息公开申请75件，涉及自然人72件、商业企业4件，均在法定期限内予以答复，办结率100%。', section: 1 }] },
      },
      {
        name: '沭阳县 2025 sentence with 6 organisation applications in the table',
        valid: false,
        input: {
          year: 2025,
          cells: tableB({ new: [707, 1, 0, 0, 5, 0, 713], carry_in: [36, 0, 0, 0, 0, 0, 36] }),
          paras: [{ text: '全县全年共受理政府信息公开申请 749 件，其中自然人申请 743 件，法人或其他组织申请 8 件；共办理 718 件，结转下一年 31 件。', section: 1 }],
        },
      },
    ],
  },
  check(ctx) {
    const { model } = ctx;
    if (!model.tables.B) return;
    const orgNew = B_ORG_COLS.map((c) => `B.new.${c}`);
    const orgIn = B_ORG_COLS.map((c) => `B.carry_in.${c}`);
    const who = [
      { res: [NP_A, NP_B], word: '自然人', zh: '自然人', en: 'natural persons', refs: ['B.new.np'], carry: ['B.carry_in.np'] },
      { res: [ORG_A], word: '法人', zh: '法人或其他组织', en: 'organisations', refs: orgNew, carry: orgIn },
      ...ORG_COLS,
    ];
    for (const s of comparableSentences(model)) {
      if (!contextOf(s).includes('申请')) continue;
      for (const w of who) {
        if (!s.text.includes(w.word)) continue;
        const seen = new Set<number>();
        for (const re of w.res) {
          for (const { q, m } of boundNumbers(s, re)) {
            if (seen.has(q.start)) continue;
            seen.add(q.start);
            const v = cellSum(model, w.refs);
            if (!canCompare(ctx, s, q, v, w.zh)) continue;
            if (v === q.n) continue;
            const cin = cellSum(model, w.carry);
            if (cin !== null && v + cin === q.n) continue;
            ctx.report({ data: { who: w.zh, whoEn: w.en, n: q.n, v, excerpt: excerpt(s.text, Math.min(m.index, q.start), Math.max(q.end, m.index + m[0].length)) }, cells: w.refs, span: s.span });
          }
        }
      }
    }
  },
});

// ---------------------------------------------------------------------------------------------
// Review and litigation

// A qualified count is a part, not the total: 「被纠错的行政复议2件」, 「结果维持…」.
const QUALIFIED = /纠错|纠正|维持|败诉|胜诉|撤销|审结|结果|被|办结|直接起诉|复议后|确认违法|以来/;
const NEGATION_CLAUSE_END = /(?:情况|情形|案件|事件|事项)(?:发生)?$|(?:行政复议|行政诉讼|诉讼|复议)$/;

/** 「无行政复议和提起诉讼情况」 (seed 004), 「没有因政府信息公开申请行政复议和提起行政诉讼情况发生」 (seed 002). */
export function negatedCases(sentence: string): { review: boolean; litigation: boolean; at: number; end: number } | undefined {
  let from = 0;
  for (const clause of sentence.split(/[，,；;。！!？?]/)) {
    const at = from;
    from += clause.length + 1;
    if (!/复议|诉讼/.test(clause) || /\d|[一二三四五六七八九十]件/.test(clause)) continue;
    // 「未发生因依申请公开被行政复议纠错或行政诉讼败诉情形」 (上海市政府办公厅 2025) is about outcomes; 「未经复议」 is a route.
    if (QUALIFIED.test(clause) || /未经|尚未|无需|无须|无法/.test(clause)) continue;
    const neg = /无|没有|未/.exec(clause);
    const noun = /复议|诉讼/.exec(clause)!;
    if (!neg || neg.index > noun.index || !NEGATION_CLAUSE_END.test(clause)) continue;
    return { review: clause.includes('复议'), litigation: clause.includes('诉讼'), at, end: at + clause.length };
  }
  return undefined;
}

type CaseRule = { id: 'TXT-REVIEW' | 'TXT-LITIGATION'; noun: string; refs: CellRef[]; a: RegExp; b: RegExp };

// 「做好相关行政复议、行政诉讼案件的应诉工作，全县共办理相关案件74件」 (沭阳县 2025): reviews and suits together.
const BOTH_CASES_RE = new RegExp(`(?<![议讼])(?:相关|上述|此类|各类|涉诉|两类)?案件(?:共计|共|为|有|达)?(?<n>${NUM_SRC})(?:余|多)?(?:件|起|宗|个)`, 'dg');

function checkCases(ctx: RuleContext, r: CaseRule): void {
  const { model } = ctx;
  const v = cellSum(model, r.refs);
  // Every total must be a number: an empty total is not 0.
  const read = v !== null && r.refs.every((ref) => cellNumber(model, ref) !== null);
  for (const s of comparableSentences(model)) {
    if (!s.text.includes(r.noun.slice(-2))) continue;
    // Table C counts reviews and suits about information disclosure only: a sentence elsewhere may count
    // all of the agency's lawsuits, so it must say so; section 四 (政府信息公开行政复议、行政诉讼情况) is
    // about nothing else (issue 19: 「全年发生行政诉讼22件」 there, against 23 in table C).
    const scoped = s.section === 4 || /公开|申请|复议/.test(contextOf(s));
    const seen = new Set<number>();
    for (const re of [r.a, r.b]) {
      for (const { q, m } of boundNumbers(s, re)) {
        if (seen.has(q.start)) continue;
        seen.add(q.start);
        const end = m.index + m[0].length;
        if (QUALIFIED.test(clauseBefore(s.text, m.index)) || QUALIFIED.test(m.groups?.['gap'] ?? '') || /^(?:纠错|被|结果|维持|纠正|败诉|撤销)/.test(s.text.slice(end))) continue;
        if (!scoped || !read) {
          ctx.notCompared(s, q, scoped ? 'cell-not-read' : 'agency-wide-cases', r.noun);
          continue;
        }
        ctx.compared(s, q);
        if (q.n === v) continue;
        ctx.report({ data: { n: q.n, v, excerpt: excerpt(s.text, m.index, Math.max(end, q.end)) }, cells: r.refs, span: s.span });
      }
    }
    if (/复议/.test(s.text) && /诉讼/.test(s.text)) for (const { q } of boundNumbers(s, BOTH_CASES_RE)) if (!seen.has(q.start)) ctx.notCompared(s, q, 'ambiguous-subject', '案件');
    if (!scoped || !read || v === null) continue;
    if (v > 0) {
      const none = negatedCases(s.text);
      if (none && (r.id === 'TXT-REVIEW' ? none.review : none.litigation)) {
        ctx.report({ messageId: 'none', data: { v, excerpt: excerpt(s.text, none.at, none.end) }, cells: r.refs, span: s.span });
      }
    }
  }
}

const caseRe = (noun: string, extra: string) => ({
  a: new RegExp(`${noun}(?:${extra})?(?:数量|数)?(?:共|为|共计|有|达)?(?<n>${NUM_SRC})(?:余|多)?(?:件|起|宗|个)`, 'dg'),
  b: new RegExp(`(?<n>${NUM_SRC})(?:件|起|宗|个)(?<gap>[^，,。；;\\d]{0,16}?的)?${noun}(?!机关|决定书)`, 'dg'),
});

const REVIEW: CaseRule = { id: 'TXT-REVIEW', noun: '行政复议', refs: ['C.rev.total'], ...caseRe('行政复议', '案件|申请') };
const LITIGATION: CaseRule = { id: 'TXT-LITIGATION', noun: '行政诉讼', refs: ['C.litd.total', 'C.lita.total'], ...caseRe('行政诉讼', '案件|应诉案件') };

const TXT_REVIEW = defineRule({
  meta: {
    id: 'TXT-REVIEW',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'The number of administrative reviews in the narrative (or 「未发生…行政复议」) equals table C 行政复议 总计.',
    messages: {
      main: { zh: '正文「{excerpt}」称行政复议 {n} 件，表中为 {v} 件', en: 'The text ("{excerpt}") gives {n} administrative reviews, but table C has {v}' },
      none: { zh: '正文「{excerpt}」称没有行政复议，但表中行政复议总计为 {v} 件', en: 'The text ("{excerpt}") says there was no administrative review, but table C has {v}' },
    },
    caveat: CAVEAT,
    examples: [
      {
        name: '淮安 2024 「政府信息公开行政复议351件，其中结果维持72件…」, table 351',
        valid: true,
        input: { year: 2024, cells: tableC(HUAIAN_2024_C), paras: [{ text: HUAIAN_2024_CASES, section: 1 }] },
      },
      {
        name: '上海市政府办公厅 2025 「全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形」 is about outcomes',
        valid: true,
        input: { year: 2025, cells: tableC([30, 5, 10, 10, 55, 5, 0, 5, 2, 12, 10, 2, 5, 5, 22]), paras: [{ text: '全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。', section: 1 }] },
      },
      {
        name: '上海市科委 2024 「2024 年市科委有 1 件涉及政府信息公开工作的行政复议」, table 2',
        valid: false,
        input: { year: 2024, cells: tableC([1, 0, 0, 1, 2]), paras: [{ text: '2024年市科委有1件涉及政府信息公开工作的行政复议，该行政复议件未被复议审查机关纠错。涉及的行政诉讼数为0件。', section: 1 }] },
      },
      {
        name: 'seed 003 (泰山 2022) 「全年没有发生因政府信息公开申请提起行政复议、行政诉讼情况」, table 1',
        valid: false,
        input: { year: 2022, cells: tableC([1, 0, 0, 0, 1]), paras: [{ text: '统一办理文书格式，全年没有发生因政府信息公开申请提起行政复议、行政诉讼情况。', section: 1 }] },
      },
    ],
  },
  check: (ctx) => checkCases(ctx, REVIEW),
});

const TXT_LITIGATION = defineRule({
  meta: {
    id: 'TXT-LITIGATION',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'The number of lawsuits in the narrative (or 「未…提起行政诉讼」) equals table C 未经复议直接起诉 + 复议后起诉 总计.',
    messages: {
      main: { zh: '正文「{excerpt}」称行政诉讼 {n} 件，表中两类行政诉讼合计 {v} 件', en: 'The text ("{excerpt}") gives {n} lawsuits, but table C has {v} in both kinds together' },
      none: { zh: '正文「{excerpt}」称没有行政诉讼，但表中行政诉讼合计为 {v} 件', en: 'The text ("{excerpt}") says there was no lawsuit, but table C has {v}' },
    },
    caveat: CAVEAT,
    examples: [
      {
        name: '淮安 2024 「政府信息公开行政诉讼46件」 = 26 + 20',
        valid: true,
        input: { year: 2024, cells: tableC(HUAIAN_2024_C), paras: [{ text: HUAIAN_2024_CASES, section: 1 }] },
      },
      {
        name: 'seed 002 (保山 2021) 「我委没有因政府信息公开申请行政复议和提起行政诉讼情况发生」, table 0',
        valid: true,
        input: { year: 2021, cells: tableC([]), paras: [{ text: '2021年,我委没有因政府信息公开申请行政复议和提起行政诉讼情况发生。', section: 4 }] },
      },
      {
        name: '上海市科委 2024 「涉及的行政诉讼数为 0 件」, table 1',
        valid: false,
        input: { year: 2024, cells: tableC([1, 0, 0, 0, 1, 0, 0, 0, 1, 1]), paras: [{ text: '2024年市科委有1件涉及政府信息公开工作的行政复议，该行政复议件未被复议审查机关纠错。涉及的行政诉讼数为0件。', section: 1 }] },
      },
      {
        name: '「全年发生行政诉讼22件」 in section 四 against 23 in table C',
        valid: false,
        input: { year: 2024, cells: tableC([72, 64, 178, 37, 351, 3, 1, 10, 3, 17, 4, 1, 1, 0, 6]), paras: [{ text: '全年发生行政诉讼22件，均依法出庭应诉。', section: 4 }] },
      },
      {
        name: 'the same sentence in section 一 may count all of the agency\'s lawsuits: not compared',
        valid: true,
        input: { year: 2024, cells: tableC([72, 64, 178, 37, 351, 3, 1, 10, 3, 17, 4, 1, 1, 0, 6]), paras: [{ text: '全年发生行政诉讼22件，均依法出庭应诉。', section: 1 }] },
      },
      {
        name: 'seed 002 (保山 2021) no-litigation sentence, 1 suit in the table',
        valid: false,
        input: { year: 2021, cells: tableC([0, 0, 0, 0, 0, 0, 0, 0, 1, 1]), paras: [{ text: '2021年,我委没有因政府信息公开申请行政复议和提起行政诉讼情况发生。', section: 4 }] },
      },
    ],
  },
  check: (ctx) => checkCases(ctx, LITIGATION),
});

// 「行政许可185条，行政处罚24条」 (seed 002): how many were published, which is often but not always
// the number of decisions in table A. 「行政许可事项N项」 counts kinds of permit, never compared.
const ACT_RE = new RegExp(`行政(?<kind>许可|处罚|强制)(?:决定|信息|结果|决定书)?(?:共|为|共计|有)?(?<n>${NUM_SRC})(?:余|多)?(?:件|条|个)`, 'dg');
const ACT_ROWS = { 许可: 'permit', 处罚: 'penalty', 强制: 'coercion' } as const;

const TXT_ACT_CROSS = defineRule({
  meta: {
    id: 'TXT-ACT-CROSS',
    severity: 'info',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'Counts of 行政许可/处罚/强制 in sections 一–二 against table A 本年处理决定数量 (the two may be counted differently).',
    messages: {
      main: {
        zh: '正文「{excerpt}」称行政{kind} {n} {unit}，表中本年处理决定数量为 {v}（统计口径可能不同）',
        en: 'The text ("{excerpt}") gives {n} for administrative {kindEn}, table A has {v} decisions (they may be counted differently)',
      },
    },
    caveat: {
      zh: '正文中的数字常指公开的信息条数，表中为处理决定数量，两者口径可能不同；仅供核对。',
      en: 'The text often counts published items while table A counts decisions; the two may legitimately differ. For reference only.',
    },
    examples: [
      {
        name: 'seed 002 (保山 2021) 「行政许可185条，行政处罚24条」 = table A',
        valid: true,
        input: { year: 2021, cells: { 'A.permit.dec': 185, 'A.penalty.dec': 24, 'A.coercion.dec': 0 }, paras: [{ text: '累计在市卫生健康委网页主动公开政务信息504条，其中通知公告22条，政协提案办理8件，行政许可185条，行政处罚24条。', section: 2 }] },
      },
      {
        name: 'seed 002 (保山) sentence against 180 permits in table A',
        valid: false,
        input: { year: 2021, cells: { 'A.permit.dec': 180, 'A.penalty.dec': 24, 'A.coercion.dec': 0 }, paras: [{ text: '累计在市卫生健康委网页主动公开政务信息504条，其中通知公告22条，政协提案办理8件，行政许可185条，行政处罚24条。', section: 2 }] },
      },
    ],
  },
  check(ctx) {
    const { model } = ctx;
    if (!model.tables.A) return;
    const kindEn = { 许可: 'permits', 处罚: 'penalties', 强制: 'coercive measures' };
    for (const s of comparableSentences(model, [undefined, 1, 2])) {
      if (!s.text.includes('行政')) continue;
      for (const { q, m } of boundNumbers(s, ACT_RE)) {
        const kind = m.groups!['kind'] as keyof typeof ACT_ROWS;
        const ref = model.tables.A.cells[`A.${ACT_ROWS[kind]}.dec`] ? `A.${ACT_ROWS[kind]}.dec` : `A19.${ACT_ROWS[kind]}.dec`;
        const v = cellNumber(model, ref);
        if (!canCompare(ctx, s, q, v, `行政${kind}`)) continue;
        if (v === q.n) continue;
        ctx.report({ data: { kind, kindEn: kindEn[kind], n: q.n, unit: q.unit, v, excerpt: excerpt(s.text, m.index, q.end) }, cells: [ref], span: s.span });
      }
    }
  },
});

export const txtRules: Rule[] = [TXT_APP_NEW, TXT_APP_NONE, TXT_APP_OUTCOME, TXT_APP_APPLICANT, TXT_REVIEW, TXT_LITIGATION, TXT_ACT_CROSS];
