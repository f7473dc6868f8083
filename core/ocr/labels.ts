// OCR'd label text → the closed set of labels the 2019/2021 templates use. A misread character or two
// (「信访举报投拆类申请」, 「结杲维持」) would otherwise keep a row or a header from being recognised by its
// keywords; the set is small and the labels long and distinct, so the nearest one by edit distance is
// safe when it is near enough and clearly nearer than the next.
import { B_COL_LABELS, B_GROUPS, B_ROWS } from '../template/table-b.ts';
import { C_COL_LABELS, C_GROUP_LABELS } from '../template/table-c.ts';
import { A_2019, A_2021 } from '../template/table-a.ts';
import { normaliseLabel, stripNumbering } from '../recognise/label.ts';

const EXTRA = [
  '申请人情况',
  '法人或其他组织',
  '小计',
  '三、本年度办理结果',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  '行政复议',
  '行政诉讼',
  '未经复议直接起诉',
  '复议后起诉',
  '信息内容',
  '第二十条第（一）项',
  '第二十条第（五）项',
  '第二十条第（六）项',
  '第二十条第（八）项',
  '第二十条第（九）项',
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  // The 2021 template's full wording of the （六） rows (淮安市 2024 p5), which the row keys only abbreviate:
  // a misread 「逾期」 (「这期」 at σ1.0) then still snaps to the row.
  '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
];

/** The six section headings, for short prose lines. */
export const SECTION_HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

export function templateLabels(): string[] {
  const out = new Set<string>(EXTRA);
  for (const r of B_ROWS) for (const part of r.label.split(' ')) out.add(part);
  for (const g of B_GROUPS) out.add(g.label);
  for (const c of Object.values(B_COL_LABELS)) out.add(c.zh);
  for (const c of Object.values(C_GROUP_LABELS)) out.add(c.zh);
  for (const c of Object.values(C_COL_LABELS)) out.add(c.zh);
  for (const block of [...A_2021, ...A_2019]) {
    for (const r of block.rows) out.add(r.label);
    for (const c of block.cols) out.add(c.label);
  }
  return [...out];
}

/** What two labels are compared on: no spaces, numbering or punctuation. */
function comparable(s: string): string {
  return stripNumbering(normaliseLabel(s)).replace(/[()（）、，,。.:：；;“”"'‘’\-—_|·]/g, '');
}

export function editDistance(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (A[i - 1] === B[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[B.length]!;
}

export type LabelMatch = { text: string; matched?: string; similarity: number };

export type LabelMatcher = (read: string) => LabelMatch;

/**
 * A matcher over a closed set of labels. Returns the canonical label when the read text is within
 * `minSimilarity` of it (short labels: at most one character off) and no other label is as close;
 * otherwise the text as read.
 */
export function labelMatcher(labels: string[] = templateLabels(), minSimilarity = 0.6): LabelMatcher {
  const entries = labels.map((l) => ({ label: l, key: comparable(l) })).filter((e) => e.key.length >= 2);
  const keys = new Set(entries.map((e) => e.key));
  return (read: string): LabelMatch => {
    const q = comparable(read);
    if (q.length < 2) return { text: read, similarity: 0 };
    // Already a label word for word (「总计」 is both a table-B row and a table-C column): keep it as written.
    if (keys.has(q)) return { text: read, similarity: 1 };
    let best: { label: string; sim: number; d: number } | undefined;
    let second = 0;
    for (const e of entries) {
      if (Math.abs(e.key.length - q.length) > Math.max(e.key.length, q.length) * (1 - minSimilarity)) continue;
      const d = editDistance(q, e.key);
      const sim = 1 - d / Math.max(q.length, [...e.key].length);
      if (!best || sim > best.sim) {
        if (best && best.label !== e.label) second = Math.max(second, best.sim);
        best = { label: e.label, sim, d };
      } else if (e.label !== best.label) second = Math.max(second, sim);
    }
    if (!best) return { text: read, similarity: 0 };
    const short = [...q].length <= 4;
    const ok = best.sim === 1 || (best.sim >= minSimilarity && (!short || best.d <= 1) && best.sim - second >= 0.15);
    return ok ? { text: best.label, matched: best.label, similarity: best.sim } : { text: read, similarity: best.sim };
  };
}

let shared: LabelMatcher | undefined;
/** The matcher over every template label (built once). */
export function matchTemplateLabel(read: string): LabelMatch {
  shared ??= labelMatcher();
  return shared(repairNumbering(read));
}

/**
 * OCR loses the closing half of a numbering bracket now and then: 「(七总计」 (洪泽区 2023 p4 at 100 dpi,
 * where 「七总计」 then matched no row), 「(五》不予处理」, 「《一 )也以公开」 (淮安市 2024 at 100 dpi). Only a bracket
 * that is unclosed or not a bracket of numbering is repaired.
 */
function repairNumbering(read: string): string {
  const m = /^\s*([(（《〈<])\s*([一二三四五六七八九十]{1,3})\s*([)）》〉>]?)\s*/.exec(read);
  // 「了.骆于行政执法全孝」: the 「7.」 of 「7.属于行政执法案卷」 read as 了 (淮安市 2024 at 100 dpi).
  if (/^\s*了[.．]/.test(read)) return read.replace(/^\s*了/, '7');
  // 「5$.要求行政机关确」: a speck between the number and its dot read as a sign (洪泽区 2023 p4, a clean
  // render): the sign is no part of the label, and with it the beginning matched no row, so the cell
  // was read again whole, the page's last and longest call.
  const sign = /^\s*(\d{1,2})\s*[$'"‘’“”`^*~|¦,，:：;；]+\s*([.．、])/.exec(read);
  if (sign) return `${sign[1]}${sign[2]}${read.slice(sign[0].length)}`;
  // 「七 )总计」: the opening half lost (淮安市 2024 p5, JPEG q35).
  const open = /^\s*([一二三四五六七八九十]{1,3})\s*[)）》〉]\s*/.exec(read);
  if (open) return `（${open[1]}）${read.slice(open[0].length)}`;
  if (!m || ('(（'.includes(m[1]!) && m[3] && ')）'.includes(m[3]))) return read;
  return `（${m[2]}）${read.slice(m[0].length)}`;
}

/** A template label with the numbering's mark as the report printed it: 「1、申请人…」 (淮安市 2024 p5), not the template's 「1.」. */
export function asPrinted(label: string, read: string): string {
  const printed = /^\s*\d+\s*([.、．])/.exec(read)?.[1];
  return printed ? label.replace(/^(\d+)[.、．]/, `$1${printed}`) : label;
}

/**
 * A reading of a label's beginning (label-prefix.ts) → the one template label it begins. The reading is
 * compared with each label's first characters, as many as were read (one more or fewer, for a character
 * dropped or doubled); the labels about as near as the best must all be wordings of one row (one's
 * characters begin the other's: 「（二）部分公开」 and its full wording), and the longest is returned.
 * Labels the beginning cannot tell apart (「第二十条第（」) give no match: the cell is read whole.
 */
export function labelPrefixMatcher(labels: string[] = templateLabels(), minSimilarity = 0.7): LabelMatcher {
  const entries = labels.map((l) => ({ label: l, key: [...comparable(l)] })).filter((e) => e.key.length >= 2);
  return (read: string): LabelMatch => {
    const q = comparable(read);
    const len = [...q].length;
    if (len < 3) return { text: read, similarity: 0 };
    const scored = entries.map((e) => {
      let sim = 0;
      for (const n of [len - 1, len, len + 1]) {
        if (n < 2 || n > e.key.length) continue;
        sim = Math.max(sim, 1 - editDistance(q, e.key.slice(0, n).join('')) / Math.max(len, n));
      }
      return { ...e, sim };
    });
    const best = Math.max(...scored.map((e) => e.sim));
    if (best < minSimilarity) return { text: read, similarity: best };
    const near = scored.filter((e) => e.sim > best - 0.15);
    const longest = near.reduce((a, b) => (b.key.length > a.key.length ? b : a));
    const begins = (a: string[], b: string[]) => a.every((c, i) => b[i] === c);
    if (!near.every((e) => begins(e.key, longest.key))) return { text: read, similarity: best };
    return { text: longest.label, matched: longest.label, similarity: best };
  };
}

let prefixes: LabelMatcher | undefined;
/** The prefix matcher over every template label (built once). */
export function matchTemplatePrefix(read: string): LabelMatch {
  prefixes ??= labelPrefixMatcher();
  return prefixes(repairNumbering(read));
}

let headings: LabelMatcher | undefined;
/** A short prose line that is nearly one of the six section headings becomes that heading. */
export function matchSectionHeading(read: string): LabelMatch {
  headings ??= labelMatcher(SECTION_HEADINGS, 0.7);
  return headings(read);
}
