// The command-line face: `npx gongkai-check [--json|--csv] [--previous F] [--lang zh|en] [--no-ocr] FILE…`
// (bin/gongkai-check.mjs; `npm run -s check -- …` is the same). The one Node-aware file of
// core/: it reads files, decodes them, and prints what core/check returns.
import { agencyKey, previousReport } from './model/agency.ts';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, basename, join } from 'node:path';
import { check, withPrevious, type CheckInput } from './pipeline/check.ts';
import { checkPdf } from './pipeline/pdf.ts';
import { PdfReadError, pdfShapeProblem, type PdfJs } from './adapters/pdf/pdfjs.ts';
import { nodePdfJs } from './adapters/pdf/node.ts';
import { imageSize, MAX_OCR_PIXELS } from './adapters/image/size.ts';
import { DocxReadError, docxToDoc, type Mammoth } from './adapters/docx/index.ts';
import { checkImage, checkPdfWithOcr, type OcrCheck } from './pipeline/ocr.ts';
import type { Recogniser } from './ocr/recogniser.ts';
import { csvHeader, findingsCsvRows, findingsJson, format, formatOcr, narrativeSkipLines, refusalTextBoth, unreadableCsvRow, unreadableJson, type FileReport } from './present/index.ts';
import { decodeHtmlBytes } from './adapters/html/index.ts';
import { decodeTextBytes, looksBinary } from './adapters/text/decode.ts';
import type { CheckResult, Lang, ReportModel } from './types.ts';
import { IMAGE_EXTENSIONS } from './cli-ocr.ts';

const USAGE = `用法 / usage: npx gongkai-check [--json | --csv] [--previous FILE] [--lang zh|en] [--no-ocr] FILE…
       （或 / or: npm run -s check -- …）
  FILE: .txt .md .html .htm .pdf .docx（年度报告全文、保存的网页、PDF 或 Word / a report's text, saved page, PDF or Word file）
        .png .jpg .jpeg .webp .gif .bmp（扫描件或照片，文字识别后检查 / a scan or photo, read by OCR）
  DIR/           检查文件夹里所有支持的文件（含子文件夹）/ check every supported file under a folder
  --json         每个文件一个对象的 JSON 数组 / one JSON array, one object per file
  --csv          所有问题一张 CSV 表（UTF-8 带 BOM，Excel 可直接打开）/ every finding as one CSV (UTF-8 BOM)
  --previous F   同一单位上一年度的报告，用于跨年核对（批量中两年都有时自动配对）/ last year's report of the
                 same agency for the cross-year checks (paired automatically when a batch holds both years)
  --lang zh|en   输出语言 / output language (default zh)
  --no-ocr       不做文字识别：图片和没有文字层的 PDF 页不读取 / no OCR: images and PDF pages without a text
                 layer are not read (OCR runs on this computer, a few seconds a page)
退出码 / exit: 0 全部核对且无错误 / all checked, no error; 1 有错误或表二/表三未完整核对 / an error or table B/C not fully checked; 2 用法或文件无法读取 / usage or unreadable file`;

export type { FileReport };

type Parsed = { json: boolean; csv: boolean; lang: Lang; ocr: boolean; files: string[]; previous?: string } | { error: string } | { help: true };

export function parseArgs(argv: string[]): Parsed {
  let json = false;
  let csv = false;
  let ocr = true;
  let previous: string | undefined;
  let lang: Lang = 'zh';
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--csv') csv = true;
    else if (a === '--no-ocr') ocr = false;
    else if (a === '--previous' || a.startsWith('--previous=')) {
      previous = a.includes('=') ? a.slice(11) : argv[++i];
      if (!previous) return { error: '--previous 需要一个文件 / --previous takes a file' };
    }
    else if (a === '--help' || a === '-h') return { help: true };
    else if (a === '--lang' || a.startsWith('--lang=')) {
      const v = a.includes('=') ? a.slice(7) : argv[++i];
      if (v !== 'zh' && v !== 'en') return { error: `--lang 只接受 zh 或 en / --lang takes zh or en (got ${v ?? 'nothing'})` };
      lang = v;
    } else if (a.startsWith('-')) return { error: `未知选项 / unknown option: ${a}` };
    else files.push(a);
  }
  if (!files.length) return { error: '请给出至少一个文件 / give at least one file' };
  if (json && csv) return { error: '--json 与 --csv 只能选一个 / choose one of --json and --csv' };
  return { json, csv, lang, ocr, files, ...(previous ? { previous } : {}) };
}

/** Reads a file into a check input, or says why it cannot be read. */
export function readInput(file: string): CheckInput | { error: string } {
  const ext = extname(file).toLowerCase();
  let bytes: Uint8Array;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return { error: `${file}: 是文件夹，不是文件 / is a directory` };
    if (st.size > MAX_FILE) return { error: tooLarge(file, st.size) };
    bytes = readFileSync(file);
  } catch (e) {
    return { error: `${file}: 无法读取 / cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  const name = basename(file);
  if (ext === '.html' || ext === '.htm') return { kind: 'html', html: decodeHtmlBytes(bytes), name };
  if (ext === '.txt' || ext === '.md' || ext === '') {
    if (looksBinary(bytes)) return { error: `${file}: 二进制文件，不是文本 / binary file, not text` };
    return { kind: 'text', text: decodeTextBytes(bytes), name };
  }
  return { error: `${file}: 不支持的文件类型 ${ext || '(无扩展名)'} / unsupported file type` };
}

const SUPPORTED = new Set(['.txt', '.md', '.html', '.htm', '.pdf', '.docx', ...IMAGE_EXTENSIONS]);

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Folders become the supported files under them (sorted, recursive); files stay as given. */
export function expandFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!isDirectory(p)) {
      out.push(p);
      continue;
    }
    const found = (readdirSync(p, { recursive: true }) as string[])
      .map((f) => join(p, f))
      .filter((f) => SUPPORTED.has(extname(f).toLowerCase()) && !isDirectory(f))
      .sort();
    out.push(...found);
  }
  return out;
}

function summaryLine(n: number, t: { errors: number; clean: number; incomplete: number; unreadable: number }, lang: Lang): string {
  return lang === 'zh'
    ? `共 ${n} 份：发现错误 ${t.errors} 份，未完整核对 ${t.incomplete} 份，无法读取 ${t.unreadable} 份，已核对未发现错误 ${t.clean} 份`
    : `${n} files: ${t.errors} with errors, ${t.incomplete} not fully checked, ${t.unreadable} unreadable, ${t.clean} checked without errors`;
}

/** The same agency's report for the year before, if the batch holds it. */
function previousInBatch(result: CheckResult, all: CheckResult[]): ReportModel | undefined {
  return previousReport(result.model, all.map((r) => r.model));
}

/**
 * OCR for the run: off with --no-ocr; the recogniser (tesseract.js, ~5 MB of language data) starts on
 * the first file that needs it and serves the rest of the batch; `end()` stops it.
 */
export type OcrSession = { enabled: boolean; recogniser(): Promise<Recogniser>; note(s: string): void; end(): Promise<void> };

export function ocrSession(enabled: boolean, note: (s: string) => void = () => {}): OcrSession {
  let started: Promise<Recogniser & { terminate(): Promise<void> }> | undefined;
  return {
    enabled,
    note,
    recogniser: () => (started ??= import('./cli-ocr.ts').then((m) => m.createNodeRecogniser())),
    end: async () => {
      if (started) await (await started).terminate();
    },
  };
}

const NO_OCR = ocrSession(false);

/** Any supported file → its check result, or why it cannot be checked. */
export async function checkFile(file: string, ocr: OcrSession = NO_OCR): Promise<CheckResult | { error: string }> {
  const ext = extname(file).toLowerCase();
  if (ext === '.docx' || ext === '.doc') {
    try {
      const mammoth = (await import('mammoth')).default as unknown as Mammoth;
      const bytes = readBytes(file);
      if ('error' in bytes) return bytes;
      return check({ kind: 'doc', doc: await docxToDoc(mammoth, bytes, { name: basename(file) }) });
    } catch (e) {
      if (e instanceof DocxReadError) return { error: `${file}: ${refusalTextBoth(e)}` };
      return { error: `${file}: 无法读取 / cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
    }
  }
  if (IMAGE_EXTENSIONS.has(ext)) return checkImageFile(file, ocr);
  if (ext !== '.pdf') {
    const input = readInput(file);
    return 'error' in input ? input : check(input);
  }
  const bytes = readBytes(file);
  if ('error' in bytes) return bytes;
  // A file that is not a PDF, or was cut short, is refused before pdf.js is even started.
  const shape = pdfShapeProblem(bytes);
  if (shape) return { error: `${file}: ${refusalTextBoth(new PdfReadError(shape))}` };
  try {
    // pdf.js's legacy build (the one meant for Node) in a worker thread, outside tsx (adapters/pdf/node.ts).
    const pdfjs = nodePdfJs();
    const { result, pagesWithoutText } = await checkPdf(pdfjs, bytes, basename(file));
    // Pages without a text layer are read by OCR when a report table is still missing or partly read
    // (a scanned seal or signature page after complete tables is not worth seconds of OCR).
    const tablesDone = (['A', 'B', 'C'] as const).every((t) => result.coverage[t].status === 'checked');
    if (!pagesWithoutText.length || tablesDone) return result;
    if (!ocr.enabled) {
      if (result.model.recognition.inputProblems.includes('image-only')) {
        return { error: `${file}: PDF 没有文字层（扫描/图片版），已用 --no-ocr 关闭文字识别 / image-only PDF and --no-ocr was given` };
      }
      return result; // says which pages were not read
    }
    ocr.note(`${file}: 第 ${pagesWithoutText.join(', ')} 页没有文字层，正在本机文字识别… / OCR of page(s) ${pagesWithoutText.join(', ')}…`);
    // Rendering needs pdf.js itself with its canvas, in this thread: loaded only now that OCR is needed.
    const [{ pdfPageRenderer }, renderPdfjs] = await Promise.all([import('./cli-ocr.ts'), import('pdfjs-dist/legacy/build/pdf.mjs') as Promise<unknown> as Promise<PdfJs>]);
    const pages = await pdfPageRenderer(renderPdfjs, bytes);
    try {
      return (await checkPdfWithOcr(pdfjs, bytes, { render: pages.render, recogniser: await ocr.recogniser(), name: basename(file) })).result;
    } finally {
      await pages.close();
    }
  } catch (e) {
    if (e instanceof PdfReadError) return { error: `${file}: ${refusalTextBoth(e)}` };
    return { error: `${file}: PDF 读取失败 / reading the PDF failed (${(e as Error).message})` };
  }
}

/**
 * The largest file read, as on the site: a report is a few MB even as a scanned PDF; a 1 GB file would be
 * read whole into memory (and as text, decoded into a string twice its size) before anything could say no.
 */
const MAX_FILE = 50 * 1024 * 1024;

const tooLarge = (file: string, size: number) => `${file}: 文件过大（${(size / 1048576).toFixed(1)} MB），最大 50 MB / the file is too large (${(size / 1048576).toFixed(1)} MB); the limit is 50 MB`;

/** A file's bytes, or why they cannot be read. */
function readBytes(file: string): Uint8Array | { error: string } {
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE) return { error: tooLarge(file, size) };
    return new Uint8Array(readFileSync(file));
  } catch (e) {
    return { error: `${file}: 无法读取 / cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
}

/** A scan or photo of report pages: OCR, then the same check. */
async function checkImageFile(file: string, ocr: OcrSession): Promise<CheckResult | { error: string }> {
  if (!ocr.enabled) return { error: `${file}: 图片需要文字识别，已用 --no-ocr 关闭 / an image needs OCR and --no-ocr was given` };
  const bytes = readBytes(file);
  if ('error' in bytes) return bytes;
  // Sized from its header before it is decoded (to 4 bytes a pixel): a small file can be a huge image.
  const size = imageSize(bytes);
  if (size && size.width * size.height > MAX_OCR_PIXELS) {
    const detail = `${size.width} × ${size.height} = ${Math.round((size.width * size.height) / 1e6)} MP > ${MAX_OCR_PIXELS / 1e6} MP`;
    return { error: `${file}: ${refusalTextBoth({ name: 'ImageRefusal', reason: 'too-large', detail })}` };
  }
  try {
    const { decodeImage } = await import('./cli-ocr.ts');
    const image = await decodeImage(bytes);
    ocr.note(`${file}: 正在本机文字识别… / OCR…`);
    return await checkImage(image, await ocr.recogniser(), { name: basename(file) });
  } catch (e) {
    return { error: `${file}: ${(e as Error).message}` };
  }
}

const hasOcr = (r: CheckResult): r is OcrCheck => 'ocr' in r && !!(r as OcrCheck).ocr;

export function toFileReport(file: string, result: CheckResult, lang: Lang): FileReport {
  return findingsJson(result, lang, file);
}

/** A file that could not be read, as a report of its own: a batch's JSON lists every file it was given. */
export function unreadableReport(file: string, error: string): FileReport {
  return unreadableJson(file, error.startsWith(`${file}: `) ? error.slice(file.length + 2) : error);
}

/**
 * checkFile, and any throw on the way (a bug, a parser's stack, memory) as that file's error: one file
 * never takes the batch down with it.
 */
async function checkFileSafely(file: string, ocr: OcrSession): Promise<CheckResult | { error: string }> {
  try {
    return await checkFile(file, ocr);
  } catch (e) {
    return { error: `${file}: 检查时出错，未能读取 / checking failed (${(e as Error)?.message ?? String(e)})` };
  }
}

export function exitCodeOf(result: CheckResult): 0 | 1 | 2 {
  // No report table at all in the file: as unusable as a file that cannot be opened.
  if (result.verdict === 'unreadable') return 2;
  const complete = result.coverage.B.status === 'checked' && result.coverage.C.status === 'checked';
  return result.findings.some((f) => f.severity === 'error') || !complete ? 1 : 0;
}

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const args = parseArgs(argv);
  if ('help' in args) {
    out(USAGE);
    return 0;
  }
  if ('error' in args) {
    err(`${args.error}\n\n${USAGE}`);
    return 2;
  }
  const files = expandFiles(args.files);
  // progress notes go to stderr: stdout stays the report (or one JSON/CSV document)
  const ocr = ocrSession(args.ocr, err);
  try {
    return await run(args, files, ocr, out, err);
  } finally {
    await ocr.end();
  }
}

/** Check the files (and --previous), print the reports; the exit code. */
async function run(args: Extract<Parsed, { files: string[] }>, files: string[], ocr: OcrSession, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let code = 0;
  const reports: FileReport[] = [];
  const csvRows: string[] = [];
  const tally = { errors: 0, clean: 0, incomplete: 0, unreadable: 0 };
  let previous: ReportModel | undefined;
  if (args.previous) {
    const prev = await checkFileSafely(args.previous, ocr);
    if ('error' in prev) {
      err(prev.error);
      return 2;
    }
    previous = prev.model;
  }
  // Every file keeps its place in the output: a checked one its result, an unreadable one its reason.
  const checked: { file: string; result?: CheckResult; error?: string }[] = [];
  for (const file of files) {
    const result = await checkFileSafely(file, ocr);
    if ('error' in result) {
      err(result.error);
      code = 2;
      tally.unreadable++;
      checked.push({ file, error: result.error });
      continue;
    }
    checked.push({ file, result });
  }
  const results = checked.flatMap((c) => (c.result ? [c.result] : []));
  for (const entry of checked) {
    if (!entry.result) continue;
    const prev = previous ?? previousInBatch(entry.result, results);
    if (prev) {
      if (prev.agency && entry.result.model.agency && agencyKey(prev.agency) !== agencyKey(entry.result.model.agency)) {
        err(`${entry.file}: 上一年度报告的单位（${prev.agency}）与本报告（${entry.result.model.agency}）不同，仍作跨年核对 / the previous report names another agency`);
      }
      if (prev.year !== undefined && entry.result.model.year !== undefined && prev.year !== entry.result.model.year - 1) {
        err(`${entry.file}: 上一年度报告是 ${prev.year} 年的，本报告为 ${entry.result.model.year} 年，跨年核对未运行 / the previous report is not for the year before`);
      }
      try {
        entry.result = withPrevious(entry.result, prev);
      } catch (e) {
        err(`${entry.file}: 跨年核对出错，未运行 / the cross-year checks failed (${(e as Error)?.message ?? String(e)})`);
      }
    }
  }
  for (const { file, result, error } of checked) {
    if (!result) {
      // the reason went to stderr above; the machine output lists the file too
      if (args.json) reports.push(unreadableReport(file, error!));
      else if (args.csv) csvRows.push(unreadableCsvRow(file, unreadableReport(file, error!).unreadable!, args.lang));
      continue;
    }
    try {
      // built in full before anything is printed, so a throw leaves no half report behind
      const report = args.json ? toFileReport(file, result, args.lang) : undefined;
      const rows = args.csv ? findingsCsvRows(result, args.lang, file) : [];
      // the narrative's numbers not compared, each with why, after the report (issue 19)
      const text = args.json || args.csv ? '' : `== ${file} ==\n${[format(result, args.lang), ...narrativeSkipLines(result, args.lang), ...(hasOcr(result) ? formatOcr(result, args.lang) : [])].join('\n')}\n`;
      tally[result.verdict]++;
      code = Math.max(code, exitCodeOf(result));
      if (report) reports.push(report);
      else if (args.csv) csvRows.push(...rows);
      else out(text);
    } catch (e) {
      const reason = `${file}: 检查时出错，未能读取 / checking failed (${(e as Error)?.message ?? String(e)})`;
      err(reason);
      code = 2;
      tally.unreadable++;
      if (args.json) reports.push(unreadableReport(file, reason));
      else if (args.csv) csvRows.push(unreadableCsvRow(file, reason, args.lang));
    }
  }
  if (args.json) out(JSON.stringify(reports, null, 2));
  if (args.csv) out('\ufeff' + [csvHeader(args.lang), ...csvRows].join('\r\n'));
  // The summary goes to stderr when stdout carries JSON/CSV, so the machine output stays one document.
  if (files.length > 1 || args.files.some(isDirectory)) (args.json || args.csv ? err : out)(summaryLine(files.length, tally, args.lang));
  return code;
}

// Run only when executed directly (tests import main()).
if (process.argv[1] && /cli\.ts$/.test(process.argv[1])) {
  process.exitCode = await main(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n'));
}
