// Coverage reasons in words. core/pipeline/coverage.ts says why a table was not fully checked as codes
// (CoverageReason); this is the only place those codes become sentences, per language.
import type { CheckResult, CoverageKey, CoverageReason, Lang } from '../types.ts';
import { rowName, templateLabel } from './labels.ts';
import { narrativeSkipSummary } from './narrative.ts';

const TABLE_NAMES: Record<Lang, Record<'A' | 'B' | 'C', string>> = {
  zh: { A: '表一（主动公开政府信息情况）', B: '表二（收到和处理政府信息公开申请情况）', C: '表三（行政复议、行政诉讼情况）' },
  en: { A: 'Table A (proactive disclosure)', B: 'Table B (applications)', C: 'Table C (reviews and litigation)' },
};

function list(items: string[], lang: Lang, max = 5): string {
  const more = items.length > max ? (lang === 'zh' ? ` 等 ${items.length} 项` : ` and ${items.length - max} more`) : '';
  return items.slice(0, max).join(lang === 'zh' ? '、' : ', ') + more;
}

/** One coverage reason in words: the only place they are written (core/pipeline/coverage.ts gives the codes). */
export function coverageReasonText(r: CoverageReason, lang: Lang = 'zh', table?: 'A' | 'B' | 'C'): string {
  const zh = lang === 'zh';
  const name = table ? TABLE_NAMES[lang][table] : zh ? '该表' : 'The table';
  switch (r.code) {
    case 'not-found':
      return zh ? `${name}未找到，未检查` : `${name} was not found: not checked`;
    case 'found-unreadable':
      return zh ? `${name}找到了表格，但无法读出其中的行和数值，未检查` : `${name} was found but its rows and numbers could not be read: not checked`;
    case 'all-unreadable':
      return zh ? `${name}的数值全部无法识别，未检查` : `No number in ${name.replace(/^The/, 'the')} could be read: not checked`;
    case 'rows-missing': {
      const names = r.rows.map((x) => rowName(x, lang));
      return zh ? `缺少 ${names.length} 行：${list(names, lang)}` : `${names.length} row(s) missing: ${list(names, lang)}`;
    }
    case 'fragment':
      return zh ? `所给内容只含「${rowName(r.from, lang)}」至「${rowName(r.to, lang)}」各行，其余各行不在其中，未检查` : `the input holds rows "${rowName(r.from, lang)}" to "${rowName(r.to, lang)}" only; the other rows are not in it and were not checked`;
    case 'row-short': {
      const label = zh ? r.label : rowName(r.row, lang);
      const raw = r.flat?.raw ?? '';
      const why = r.flat?.why;
      if (why === 'ambiguous' || why === 'capped')
        return zh ? `「${label}」的数字连写在一起（${raw}），拆分成 ${r.expected} 格的方式不唯一，未核对` : `"${label}": its digits run together (${raw}) and can be cut into ${r.expected} cells in more than one way: not checked`;
      if (why === 'no-reading')
        return zh ? `「${label}」的数字连写在一起（${raw}），无论怎样拆分都不成立，无法确定各格` : `"${label}": its digits run together (${raw}) and no cut adds up: its cells cannot be told apart`;
      if (why === 'too-short')
        return zh ? `「${label}」的数字连写在一起（${raw}），位数少于 ${r.expected} 格，无法拆分，未核对` : `"${label}": its digits run together (${raw}) but are too few for ${r.expected} cells: not checked`;
      if (why === 'too-many')
        return zh ? `「${label}」有 ${r.found} 个数值（应为 ${r.expected} 个），无法确定哪些属于本行，相关核对跳过` : `"${label}" has ${r.found} values instead of ${r.expected}: its checks skipped`;
      return zh ? `「${label}」只读到 ${r.found}/${r.expected} 个数值，相关核对跳过` : `"${label}" has ${r.found} of ${r.expected} values: its checks skipped`;
    }
    case 'cells-unreadable': {
      // A scanned cell with ink OCR could not read has no text: say so rather than quote nothing.
      const items = r.cells.map((c) =>
        c.raw === '' ? `${templateLabel(c.ref, lang)}${zh ? '（有字迹，未能识别）' : ' (ink that could not be read)'}` : zh ? `${templateLabel(c.ref, lang)}「${c.raw}」` : `${templateLabel(c.ref, lang)} "${c.raw}"`,
      );
      return zh ? `${r.cells.length} 个格无法识别为数字：${list(items, lang)}` : `${r.cells.length} cell(s) are not numbers: ${list(items, lang)}`;
    }
    case 'key-totals-blank': {
      const items = r.cells.map((c) => templateLabel(c, lang));
      return zh ? `关键合计格为空：${list(items, lang)}，不能视为核对无误` : `Key total cells are blank: ${list(items, lang)}; the table cannot count as verified`;
    }
    case 'blank-unchecked': {
      const rows = r.rows.map((x) => rowName(x, lang));
      return zh ? `${r.count} 个格（${list(rows, lang)}）为空，所在等式无法核对` : `${r.count} blank cell(s) in ${list(rows, lang)} took part in no checkable identity`;
    }
    case 'no-narrative':
      return zh ? '未找到正文叙述段落，正文与表格的一致性核对（TXT-*）未进行' : 'No narrative paragraphs found: narrative-versus-table checks (TXT-*) not run';
    case 'no-year':
      return zh ? '未能确定报告年度，年度相关核对未进行' : 'The report year could not be determined: year checks skipped';
    case 'ocr-no-table':
      return zh ? '表格无法识别：图片中没有找到表格（既没有表格线，也没有能排成行列的文字），未检查' : 'Table not recognisable: no table was found in the image (no ruling lines and no text in rows and columns): not checked';
    case 'narrative-numbers':
      return zh
        ? `正文中与表格有关的数字 ${r.compared + r.skipped} 个：已与表格比对 ${r.compared} 个${r.skipped ? `，${r.skipped} 个未比对：${narrativeSkipSummary(r.skips, lang)}` : ''}`
        : `${r.compared + r.skipped === 1 ? '1 number in the narrative concerns' : `${r.compared + r.skipped} numbers in the narrative concern`} the tables: ${r.compared} compared with the tables${r.skipped ? `, ${r.skipped} not: ${narrativeSkipSummary(r.skips, lang)}` : ''}`;
    case 'narrative-not-run':
      return zh ? '正文与表格数字的一致性核对（TXT-*）未运行' : 'Narrative-versus-table checks (TXT-*) were not run';
  }
}

/** Why a table (or the narrative) was not fully checked, in words: its coverage codes as the faces, the text report and the JSON say them. */
export function coverageReasons(result: Pick<CheckResult, 'coverage'>, key: CoverageKey, lang: Lang = 'zh'): string[] {
  return result.coverage[key].codes.map((r) => coverageReasonText(r, lang, key === 'text' ? undefined : key));
}
