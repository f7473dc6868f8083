// Year mentions in narrative text, classified: read by year detection (recognise/year.ts bodyYear) and by
// YEAR-BODY-MISMATCH alike, so both agree on which 「2021年」 is the time of a statement.

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
