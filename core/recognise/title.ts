// The report's title and the agency it names: one place for both, read once by recognise(). A title
// paragraph (isTitle) is looked for first; year detection and the model fall back to the first lines'
// reading (findTitle) when there is none.
import { compact } from '../text/compact.ts';
import { normaliseLabel } from './label.ts';

type Para = { text: string; section?: number };

/** The report's title among the paragraphs: a title paragraph before the first section, else a short one anywhere. */
export function findReportTitle(paras: Para[]): string | undefined {
  const preamble = paras.filter((p) => !p.section);
  let titlePara = preamble.find((p) => isTitle(p.text)) ?? paras.find((p) => isTitle(p.text) && p.text.length <= 60);
  if (!titlePara) {
    // A title broken over two lines by PDF text extraction: 「2025 年上海市人民政府办公厅政府信息公开」 / 「工作年度报告」.
    for (let i = 0; i + 1 < Math.min(preamble.length, 6); i++) {
      const [a, b] = [preamble[i]!, preamble[i + 1]!];
      if (a.text.length <= 40 && b.text.length <= 40 && isTitle(a.text + b.text)) {
        titlePara = { ...a, text: a.text + b.text };
        break;
      }
    }
  }
  if (!titlePara) return undefined;
  // 「标题：…」 is how saved pages and scrapers label the title.
  let title = titlePara.text.replace(/^#+\s*/, '').replace(/^(标题|题名|名称)\s*[:：]\s*/, '').trim();
  // A title set on two lines, the agency above the rest (洪泽区人民政府 / 2023 年政府信息公开工作年度报告).
  const above = paras[paras.indexOf(titlePara) - 1];
  if (title && above && !agencyOf(title, []).agency && above.text.length <= 30 && AGENCY_END.test(normaliseLabel(above.text))) {
    title = `${above.text.trim()}${title}`;
  }
  return title;
}

export function isTitle(text: string): boolean {
  const t = normaliseLabel(text);
  // A title names the report; a sentence about it (「本年度报告根据《…条例》…」) is not one.
  if (/[《》，,。；]|根据|^本/.test(t)) return false;
  return t.length <= 80 && /(年度报告|年报)/.test(t) && /政府信息公开|政务公开|信息公开/.test(t);
}

const AGENCY_END = /(人民政府|实验区|新区|开发区|政府办公室|办公室|委员会|管理委员会|管委会|局|委|办|厅|署|中心|院|所|街道办事处|街道|镇|乡|公司)$/;

/**
 * The agencies a report names, read once for the model: `inTitle`, the name its title gives (whatever it
 * is: STRUCT-FOREIGN-AGENCY compares its place with the sign-off's), and `agency`, the reporting agency:
 * the title's name when it reads as an agency, else the sign-off or the opening line (保山 2021 and
 * 鄞州 2021 have no title).
 */
export function agencyOf(title: string | undefined, paras: { text: string }[]): { agency?: string; inTitle?: string } {
  const inTitle = title ? nameInTitle(title) : undefined;
  const agency = inTitle && inTitle.length >= 3 && AGENCY_END.test(inTitle) ? inTitle : agencyInText(paras);
  return { ...(agency ? { agency } : {}), ...(inTitle ? { inTitle } : {}) };
}

/**
 * The name a title gives: before its year (沭阳 2025, seed 003), between the year and 政府信息公开 (seed 001,
 * 上海 2025), or before 政府信息公开 in a title with no year. A page title's site name after a dash
 * (「…年度报告-沭阳县发改局」, 沭阳发改 2023) is not part of it.
 */
function nameInTitle(title: string): string | undefined {
  const t = normaliseLabel(title).replace(/[-—_|｜].*$/, '');
  const before = /^(.{2,30}?)(?:关于)?(?:19|20)\d{2}年/.exec(t);
  if (before) return /报告/.test(before[1]!) ? undefined : before[1];
  const after = /(?:19|20)\d{2}年度?(.{2,30}?)(?:关于)?(?:政府信息公开|政务公开)/.exec(t);
  if (after) return after[1]!.replace(/的$/, '');
  if (/(?:19|20)\d{2}年/.test(t)) return undefined;
  const bare = /^(.{2,30}?)(?:关于)?(?:政府信息公开|政务公开)/.exec(t);
  return bare?.[1]!.replace(/的$/, '');
}

/** The agency a report without one in its title signs off with, or names in its opening line. */
function agencyInText(paras: { text: string }[]): string | undefined {
  for (const p of paras.slice(-8).reverse()) {
    const t = normaliseLabel(p.text);
    if (t.length >= 4 && t.length <= 25 && AGENCY_END.test(t) && !/[，,。；:：]/.test(t)) return t;
  }
  const first = paras[0] && /^\d{4}年(度)?[，,]([^，,。]{3,25}?(局|委员会|委|人民政府|办公室|中心))/.exec(normaliseLabel(paras[0].text));
  return first?.[2];
}

/** A title line among the first paragraphs before 一、总体情况, when the caller has none. */
export function findTitle(paras: Para[]): { text: string; para: number } | undefined {
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

