// Issue 21 in Debian chromium with the release build: a list page (政府信息公开年报 column) served as a
// *.gov.cn host, linking the real 沭阳县发改局 2023 report page (consistent), the real 洪泽区 2023 PDF (its
// two table-C errors), a scan (the real 洪泽区 page-4 scan PDF: read by OCR on the summary page once the
// rest are done, the same two errors), a broken link (404) and a news item that is no report. The page offers 「检查本页列出的全部年报」 and fetches nothing before the click; the click
// opens 「年报批量核对」, which shows each verdict, the 404 as 获取失败 with its status, no row for the news
// item (never requested), and exports a CSV with one row per report. Nothing leaves the served origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { artifactPath, hasChromium, warnIfNoChromium } from './support/browser.ts';
import { ROOT, buildExtension, launchWithExtension, serveLocal, type ExtensionBrowser, type Local } from './support/e2e.ts';

warnIfNoChromium('extension list-page batch end-to-end tests (tests/ext-batch-e2e.test.ts)');

const FIX = join(ROOT, 'tests', 'fixtures');
const OUT = '.output-batch-test';
const EXT = join(ROOT, OUT, 'chrome-mv3');

const LIST = `<!doctype html><html><head><meta charset="utf-8"><title>政府信息公开年报_沭阳县人民政府</title></head><body>
<h1>政府信息公开年报</h1>
<ul class="list">
  <li><a href="/art/2024/1/22/art_1.html">沭阳县发展和改革局2023年政府信息公开工作年度报告</a> 2024-01-22</li>
  <li><a href="/uploadfiles/202401/hongze-2023.pdf">洪泽区人民政府2023年政府信息公开工作年度报告</a> 2024-01-20</li>
  <li><a href="/uploadfiles/202401/scan-2023.pdf">某镇2023年政府信息公开工作年度报告（扫描件）</a> 2024-01-19</li>
  <li><a href="/art/2024/1/18/gone.html">某局2023年政府信息公开工作年度报告</a> 2024-01-18</li>
  <li><a href="/art/2024/1/17/news.html">关于做好2024年政务公开工作的通知</a> 2024-01-17</li>
</ul>
<div class="pages"><a href="index_1.html">下一页</a></div>
</body></html>`;

/** the column's second page: the same report page, and the real 沭阳 page as the site served it in GBK */
const LIST_2 = `<!doctype html><html><head><meta charset="utf-8"><title>政府信息公开年报_沭阳县人民政府</title></head><body>
<ul class="list">
  <li><a href="/art/2024/1/22/art_1.html">沭阳县发展和改革局2023年政府信息公开工作年度报告</a></li>
  <li><a href="/art/2024/1/22/art_1_gbk.html">沭阳县发展和改革局2023年政府信息公开工作年度报告（GBK）</a></li>
</ul>
<div class="pages"><a href="index.html">上一页</a></div>
</body></html>`;

describe.skipIf(!hasChromium)('extension: check every report a list page links', () => {
  let local: Local;
  let chrome: ExtensionBrowser;
  let origin: string;
  let context: BrowserContext;
  const served: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    buildExtension({ out: OUT, timeout: 180_000 });
    const files: Record<string, [string, Buffer | string]> = {
      '/col/nianbao/index.html': ['text/html; charset=utf-8', LIST],
      '/col/nianbao/index_1.html': ['text/html; charset=utf-8', LIST_2],
      '/art/2024/1/22/art_1.html': ['text/html; charset=utf-8', readFileSync(join(FIX, 'shuyang-drc-2023.html'))],
      // no charset in the header: the page's own <meta> says GBK
      '/art/2024/1/22/art_1_gbk.html': ['text/html', readFileSync(join(FIX, 'shuyang-drc-2023.gbk.html'))],
      '/art/2024/1/17/news.html': ['text/html; charset=utf-8', '<!doctype html><title>通知</title><p>通知</p>'],
      '/uploadfiles/202401/hongze-2023.pdf': ['application/pdf', readFileSync(join(FIX, 'hongze-district-gov-2023.pdf'))],
      '/uploadfiles/202401/scan-2023.pdf': ['application/pdf', readFileSync(join(FIX, 'ocr', 'hongze-district-gov-2023-p4-scan.pdf'))],
    };
    local = await serveLocal((req, res) => {
      const path = req.url ?? '';
      served.push(path);
      const f = files[path];
      if (f) {
        // no CORS headers, as on a government site
        res.writeHead(200, { 'content-type': f[0] });
        res.end(f[1]);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    origin = `http://www.shuyang.gov.cn:${local.port}`;
    chrome = await launchWithExtension(EXT, { profile: 'gkc-ext-batch-', viewport: { width: 1280, height: 1000 }, acceptDownloads: true, requests });
    context = chrome.context;
  }, 240_000);

  afterAll(async () => {
    await chrome?.close();
    await local?.close();
  });

  it('one click: each report fetched from the page’s origin and checked; one row each with its verdict; the CSV one line per report', async () => {
    const page: Page = await context.newPage();
    await page.goto(`${origin}/col/nianbao/index.html`, { waitUntil: 'load' });
    const button = page.locator('.batch-offer [data-action="check-list"]');
    await button.waitFor({ timeout: 20_000 });
    expect(await button.innerText()).toBe('检查本页列出的全部年报');
    expect(await page.locator('[data-testid="batch-offer-text"]').innerText()).toContain('4 份');
    await page.screenshot({ path: artifactPath('ext-batch-offer.png') });
    // nothing but the list page itself before the click (and the browser's own favicon request)
    expect(served.filter((p) => p !== '/favicon.ico')).toEqual(['/col/nianbao/index.html']);
    served.length = 0;

    const opened = context.waitForEvent('page', (p) => p.url().includes('/batch.html'));
    await button.click();
    const summary = await opened;
    // the text rows first, while the scan waits for OCR
    await summary.locator('tr[data-state="ocr"]').waitFor({ timeout: 120_000 });
    expect(await summary.locator('tbody tr[data-state="done"]').count()).toBe(4);
    await summary.locator('[data-testid="batch-progress"][data-stage="done"]').waitFor({ timeout: 300_000 });
    expect(await summary.title()).toContain('年报批量核对');
    const rows = await summary.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ url: new URL(tr.getAttribute('data-url')!).pathname, verdict: tr.getAttribute('data-verdict'), cells: Array.from(tr.querySelectorAll('td')).map((td) => (td.textContent ?? '').trim()) })),
    );
    await summary.screenshot({ path: artifactPath('ext-batch-summary.png'), fullPage: true });
    expect(rows.map((r) => [r.url, r.verdict])).toEqual([
      ['/art/2024/1/22/art_1.html', 'clean'],
      ['/uploadfiles/202401/hongze-2023.pdf', 'errors'],
      ['/uploadfiles/202401/scan-2023.pdf', 'errors'],
      ['/art/2024/1/18/gone.html', 'failed'],
      // from the list's second page (下一页)
      ['/art/2024/1/22/art_1_gbk.html', 'clean'],
    ]);
    expect(await summary.locator('[data-testid="batch-pages"]').innerText()).toBe('已读取列表 2 页');
    const [shuyang, hongze, scan, gone, gbk] = rows.map((r) => r.cells);
    expect(gbk!.slice(1, 5)).toEqual(shuyang!.slice(1, 5));
    // agency, year, verdict, mistakes, tables not checked
    expect(shuyang!.slice(1, 5)).toEqual([expect.stringContaining('沭阳县发展和改革局'), '2023', '已核对未发现错误', '0']);
    expect(hongze!.slice(1, 5)).toEqual([expect.stringContaining('洪泽区'), '2023', '发现错误', '2']);
    expect(scan![3]).toBe('发现错误 · 扫描件，已文字识别：数字请对照原件');
    expect(scan![4]).toBe('2');
    expect(gone![3]).toBe('获取失败（HTTP 404）');
    // the news item is no row and was never asked for
    expect(served).not.toContain('/art/2024/1/17/news.html');
    // each once: the report page listed on both list pages too
    expect(served.filter((p) => p !== '/favicon.ico').sort()).toEqual(['/art/2024/1/18/gone.html', '/art/2024/1/22/art_1.html', '/art/2024/1/22/art_1_gbk.html', '/col/nianbao/index_1.html', '/uploadfiles/202401/hongze-2023.pdf', '/uploadfiles/202401/scan-2023.pdf']);

    // sortable: by mistakes, most first
    await summary.locator('th button[data-sort="mistakes"]').click();
    await summary.locator('th button[data-sort="mistakes"]').click();
    expect(await summary.locator('tbody tr').first().getAttribute('data-verdict')).toBe('errors');

    const download = summary.waitForEvent('download');
    await summary.locator('[data-action="export-csv"]').click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 5);
    expect(lines[0]).toBe('\ufeff序号,单位,年度,结论,需改正处,未完整核对的表,链接文字,链接,对比上年');
    expect(lines.some((l) => l.includes('获取失败（HTTP 404）'))).toBe(true);

    // the scan's full result: the checker page on that file (OCR there)
    const checker = context.waitForEvent('page', (p) => p.url().includes('/checker.html'));
    await summary.locator('tr[data-url$="scan-2023.pdf"] [data-action="full-result"]').click();
    const checkerPage = await checker;
    await checkerPage.waitForLoadState('load');
    await checkerPage.close();
    await summary.close();
    await page.close();
  }, 480_000);

  it('nothing left the served origin', () => {
    const outside = requests.filter((u) => !u.startsWith('chrome-extension://') && !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(outside).toEqual([]);
  });
});
