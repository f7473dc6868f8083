// Scanned reports in the built site, in Debian chromium: tesseract.js runs from the files the site
// serves (worker, wasm cores, chi_sim + eng models), never a CDN. A page image and an image-only PDF of
// the real 洪泽区 2023 table C → its two errors boxed on the page image, with the same card; numbers OCR
// doubts are listed with their cell image and can be corrected (the check re-runs); cancel stops it; a
// pasted screenshot is read like an opened image.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, hasChromium, warnIfNoChromium } from './support/browser.ts';
import { ROOT, launchChromium, startSite, type Site } from './support/e2e.ts';
import { FIXTURES } from './support/fixtures.ts';

warnIfNoChromium('site OCR end-to-end tests (tests/site-ocr-e2e.test.ts)');

const OCR = join(FIXTURES, 'ocr');

describe.skipIf(!hasChromium)('site OCR in chromium', () => {
  let site: Site;
  let base: string;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    // its own output folder: the other browser test builds the site at the same time
    site = await startSite(join(ROOT, 'dist/site-ocr-test'));
    base = site.base;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    context.on('request', (r) => requests.push(r.url()));
    page = await context.newPage();
    await page.goto(base);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const boxes = () => page.locator('.ocr-box[data-gkc]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-gkc-cell')}:${e.getAttribute('data-gkc')}`));

  it('a page image dropped on the site (洪泽区 2023 p.4, 150 dpi): progress, then the table-C errors boxed on the image with their card', async () => {
    // dropped on the page, as a user drags a file from the desktop
    const png = readFileSync(join(OCR, 'hongze-district-gov-2023-p4.png')).toString('base64');
    await page.evaluate((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'hongze-district-gov-2023-p4.png', { type: 'image/png' }));
      const app = document.querySelector('.app')!;
      app.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      app.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, png);
    await page.getByTestId('ocr-progress').waitFor();
    await page.waitForSelector('.banner', { timeout: 90_000 });
    const errors = (await boxes()).filter((b) => b.endsWith(':error')).sort();
    expect(errors).toEqual(['C.lita.total:error', 'C.rev.total:error']);
    expect(await page.getByTestId('ocr-note').innerText()).toMatch(/读取 \d+ 个单元格/);
    await page.hover('.ocr-box[data-gkc-cell="C.rev.total"]');
    await page.locator('#gkc-card').waitFor();
    expect(await page.locator('#gkc-card').innerText()).toMatch(/REVIEW-TOTAL[\s\S]*相差/);
    await page.keyboard.press('Escape');
    // the detected grid is a developer's overlay (?debug=grid), not a control for users (issue 20)
    expect(await page.locator('.ocr input[type=checkbox]').count()).toBe(0);
    expect(await page.locator('.ocr').innerText()).not.toContain('调试');
    expect(await page.locator('.ocr-grid-cell').count()).toBe(0);
    await page.screenshot({ path: artifactPath('site-ocr-hongze.png'), fullPage: false });
  }, 120_000);

  it('an image-only PDF ("图片版") goes to OCR: the same two errors', async () => {
    await page.setInputFiles('input[type=file]', join(OCR, 'hongze-district-gov-2023-p4-scan.pdf'));
    await page.getByTestId('ocr-progress').waitFor();
    await page.waitForSelector('.ocr-box[data-gkc="error"]', { timeout: 90_000 });
    expect((await boxes()).filter((b) => b.endsWith(':error')).sort()).toEqual(['C.lita.total:error', 'C.rev.total:error']);
  }, 120_000);

  it('a screenshot pasted into the box (an image alone on the clipboard) is read by OCR: the same two errors', async () => {
    await page.goto(base);
    const png = readFileSync(join(OCR, 'hongze-district-gov-2023-p4.png')).toString('base64');
    await page.evaluate((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
      document.querySelector('#report-input')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, png);
    await page.getByTestId('ocr-progress').waitFor();
    await page.waitForSelector('.ocr-box[data-gkc="error"]', { timeout: 90_000 });
    expect((await boxes()).filter((b) => b.endsWith(':error')).sort()).toEqual(['C.lita.total:error', 'C.rev.total:error']);
    // nothing was typed into the box
    expect(await page.locator('#report-input').inputValue()).toBe('');
  }, 120_000);

  it('doubtful numbers are listed with their cell image; a correction re-runs the check at once', async () => {
    await page.setInputFiles('input[type=file]', join(OCR, 'huaian-city-gov-2024-p4.png'));
    await page.waitForSelector('.banner', { timeout: 90_000 });
    const list = page.getByTestId('doubtful');
    await list.waitFor();
    const items = list.locator('li');
    expect(await items.count()).toBeGreaterThan(0);
    expect(await items.first().locator('.cell-crop').getAttribute('style')).toContain('blob:');
    const input = items.first().locator('input');
    const before = await input.inputValue();
    await input.fill(`${before}9`);
    await input.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="ocr-note"]')?.textContent?.includes('已手工更正 1 个'));
    expect(await items.first().innerText()).toContain('已更正');
  }, 120_000);

  it('cancel stops OCR and says so', async () => {
    await page.setInputFiles('input[type=file]', join(OCR, 'huaian-city-gov-2024-p3.png'));
    const progress = page.getByTestId('ocr-progress');
    await progress.waitFor();
    await progress.getByRole('button').click();
    await page.locator('[role="alert"]', { hasText: '已取消' }).waitFor({ timeout: 20_000 });
  }, 60_000);

  it('the OCR engine and its models came from the site itself', () => {
    const local = (p: string) => requests.some((u) => u.startsWith(base) && u.includes(p));
    expect(local('ocr/worker.min.js')).toBe(true);
    expect(local('ocr/lang/eng.traineddata.gz')).toBe(true);
    expect(local('ocr/lang/chi_sim.traineddata.gz')).toBe(true);
    expect(requests.filter((u) => !u.startsWith(base) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
  });
});
