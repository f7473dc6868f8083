// A whole result as plain text (the command line, a copied summary): verdict and counts, input problems,
// the mistakes to fix, coverage per table, findings grouped by table; OCR's own report for the CLI.
import type { CellRef, CheckResult, Finding, Lang, Mistake } from '../types.ts';
import type { OcrInfo } from '../pipeline/ocr.ts';
import { cellName, templateLabel } from './labels.ts';
import { coverageReasons } from './coverage.ts';
import { formatFinding } from './findings.ts';
import { SEVERITY_LABEL, STATUS_LABEL, TABLE_SHORT_LABEL as TABLES, VERDICT_LABEL } from './words.ts';

/** A severity inside a line of text: in English in lower case (「error APP-ROW-TOTAL …」). */
const severityWord = (s: Finding['severity'], lang: Lang) => SEVERITY_LABEL[lang][s].toLowerCase();

/** The counts after a verdict: 「（错误 2 · 警告 1 · 提示 0）」, 「 (2 errors · 1 warning · 0 info)」 (English sets its brackets off with a space). */
export function countsText(c: Record<Finding['severity'], number>, lang: Lang): string {
  const w = (s: Finding['severity']) => severityWord(s, lang);
  return lang === 'zh' ? `（${w('error')} ${c.error} · ${w('warning')} ${c.warning} · ${w('info')} ${c.info}）` : ` (${plural(c.error, w('error'))} · ${plural(c.warning, w('warning'))} · ${c.info} ${w('info')})`;
}

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
  return VERDICT_LABEL[lang][result.verdict];
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
      ? `结论：${VERDICT_LABEL.zh[result.verdict]}${mistakes ? `，${mistakes} 处需改正` : ''}${countsText(counts, 'zh')}`
      : `Verdict: ${VERDICT_LABEL.en[result.verdict]}${mistakes ? `, ${plural(mistakes, 'mistake')} to fix` : ''}${countsText(counts, 'en')}`,
  );
  for (const p of model.recognition.inputProblems) lines.push(`  ! ${inputProblemText(p, lang)}`);
  for (const m of result.mistakes) lines.push(`  ${lang === 'zh' ? '→' : '->'} ${mistakeText(m, result, lang)}`);
  for (const key of ['A', 'B', 'C', 'text'] as const) {
    const cov = result.coverage[key];
    const reasons = coverageReasons(result, key, lang);
    lines.push(
      lang === 'zh'
        ? `  ${TABLES.zh[key]}：${STATUS_LABEL.zh[cov.status]}${reasons.length ? `（${reasons.join('；')}）` : ''}`
        : `  ${TABLES.en[key]}: ${STATUS_LABEL.en[cov.status]}${reasons.length ? ` (${reasons.join('; ')})` : ''}`,
    );
  }
  for (const key of ['A', 'B', 'C', 'text'] as const) {
    const fs = result.findings.filter((f) => f.table === key);
    if (!fs.length) continue;
    lines.push('', lang === 'zh' ? `【${TABLES.zh[key]}】` : `[${TABLES.en[key]}]`);
    for (const f of fs) {
      const where = f.cells[0] ? ` [${templateLabel(f.cells[0], lang)}]` : '';
      lines.push(`  ${severityWord(f.severity, lang)} ${f.ruleId}${where}${lang === 'zh' ? '：' : ': '}${formatFinding(f, lang, model)}`);
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
        ? `${d.ref ? templateLabel(d.ref, lang) : '（未归入表格）'}${d.unread ? '（有字迹，未能识别）' : `「${d.text}」`}（第 ${d.page} 页，${d.small ? `字高仅 ${d.small} 像素` : `置信度 ${Math.round(d.confidence)}`}）`
        : `${d.ref ? templateLabel(d.ref, lang) : '(not in a table)'} ${d.unread ? '(ink that could not be read)' : `"${d.text}"`} (page ${d.page}, ${d.small ? `print only ${d.small} px tall` : `confidence ${Math.round(d.confidence)}`})`,
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
