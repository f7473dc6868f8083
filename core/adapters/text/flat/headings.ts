// Section headings inside a long line: a crawler's page.txt keeps the whole body on one line
// (平潭 2021: 「…0591-23165370。一、总体情况2021年，我区以…」), so the six template headings are found by
// their numeral and title and given lines of their own, as in every other form of the report.

const TITLES: [string, RegExp][] = [
  ['一', /^一、总体情况/],
  ['二', /^二、主动公开政府信息情况/],
  ['三', /^三、收到和处理政府信息公开申请情况/],
  // 平潭 2022 writes 「行政法复议」.
  ['四', /^四、(?:因)?政府信息公开.{0,14}诉讼的?情况/],
  ['五', /^五、(?:政府信息公开工作)?存在的主要问题及改进情况/],
  ['六', /^六、其他需要报告的事项/],
];

/** Offsets [start, end) of each template heading inside input[from, to), in order. */
export function inlineHeadings(input: string, from: number, to: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (to - from < 80) return out;
  for (let p = input.indexOf('、', from); p >= 0 && p < to; p = input.indexOf('、', p + 1)) {
    const at = p - 1;
    if (at < from) continue;
    const title = TITLES.find(([n]) => n === input[at]);
    if (!title) continue;
    // A heading starts a sentence: the line's start, after 。；！ or a closing bracket, or after a space.
    const before = at > from ? input[at - 1]! : '';
    if (before && !/[。；！？）)\s\d]/.test(before)) continue;
    const m = title[1].exec(input.slice(at, Math.min(to, at + 40)));
    if (m) out.push({ start: at, end: at + m[0].length });
  }
  return out;
}
