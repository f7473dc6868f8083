// The batch summary's rows as plain data (issue 21): one per report link of a list page, what its check
// found, and the words, order and exports the summary page shows. No DOM, no browser: tested on its own.
import { countMistakes, csvField, TABLE_LABEL, type CheckResult, type CoverageKey, type Lang } from '../../core/index.ts';
import type { ReportLink } from './report-links.ts';
import type { BatchFailCode } from './messages.ts';

/**
 * The verdict in the words of the site's and the CLI's batch summary (core/cli.ts): errors 发现错误, clean
 * 已核对未发现错误, incomplete 未完整核对 (table B or C not fully read, or a scan not read by OCR yet),
 * unreadable 无法读取, and failed 获取失败 for a link the list page's origin did not serve.
 */
export type BatchVerdict = CheckResult['verdict'] | 'failed';
/** ocr: a scan being read by OCR, here on the summary page, after every other row is done */
export type BatchState = 'queued' | 'fetching' | 'checking' | 'ocr' | 'done' | 'cancelled';

export type BatchRow = ReportLink & {
  /** page order across the list's pages, from 1 */
  n: number;
  state: BatchState;
  verdict?: BatchVerdict;
  /** the HTTP status of a link that could not be fetched (0: no answer at all) */
  httpStatus?: number;
  /** why it failed or could not be read, when there is no status to say it */
  reason?: string;
  agency?: string;
  year?: number;
  /** mistakes to fix: a located mistake once, and each error no mistake explains once (core countMistakes) */
  mistakes?: number;
  /** tables A–C not checked in full, with their status */
  notChecked?: { table: 'A' | 'B' | 'C'; status: string }[];
  /** a scan not read (yet, or OCR failed or was cancelled): the text layer is missing */
  scan?: boolean;
  /** a scan read by OCR: its numbers may be misread, the full result shows them on the page image */
  ocr?: boolean;
  /** the year before, when the list holds it: the cross-year checks ran against it */
  previousYear?: number;
};

export const BATCH_WORDS = {
  zh: {
    title: '年报批量核对',
    offer: '检查本页列出的全部年报',
    offerText: (n: number) => `本页列出 ${n} 份年度报告。点击后在本机逐份获取并核对（只访问本网站，不上传）。`,
    verdict: { errors: '发现错误', clean: '已核对未发现错误', incomplete: '未完整核对', unreadable: '无法读取', failed: '获取失败' } as Record<BatchVerdict, string>,
    state: { queued: '等待中', fetching: '获取中…', checking: '核对中…', ocr: '文字识别中…', done: '完成', cancelled: '已取消' } as Record<BatchState, string>,
    tableStatus: { partial: '部分核对', 'not-found': '未找到', unreadable: '无法读取', checked: '已核对' } as Record<string, string>,
    scan: '扫描件，表格未能文字识别：可在核数页中打开',
    ocrNote: '扫描件，已文字识别：数字请对照原件',
    otherFile: '核数页读不了这种文件（只读 PDF、.docx 和网页）',
    failCode: { timeout: '久无响应', 'other-origin': '不是本网站的链接', 'too-large': '文件过大' } as Record<BatchFailCode, string>,
    csvHead: ['序号', '单位', '年度', '结论', '需改正处', '未完整核对的表', '链接文字', '链接', '对比上年'],
    head: { n: '序号', agency: '单位', year: '年度', verdict: '结论', mistakes: '需改正处', notChecked: '未完整核对的表', link: '年报' },
    progress: (done: number, total: number) => `已完成 ${done} / ${total} 份`,
    cancel: '取消',
    cancelled: '已取消，未完成的年报没有获取。',
    finished: '全部完成。',
    exportCsv: '导出 CSV',
    exportJson: '导出 JSON',
    open: '打开年报',
    full: '完整结果',
    pages: (n: number, cap: number, more: boolean) => `已读取列表 ${n} 页${more ? `（最多 ${cap} 页，其后各页未读取）` : ''}`,
    noList: '未能读取列表页：请回到列表页重新点击「检查本页列出的全部年报」。',
    previous: (y: number) => `已与 ${y} 年对比`,
    listSep: '、',
  },
  en: {
    title: 'Batch check of annual reports',
    offer: 'Check every report listed on this page',
    offerText: (n: number) => `This page lists ${n} annual reports. One click fetches and checks them one by one on this computer (from this site only; nothing is uploaded).`,
    verdict: { errors: 'Errors found', clean: 'Checked: no errors', incomplete: 'Not fully checked', unreadable: 'Unreadable', failed: 'Could not fetch' } as Record<BatchVerdict, string>,
    state: { queued: 'queued', fetching: 'fetching…', checking: 'checking…', ocr: 'reading by OCR…', done: 'done', cancelled: 'cancelled' } as Record<BatchState, string>,
    tableStatus: { partial: 'partly checked', 'not-found': 'not found', unreadable: 'unreadable', checked: 'checked' } as Record<string, string>,
    scan: 'A scan whose tables were not read by OCR: open it in the checker',
    ocrNote: 'A scan read by OCR: compare the numbers with the original',
    otherFile: 'The checker cannot read this kind of file (PDF, .docx and web pages only)',
    failCode: { timeout: 'no answer', 'other-origin': 'not this site', 'too-large': 'file too large' } as Record<BatchFailCode, string>,
    csvHead: ['no', 'agency', 'year', 'verdict', 'mistakes', 'tables not fully checked', 'link text', 'url', 'compared with'],
    head: { n: 'No.', agency: 'Agency', year: 'Year', verdict: 'Verdict', mistakes: 'Mistakes', notChecked: 'Tables not fully checked', link: 'Report' },
    progress: (done: number, total: number) => `${done} of ${total} done`,
    cancel: 'Cancel',
    cancelled: 'Cancelled: the reports not yet done were not fetched.',
    finished: 'All done.',
    exportCsv: 'Export CSV',
    exportJson: 'Export JSON',
    open: 'Open report',
    full: 'Full result',
    pages: (n: number, cap: number, more: boolean) => `${n} list page(s) read${more ? ` (at most ${cap}; later pages not read)` : ''}`,
    noList: 'The list page could not be read: go back to it and click the button again.',
    previous: (y: number) => `compared with ${y}`,
    listSep: ', ',
  },
};

export function newRows(links: ReportLink[], from = 1): BatchRow[] {
  return links.map((l, i) => ({ ...l, n: from + i, state: 'queued' }));
}

/** What a check found, as the row keeps it (the CheckResult itself stays with the runner). */
export function outcomeOf(result: CheckResult, scan = false): Pick<BatchRow, 'verdict' | 'agency' | 'year' | 'mistakes' | 'notChecked' | 'scan'> {
  const m = result.model;
  const notChecked = (['A', 'B', 'C'] as const).filter((k) => result.coverage[k].status !== 'checked').map((table) => ({ table, status: result.coverage[table].status }));
  // a scan read without OCR is never clean: its tables were not read at all
  const verdict = scan && result.verdict !== 'errors' ? 'incomplete' : result.verdict;
  // no count where nothing was read: a 0 there would read as "nothing to fix"
  const counted = verdict === 'errors' || (verdict !== 'unreadable' && !scan);
  return { verdict, ...(counted ? { mistakes: countMistakes(result) } : {}), notChecked, ...(m.agency ? { agency: m.agency } : {}), ...(m.year !== undefined ? { year: m.year } : {}), ...(scan ? { scan } : {}) };
}

export function verdictWords(row: BatchRow, lang: Lang): string {
  const w = BATCH_WORDS[lang];
  if (!row.verdict) return w.state[row.state];
  const base = w.verdict[row.verdict];
  const why = row.httpStatus ? `HTTP ${row.httpStatus}` : (row.reason ?? '');
  return row.verdict === 'failed' && why ? paren(why, lang, base) : base;
}

/** 「获取失败（HTTP 404）」, 「Could not fetch (HTTP 404)」: each language its own brackets. */
const paren = (inner: string, lang: Lang, before: string): string => (lang === 'zh' ? `${before}（${inner}）` : `${before} (${inner})`);

/** 「表二（部分核对）、表三（未找到）」, 「Table B (partly checked), Table C (not found)」 */
export function notCheckedWords(row: BatchRow, lang: Lang): string {
  const w = BATCH_WORDS[lang];
  // the table's short name: 「表二」, 「Table B」
  const short = (t: CoverageKey) => (lang === 'zh' ? TABLE_LABEL.zh[t].split(' ')[0]! : TABLE_LABEL.en[t].replace(/ \(.*$/, ''));
  return (row.notChecked ?? []).map((t) => paren(w.tableStatus[t.status] ?? t.status, lang, short(t.table))).join(w.listSep);
}

export type BatchSortKey = 'n' | 'agency' | 'year' | 'verdict' | 'mistakes';

/** Worst first when sorted by verdict: errors, then what could not be fetched or read, then the partial, then the clean. */
const VERDICT_RANK: Record<BatchVerdict, number> = { errors: 0, failed: 1, unreadable: 2, incomplete: 3, clean: 4 };

export function sortRows(rows: readonly BatchRow[], key: BatchSortKey, dir: 1 | -1): BatchRow[] {
  const val = (r: BatchRow): string | number => {
    switch (key) {
      case 'n':
        return r.n;
      case 'agency':
        return r.agency ?? '\uffff';
      case 'year':
        return r.year ?? 0;
      case 'verdict':
        return r.verdict ? VERDICT_RANK[r.verdict] : 9;
      case 'mistakes':
        return r.mistakes ?? -1;
    }
  };
  return [...rows].sort((a, b) => {
    const x = val(a);
    const y = val(b);
    return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh')) * dir || a.n - b.n;
  });
}

/** One row per report, UTF-8 with a BOM (Excel opens it as Chinese), CRLF lines. */
export function rowsCsv(rows: readonly BatchRow[], lang: Lang): string {
  const w = BATCH_WORDS[lang];
  const lines = rows.map((r) =>
    [r.n, r.agency ?? '', r.year ?? '', verdictWords(r, lang), r.mistakes ?? '', notCheckedWords(r, lang), r.text, r.url, r.previousYear ?? ''].map(csvField).join(','),
  );
  return '\ufeff' + [w.csvHead.join(','), ...lines].join('\r\n') + '\r\n';
}

/** The same rows as JSON: plain fields, the verdict as its code and in words. */
export function rowsJson(rows: readonly BatchRow[], lang: Lang): string {
  return JSON.stringify(
    rows.map((r) => ({
      n: r.n,
      url: r.url,
      text: r.text,
      kind: r.kind,
      agency: r.agency ?? null,
      year: r.year ?? null,
      verdict: r.verdict ?? null,
      verdictText: verdictWords(r, lang),
      httpStatus: r.httpStatus ?? null,
      mistakes: r.mistakes ?? null,
      notChecked: r.notChecked ?? [],
      scan: !!r.scan,
      ocr: !!r.ocr,
      previousYear: r.previousYear ?? null,
    })),
    null,
    2,
  );
}
