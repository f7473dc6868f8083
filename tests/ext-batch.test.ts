// @vitest-environment happy-dom
// @vitest-environment-options {"url":"http://www.example.gov.cn/col/nianbao/index.html","settings":{"disableJavaScriptEvaluation":true,"disableJavaScriptFileLoading":true,"disableCSSFileLoading":true}}
// Issue 21, the parts of the list-page batch that need no browser: which links of a list page name a
// report (same origin only, one per URL), its 下一页; the rows' verdict words, order and exports; and the
// runner on the real reports (沭阳县发改局 2023 page: checked, no error; 洪泽区 2023 PDF: the two table-C
// errors), a 404, a file the checker cannot read, cancel, and the cross-year pass.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, checkPdf, htmlToDoc, type PdfJs } from '../core/index.ts';
import { nextPageUrl, reportLinks } from '../extension/features/report-links.ts';
import { BATCH_WORDS, newRows, rowsCsv, rowsJson, sortRows, verdictWords, notCheckedWords, outcomeOf, type BatchRow } from '../extension/features/batch-rows.ts';
import { collectRows, crossYear, runRows, type BatchDeps } from '../extension/features/batch-run.ts';
import { fetchSameOrigin, offerBatch } from '../extension/features/batch-offer.tsx';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
import type { BatchFetched } from '../extension/features/messages.ts';

const FIX = join(import.meta.dirname, 'fixtures');
const ORIGIN = 'http://www.example.gov.cn';
const LIST_URL = `${ORIGIN}/col/nianbao/index.html`;

const LIST = `<!doctype html><html><head><title>政府信息公开年报_某县人民政府</title></head><body>
<nav><a href="/">首页</a> <a href="/col/news/">新闻</a></nav>
<ul>
  <li><a href="/art/2024/1/22/art_1.html">沭阳县发展和改革局2023年政府信息公开工作年度报告</a></li>
  <li><a href="/art/2024/1/22/art_1.html#top">沭阳县发展和改革局2023年政府信息公开工作年度报告</a></li>
  <li><a href="/uploadfiles/hongze-2023.pdf" title="洪泽区人民政府2023年政府信息公开工作年度报告">洪泽区人民政府2023年政府信息…</a></li>
  <li><a href="/uploadfiles/2022年度报告.docx">2022年度报告</a></li>
  <li><a href="/uploadfiles/old.doc">2019年政府信息公开年报</a></li>
  <li><a href="http://www.other.gov.cn/art/x.html">某市2023年政府信息公开工作年度报告</a></li>
  <li><a href="javascript:void(0)">2021年政府信息公开工作年度报告</a></li>
  <li><a href="/art/2024/3/1/art_9.html">关于开展政务公开培训的通知</a></li>
</ul>
<div class="page"><a href="index_1.html">下一页</a> <a href="index_9.html">尾页</a></div>
</body></html>`;

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('report links of a list page', () => {
  it('takes the links that name a report, same origin, one per URL, in page order', () => {
    const links = reportLinks(parse(LIST), LIST_URL);
    expect(links.map((l) => [l.url.replace(ORIGIN, ''), l.kind])).toEqual([
      ['/art/2024/1/22/art_1.html', 'page'],
      ['/uploadfiles/hongze-2023.pdf', 'pdf'],
      [`/uploadfiles/${encodeURIComponent('2022年度报告')}.docx`, 'docx'],
      ['/uploadfiles/old.doc', 'other'],
    ]);
    // the cut title gives way to the link's full title attribute
    expect(links[1]!.text).toBe('洪泽区人民政府2023年政府信息公开工作年度报告');
  });

  it('「2022年度报告」 counts only on a page whose title names the reports', () => {
    const news = LIST.replace('<title>政府信息公开年报_某县人民政府</title>', '<title>某县人民政府</title>');
    expect(reportLinks(parse(news), LIST_URL).map((l) => l.text)).toEqual(['沭阳县发展和改革局2023年政府信息公开工作年度报告', '洪泽区人民政府2023年政府信息公开工作年度报告', '2019年政府信息公开年报']);
  });

  it('finds 下一页, not 尾页; none on the last page', () => {
    expect(nextPageUrl(parse(LIST), LIST_URL)).toBe(`${ORIGIN}/col/nianbao/index_1.html`);
    expect(nextPageUrl(parse(LIST.replace('下一页', '上一页')), LIST_URL)).toBeUndefined();
    expect(nextPageUrl(parse(LIST.replace('index_1.html', 'http://www.other.gov.cn/p2.html')), LIST_URL)).toBeUndefined();
    // within the column only: another column's page is not this list's next
    expect(nextPageUrl(parse(LIST.replace('index_1.html', '/col/news/index_1.html')), LIST_URL)).toBeUndefined();
    expect(nextPageUrl(parse(LIST.replace('index_1.html', '?page=2')), LIST_URL)).toBe(`${LIST_URL}?page=2`);
  });
});

describe('the list page fetches for the summary page', () => {
  it('refuses another origin without asking the network; says the status of a failed fetch', async () => {
    const asked: string[] = [];
    const fetcher = (async (u: string) => (asked.push(u), new Response('', { status: 404 }))) as unknown as typeof fetch;
    expect(await fetchSameOrigin('http://www.other.gov.cn/a.pdf', ORIGIN, fetcher)).toMatchObject({ ok: false, status: 0 });
    expect(asked).toEqual([]);
    expect(await fetchSameOrigin(`${ORIGIN}/gone.html`, ORIGIN, fetcher)).toEqual({ ok: false, status: 404, error: 'HTTP 404' });
    expect(asked).toEqual([`${ORIGIN}/gone.html`]);
  });

  it('a link that does not answer is given up after the timeout, its own failure', async () => {
    const hanging = ((_u: string, init?: RequestInit) =>
      new Promise((_ok, fail) => init?.signal?.addEventListener('abort', () => fail(new DOMException('aborted', 'AbortError'))))) as unknown as typeof fetch;
    expect(await fetchSameOrigin(`${ORIGIN}/slow.pdf`, ORIGIN, hanging, 1024, 50)).toEqual({ ok: false, status: 0, error: 'no answer in 0.05 s', code: 'timeout' });
    // the row says it in its language
    const row = { ...newRows([{ url: `${ORIGIN}/slow.pdf`, text: '', kind: 'pdf' }])[0]!, state: 'done' as const, verdict: 'failed' as const, reason: BATCH_WORDS.zh.failCode.timeout };
    expect(verdictWords(row, 'zh')).toBe('获取失败（久无响应）');
  });
});

describe('the offer on the list page', () => {
  it('offers the four reports; answers the summary page only after the click, and not after the signal', async () => {
    document.title = '政府信息公开年报_某县人民政府';
    document.body.innerHTML = LIST.replace(/^[\s\S]*<body>/, '').replace(/<\/body>[\s\S]*$/, '');
    const abort = new AbortController();
    let opened = 0;
    expect(offerBatch(document, 'zh', abort.signal, () => opened++)).toBeDefined();
    const ui = document.querySelector('gkc-ui')!.shadowRoot!;
    expect(ui.querySelector('[data-testid="batch-offer-text"]')!.textContent).toContain('本页列出 4 份年度报告');
    const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (...args: unknown[]) => Promise<unknown[]>;
    // before the click nobody answers
    expect((await trigger({ type: 'gkc:batch-list' }, {})).filter(Boolean)).toEqual([]);
    (ui.querySelector('[data-action="check-list"]') as HTMLButtonElement).click();
    expect(opened).toBe(1);
    const answer = (list: unknown) =>
      new Promise((ok) => {
        const l = fakeBrowser.runtime.onMessage as unknown as { trigger(...a: unknown[]): unknown };
        l.trigger(list, {}, ok);
      });
    const list = (await answer({ type: 'gkc:batch-list' })) as { url: string; links: unknown[]; next?: string };
    expect(list.url).toBe(LIST_URL);
    expect(list.links).toHaveLength(4);
    expect(list.next).toBe(`${ORIGIN}/col/nianbao/index_1.html`);
    // another origin is refused by the page itself
    expect(await answer({ type: 'gkc:batch-fetch', url: 'http://www.other.gov.cn/x.pdf' })).toMatchObject({ ok: false, code: 'other-origin' });
    abort.abort();
    expect(document.querySelector('gkc-ui')).toBeNull();
    expect((await trigger({ type: 'gkc:batch-list' }, {})).filter(Boolean)).toEqual([]);
  });

  it('no offer on a page that lists fewer than two reports', () => {
    document.title = '某县人民政府';
    document.body.innerHTML = '<a href="/art/1.html">2023年政府信息公开工作年度报告</a><a href="/art/2.html">新闻</a>';
    expect(offerBatch(document, 'zh', new AbortController().signal)).toBeUndefined();
    expect(document.querySelector('gkc-ui')).toBeNull();
  });
});

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const legacy = async () => (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;

/** A list page's origin as a map of paths; everything else 404. */
function site(files: Record<string, { type: string; bytes: Uint8Array }>, log: string[] = []): BatchDeps {
  return {
    list: async () => ({ url: LIST_URL, title: '政府信息公开年报', links: reportLinks(parse(LIST), LIST_URL) }),
    fetch: async (url): Promise<BatchFetched> => {
      log.push(url);
      const f = files[new URL(url).pathname];
      return f ? { ok: true, status: 200, type: f.type, base64: b64(f.bytes) } : { ok: false, status: 404, error: 'HTTP 404' };
    },
    pdf: async (bytes, name) => {
      const { result, pagesWithoutText } = await checkPdf(await legacy(), bytes, name);
      return { result, scan: pagesWithoutText.length > 0 };
    },
    docx: async () => {
      throw new Error('no docx here');
    },
    parse,
  };
}

const FILES = {
  '/art/2024/1/22/art_1.html': { type: 'text/html; charset=utf-8', bytes: readFileSync(join(FIX, 'shuyang-drc-2023.html')) },
  '/uploadfiles/hongze-2023.pdf': { type: 'application/pdf', bytes: readFileSync(join(FIX, 'hongze-district-gov-2023.pdf')) },
};

describe('the batch on real reports', () => {
  it('each row its verdict: clean page, PDF with the two table-C errors, 404 as 获取失败, .doc unreadable unfetched', async () => {
    const log: string[] = [];
    const deps = site(FILES, log);
    const got = await collectRows(deps, new AbortController().signal);
    const seen: BatchRow[][] = [];
    const results = await runRows(got!.rows, deps, 'zh', new AbortController().signal, (r) => seen.push(r), 2);
    const rows = seen.at(-1)!;
    expect(rows.map((r) => [r.n, r.state, verdictWords(r, 'zh'), r.mistakes])).toEqual([
      [1, 'done', '已核对未发现错误', 0],
      [2, 'done', '发现错误', 2],
      [3, 'done', '获取失败（HTTP 404）', undefined],
      [4, 'done', '无法读取', undefined],
    ]);
    expect(rows[1]!.agency).toContain('洪泽区');
    expect(rows[1]!.year).toBe(2023);
    expect(rows[0]!.year).toBe(2023);
    // the .doc is never fetched: the checker could not read it anyway
    expect(log.map((u) => new URL(u).pathname)).not.toContain('/uploadfiles/old.doc');
    // the PDF's bytes stay for its full result in the checker page; the page's are the page itself
    expect([...results.keys()].sort()).toEqual([1, 2]);
    expect(results.get(2)!.file?.type).toBe('application/pdf');
    expect(results.get(1)!.file).toBeUndefined();
    // past the memory budget a file is not kept, only known to be one (its full result fetches it again)
    const lean = await runRows((await collectRows(deps, new AbortController().signal))!.rows, deps, 'zh', new AbortController().signal, () => {}, 3, 0);
    expect([lean.get(1)!.isFile, lean.get(2)!.isFile, lean.get(2)!.file]).toEqual([false, true, undefined]);
    expect(results.get(2)!.isFile).toBe(true);
    // while it ran, a row was seen fetching and checking
    expect(seen.some((s) => s[1]!.state === 'checking')).toBe(true);
    const csv = rowsCsv(rows, 'zh');
    expect(csv.startsWith('\ufeff序号,单位,年度,结论,需改正处')).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + 4);
    expect(csv).toContain('获取失败（HTTP 404）');
    const json = JSON.parse(rowsJson(rows, 'en')) as { verdict: string; verdictText: string; httpStatus: number | null }[];
    expect(json.map((j) => j.verdict)).toEqual(['clean', 'errors', 'failed', 'unreadable']);
    expect(json[2]).toMatchObject({ verdictText: 'Could not fetch (HTTP 404)', httpStatus: 404 });
    expect(sortRows(rows, 'verdict', 1).map((r) => r.n)).toEqual([2, 3, 4, 1]);
    expect(sortRows(rows, 'mistakes', -1)[0]!.n).toBe(2);
  }, 60_000);

  it('cancel: what has not started is never fetched and shows 已取消', async () => {
    const log: string[] = [];
    const deps = site(FILES, log);
    const abort = new AbortController();
    const rows = (await collectRows(deps, abort.signal))!.rows;
    let last: BatchRow[] = [];
    const slow: BatchDeps = { ...deps, fetch: async (u) => (abort.abort(), deps.fetch(u)) };
    await runRows(rows, slow, 'zh', abort.signal, (r) => (last = r), 1);
    expect(log).toHaveLength(1);
    expect(last.map((r) => r.state)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect(verdictWords(last[3]!, 'zh')).toBe('已取消');
  });

  it('a scan waits for OCR until the other rows are done, then takes what OCR read; cancelled, it stays 未完整核对', async () => {
    const scanPdf = readFileSync(join(FIX, 'ocr', 'hongze-district-gov-2023-p4-scan.pdf'));
    const files = { ...FILES, '/uploadfiles/hongze-2023.pdf': { type: 'application/pdf', bytes: scanPdf } };
    // OCR itself is tests/ocr*.test.ts's: here the text layer of the same real report stands in for what OCR reads
    const read = (await checkPdf(await legacy(), new Uint8Array(readFileSync(join(FIX, 'hongze-district-gov-2023.pdf'))))).result;
    for (const cancel of [false, true]) {
      const abort = new AbortController();
      let statesAtOcr: string[] = [];
      let last: BatchRow[] = [];
      const deps: BatchDeps = {
        ...site(files),
        ocr: async (bytes, _name, signal) => {
          statesAtOcr = last.map((r) => r.state);
          expect(bytes.length).toBe(scanPdf.length);
          if (cancel) abort.abort();
          if (signal.aborted) throw new DOMException('OCR cancelled', 'AbortError');
          return read;
        },
      };
      const rows = (await collectRows(deps, abort.signal))!.rows;
      const results = await runRows(rows, deps, 'zh', abort.signal, (r) => (last = r));
      expect(statesAtOcr).toEqual(['done', 'ocr', 'done', 'done']);
      const scan = last[1]!;
      if (!cancel) {
        expect([scan.state, scan.verdict, scan.mistakes, scan.ocr, scan.scan]).toEqual(['done', 'errors', 2, true, undefined]);
        expect(results.get(2)!.result).toBe(read);
        expect(results.get(2)!.file?.type).toBe('application/pdf');
      } else expect([scan.state, verdictWords(scan, 'zh'), scan.scan, scan.mistakes]).toEqual(['done', '未完整核对', true, undefined]);
    }
  }, 60_000);

  it('follows 下一页 within the cap and says so', async () => {
    const page2 = LIST.replace(/art_1\.html/g, 'art_2.html').replace('hongze-2023.pdf', 'hongze-2024.pdf').replace('index_1.html', 'index_2.html');
    const deps = site({ '/col/nianbao/index_1.html': { type: 'text/html', bytes: new TextEncoder().encode(page2) }, '/col/nianbao/index_2.html': { type: 'text/html', bytes: new TextEncoder().encode(page2) } });
    const first = { url: LIST_URL, title: '', links: reportLinks(parse(LIST), LIST_URL), next: `${ORIGIN}/col/nianbao/index_1.html` };
    const capped = await collectRows({ ...deps, list: async () => first }, new AbortController().signal, 2);
    // page 2 adds its two new reports (the docx and .doc are the same URLs); page 3 is over the cap
    expect(capped!.rows.map((r) => r.url.replace(ORIGIN, ''))).toEqual([
      '/art/2024/1/22/art_1.html',
      '/uploadfiles/hongze-2023.pdf',
      `/uploadfiles/${encodeURIComponent('2022年度报告')}.docx`,
      '/uploadfiles/old.doc',
      '/art/2024/1/22/art_2.html',
      '/uploadfiles/hongze-2024.pdf',
    ]);
    expect(capped!.rows.map((r) => r.n)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(capped).toMatchObject({ pages: 2, more: true });
  });
});

describe('rows', () => {
  it('the cross-year pass: the same agency the year before on the list → its report checked against it', () => {
    const html = readFileSync(join(FIX, 'shuyang-drc-2023.html'), 'utf8');
    const result = check({ kind: 'doc', doc: htmlToDoc(html) });
    // as tests/xyear.test.ts: the corpus has no agency's two consecutive years, so last year is this report relabelled
    const lastYear = { ...result, model: { ...result.model, year: 2022 } };
    const rows: BatchRow[] = newRows([
      { url: `${ORIGIN}/a.html`, text: '2023', kind: 'page' },
      { url: `${ORIGIN}/b.html`, text: '2022', kind: 'page' },
    ]).map((r, i) => ({ ...r, state: 'done', ...outcomeOf(i ? lastYear : result) }));
    const results = new Map([
      [1, { result }],
      [2, { result: lastYear }],
    ]);
    const after = crossYear(rows, results);
    expect(after.map((r) => r.previousYear)).toEqual([2022, undefined]);
    expect(results.get(1)!.result.findings.some((f) => f.ruleId === 'XYEAR-IDENTICAL-TABLES')).toBe(true);
    expect(rowsCsv(after, 'zh').split('\r\n')[1]!.endsWith(',2022')).toBe(true);
  });

  it('a scan read without OCR is never clean; tables not checked are named', () => {
    const html = readFileSync(join(FIX, 'shuyang-drc-2023.html'), 'utf8');
    const result = check({ kind: 'doc', doc: htmlToDoc(html) });
    const row = { ...newRows([{ url: `${ORIGIN}/s.pdf`, text: 's', kind: 'pdf' }])[0]!, ...outcomeOf(result, true) };
    expect(verdictWords(row, 'zh')).toBe('未完整核对');
    // nothing read, nothing counted: a 0 would read as "nothing to fix"
    expect(row.mistakes).toBeUndefined();
    const part = { ...row, notChecked: [{ table: 'B' as const, status: 'partial' }, { table: 'C' as const, status: 'not-found' }] };
    expect(notCheckedWords(part, 'zh')).toBe('表二（部分核对）、表三（未找到）');
    expect(notCheckedWords(part, 'en')).toBe('Table B (partly checked), Table C (not found)');
  });
});
