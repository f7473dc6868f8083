// TXT-APP-HANDLED, TXT-APP-CARRY: the narrative's account of the year's applications beyond the new ones
// (TXT-APP-NEW, txt.ts) — how many were handled, how many came over from last year and how many go on to
// next year — against table B's 一 + 二 = 三（七） + 四 (domain.md §2.4). Heuristic like every TXT rule:
// a number is compared only when it is bound to its verb in one clause, exact, and its sentence neither
// compares with nor speaks of another year (txt-match.ts).
import type { CellRef, NarrativeSentence } from '../types.ts';
import { defineRule, type Rule } from './rule.ts';
import { NUM_SRC } from '../text/numbers.ts';
import { CAVEAT, NOT_APPLICATIONS, boundNumbers, canCompare, cellNumber, comparableSentences, contextOf, excerpt } from './txt-match.ts';
import { tableB } from './examples.ts';

/**
 * Whether the words before `at` in the sentence (and the sentences just before it) are about
 * information-disclosure applications: 申请 is said before the number, and no other kind of matter
 * (人大建议, 咨询, 信访 …) is named between that 申请 and the number. 「本年度全区共收到70件申请，及时依法依规办结69件」
 * (平潭 2021) binds 办结69件 to the applications of the clause before.
 */
function aboutApplications(s: NarrativeSentence, at: number): boolean {
  // the two sentences before this one, and this one up to `at`
  const context = contextOf(s, 2);
  const before = context.slice(0, context.length - s.text.length + at);
  const last = before.lastIndexOf('申请');
  if (last < 0) return false;
  return !NOT_APPLICATIONS.test(before.slice(last + 2).replace(/结转/g, ''));
}

// 「共办理 718 件」 (沭阳县 2025), 「及时依法依规办结69件」 (平潭 2021), 「本年共办理政府信息公开申请170件」.
const HANDLED_RE = new RegExp(
  `(?<v>办理|处理|办结|答复)(?:了)?(?<gap>[^，,。；;：:\\d（）()]{0,12}?)(?:申请)?(?:数量|数)?(?:共计|合计|共|为|达|计)?(?<n>${NUM_SRC})(?:余|多)?(?:件|条|个)`,
  'dg',
);
/** Words after the verb that make the count something else: 「办理时限」, 「答复率」, 「处理结果」 and the outcome rows. */
const HANDLED_NOT = /时限|期限|率|结果|予以公开|部分公开|无法提供|不予|人大|政协|建议|提案|咨询|信访|投诉|举报|留言|热线|来信|来电|复议|诉讼|结转/;

const TXT_APP_HANDLED = defineRule({
  meta: {
    id: 'TXT-APP-HANDLED',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'text',
    description:
      'The number of applications the narrative says were handled (共办理/处理/办结/答复 N件) equals table B （七）总计, or 一 + 二 (新收 + 上年结转: everything there was to handle).',
    messages: {
      main: {
        zh: '正文「{excerpt}」称{verb}申请 {n} 件，表中办理结果总计为 {handled} 件（本年新收加上年结转为 {avail} 件）',
        en: 'The text ("{excerpt}") says {n} applications were handled, but table B has {handled} in (7) total ({avail} new and carried over)',
      },
    },
    caveat: CAVEAT,
    examples: [
      {
        name: '沭阳县 2025 「共办理 718 件，结转下一年 31 件」 = （七）总计 718',
        valid: true,
        input: {
          year: 2025,
          cells: tableB({ new: [705, 3, 0, 0, 5, 0, 713], carry_in: [36, 0, 0, 0, 0, 0, 36], total: [687, 1, 0, 0, 30, 0, 718], carry_out: [31, 0, 0, 0, 0, 0, 31] }),
          paras: [{ text: '全县全年共受理政府信息公开申请 749 件，其中自然人申请 741 件，法人或其他组织申请 8 件；共办理 718 件，结转下一年 31 件。', section: 1 }],
        },
      },
      {
        name: '平潭 2021 「本年度全区共收到70件申请，及时依法依规办结69件」 = （七）总计 69',
        valid: true,
        input: { year: 2021, cells: tableB({ new: [64, 0, 0, 2, 0, 4, 70], total: [63, 0, 0, 2, 0, 4, 69], carry_out: [1, 0, 0, 0, 0, 0, 1] }), paras: [{ text: '本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。', section: 3 }] },
      },
      {
        name: 'a handled count equal to 新收 + 上年结转 (all there was to handle)',
        valid: true,
        input: { year: 2025, cells: tableB({ new: [150, 0, 0, 0, 0, 0, 150], carry_in: [30, 0, 0, 0, 0, 0, 30], total: [180, 0, 0, 0, 0, 0, 180] }), paras: [{ text: '本年共办理政府信息公开申请180件，均在法定期限内答复。', section: 1 }] },
      },
      {
        name: '「本年共办理政府信息公开申请170件」 against 新收 150 + 上年结转 30 and （七）总计 180',
        valid: false,
        input: { year: 2025, cells: tableB({ new: [150, 0, 0, 0, 0, 0, 150], carry_in: [30, 0, 0, 0, 0, 0, 30], total: [180, 0, 0, 0, 0, 0, 180] }), paras: [{ text: '本年共办理政府信息公开申请170件，均在法定期限内答复。', section: 1 }] },
      },
      {
        name: '平潭 2021 sentence against a table whose （七）总计 is 68',
        valid: false,
        input: { year: 2021, cells: tableB({ new: [64, 0, 0, 2, 0, 4, 70], total: [62, 0, 0, 2, 0, 4, 68], carry_out: [2, 0, 0, 0, 0, 0, 2] }), paras: [{ text: '本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。', section: 3 }] },
      },
      {
        name: '「办理人大代表建议12件」 is not about applications',
        valid: true,
        input: { year: 2025, cells: tableB({ new: [5, 0, 0, 0, 0, 0, 5], total: [5, 0, 0, 0, 0, 0, 5] }), paras: [{ text: '全年收到政府信息公开申请5件，办理人大代表建议12件。', section: 1 }] },
      },
    ],
  },
  check(ctx) {
    const { model } = ctx;
    const handled = cellNumber(model, 'B.total.tot');
    const fresh = cellNumber(model, 'B.new.tot');
    const cin = cellNumber(model, 'B.carry_in.tot');
    const avail = fresh === null ? null : fresh + (cin ?? 0);
    for (const s of comparableSentences(model)) {
      if (!/办理|处理|办结|答复/.test(s.text)) continue;
      for (const { q, m } of boundNumbers(s, HANDLED_RE)) {
        if (HANDLED_NOT.test(m.groups?.['gap'] ?? '') || !aboutApplications(s, q.start)) continue;
        // 「未办结」, 「待处理」; 「不予处理」, 「其他处理」 and 「同意公开答复 9 件」 (上海市科委 2024) are outcome rows
        // (TXT-APP-OUTCOME's); 「转下一年度办理答复的有 1 件」 (the same report) is the carry-over (TXT-APP-CARRY's).
        if (/(?:未|没有|无|不|待|予|其他|公开|提供|告知|同意|下一?年度?|结转|继续)$/.test(s.text.slice(0, m.index))) continue;
        if (handled === null || avail === null) {
          ctx.notCompared(s, q, 'cell-not-read', m.groups!['v']!);
          continue;
        }
        ctx.compared(s, q);
        if (q.n === handled || q.n === avail) continue;
        const cells: CellRef[] = ['B.total.tot', 'B.new.tot', ...(cin !== null ? ['B.carry_in.tot'] : [])];
        ctx.report({ data: { n: q.n, verb: m.groups!['v']!, handled, avail, excerpt: excerpt(s.text, m.index, q.end) }, cells, span: s.span });
      }
    }
  },
});

// 「上年结转政府信息公开申请 2 件」 (上海市科委 2024), 「上年结转29件」.
const CARRY_IN_RE = new RegExp(`上一?年度?结转(?:的)?(?<gap>[^，,。；;：:\\d（）()]{0,14}?)(?:数量|数)?(?:共计|共|为|有)?(?<n>${NUM_SRC})(?:余|多)?(?:件|条|个)`, 'dg');
// 「结转下一年 31 件」 (沭阳县 2025), 「结转下年度继续办理27件」, 「转下一年度办理答复的有 1 件」 (上海市科委 2024).
const CARRY_OUT_A = new RegExp(
  `(?:结转|转入|转)(?:至|到)?下一?年度?(?:继续)?(?:办理|处理)?(?:答复)?(?:的)?(?:申请)?(?:数量|数)?(?:共计|共|为|有)?(?<n>${NUM_SRC})(?:余|多)?(?:件|条|个)`,
  'dg',
);
// 「1件结转下年度继续办理」 (平潭 2021).
const CARRY_OUT_B = new RegExp(`(?<n>${NUM_SRC})(?:件|条|个)(?:申请)?(?:结转|转入)(?:至|到)?下一?年度?`, 'dg');

const TXT_APP_CARRY = defineRule({
  meta: {
    id: 'TXT-APP-CARRY',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'Applications the narrative says were carried over from last year (上年结转 N件) or on to next year (结转下年度 N件) equal table B 二 总计 / 四 总计.',
    messages: {
      in: {
        zh: '正文「{excerpt}」称上年结转申请 {n} 件，表中上年结转为 {v} 件',
        en: 'The text ("{excerpt}") says {n} applications were carried over from last year, but table B has {v}',
      },
      out: {
        zh: '正文「{excerpt}」称结转下年度 {n} 件，表中结转下年度继续办理为 {v} 件',
        en: 'The text ("{excerpt}") says {n} applications go on to next year, but table B has {v}',
      },
    },
    caveat: CAVEAT,
    examples: [
      {
        name: '沭阳县 2025 「结转下一年 31 件」, table 31',
        valid: true,
        input: { year: 2025, cells: tableB({ new: [705, 3, 0, 0, 5, 0, 713], carry_in: [36, 0, 0, 0, 0, 0, 36], carry_out: [31, 0, 0, 0, 0, 0, 31] }), paras: [{ text: '全县全年共受理政府信息公开申请 749 件，其中自然人申请 741 件，法人或其他组织申请 8 件；共办理 718 件，结转下一年 31 件。', section: 1 }] },
      },
      {
        name: '上海市科委 2024 「上年结转政府信息公开申请 2 件」, table 2',
        valid: true,
        input: { year: 2024, cells: tableB({ new: [32, 2, 0, 0, 0, 0, 34], carry_in: [2, 0, 0, 0, 0, 0, 2] }), paras: [{ text: '全年收到政府信息公开申请 34 件，上年结转政府信息公开申请 2 件，所有申请均已按要求办理完成。', section: 1 }] },
      },
      {
        name: '上海市科委 2024 「…其他处理 14 件，转下一年度办理答复的有 1 件」, table 1',
        valid: true,
        input: { year: 2024, cells: tableB({ new: [32, 2, 0, 0, 0, 0, 34], carry_in: [2, 0, 0, 0, 0, 0, 2], carry_out: [1, 0, 0, 0, 0, 0, 1] }), paras: [{ text: '全年收到政府信息公开申请 34 件，上年结转政府信息公开申请 2 件，所有申请均已按要求办理完成。所有办结的信息公开申请中同意公开答复 9 件，部分公开答复 0 件，不予公开答复 2 件，无法提供的 10 件，不予处理 0 件，其他处理 14 件，转下一年度办理答复的有 1 件。', section: 1 }] },
      },
      {
        name: '「上年结转29件」 and 「结转下年度继续办理27件」 against 二 总计 30 and 四 总计 28',
        valid: false,
        input: { year: 2025, cells: tableB({ new: [150, 0, 0, 0, 0, 0, 150], carry_in: [30, 0, 0, 0, 0, 0, 30], carry_out: [28, 0, 0, 0, 0, 0, 28] }), paras: [{ text: '全年新收政府信息公开申请150件，上年结转29件，结转下年度继续办理27件。', section: 1 }] },
      },
      {
        name: '平潭 2021 「1件结转下年度继续办理」 against a table carrying 2 over',
        valid: false,
        input: { year: 2021, cells: tableB({ new: [64, 0, 0, 2, 0, 4, 70], carry_out: [2, 0, 0, 0, 0, 0, 2] }), paras: [{ text: '本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。', section: 3 }] },
      },
    ],
  },
  check(ctx) {
    const { model } = ctx;
    const carry = [
      { messageId: 'in', ref: 'B.carry_in.tot', res: [CARRY_IN_RE] },
      { messageId: 'out', ref: 'B.carry_out.tot', res: [CARRY_OUT_A, CARRY_OUT_B] },
    ] as const;
    for (const s of comparableSentences(model)) {
      if (!/结转|转入?下一?年/.test(s.text)) continue;
      for (const c of carry) {
        const v = cellNumber(model, c.ref);
        const seen = new Set<number>();
        for (const re of c.res) {
          for (const { q, m } of boundNumbers(s, re)) {
            if (seen.has(q.start)) continue;
            seen.add(q.start);
            if (NOT_APPLICATIONS.test((m.groups?.['gap'] ?? '').replace(/结转/g, '')) || !aboutApplications(s, Math.max(m.index, q.end))) continue;
            // 上海市科委 2024's conversion left 四、结转下年度 总计 blank
            if (!canCompare(ctx, s, q, v, c.messageId === 'in' ? '上年结转' : '结转下年度')) continue;
            if (q.n === v) continue;
            ctx.report({ messageId: c.messageId, data: { n: q.n, v, excerpt: excerpt(s.text, Math.min(m.index, q.start), Math.max(q.end, m.index + m[0].length)) }, cells: [c.ref], span: s.span });
          }
        }
      }
    }
  },
});

export const txtFlowRules: Rule[] = [TXT_APP_HANDLED, TXT_APP_CARRY];
