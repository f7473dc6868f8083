// The report year (domain.md §2.5 YEAR-DETECT), in priority order: the title, the 统计期限 sentence,
// the body's own year mentions, the sign-off date. Pure; the period and sign-off it finds go into the
// model for the YEAR-* rules (recognise/index.ts readNarrative).
import type { Signoff, StatPeriod } from '../types.ts';
import { parseChineseNumeral } from './cell-value.ts';
import { compact } from '../text/compact.ts';
import { yearMentions } from '../text/years.ts';
import { findTitle } from './title.ts';

export type YearSource = 'title' | 'period' | 'body' | 'signoff' | 'none';
export type YearDetection = { year?: number; source: YearSource; period?: StatPeriod; signoff?: Signoff };
export type YearPara = { text: string; section?: number };

// recognise() asks twice (the year, then readNarrative's period and sign-off), and the tests ask of the
// same paragraphs: answer once per paragraph list (the model's own array, so the cache lives and dies with it).
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
  // Before the date only the agency or a date label: a sentence that ends in a date is not a sign-off
  // (洪泽区 2023 as pdftotext -layout gives it: the line 「…报告中所列数据统计期限自 2023 年 1 月 1 日」).
  if (prefix !== '' && !AGENCY_LINE_RE.test(prefix) && !DATE_LABEL_RE.test(prefix)) return undefined;
  return { y, m: mo, d, text: `${m[2]}年${m[3]}月${m[4]}日`, ...(AGENCY_LINE_RE.test(prefix) ? { agency: prefix } : {}) };
}

const DATE_LABEL_RE = /^(?:落款|成文|发布|印发|报告)?(?:日期|时间)$/;
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
