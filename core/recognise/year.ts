// The report year (domain.md §2.5 YEAR-DETECT), in priority order: the title, the 统计期限 sentence,
// the body's own year mentions, the sign-off date. Pure; the YEAR-* rules call it again for the
// period and sign-off they check, and YEAR-BODY-MISMATCH shares the year-mention classifier.
import { parseChineseNumeral, stripWordResidue, toHalfWidth } from './cell-value.ts';

export type YearSource = 'title' | 'period' | 'body' | 'signoff' | 'none';
/** `para`: index into the paras passed in */
export type StatPeriod = { from: number; to: number; text: string; para: number };
/** `agency`: the name written next to the date (the line before it, or before it on the same line) */
export type Signoff = { y: number; m: number; d: number; text: string; para: number; agency?: string };
export type YearDetection = { year?: number; source: YearSource; period?: StatPeriod; signoff?: Signoff };
export type YearPara = { text: string; section?: number };

/**
 * Half-width digits and letters, no whitespace, no Word bookmarks: 「2020 年 1 月」 (seed 001) reads as
 * 「2020年1月」. Chinese punctuation is kept, so excerpts quote the report as written.
 */
export function compact(s: string): string {
  let out = COMPACT.get(s);
  if (out === undefined) {
    if (COMPACT.size > 5_000) COMPACT.clear();
    out = compactOnce(s);
    COMPACT.set(s, out);
  }
  return out;
}

// Year detection and the YEAR-* rules compact the same paragraphs many times per check.
const COMPACT = new Map<string, string>();

function compactOnce(s: string): string {
  return stripWordResidue(s)
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (ch) => toHalfWidth(ch))
    .replace(/[\s\u00a0\u3000]+/g, '');
}

// Recognition and three YEAR-* rules ask the same question of the same paragraphs: answer once per
// paragraph list (the model's own array, so the cache lives and dies with the model).
const DETECTED = new WeakMap<YearPara[], Map<string | undefined, YearDetection>>();

export function detectYear(input: { title?: string; paras: YearPara[] }): YearDetection {
  let byTitle = DETECTED.get(input.paras);
  if (!byTitle) DETECTED.set(input.paras, (byTitle = new Map()));
  let d = byTitle.get(input.title);
  if (!d) byTitle.set(input.title, (d = detectYearOnce(input)));
  return structuredCloneSafe(d);
}

/** Callers may keep the result in a model; a fresh copy keeps the cached one intact. */
function structuredCloneSafe(d: YearDetection): YearDetection {
  return {
    ...d,
    ...(d.period ? { period: { ...d.period } } : {}),
    ...(d.signoff ? { signoff: { ...d.signoff } } : {}),
  };
}

function detectYearOnce(input: { title?: string; paras: YearPara[] }): YearDetection {
  const { paras } = input;
  const period = findPeriod(paras);
  const signoff = findSignoff(paras);
  const extra = { ...(period ? { period } : {}), ...(signoff ? { signoff } : {}) };
  const title = input.title ?? findTitle(paras)?.text;
  const ty = title !== undefined ? titleYear(title) : undefined;
  if (ty !== undefined) return { year: ty, source: 'title', ...extra };
  // A period spanning two years is itself wrong (YEAR-STAT-PERIOD); it does not decide the year.
  if (period && period.from === period.to) return { year: period.from, source: 'period', ...extra };
  const by = bodyYear(paras, signoff?.para);
  if (by !== undefined) return { year: by, source: 'body', ...extra };
  if (signoff) return { year: signoff.y - 1, source: 'signoff', ...extra };
  return { source: 'none', ...extra };
}

/** The year in a title: 「2020 年岭东区…公开 工作年度报告」 (seed 001), 「泰山区卫生健康局2022年…」 (seed 003). */
export function titleYear(title: string): number | undefined {
  const m = /(?<!\d)((?:19|20)\d{2})年/.exec(compact(title));
  return m ? Number(m[1]) : undefined;
}

/** A title line among the first paragraphs before 一、总体情况, when the caller has none. */
export function findTitle(paras: YearPara[]): { text: string; para: number } | undefined {
  let seen = 0;
  for (let i = 0; i < paras.length && seen < 5; i++) {
    const p = paras[i]!;
    if (p.section !== undefined) break;
    const t = compact(p.text).replace(/^#+/, '');
    if (!t) continue;
    seen++;
    if (t.length <= 60 && /(?:政府信息公开|政务公开)/.test(t) && /年度?\S*报告[)）]?$/.test(t) && !/[。：:]/.test(t)) {
      return { text: p.text, para: i };
    }
  }
  return undefined;
}

/** The agency a title names: before the year (seed 003, 沭阳 2025) or between the year and 政府信息公开 (seed 001). */
export function titleAgency(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const t = compact(title).replace(/^#+/, '');
  const before = /^(.{2,30}?)(?:关于)?(?:19|20)\d{2}年/.exec(t);
  if (before && !/报告/.test(before[1]!)) return before[1];
  const after = /(?:19|20)\d{2}年度?(.{2,30}?)(?:政府信息公开|政务公开)/.exec(t);
  return after ? after[1] : undefined;
}

// 「本报告所列数据统计期限自2022年1月1日起至2022年12月31日止」 (seed 003), 「…统计期限从2025年1月1日至
// 2025年12月31日止」 (沭阳 2025), 「统计期限：…—…」; the second year may be left out (「至12月31日止」).
const PERIOD_RE =
  /统计(?:期限|时限|时间|区间|期间|周期|时段|范围)[^。；;]{0,12}?((?:19|20)\d{2})年\d{1,2}月\d{1,2}日[^。；;\d]{0,8}?(?:((?:19|20)\d{2})年)?\d{1,2}月\d{1,2}日止?/;

function findPeriod(paras: YearPara[]): StatPeriod | undefined {
  for (let i = 0; i < paras.length; i++) {
    const m = PERIOD_RE.exec(compact(paras[i]!.text));
    if (m) {
      const from = Number(m[1]);
      return { from, to: m[2] ? Number(m[2]) : from, text: m[0], para: i };
    }
  }
  return undefined;
}

const CN_YEAR_DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const CN = '〇零一二三四五六七八九十';
// A paragraph that is (an agency name and) a date: 「2022年1月24日」 (seed 002), 「(2026年1月23日)」 under the
// title (沭阳 2025), 「二〇二二年一月二十四日」 as official documents often write it.
const DATE_LINE_RE = new RegExp(`^([^\\d年月日]{0,30}?)((?:19|20)\\d{2}|[${CN}]{4})年(\\d{1,2}|[${CN}]{1,3})月(\\d{1,2}|[${CN}]{1,3})日$`);

function parseDateLine(text: string): Omit<Signoff, 'para'> | undefined {
  const t = compact(text).replace(/^[(（[【]+|[)）\]】]+$/g, '');
  if (t.length > 40) return undefined;
  const m = DATE_LINE_RE.exec(t);
  if (!m) return undefined;
  const y = /^\d+$/.test(m[2]!) ? Number(m[2]) : Number([...m[2]!].map((c) => CN_YEAR_DIGITS[c] ?? 'x').join(''));
  const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : parseChineseNumeral(s.replace(/〇/g, '零')));
  const mo = num(m[3]!);
  const d = num(m[4]!);
  if (!Number.isInteger(y) || y < 1900 || mo === null || d === null || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const prefix = m[1]!.replace(/[：:，,]$/, '');
  return { y, m: mo, d, text: `${m[2]}年${m[3]}月${m[4]}日`, ...(AGENCY_LINE_RE.test(prefix) ? { agency: prefix } : {}) };
}

const AGENCY_LINE_RE = /^[\u4e00-\u9fa5（）()]{2,30}(?:局|委员会|委|厅|办公室|办|中心|院|署|所|队|馆|站|政府|会|处)$/;

/** The sign-off: a date paragraph among the last three, else one right after the title. */
export function findSignoff(paras: YearPara[]): Signoff | undefined {
  const nonEmpty = paras.map((p, i) => ({ p, i })).filter(({ p }) => compact(p.text) !== '');
  const tail = nonEmpty.slice(-3).reverse();
  const head = nonEmpty.slice(0, 5).filter(({ p }) => p.section === undefined);
  for (const { p, i } of [...tail, ...head]) {
    const s = parseDateLine(p.text);
    if (!s) continue;
    if (!s.agency) {
      const prev = nonEmpty[nonEmpty.findIndex((x) => x.i === i) - 1];
      const name = prev ? compact(prev.p.text).replace(/^#+/, '') : '';
      if (AGENCY_LINE_RE.test(name)) s.agency = name;
    }
    return { ...s, para: i };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Year mentions in narrative text

/**
 * `plain`: the year as the time of a statement (「2021年，我局…」); `date`: followed by a month;
 * `excluded`: a comparison (「比2021年多1条」, seed 003), a range or list, history (「以来」), a plan
 * (「2023年将…」), a carry-over (「结转」) or a document name (《…2020年…方案》, 「2020年度报告」).
 */
export type YearMention = { year: number; start: number; end: number; kind: 'plain' | 'date' | 'excluded' };

const BEFORE_EXCLUDED = /(?:比|较|与|同|和|及|或|至|到|自|从|截至|截止|上年|去年|上一年|相比|对比|、|-|－|—|~|～)$/;
const AFTER_EXCLUDED =
  /^度?(?:将|计划|拟|要|预计|力争|争取|以来|以前|之前|前|底前|起|开始|第|同期|相比|同比|比|结转|[^，,。；;、：:]{0,12}?(?:年度报告|年报|工作要点|要点|实施方案|方案|规划|工作计划))/;

/** Year mentions in a compacted paragraph (see `compact`); offsets are into that string. */
export function yearMentions(text: string): YearMention[] {
  const docs: [number, number][] = [];
  for (const m of text.matchAll(/《[^《》]*》|〈[^〈〉]*〉/g)) docs.push([m.index, m.index + m[0].length]);
  const out: YearMention[] = [];
  for (const m of text.matchAll(/(?<!\d)((?:19|20)\d{2})年/g)) {
    const start = m.index;
    const end = start + m[0].length;
    const inDoc = docs.some(([a, b]) => start > a && start < b);
    const before = text.slice(Math.max(0, start - 3), start);
    const after = text.slice(end);
    const kind = inDoc || BEFORE_EXCLUDED.test(before) || AFTER_EXCLUDED.test(after) ? 'excluded' : /^\d{1,2}月/.test(after) ? 'date' : 'plain';
    out.push({ year: Number(m[1]), start, end, kind });
  }
  return out;
}

/**
 * The most frequent year the body speaks in, sections 一–四 (every paragraph when no section was
 * recognised). A tie is broken by the whole text: seed 004 has one 2021 and one stray 2020 in 一,
 * but 2021 again in the preamble, 五 and 六.
 */
function bodyYear(paras: YearPara[], skip?: number): number | undefined {
  const core = new Map<number, number>();
  const all = new Map<number, number>();
  const sectioned = paras.some((p) => p.section !== undefined);
  paras.forEach((p, i) => {
    if (i === skip) return;
    for (const m of yearMentions(compact(p.text))) {
      if (m.kind === 'excluded') continue;
      all.set(m.year, (all.get(m.year) ?? 0) + 1);
      if (!sectioned || (p.section !== undefined && p.section <= 4)) core.set(m.year, (core.get(m.year) ?? 0) + 1);
    }
  });
  const ranked = [...core.entries()].sort((a, b) => b[1] - a[1] || (all.get(b[0]) ?? 0) - (all.get(a[0]) ?? 0) || b[0] - a[0]);
  return ranked[0]?.[0];
}
