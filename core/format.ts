// Renders findings and a whole result as text, Chinese first, English available. Message templates
// live in each rule's meta; this is the one place they are filled in.
import type { CellRef, CheckResult, CoverageKey, CoverageReason, DataValue, Finding, Lang, Mistake, ReportModel } from './types.ts';
import { A_2019, A_2021 } from './template/table-a.ts';
import { C_GROUP_LABELS } from './template/table-c.ts';
import { ruleById } from './rules/registry.ts';
import { A_ROW_EN, columnLabel, templateLabel } from './template/labels.ts';
import { labelOf } from './rules/run.ts';
import type { OcrInfo } from './pipeline/ocr.ts';

/**
 * Fills a message template. Cell, row, column and term references become words of `lang`: the report's
 * own row label in Chinese (when the model is given), the template's English label in English.
 */
export function fill(template: string, data: Record<string, DataValue>, lang: Lang = 'zh', model?: ReportModel): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? words(data[k]!, lang, model) : m));
}

export function formatFinding(f: Finding, lang: Lang = 'zh', model?: ReportModel): string {
  const rule = ruleById(f.ruleId);
  const msg = rule?.meta.messages[f.messageId] ?? rule?.meta.messages[Object.keys(rule.meta.messages)[0]!];
  if (!msg) return `${f.ruleId} ${JSON.stringify(f.data)}`;
  return fill(msg[lang], f.data, lang, model);
}

/** One data value in words. */
export function words(v: DataValue, lang: Lang, model?: ReportModel): string {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if ('zh' in v) return v[lang];
  if ('cell' in v) return cellName(v.cell, lang, model);
  if ('row' in v) return cellName(v.row, lang, model).replace(/\/[^/]*$/, '');
  if ('col' in v) return columnLabel(v.col, lang);
  if ('cells' in v) {
    const names = v.cells.slice(0, 6).map((r) => cellName(r, lang, model));
    const more = v.cells.length > 6 ? (lang === 'zh' ? ' 等' : ', …') : '';
    return names.join(lang === 'zh' ? '、' : '; ') + more;
  }
  const nz = v.terms.filter((t) => t.value);
  if (!nz.length) return lang === 'zh' ? '各项均为 0' : 'every item 0';
  return nz.map((t) => `${shortRow(t.ref, lang, model)} ${t.value}`).join(' + ');
}

/** 「（七）总计/自然人」 as the report wrote the row (Chinese), the template's label in English. */
function cellName(ref: CellRef, lang: Lang, model?: ReportModel): string {
  return lang === 'zh' && model ? labelOf(model, ref) : templateLabel(ref, lang);
}

function shortRow(ref: CellRef, lang: Lang, model?: ReportModel): string {
  return leafName(cellName(ref, lang, model).replace(/\/[^/]*$/, ''));
}

/** The leaf wording only: 「（三）不予公开 6.属于四类过程性信息」 → 「属于四类过程性信息」, "(3) withheld 6. process information" → "process information". */
export function leafName(full: string): string {
  return full.replace(/^.*?\d[.、．]\s*/, '').replace(/^[（(]([一二三四五六七八九十]+|\d+)[)）]\s*(?=\S)/, '') || full;
}

const SEVERITY: Record<Lang, Record<Finding['severity'], string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};
const STATUS: Record<Lang, Record<string, string>> = {
  zh: { checked: '已核对', partial: '部分核对', 'not-found': '未找到', unreadable: '无法读取' },
  en: { checked: 'checked', partial: 'partly checked', 'not-found': 'not found', unreadable: 'unreadable' },
};
const VERDICT: Record<Lang, Record<CheckResult['verdict'], string>> = {
  zh: { errors: '发现错误', clean: '已核对部分未发现错误', incomplete: '未发现错误，但有表格未完整核对', unreadable: '未能识别出年度报告表格，未检查' },
  en: { errors: 'errors found', clean: 'no errors in what was checked', incomplete: 'no errors found, but some tables were not fully checked', unreadable: 'no report tables recognised: nothing checked' },
};
const TABLES: Record<Lang, Record<CoverageKey, string>> = {
  zh: { A: '表一 主动公开', B: '表二 依申请', C: '表三 复议诉讼', text: '正文' },
  en: { A: 'Table A', B: 'Table B', C: 'Table C', text: 'Narrative' },
};

/** Why the input itself could not be (fully) read, in words. */
export function inputProblemText(problem: string, lang: Lang = 'zh'): string {
  const [kind, detail = ''] = problem.split(':');
  const zh: Record<string, string> = {
    empty: '输入为空，未检查',
    'no-report': '未找到年度报告的章节或表格：这似乎不是政府信息公开年度报告',
    huge: '输入异常大（超过 2 MB），已按一份报告检查，请确认没有把多份报告粘在一起',
    'image-only': 'PDF 没有文字层（扫描/图片版），需要文字识别（OCR）后才能检查',
    'pages-without-text': `PDF 第 ${detail} 页没有文字层（图片），这些页未读取`,
    'ocr-pages': `PDF 第 ${detail} 页没有文字层，已用文字识别（OCR）读取`,
    'ocr-no-table': '表格无法识别：图片中没有找到表格，未检查',
    'ocr-borderless': '表格没有表格线，按文字位置排成行列识别，行列可能错位，请对照原图',
    'ocr-doubtful': `有 ${detail} 个数字可能识别有误，请对照原图核对`,
    'tables-unread': `这是一份年度报告${detail ? `（有「${detail}」等模板用语）` : ''}，但没能读出其中的统计表，表格未检查。请直接打开 PDF 或 Word 原文件，或从网页上复制表格后粘贴`,
    several: `输入中有 ${detail} 份年度报告，只检查了第一份；其余的请分开检查`,
  };
  const en: Record<string, string> = {
    empty: 'The input is empty: nothing checked',
    'no-report': 'No report sections or tables found: this does not look like an annual disclosure report',
    huge: 'The input is unusually large (over 2 MB); it was checked as one report. Make sure several reports were not pasted together',
    'image-only': 'The PDF has no text layer (a scan): it needs OCR before it can be checked',
    'pages-without-text': `PDF page(s) ${detail} have no text layer (images) and were not read`,
    'ocr-pages': `PDF page(s) ${detail} have no text layer and were read by OCR`,
    'ocr-no-table': 'Table not recognisable: no table was found in the image; nothing checked',
    'ocr-borderless': 'The table has no ruling lines; rows and columns were rebuilt from word positions and may be misaligned: compare with the image',
    'ocr-doubtful': `${detail} number(s) may have been misread: compare with the image`,
    'tables-unread': `This is an annual report${detail ? ` (it uses the template's wording: ${detail})` : ''}, but its tables could not be read: not checked. Open the PDF or Word file itself, or copy the tables from the web page and paste them`,
    several: `The input holds ${detail} reports; only the first was checked. Check the others separately`,
  };
  return (lang === 'zh' ? zh : en)[kind!] ?? problem;
}

/** The verdict of a file that could not be opened or read at all (there is no CheckResult to word). */
export function unreadableText(lang: Lang = 'zh'): string {
  return lang === 'zh' ? '文件无法读取，未检查' : 'the file cannot be read: nothing checked';
}

export function verdictText(result: CheckResult, lang: Lang = 'zh'): string {
  return VERDICT[lang][result.verdict];
}

/** A plain-text report: verdict, coverage per table, findings grouped by table with cells and numbers. */
export function format(result: CheckResult, lang: Lang = 'zh'): string {
  const { model } = result;
  const lines: string[] = [];
  const head = [model.agency, model.year ? (lang === 'zh' ? `${model.year}年度` : `${model.year}`) : undefined, model.template !== 'unknown' ? (lang === 'zh' ? `${model.template}版格式` : `${model.template} template`) : undefined]
    .filter(Boolean)
    .join(' · ');
  if (head) lines.push(head);
  const counts = countBySeverity(result.findings);
  const mistakes = countMistakes(result);
  lines.push(
    lang === 'zh'
      ? `结论：${VERDICT.zh[result.verdict]}${mistakes ? `，${mistakes} 处需改正` : ''}（错误 ${counts.error} · 警告 ${counts.warning} · 提示 ${counts.info}）`
      : `Verdict: ${VERDICT.en[result.verdict]}${mistakes ? `, ${plural(mistakes, 'mistake')} to fix` : ''} (${plural(counts.error, 'error')} · ${plural(counts.warning, 'warning')} · ${counts.info} info)`,
  );
  for (const p of model.recognition.inputProblems) lines.push(`  ! ${inputProblemText(p, lang)}`);
  for (const m of result.mistakes) lines.push(`  ${lang === 'zh' ? '→' : '->'} ${mistakeText(m, result, lang)}`);
  for (const key of ['A', 'B', 'C', 'text'] as const) {
    const cov = result.coverage[key];
    const reasons = lang === 'zh' ? cov.reasons : cov.reasonsEn;
    lines.push(
      lang === 'zh'
        ? `  ${TABLES.zh[key]}：${STATUS.zh[cov.status]}${reasons.length ? `（${reasons.join('；')}）` : ''}`
        : `  ${TABLES.en[key]}: ${STATUS.en[cov.status]}${reasons.length ? ` (${reasons.join('; ')})` : ''}`,
    );
  }
  for (const key of ['A', 'B', 'C', 'text'] as const) {
    const fs = result.findings.filter((f) => f.table === key);
    if (!fs.length) continue;
    lines.push('', lang === 'zh' ? `【${TABLES.zh[key]}】` : `[${TABLES.en[key]}]`);
    for (const f of fs) {
      const where = f.cells[0] ? ` [${templateLabel(f.cells[0], lang)}]` : '';
      lines.push(`  ${SEVERITY[lang][f.severity]} ${f.ruleId}${where}${lang === 'zh' ? '：' : ': '}${formatFinding(f, lang, model)}`);
    }
  }
  return lines.join('\n');
}

/**
 * What OCR did and where it was unsure, for the command line (the site shows the same on the image):
 * how each page's table was found, how many cells were read, each doubtful number with its cell, and
 * the findings that rest on one (to be checked against the image before they are believed).
 */
export function formatOcr(result: CheckResult & { ocr: OcrInfo }, lang: Lang = 'zh'): string[] {
  const { ocr } = result;
  const how = (m: 'rules' | 'words' | 'none') =>
    lang === 'zh' ? { rules: '按表格线识别', words: '无表格线，按文字位置识别', none: '未找到表格' }[m] : { rules: 'table found by its ruling lines', words: 'no ruling lines: rebuilt from word positions', none: 'no table found' }[m];
  const lines = [
    lang === 'zh'
      ? `文字识别（OCR，本机）：${ocr.pages.map((p) => `第 ${p.page} 页${how(p.method)}`).join('，')}；读出 ${ocr.cellsRead} 个单元格，其中数字 ${ocr.numbers} 个`
      : `OCR (on this computer): ${ocr.pages.map((p) => `page ${p.page}: ${how(p.method)}`).join('; ')}; ${ocr.cellsRead} cells read, ${ocr.numbers} of them numbers`,
  ];
  if (ocr.doubtful.length) {
    const list = ocr.doubtful.map((d) =>
      lang === 'zh'
        ? `${d.ref ? templateLabel(d.ref, lang) : '（未归入表格）'}${d.unread ? '（有字迹，未能识别）' : `「${d.text}」`}（第 ${d.page} 页，置信度 ${Math.round(d.confidence)}）`
        : `${d.ref ? templateLabel(d.ref, lang) : '(not in a table)'} ${d.unread ? '(ink that could not be read)' : `"${d.text}"`} (page ${d.page}, confidence ${Math.round(d.confidence)})`,
    );
    lines.push(lang === 'zh' ? `可能识别有误的数字：${list.join('；')}` : `Numbers that may be misread: ${list.join('; ')}`);
  }
  if (ocr.findingsOnDoubtful.length) {
    const list = ocr.findingsOnDoubtful.map((i) => {
      const f = result.findings[i]!;
      return `${f.ruleId}${f.cells[0] ? ` [${templateLabel(f.cells[0], lang)}]` : ''}`;
    });
    lines.push(lang === 'zh' ? `以下发现依赖这些数字，请先对照原图：${list.join('；')}` : `These findings rest on such numbers; check the image first: ${list.join('; ')}`);
  }
  return lines.map((l) => `  ${l}`);
}

/**
 * Mistakes to fix, as a reader counts them: each located mistake once, however many identities it breaks,
 * and each error finding no mistake explains on its own (one typed digit is one mistake, not three errors).
 */
export function countMistakes(result: CheckResult): number {
  const explained = new Set(result.mistakes.flatMap((m) => m.findings));
  return result.mistakes.length + result.findings.filter((f, i) => f.severity === 'error' && !explained.has(i)).length;
}

/** 「1 warning」, 「2 warnings」. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function countBySeverity(findings: Finding[]): Record<Finding['severity'], number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

const TABLE_NAMES: Record<Lang, Record<'A' | 'B' | 'C', string>> = {
  zh: { A: '表一（主动公开政府信息情况）', B: '表二（收到和处理政府信息公开申请情况）', C: '表三（行政复议、行政诉讼情况）' },
  en: { A: 'Table A (proactive disclosure)', B: 'Table B (applications)', C: 'Table C (reviews and litigation)' },
};

/** 「B.open」 → 「（一）予以公开」 / "(1) disclosed", 「A.reg」 → 「规章」, 「C.rev」 → 「行政复议」: names a reader knows. */
export function rowName(rowRef: string, lang: Lang = 'zh'): string {
  const [table, row = ''] = rowRef.split('.');
  if (table === 'A' || table === 'A19') {
    for (const block of table === 'A' ? A_2021 : A_2019) {
      const r = block.rows.find((x) => x.key === row);
      if (r) return lang === 'zh' ? r.label : (A_ROW_EN[r.key] ?? r.label);
    }
    return row;
  }
  if (table === 'C') return C_GROUP_LABELS[row as keyof typeof C_GROUP_LABELS]?.[lang] ?? row;
  return templateLabel(`${rowRef}.tot`, lang).split('/')[0]!;
}


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
    case 'narrative-not-run':
      return zh ? '正文与表格数字的一致性核对（TXT-*）未运行' : 'Narrative-versus-table checks (TXT-*) were not run';
  }
}

/**
 * A mistake as a reader fixes it: 「「（七）总计/自然人」应为 710（表中为 711）」, the tied alternatives after it
 * (「或：…」), and how many error findings it explains.
 */
export function mistakeText(m: Mistake, result: CheckResult, lang: Lang = 'zh'): string {
  const zh = lang === 'zh';
  const one = (o: { cells: CellRef[]; values: number[] }) =>
    o.cells
      .map((ref, i) => {
        const now = result.model.tables[ref[0] as 'B' | 'C']?.cells[ref]?.raw ?? '';
        const name = cellName(ref, lang, result.model);
        return zh ? `「${name}」应为 ${o.values[i]}（表中为 ${now || '空'}）` : `"${name}" should be ${o.values[i]} (the table has ${now || 'a blank'})`;
      })
      .join(zh ? '，' : ', ');
  const alts = m.alternatives.length ? (zh ? `；或：${m.alternatives.map(one).join('；或：')}` : `; or: ${m.alternatives.map(one).join('; or: ')}`) : '';
  const n = m.findings.length;
  return zh ? `${m.alternatives.length ? '以下之一有误：' : ''}${one(m)}${alts}（解释 ${n} 条错误）` : `${m.alternatives.length ? 'One of these is wrong: ' : ''}${one(m)}${alts} (explains ${plural(n, 'error')})`;
}
