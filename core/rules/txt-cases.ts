// TXT-REVIEW-OUTCOME, TXT-LITIGATION-OUTCOME (domain.md §2.4): the outcomes of reviews and suits the
// narrative lists after their total (淮安市 2024: 「政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，
// 其他结果178件，尚未审结37件；政府信息公开行政诉讼46件，其中结果维持25件…」) against table C's cells. The totals
// themselves are TXT-REVIEW's and TXT-LITIGATION's (txt.ts).
//
// Binding is strict (issue 19: the greedy 「.*?(\d+)件」 of other checkers takes the review's 72 for the
// suits'): an outcome is compared only when it stands in the list that directly follows its subject —
// the subject, its own count, 「其中」, and other outcomes, nothing else in between — and the subject is
// one kind of case. An outcome whose subject is missing, joined to another kind (「行政复议、行政诉讼…」) or
// separated from it by other words is skipped, and counted as skipped.
import type { CellRef, NarrativeSentence } from '../types.ts';
import { defineRule, type Rule, type RuleContext } from './rule.ts';
import { NUM_SRC, blankParens } from '../text/numbers.ts';
import { CAVEAT, boundNumbers, canCompare, cellNumber, comparableSentences, contextOf, excerpt } from './txt-match.ts';
import { C_COL_LABELS, C_GROUP_LABELS } from '../template/table-c.ts';
import { HUAIAN_2024_C, HUAIAN_2024_CASES, tableC } from './examples.ts';

type Kind = 'rev' | 'lit' | 'litd' | 'lita';
type Col = 'keep' | 'fix' | 'other' | 'pending';

// The four outcome columns of table C as reports write them; 纠错 is how reviews are said to correct.
const PART_SRC = '结果维持|维持|结果纠正|被纠正|纠正|被纠错|纠错|其他结果|尚未审结|未审结';
const COL_OF: Record<string, Col> = {
  结果维持: 'keep',
  维持: 'keep',
  结果纠正: 'fix',
  被纠正: 'fix',
  纠正: 'fix',
  被纠错: 'fix',
  纠错: 'fix',
  其他结果: 'other',
  尚未审结: 'pending',
  未审结: 'pending',
};
const UNIT = '(?:件|起|宗|个)';

// 「结果维持72件」 (淮安市 2024).
const PART_A = new RegExp(`(?<part>${PART_SRC})(?:的)?(?:案件)?(?:共|为|有)?(?<n>${NUM_SRC})(?:余|多)?${UNIT}`, 'dg');
// 「其中1件被纠错」.
const PART_B = new RegExp(`(?<n>${NUM_SRC})(?:余|多)?${UNIT}(?:案件)?(?<part>被纠错|被纠正|结果维持|维持|结果纠正|纠正|尚未审结|未审结)`, 'dg');
// 「被纠错的行政复议2件」: the subject is named between the outcome and its number.
const PART_C = new RegExp(
  `(?<part>被纠错|纠错|被纠正|纠正|结果维持|维持|尚未审结|未审结)(?:的)?(?<subj>行政复议|行政诉讼)(?:案件)?(?:共|为|有)?(?<n>${NUM_SRC})(?:余|多)?${UNIT}`,
  'dg',
);

// The subjects an outcome may stand under, longest first: 「未经复议直接起诉的行政诉讼案件」 is one subject
// (litd), never 「复议」 followed by 「诉讼」.
const SUBJECT_RE =
  /(?<d>未经(?:行政)?复议(?:而)?(?:直接)?(?:提起|起诉|诉讼)+|直接(?:向法院)?(?:提起|起诉)+)(?:的)?(?:行政)?(?:诉讼)?(?:案件)?|(?<a>(?:经过?)?(?:行政)?复议后(?:又)?(?:提起|起诉|诉讼)+)(?:的)?(?:行政)?(?:诉讼)?(?:案件)?|(?<r>行政复议|复议)(?:案件|申请)?|(?<l>行政诉讼|诉讼|起诉)(?:案件|应诉案件)?/g;
// Between a subject and its outcome: the subject's own count, 「其中」, and outcomes listed before it.
const BETWEEN_RE = new RegExp(
  `^(?:数量|数)?(?:共计|共|为|有|达)?(?:${NUM_SRC}${UNIT})?(?:[，,：:。]?(?:其中|分别为|分别是|包括))?[，,：:]?` +
    `(?:(?:(?:${PART_SRC})(?:的)?(?:案件)?(?:共|为|有)?${NUM_SRC}${UNIT}|${NUM_SRC}${UNIT}(?:案件)?(?:${PART_SRC}))[，,、])*$`,
);
const JOINED_RE = /^(?:和|、|及|与|或|或者|以及)$/;
// 「未被纠错」, 「无维持」: no count of that outcome.
const NEGATED_RE = /(?:未|没有|无|不)$/;

type Subject = { kind: Kind; at: number; end: number };

function subjectsOf(text: string): Subject[] {
  const out: Subject[] = [];
  for (const m of text.matchAll(SUBJECT_RE)) {
    const g = m.groups!;
    const kind: Kind = g['d'] ? 'litd' : g['a'] ? 'lita' : g['r'] ? 'rev' : 'lit';
    out.push({ kind, at: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * The one subject an outcome at `at` of the sentence stands under, or why there is none. The sentence
 * before is read too when this one opens with 「其中」 (「行政复议3件。其中维持2件」).
 */
function subjectOf(s: NarrativeSentence, at: number): { kind: Kind } | { ambiguous: true } {
  const own = blankParens(s.text.slice(0, at));
  const lead = /^[□，,：:]*其中/.test(own) && s.prev && !s.prev.otherYear && !s.prev.comparison ? blankParens(s.prev.text) : '';
  const text = lead + own;
  const subjects = subjectsOf(text);
  const near = subjects[subjects.length - 1];
  if (!near) return { ambiguous: true };
  const before = subjects[subjects.length - 2];
  // 「行政复议、行政诉讼案件5件，其中维持3件」: whose are the 3?
  if (before && before.kind !== near.kind && JOINED_RE.test(text.slice(before.end, near.at).replace(/□/g, ''))) return { ambiguous: true };
  if (!BETWEEN_RE.test(text.slice(near.end).replace(/□/g, ''))) return { ambiguous: true };
  return { kind: near.kind };
}

const KIND_GROUPS: Record<Kind, ('rev' | 'litd' | 'lita')[]> = { rev: ['rev'], lit: ['litd', 'lita'], litd: ['litd'], lita: ['lita'] };
const KIND_LABELS: Record<Kind, { zh: string; en: string }> = { ...C_GROUP_LABELS, lit: { zh: '行政诉讼', en: 'litigation' } };

function checkOutcomes(ctx: RuleContext, kinds: Kind[]): void {
  const { model } = ctx;
  if (!model.tables.C) return;
  for (const s of comparableSentences(model)) {
    if (!/复议|诉讼|起诉/.test(s.text) || !new RegExp(PART_SRC).test(s.text)) continue;
    // Table C counts cases about information disclosure only: outside section 四 the sentence or the
    // ones before it must say so (as TXT-LITIGATION asks of a bare count of suits).
    const scoped = s.section === 4 || /公开|申请/.test(contextOf(s));
    const seen = new Set<number>();
    for (const re of [PART_C, PART_A, PART_B]) {
      for (const { q, m } of boundNumbers(s, re)) {
        if (seen.has(q.start)) continue;
        seen.add(q.start);
        const part = m.groups!['part']!;
        const partAt = m.indices!.groups!['part']![0];
        if (!part.includes('未审结') && NEGATED_RE.test(s.text.slice(0, partAt))) continue;
        const subj = m.groups!['subj'];
        const found = subj ? { kind: (subj === '行政复议' ? 'rev' : 'lit') as Kind } : subjectOf(s, Math.min(m.index, q.start));
        if (!('kind' in found)) {
          ctx.notCompared(s, q, 'ambiguous-subject', part);
          continue;
        }
        if (!kinds.includes(found.kind)) continue;
        const subject = `${KIND_LABELS[found.kind].zh}${part}`;
        if (!scoped) {
          ctx.notCompared(s, q, 'agency-wide-cases', subject);
          continue;
        }
        const col = COL_OF[part]!;
        const refs: CellRef[] = KIND_GROUPS[found.kind].map((g) => `C.${g}.${col}`);
        // Every cell must be a number: a blank outcome cell is not 0 here.
        const vs = refs.map((ref) => cellNumber(model, ref));
        const v = vs.some((x) => x === null) ? null : vs.reduce((a: number, b) => a + b!, 0);
        if (!canCompare(ctx, s, q, v, subject)) continue;
        if (q.n === v) continue;
        const data = { kind: KIND_LABELS[found.kind], part: C_COL_LABELS[col], n: q.n, v, excerpt: excerpt(s.text, Math.min(m.index, q.start), Math.max(q.end, m.index + m[0].length)) };
        ctx.report({ data, cells: refs, span: s.span });
      }
    }
  }
}

const MESSAGES = {
  main: {
    zh: '正文「{excerpt}」称{kind}{part} {n} 件，表中为 {v} 件',
    en: 'The text ("{excerpt}") gives {n} for {kind}, {part}, but table C has {v}',
  },
};


const TXT_REVIEW_OUTCOME = defineRule({
  meta: {
    id: 'TXT-REVIEW-OUTCOME',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'An outcome of administrative reviews listed in the narrative after their total (结果维持/纠正/其他结果/尚未审结 N件) equals its table C 行政复议 cell.',
    messages: MESSAGES,
    caveat: CAVEAT,
    examples: [
      {
        name: '淮安市 2024 「政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结37件」 = table C',
        valid: true,
        input: { year: 2024, cells: tableC(HUAIAN_2024_C), paras: [{ text: HUAIAN_2024_CASES, section: 1 }] },
      },
      {
        name: '淮安市 2024\'s sentence with 「结果维持70件」: against 72 in the table',
        valid: false,
        input: { year: 2024, cells: tableC(HUAIAN_2024_C), paras: [{ text: HUAIAN_2024_CASES.replace('结果维持72件', '结果维持70件'), section: 1 }] },
      },
      {
        name: '淮安市 2024\'s suits with 「尚未审结37件」 in their list: 37 is the reviews\' count, never compared with 行政复议 (the suits\' is 7)',
        valid: true,
        input: { year: 2024, cells: tableC(HUAIAN_2024_C), paras: [{ text: '政府信息公开行政复议351件；政府信息公开行政诉讼46件，其中结果维持25件，结果纠正5件，其他结果9件，尚未审结37件。', section: 1 }] },
      },
      {
        name: '「行政复议、行政诉讼案件…其中结果维持…」: the outcome\'s subject is two kinds of case, skipped',
        valid: true,
        input: { year: 2024, cells: tableC(HUAIAN_2024_C), paras: [{ text: '全年涉及政府信息公开的行政复议、行政诉讼案件397件，其中结果维持1件。', section: 1 }] },
      },
    ],
  },
  check: (ctx) => checkOutcomes(ctx, ['rev']),
});

const TXT_LITIGATION_OUTCOME = defineRule({
  meta: {
    id: 'TXT-LITIGATION-OUTCOME',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'text',
    description:
      'An outcome of lawsuits listed in the narrative after their total equals table C 未经复议直接起诉 + 复议后起诉 in that column (or the one kind the narrative names).',
    messages: MESSAGES,
    caveat: CAVEAT,
    examples: [
      {
        name: '淮安市 2024 「政府信息公开行政诉讼46件，其中结果维持25件，结果纠正5件，其他结果9件，尚未审结7件」 = 13 + 12, 4 + 1, 8 + 1, 1 + 6',
        valid: true,
        input: { year: 2024, cells: tableC(HUAIAN_2024_C), paras: [{ text: HUAIAN_2024_CASES, section: 1 }] },
      },
      {
        name: '淮安市 2024\'s sentence with the suits\' 「其他结果8件」: table C has 8 + 1',
        valid: false,
        input: { year: 2024, cells: tableC(HUAIAN_2024_C), paras: [{ text: HUAIAN_2024_CASES.replace('其他结果9件', '其他结果8件'), section: 1 }] },
      },
      {
        name: '「未经复议直接起诉的行政诉讼26件，其中结果维持12件」 against 未经复议直接起诉 alone (13)',
        valid: false,
        input: { year: 2024, cells: tableC(HUAIAN_2024_C), paras: [{ text: '政府信息公开未经复议直接起诉的行政诉讼26件，其中结果维持12件。', section: 4 }] },
      },
      {
        name: 'the same outcomes of an agency\'s suits in general, in section 一 with no word of disclosure: not compared',
        valid: true,
        input: { year: 2024, cells: tableC(HUAIAN_2024_C), paras: [{ text: '全年办理行政诉讼46件，其中结果维持30件。', section: 1 }] },
      },
    ],
  },
  check: (ctx) => checkOutcomes(ctx, ['lit', 'litd', 'lita']),
});

export const txtCaseRules: Rule[] = [TXT_REVIEW_OUTCOME, TXT_LITIGATION_OUTCOME];
