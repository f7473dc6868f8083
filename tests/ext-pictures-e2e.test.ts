// Issue 23 in Debian chromium with the release build: a report page served as a *.gov.cn host whose text
// is HTML (the real 洪泽区 2023 report's pages 1 and 5, as paragraphs) and whose table pages are pictures
// (pages 2 and 3 rendered from the real PDF at test time, page 4 the real 150 dpi page image), as many
// CMSs publish it. The notice offers 「识别本页图片中的年报表格」; nothing is fetched before the click; one
// click opens the checker page, which reads the three pictures as one report (table C runs over two of
// them) with the page's text and shows the two real table-C errors. A news page with photos and a report
// page with only a logo get no offer. Nothing leaves the page's origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { artifactPath, hasChromium, warnIfNoChromium } from './support/browser.ts';
import { ROOT, buildExtension, launchWithExtension, serveLocal, type ExtensionBrowser, type Local } from './support/e2e.ts';
import { LOGO_ONLY, NEWS, TITLE, pictureFiles, reportPage } from './support/picture-report.ts';

warnIfNoChromium('extension picture-offer end-to-end tests (tests/ext-pictures-e2e.test.ts)');

const OUT = '.output-pictures-test';
const EXT = join(ROOT, OUT, 'chrome-mv3');

describe.skipIf(!hasChromium)('extension: a report whose tables are pictures', () => {
  let local: Local;
  let chrome: ExtensionBrowser;
  let origin: string;
  let context: BrowserContext;
  /**
   * every request the server saw, and whether a script fetched it: an <img> asks for images
   * (`accept: image/avif,…`), fetch() for anything (star slash star). Sec-Fetch-Dest would say it plainly, but
   * chromium sends it to secure origins only.
   */
  const served: { path: string; fetched: boolean }[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    buildExtension({ out: OUT, timeout: 180_000 });
    const png = await pictureFiles();
    const html: Record<string, string> = {
      '/nianbao.html': reportPage(),
      '/news.html': NEWS,
      '/logo.html': LOGO_ONLY,
      // an older CMS lays the page out in a <table>: the gate passes on the title, the check finds no report table
      '/layout.html': reportPage().replace('<div class="article">', '<table width="100%"><tr><td width="200">首页 &gt; 政府信息公开</td><td><div class="article">').replace('<footer>', '</td></tr></table><footer>'),
    };
    local = await serveLocal((req, res) => {
      const path = req.url ?? '';
      served.push({ path, fetched: req.headers.accept === '*/*' });
      if (html[path]) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(html[path]);
      } else if (png[path]) {
        // no CORS headers, as on a government site
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(png[path]);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    origin = `http://www.hongze.gov.cn:${local.port}`;
    chrome = await launchWithExtension(EXT, { profile: 'gkc-ext-pictures-', viewport: { width: 1280, height: 1000 }, requests });
    context = chrome.context;
  }, 240_000);

  afterAll(async () => {
    await chrome?.close();
    await local?.close();
  });

  /** The page, settled: loaded, and the content script has had its look (it marks <html> when it ran). */
  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    return page;
  }

  it('offers 「识别本页图片中的年报表格」; one click: the checker page reads the three pictures with the text and shows the two table-C errors', async () => {
    const page = await open('/nianbao.html');
    const offer = page.locator('.offer');
    await offer.waitFor({ timeout: 20_000 });
    const button = offer.locator('[data-action="read-pictures"]');
    expect(await button.innerText()).toBe('识别本页图片中的年报表格（3 张图片）');
    expect(await offer.locator('[data-action="open-attachment"]').count()).toBe(0);
    expect(await offer.locator('[data-testid="offer-text"]').innerText()).toContain('未检查');
    await page.screenshot({ path: artifactPath('ext-pictures-offer.png') });
    // nothing fetched and nothing opened before the click: the page's own <img> loads only
    expect(served.filter((s) => s.fetched)).toEqual([]);
    expect(served.filter((s) => s.path.startsWith('/uploadfiles/')).length).toBe(3);
    expect(context.pages().some((p) => p.url().includes('/checker.html'))).toBe(false);

    const opened = context.waitForEvent('page', (p) => p.url().includes('/checker.html'));
    await button.click();
    const checker = await opened;
    // the progress, with its cancel button, while OCR runs
    await checker.locator('[data-testid="ocr-progress"] button').waitFor({ timeout: 30_000 });
    await checker.waitForSelector('.ocr-box[data-gkc="error"]', { timeout: 240_000 });
    const boxed = await checker.locator('.ocr-box[data-gkc="error"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-gkc-cell')).sort());
    expect(boxed).toEqual(['C.lita.total', 'C.rev.total']);
    // the three pictures, in page order, fetched by the page after the click
    expect(served.filter((s) => s.fetched).map((s) => s.path)).toEqual(['/uploadfiles/202401/nb-2.png', '/uploadfiles/202401/nb-3.png', '/uploadfiles/202401/nb-4.png']);
    const meta = await checker.locator('.meta').innerText();
    expect(meta).toContain(TITLE);
    // the article's text joined the tables: its sections 一 (page 1) and 六 (page 5) are in the report,
    // and the agency and year come from its title (the pictures show neither)
    const findings = await checker.locator('main').innerText();
    expect(findings).toContain('REVIEW-TOTAL');
    expect(findings).not.toContain('STRUCT-SECTIONS');
    expect(meta).toMatch(/洪泽区人民政府[\s\S]*2023/);
    await checker.screenshot({ path: artifactPath('ext-pictures-checker.png'), fullPage: true });
    await checker.close();
    await page.close();
  }, 300_000);

  it('a report page laid out in a <table> gets the offer too', async () => {
    const page = await open('/layout.html');
    await page.locator('.offer [data-action="read-pictures"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('.offer [data-action="read-pictures"]').innerText()).toBe('识别本页图片中的年报表格（3 张图片）');
    await page.close();
  }, 60_000);

  it('a news page with photos and a report page with only a logo and a QR code get no offer', async () => {
    for (const path of ['/news.html', '/logo.html']) {
      const page = await open(path);
      // the offer would come right after the load event
      await page.waitForTimeout(1500);
      expect(await page.locator('.offer').count(), path).toBe(0);
      await page.close();
    }
  }, 60_000);

  it('nothing left the page’s origin', () => {
    const outside = requests.filter((u) => !u.startsWith('chrome-extension://') && !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(outside).toEqual([]);
    // (that OCR loads its models from the extension is tests/ext-checker-e2e.test.ts's to show: here the
    // request for eng.traineddata.gz was seen in 3 runs of 4, the OCR having worked in all 4; why not, unknown)
  });
});
