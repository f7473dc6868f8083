// The summary page's work (issue 21): the list (and its next pages, capped), then each report fetched by
// the list page from its own origin and checked here with the core, a few at a time, each row's outcome
// its own (a failed or slow link never ends the batch); cancel stops what has not started; at the end,
// reports of the same agency in consecutive years get the cross-year checks. The browser parts (the
// list page's answers, the PDF and Word readers, parsing a list page) come in as functions: testable in
// Node on the real fixtures.
import { check, htmlToDoc, decodeHtmlBytes, isRefusal, refusalText, previousReport, withPrevious, type CheckResult, type Lang } from '../../core/index.ts';
import { newRows, outcomeOf, BATCH_WORDS, type BatchRow } from './batch-rows.ts';
import { nextPageUrl, reportLinks } from './report-links.ts';
import type { BatchFetched, BatchList } from './messages.ts';

/** Reports fetched and checked at once: the list page's server sees at most this many requests in flight. */
export const BATCH_CONCURRENCY = 3;
/**
 * The files kept in memory for their full result in the checker page (as base64, a third larger): past
 * this, a file's full result fetches it again from the list page. A county's column of 100 PDFs of
 * ~10 MB each would otherwise hold 1.3 GB in the summary page.
 */
export const KEEP_FILES_BYTES = 150 * 1024 * 1024;
/** List pages followed by 下一页 (the first included): a column of a few hundred reports, the cap shown. */
export const LIST_PAGE_CAP = 5;

export type BatchReaders = {
  /** a PDF: its result, and whether pages had no text layer (a scan, for OCR in the checker page) */
  pdf(bytes: Uint8Array, name: string): Promise<{ result: CheckResult; scan: boolean }>;
  /** a .docx as HTML */
  docx(bytes: Uint8Array): Promise<string>;
  /** an HTML list page as a document (DOMParser in the browser) */
  parse(html: string): Document;
  /** a scanned PDF read by OCR (the site's engine, packaged with the extension); absent: scans stay 未完整核对 */
  ocr?(bytes: Uint8Array, name: string, signal: AbortSignal): Promise<CheckResult>;
};

export type BatchDeps = BatchReaders & {
  list(): Promise<BatchList | undefined>;
  fetch(url: string): Promise<BatchFetched>;
};

export type BatchProgress = { rows: BatchRow[]; pages: number; more: boolean; done: boolean };

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** What the bytes are: the server's content type, else the file's first bytes, else the link's kind. */
export function sniffKind(bytes: Uint8Array, type: string, linkKind: BatchRow['kind']): 'page' | 'pdf' | 'docx' | 'other' {
  if (/pdf/i.test(type) || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) return 'pdf';
  if (/wordprocessingml/i.test(type) || (linkKind === 'docx' && bytes[0] === 0x50 && bytes[1] === 0x4b)) return 'docx';
  if (/html|xml/i.test(type)) return 'page';
  return linkKind;
}

/** One report's bytes checked; throws on a file the readers refuse (the row says 无法读取 and why). */
export async function checkBytes(bytes: Uint8Array, type: string, row: BatchRow, readers: BatchReaders): Promise<{ result: CheckResult; scan: boolean } | undefined> {
  const name = row.text || row.url;
  switch (sniffKind(bytes, type, row.kind)) {
    case 'pdf':
      return readers.pdf(bytes, name);
    case 'docx':
      return { result: check({ kind: 'doc', doc: htmlToDoc(await readers.docx(bytes), { name }) }), scan: false };
    case 'page':
      return { result: check({ kind: 'doc', doc: htmlToDoc(decodeHtmlBytes(bytes), { name }) }), scan: false };
    case 'other':
      return undefined;
  }
}

/** The list and its next pages (same origin, capped), as rows in page order, one per URL. */
export async function collectRows(deps: BatchDeps, signal: AbortSignal, cap = LIST_PAGE_CAP): Promise<{ rows: BatchRow[]; pages: number; more: boolean } | undefined> {
  const first = await deps.list();
  if (!first) return undefined;
  const rows = newRows(first.links);
  const seen = new Set(rows.map((r) => r.url));
  const visited = new Set([first.url]);
  let next = first.next;
  let pages = 1;
  while (next && !visited.has(next) && !signal.aborted) {
    if (pages >= cap) return { rows, pages, more: true };
    visited.add(next);
    const got = await deps.fetch(next);
    if (!got.ok) break;
    const doc = deps.parse(decodeHtmlBytes(fromBase64(got.base64)));
    pages++;
    const fresh = reportLinks(doc, next).filter((l) => !seen.has(l.url));
    for (const l of fresh) seen.add(l.url);
    rows.push(...newRows(fresh, rows.length + 1));
    next = nextPageUrl(doc, next);
  }
  return { rows, pages, more: false };
}

/**
 * Runs the rows: each fetched, checked and given its outcome; `onChange` after every step with fresh row
 * objects (what changed is a new object). Resolves with the results by row number, for the cross-year
 * pass and the full-result links.
 */
export type BatchResult = { result: CheckResult; /** a PDF or .docx: the checker page opens it for the full result */ isFile: boolean; /** its bytes, while they fit KEEP_FILES_BYTES */ file?: { type: string; base64: string } };

export async function runRows(rows: BatchRow[], deps: BatchDeps, lang: Lang, signal: AbortSignal, onChange: (rows: BatchRow[]) => void, concurrency = BATCH_CONCURRENCY, keepBytes = KEEP_FILES_BYTES): Promise<Map<number, BatchResult>> {
  const results = new Map<number, BatchResult>();
  let kept = 0;
  const set = (i: number, patch: Partial<BatchRow>) => {
    rows[i] = { ...rows[i]!, ...patch };
    onChange(rows.slice());
  };
  let nextIndex = 0;
  /** scans wait for OCR until every other row is done: one OCR engine, and the quick rows first */
  const scans: { i: number; bytes: Uint8Array; name: string }[] = [];
  const worker = async () => {
    while (!signal.aborted) {
      const i = nextIndex++;
      if (i >= rows.length) return;
      const row = rows[i]!;
      if (row.kind === 'other') {
        set(i, { state: 'done', verdict: 'unreadable', reason: BATCH_WORDS[lang].otherFile });
        continue;
      }
      set(i, { state: 'fetching' });
      const got = await deps.fetch(row.url);
      if (signal.aborted) return set(i, { state: 'cancelled' });
      if (!got.ok) {
        set(i, { state: 'done', verdict: 'failed', httpStatus: got.status, reason: got.code ? BATCH_WORDS[lang].failCode[got.code] : got.error });
        continue;
      }
      set(i, { state: 'checking' });
      // let the page draw the state before a check holds its thread
      await new Promise((ok) => setTimeout(ok, 0));
      try {
        const bytes = fromBase64(got.base64);
        const checked = await checkBytes(bytes, got.type, row, deps);
        if (!checked) set(i, { state: 'done', verdict: 'unreadable', reason: BATCH_WORDS[lang].otherFile });
        else {
          const isFile = sniffKind(bytes, got.type, row.kind) !== 'page';
          const keep = isFile && kept + got.base64.length <= keepBytes;
          if (keep) kept += got.base64.length;
          results.set(row.n, { result: checked.result, isFile, ...(keep ? { file: { type: got.type, base64: got.base64 } } : {}) });
          set(i, { state: 'done', ...outcomeOf(checked.result, checked.scan) });
          if (checked.scan && deps.ocr) scans.push({ i, bytes, name: row.text || row.url });
        }
      } catch (e) {
        set(i, { state: 'done', verdict: 'unreadable', reason: isRefusal(e) ? refusalText(e, lang) : (e as Error).message });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
  for (const scan of scans.sort((a, b) => a.i - b.i)) {
    if (signal.aborted || !deps.ocr) break;
    const before = rows[scan.i]!;
    set(scan.i, { state: 'ocr' });
    try {
      const result = await deps.ocr(scan.bytes, scan.name, signal);
      const had = results.get(before.n);
      results.set(before.n, { isFile: true, ...had, result });
      const { scan: _unread, ...rest } = before;
      rows[scan.i] = { ...rest, state: 'done', ...outcomeOf(result), ocr: true };
      onChange(rows.slice());
    } catch (e) {
      // cancelled, or the OCR engine failed: the row stays what the text layer gave, 未完整核对
      set(scan.i, { state: 'done', ...(signal.aborted ? {} : { reason: (e as Error).message }) });
    }
  }
  rows.forEach((r, i) => {
    if (r.state === 'queued' || r.state === 'fetching' || r.state === 'checking') rows[i] = { ...r, state: 'cancelled' };
  });
  onChange(rows.slice());
  return results;
}

/**
 * The cross-year checks (XYEAR-*): a report whose agency's report for the year before is on the list is
 * checked again against it (core withPrevious: the model is not read again). Returns the rows updated.
 */
export function crossYear(rows: BatchRow[], results: Map<number, { result: CheckResult; isFile?: boolean }>): BatchRow[] {
  const models = [...results.entries()].map(([n, r]) => ({ n, agency: r.result.model.agency, year: r.result.model.year, model: r.result.model }));
  return rows.map((row) => {
    const mine = results.get(row.n);
    if (!mine || row.scan) return row;
    const prev = previousReport(mine.result.model, models.filter((m) => m.n !== row.n));
    if (!prev || prev.year === undefined) return row;
    const result = withPrevious(mine.result, prev.model);
    results.set(row.n, { ...mine, result });
    return { ...row, ...outcomeOf(result), previousYear: prev.year };
  });
}
