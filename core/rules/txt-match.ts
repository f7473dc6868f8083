// Shared by the TXT-* rules: which sentences may be compared at all, binding a regex's number to the
// counted quantity it names, reading table cells under the empty-cell policy, and the excerpt shown.
import type { CellRef, NarrativeSentence, Quantity, ReportModel } from '../types.ts';
import type { RuleContext } from './rule.ts';
import { cellOf } from '../model/cells.ts';
import { NUM_SRC } from '../text/numbers.ts';

/** The caveat of every rule that compares a number read from a sentence with a table cell. */
export const CAVEAT = {
  zh: '此项由程序从正文句子中提取数字后与表格比对，可能误读句意（如统计范围、口径不同），请对照原文核实。',
  en: 'The number was read from a sentence of the narrative and compared with the table; the sentence may mean something else (another scope or way of counting). Please check the text.',
};

/** Sentences whose numbers may be compared: no other year, no comparison (「比2021年多1条」, seed 003). */
export function comparableSentences(model: ReportModel, sections?: (number | undefined)[]): NarrativeSentence[] {
  return model.sentences.filter((s) => !s.otherYear && !s.comparison && (!sections || sections.includes(s.section)));
}

export type Bound = { q: Quantity; m: RegExpExecArray };

/**
 * Every match of `re` (flags 'dg', a named group `n` for the number) whose number is an exact counted
 * quantity of the sentence: not approximate, not an aside in （…）, not an ordinal or a quotation.
 */
export function boundNumbers(s: NarrativeSentence, re: RegExp): Bound[] {
  const { text, quantities: qs } = s;
  if (!qs.length) return [];
  const out: Bound[] = [];
  for (const m of text.matchAll(re)) {
    const at = m.indices?.groups?.['n']?.[0];
    const q = at === undefined ? undefined : qs.find((x) => x.start === at);
    if (!q || q.approx || q.inParens) continue;
    out.push({ q, m });
  }
  return out;
}

/**
 * Whether a stated number can be compared with the table's value `v` for it: counted as compared when
 * it can; listed as not compared, the cell not read or blank (`subject`: the words it was bound to),
 * when `v` is null.
 */
export function canCompare(ctx: RuleContext, s: NarrativeSentence, q: Quantity, v: number | null, subject: string): v is number {
  if (v === null) {
    ctx.notCompared(s, q, 'cell-not-read', subject);
    return false;
  }
  ctx.compared(s, q);
  return true;
}

/** A single cell's number; EMPTY or absent is no number (EMPTY ≠ 0). */
export function cellNumber(model: ReportModel, ref: CellRef): number | null {
  const c = cellOf(model, ref);
  return c && c.value.kind === 'number' ? c.value.n : null;
}

/**
 * The sum of several cells under domain.md §2.0.3: every cell must be present and readable, at least
 * one a number; blank cells beside numbers count as 0.
 */
export function cellSum(model: ReportModel, refs: CellRef[]): number | null {
  let sum = 0;
  let numbers = 0;
  for (const ref of refs) {
    const c = cellOf(model, ref);
    if (!c || c.value.kind === 'unreadable') return null;
    if (c.value.kind === 'number') {
      sum += c.value.n;
      numbers++;
    }
  }
  return numbers ? sum : null;
}

/** The clause that holds [start, end) with a little of what leads to it, for the message. */
export function excerpt(text: string, start: number, end: number, max = 36): string {
  let from = start;
  while (from > 0 && !/[，,。；;：:！!？?]/.test(text[from - 1]!)) from--;
  let s = text.slice(from, end);
  if (s.length > max) s = `…${s.slice(s.length - max)}`;
  return s;
}

/** The words just before a match, inside its clause (for qualifiers such as 纠错, 维持). */
export function clauseBefore(text: string, at: number): string {
  let from = at;
  while (from > 0 && !/[，,。；;：:！!？?]/.test(text[from - 1]!)) from--;
  return text.slice(from, at);
}

// ---------------------------------------------------------------------------------------------
// Applications received (TXT-APP-NEW, TXT-TOTAL-CONFLICT)

// Words that make a clause about something other than information-disclosure applications.
export const NOT_APPLICATIONS = /复议|诉讼|投诉|举报|信访|咨询|留言|建议|提案|来信|来电|结转|人大|政协|热线|问政|信箱|依申请公开工作/;
const APP_UNIT = '(?:件|条|个|宗|份)';
const APP_NOUN = '(?:政府信息公开申请|信息公开申请|公开申请|申请|依申请(?:信息)?公开(?:信息|申请)?)';

// 「受理政府信息公开申请21件」 (洪泽 2023), 「收到依申请信息公开26件」 (沭阳发改 2023), 「接到依申请公开3条」 (seed 004).
const APP_NEW_A = new RegExp(
  `(?<v>收到|接到|受理|新收)(?<gap>[^，,。；;：:、\\d（）()]{0,12}?)${APP_NOUN}(?:数量|数|总数|总量)?(?:共计|合计|共|为|达|计)?(?<n>${NUM_SRC})(?:余|多)?${APP_UNIT}`,
  'dg',
);
// 「共收到1条依申请公开信息」 (seed 001).
const APP_NEW_B = new RegExp(`(?<v>收到|接到|受理|新收)(?:了)?(?:共计|共|合计)?(?<n>${NUM_SRC})(?:余|多)?${APP_UNIT}(?:的)?(?:政府信息公开|信息公开)?(?:申请|依申请公开)`, 'dg');
// 「本年新收151件」: row 一's own wording, which needs no 申请 to be about applications (issue 19).
const APP_NEW_C = new RegExp(`(?:本年度?|全年|今年)(?<v>新收)(?:的)?(?:数量|数)?(?:共计|共|为|达)?(?<n>${NUM_SRC})(?:余|多)?${APP_UNIT}`, 'dg');
const NEGATED = /(?:未|没有|无|不)$/;

export type AppNew = { s: NarrativeSentence; q: Quantity; n: number; verb: string; start: number; end: number };

/** 「收到/接到/受理/新收…申请 N 件」 statements of the sentences given (shared with TXT-TOTAL-CONFLICT). */
export function applicationsReceived(sentences: NarrativeSentence[]): AppNew[] {
  const out: AppNew[] = [];
  for (const s of sentences) {
    const t = s.text;
    if (!/收到|接到|受理|新收/.test(t)) continue;
    const res = t.includes('申请') ? [APP_NEW_A, APP_NEW_B, APP_NEW_C] : [APP_NEW_C];
    const seen = new Set<number>();
    for (const re of res) {
      for (const { q, m } of boundNumbers(s, re)) {
        if (seen.has(q.start)) continue;
        if (NOT_APPLICATIONS.test(m.groups?.['gap'] ?? '') || NEGATED.test(t.slice(Math.max(0, m.index - 2), m.index))) continue;
        seen.add(q.start);
        out.push({ s, q, n: q.n, verb: m.groups!['v']!, start: m.index, end: q.end });
      }
    }
  }
  return out;
}

/** The sentences before this one in its run of paragraphs, nearest first (for context words). */
export function contextOf(s: NarrativeSentence, max = 3): string {
  let t = s.text;
  let p = s.prev;
  for (let i = 0; p && i < max; i++, p = p.prev) t = p.text + t;
  return t;
}
