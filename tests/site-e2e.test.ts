// The built site in Debian chromium (playwright-core, never a downloaded browser), served from
// 127.0.0.1 by site/serve.mjs: paste seed 001 and see its errors on the right cells with the card,
// seed 000's not-checked banner, a rich HTML paste, a PDF and a .docx opened, a 10 MB paste, exports,
// the history after a reload — and not one request outside the local server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactPath, hasChromium, warnIfNoChromium } from './support/browser.ts';
import { launchChromium, startSite, type Site } from './support/e2e.ts';
import { FIXTURES } from './support/fixtures.ts';
import { check } from '../core/index.ts';

warnIfNoChromium('site end-to-end tests (tests/site-e2e.test.ts)');

const text = (f: string) => readFileSync(join(FIXTURES, f), 'utf8');

describe.skipIf(!hasChromium)('site in chromium', () => {
  let site: Site;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    site = await startSite();
    base = site.base;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    context.on('request', (r) => requests.push(r.url()));
    page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(base);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function paste(data: Record<string, string>, on: Page = page) {
    // a fresh box, as a user selecting all before pasting
    await on.locator('#report-input').fill('');
    await on.evaluate((data) => {
      const el = document.querySelector('#report-input')!;
      const dt = new DataTransfer();
      for (const [k, v] of Object.entries(data)) dt.setData(k, v);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, data);
  }

  const marks = () => page.locator('td[data-gkc]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-gkc-cell')}:${e.getAttribute('data-gkc')}`));

  it('seed 001 (岭东区 2020): the 勾稽 and (七)总计 errors are marked on their cells and listed; hover and focus show the equation', async () => {
    await paste({ 'text/plain': text('lingdong-health-2020.txt') });
    await page.waitForSelector('.banner');
    expect(await marks()).toEqual(expect.arrayContaining(['B.new.oth:error', 'B.new.tot:error', 'B.total.np:error', 'B.total.tot:error']));
    expect((await marks()).filter((m) => m.endsWith(':error'))).toHaveLength(4);
    expect(await page.getByTestId('counts').innerText()).toBe('错误 4 · 警告 1 · 提示 1');
    expect(await page.locator('.findings-list.sev-error li').count()).toBe(4);

    await page.hover('td[data-gkc-cell="B.new.tot"]');
    const card = page.locator('#gkc-card');
    await card.waitFor();
    expect(await card.innerText()).toMatch(/APP-BALANCE[\s\S]*= 1[\s\S]*≠[\s\S]*= 17[\s\S]*相差\s*-16/);
    expect(await page.locator('td[data-gkc-related]').count()).toBeGreaterThanOrEqual(3);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });

    // keyboard: jump from the list focuses the cell and opens its card
    await page.click('button[data-jump="B.total.np"]');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-gkc-cell') === 'B.total.np');
    await card.waitFor();
    expect(await card.innerText()).toContain('APP-COL-OUTCOME-TOTAL');
    await page.screenshot({ path: artifactPath('site-seed001.png'), fullPage: true });

    // CSV export: UTF-8 with a BOM
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="csv"]')]);
    const csv = readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('APP-BALANCE');
  }, 60_000);

  it('seed 000 (普陀区 2021): blank table B gives the not-checked banner, never a clean one', async () => {
    await paste({ 'text/plain': text('putuo-health-2021.txt') });
    await page.waitForFunction(() => document.querySelector('.banner')?.textContent?.includes('表二'));
    const banner = page.locator('.banner');
    expect(await banner.getAttribute('class')).not.toContain('banner-ok');
    expect(await page.locator('.table-block .status-checked').count()).toBeLessThan(3);
  }, 30_000);

  it('a rich HTML paste (the saved 沭阳发改局 page on the clipboard as text/html) is recognised', async () => {
    await paste({ 'text/html': text('shuyang-drc-2023.html'), 'text/plain': '（纯文本版本）' });
    await page.waitForFunction(() => document.querySelector('[data-testid="agency"]')?.textContent?.includes('沭阳'));
    expect(await page.locator('.pending-note').innerText()).toContain('带格式');
    expect(await page.locator('.status-checked').count()).toBe(3);
    expect(await page.locator('td[data-gkc="error"]').count()).toBe(0);
  }, 30_000);

  it('a PDF opened from disk is read through its text layer (洪泽区 2023: the two table-C errors)', async () => {
    await page.setInputFiles('input[type=file]', join(FIXTURES, 'hongze-district-gov-2023.pdf'));
    await page.waitForFunction(() => document.querySelectorAll('td[data-gkc="error"]').length > 0, undefined, { timeout: 30_000 });
    const errors = (await marks()).filter((m) => m.endsWith(':error'));
    expect(errors.sort()).toEqual(['C.lita.total:error', 'C.rev.total:error']);
    // the pages are drawn too, the same cells boxed where the text layer put them (page 4)
    await page.waitForSelector('.ocr-box[data-gkc="error"]');
    const boxed = await page.locator('.ocr-box[data-gkc="error"]').evaluateAll((els) => els.map((e) => `${e.closest('figure')?.querySelector('img')?.getAttribute('alt')} ${e.getAttribute('data-gkc-cell')}`).sort());
    expect(boxed).toEqual(['第 4 页 C.lita.total', '第 4 页 C.rev.total']);
  }, 60_000);

  it('an encrypted PDF is refused with a clear message, not shown as an empty report', async () => {
    await page.setInputFiles('input[type=file]', join(FIXTURES, 'bad/huaian-city-gov-2024-encrypted.pdf'));
    await page.locator('[role="alert"]', { hasText: '已加密' }).waitFor({ timeout: 30_000 });
  }, 60_000);

  it('a Word draft (.docx) is read with its merged cells', async () => {
    await page.setInputFiles('input[type=file]', join(FIXTURES, 'docx/shuyang-drc-2023.docx'));
    await page.waitForFunction(() => document.querySelector('[data-testid="agency"]')?.textContent?.includes('沭阳'), undefined, { timeout: 30_000 });
    expect(await page.locator('.status-checked').count()).toBe(3);
  }, 60_000);

  it('a 10 MB paste is checked off the main thread: the page answers meanwhile, then the report is found', async () => {
    const report = text('lingdong-health-2020.txt');
    await page.evaluate((report) => {
      const noise = '本段为测试填充文字，不含表格。\n'.repeat(Math.ceil((10 * 1024 * 1024) / 16));
      const el = document.querySelector('#report-input')!;
      const dt = new DataTransfer();
      dt.setData('text/plain', noise + report);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, report);
    await page.locator('.busy').waitFor();
    // the main thread is free while the worker reads: a frame is painted before the reading is over (an
    // order, not a time: the time is `npm run bench`'s). Were the check on the page's thread, the frame
    // would come only after the findings.
    const painted = await page.evaluate(() => new Promise<boolean>((ok) => requestAnimationFrame(() => ok(!!document.querySelector('.busy') && !document.querySelector('td[data-gkc="error"]')))));
    expect(painted).toBe(true);
    await page.waitForFunction(() => document.querySelectorAll('td[data-gkc="error"]').length === 4, undefined, { timeout: 45_000 });
    expect(await page.locator('.pending-note').innerText()).toContain('MB');
  }, 90_000);

  it('after a reload the history lists the checks; one can be reopened', async () => {
    await page.reload();
    // the check page is not blank: it offers the last result
    const last = page.getByTestId('last-check');
    await last.waitFor();
    expect(await last.innerText()).toMatch(/^上次核对：/);
    await page.click('a[href="#/history"]');
    await page.locator('.history-table tbody tr').first().waitFor();
    const rows = await page.locator('.history-table tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(5);
    const seed001Row = page.locator('.history-table tbody tr', { hasText: '岭东区' }).last();
    await seed001Row.locator('a').click();
    await page.waitForFunction(() => document.querySelectorAll('td[data-gkc="error"]').length === 4);
    await page.screenshot({ path: artifactPath('site-history.png'), fullPage: false });
  }, 30_000);

  it('in English the page shows no Chinese but the report\'s own words (quotes, the agency, the pasted text) and the switch back to 中文', async () => {
    // its own context: the language is kept in localStorage, which the other tests must not inherit
    const own = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const en = await own.newPage();
    await en.goto(base);
    await en.evaluate(() => localStorage.setItem('gkc-lang', 'en'));
    await en.reload();
    for (const file of ['lingdong-health-2020.txt', 'shuyang-county-gov-2025.txt', 'yinzhou-health-2021.txt']) {
      await paste({ 'text/plain': text(file) }, en);
      await en.waitForSelector('.banner');
      // a card too, where the report has a marked cell (沭阳县 2025 has none): opened from the list
      if (await en.locator('button[data-jump]').count()) {
        await en.locator('button[data-jump]').first().click();
        await en.locator('#gkc-card').waitFor();
      }
      // Every text on the page but the report's own: the pasted text, the agency as the report names
      // itself, quotations of its sentences (blockquote) and the no-JavaScript notice.
      const shown = await en.evaluate(() => {
        const out: string[] = [];
        const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walk.nextNode(); n; n = walk.nextNode()) {
          if (n.parentElement?.closest('textarea, noscript, blockquote, .agency, [hidden]')) continue;
          if (n.textContent!.trim()) out.push(n.textContent!.trim());
        }
        return out;
      });
      const agency = check({ kind: 'text', text: text(file) }).model.agency ?? '';
      const stray = shown
        .map((l) => (agency ? l.replaceAll(agency, '') : l).replace(/「[^」]*」|"[^"]*"|“[^”]*”/g, ''))
        .filter((l) => /[\u3400-\u9fff]/.test(l) && l !== '中文');
      expect(stray, file).toEqual([]);
      await en.keyboard.press('Escape');
    }
    await own.close();
  }, 60_000);

  it('share: the copied link re-renders the same errors; save as HTML writes one self-contained file', async () => {
    await page.goto(base);
    await paste({ 'text/plain': text('yinzhou-health-2021.txt') });
    // seed 004's one mistake, tied over four leaf rows (自然人 and 总计 each): those eight cells, one of them to fix (issue 17)
    await page.waitForFunction(() => document.querySelectorAll('td[data-gkc="error"]').length === 8);
    await page.click('button[data-export="link"]');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link.startsWith(`${base}#/r/`)).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="html"]')]);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toContain('data-gkc="error"');
    expect(html).not.toMatch(/<script|https?:\/\//i);

    const other = await context.newPage();
    await other.goto(link);
    await other.waitForSelector('.from-link');
    const marked = await other.locator('td[data-gkc="error"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-gkc-cell')).sort());
    expect(marked).toEqual(['B.deny2.np', 'B.deny2.tot', 'B.deny6.np', 'B.deny6.tot', 'B.open.np', 'B.open.tot', 'B.reject1.np', 'B.reject1.tot']);
    expect(await other.locator('.from-link').innerText()).toContain('TXT-TOTAL-CONFLICT');
    await other.close();
  }, 60_000);

  it('batch: every corpus file at once → per-file progress, a sortable summary, CSV of all findings, rows open the full view', async () => {
    const files = ['putuo-health-2021.txt', 'lingdong-health-2020.txt', 'baoshan-health-2021.txt', 'taishan-health-2022.txt', 'yinzhou-health-2021.txt',
      'shuyang-county-gov-2025.txt', 'shanghai-stcsm-2024.md', 'shanghai-gov-office-2025.md', 'shuyang-drc-2023.html', 'hongze-district-gov-2023.pdf',
      'huaian-city-gov-2024.pdf', 'docx/shuyang-drc-2023.docx'].map((f) => join(FIXTURES, f));
    await page.goto(`${base}#/batch`);
    await page.setInputFiles('input[type=file]', files);
    await page.waitForFunction((n) => document.querySelectorAll('tr[data-status="done"], tr[data-status="error"]').length === n, files.length, { timeout: 60_000 });
    expect(await page.getByTestId('batch-counts').innerText()).toContain(`${files.length}/${files.length}`);
    const verdict = (f: string) => page.locator(`tr[data-batch-file="${f}"]`).getAttribute('data-verdict');
    expect(await verdict('lingdong-health-2020.txt')).toBe('errors');
    expect(await verdict('hongze-district-gov-2023.pdf')).toBe('errors');
    expect(await verdict('huaian-city-gov-2024.pdf')).toBe('clean');
    expect(await verdict('putuo-health-2021.txt')).toBe('incomplete');
    // sorted by verdict by default: the files with errors first
    const first = await page.locator('.batch-table tbody tr').first().getAttribute('data-verdict');
    expect(first).toBe('errors');
    await page.click('button[data-sort="errors"]');
    await page.click('button[data-sort="errors"]');
    // the mistakes to fix, counted once each (seed 004: one mistake, two error findings), then the errors
    expect(await page.locator('tr[data-batch-file="yinzhou-health-2021.txt"] td:nth-child(6)').innerText()).toBe('1');
    expect(await page.locator('tr[data-batch-file="yinzhou-health-2021.txt"] td:nth-child(7)').innerText()).toBe('2');
    const errorsCol = await page.locator('.batch-table tbody tr td:nth-child(7)').allInnerTexts();
    const nums = errorsCol.map(Number);
    expect(nums).toEqual([...nums].sort((a, b) => b - a));

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="batch-findings"]')]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('C.rev.total');
    expect(csv.replace(/^\ufeff/, '').split('\r\n').filter((l) => l.startsWith('来源,'))).toHaveLength(1);
    await page.screenshot({ path: artifactPath('site-batch.png'), fullPage: true });

    await page.locator('tr[data-batch-file="lingdong-health-2020.txt"] button').click();
    await page.waitForFunction(() => document.querySelectorAll('td[data-gkc="error"]').length === 4);
    await page.getByTestId('back-to-batch').click();
    await page.locator('.batch-table').waitFor();
  }, 120_000);

  it('batch of 100 files: the page stays responsive while the queue runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gkc-batch-'));
    const seeds = ['lingdong-health-2020.txt', 'taishan-health-2022.txt', 'yinzhou-health-2021.txt', 'baoshan-health-2021.txt', 'shuyang-county-gov-2025.txt'];
    const files = Array.from({ length: 100 }, (_, i) => {
      const f = join(dir, `${String(i).padStart(3, '0')}-${seeds[i % seeds.length]}`);
      writeFileSync(f, text(seeds[i % seeds.length]!));
      return f;
    });
    await page.goto(`${base}#/batch`);
    await page.setInputFiles('input[type=file]', files);
    // while it runs, frames keep coming: the page paints between files, not once at the end. Counted as
    // the different numbers of finished rows the frames saw on the way (an order, not a time; the longest
    // frame gap is a figure of `npm run bench`).
    const seen = await page.evaluate(
      () =>
        new Promise<number[]>((ok) => {
          const counts = new Set<number>();
          const tick = () => {
            const n = document.querySelectorAll('tr[data-status="done"]').length;
            counts.add(n);
            if (n < 100) requestAnimationFrame(tick);
            else ok([...counts]);
          };
          requestAnimationFrame(tick);
        }),
    );
    expect(await page.locator('tr[data-status="done"]').count()).toBe(100);
    expect(await page.locator('tr[data-verdict="errors"]').count()).toBe(40);
    expect(seen.filter((n) => n > 0 && n < 100).length).toBeGreaterThanOrEqual(5);
  }, 120_000);

  it('phone width: nothing overflows the screen sideways (wide tables scroll inside their box); dark mode follows the system', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    phone.on('request', (r) => requests.push(r.url()));
    await phone.goto(base);
    await paste({ 'text/plain': text('yinzhou-health-2021.txt') }, phone);
    await phone.waitForSelector('.banner');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const bg = await phone.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(22, 23, 26)');
    await phone.screenshot({ path: artifactPath('site-phone-dark.png') });
    await phone.close();
  }, 30_000);

  it('390 px phone: table B scrolls in its box with its labels sticky and says so; the 总计 column is reached by scrolling', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    phone.on('request', (r) => requests.push(r.url()));
    await phone.goto(base);
    await paste({ 'text/plain': text('lingdong-health-2020.txt') }, phone);
    await phone.waitForSelector('.banner');
    const wrap = phone.locator('.table-scroll-wrap:has(table[data-gkc-table="B"])');
    const box = wrap.locator('.table-scroll');
    const total = phone.locator('td[data-gkc-cell="B.total.tot"]');
    const label = phone.locator('tr:has(td[data-gkc-cell="B.total.tot"]) th');
    // seed 001's 总计 error is off to the right: the edge is shaded and a line says the table scrolls
    await wrap.scrollIntoViewIfNeeded();
    expect(await wrap.getAttribute('data-more-right')).toBe('');
    expect(await wrap.locator('.scroll-cue').isVisible()).toBe(true);
    expect(await wrap.locator('.scroll-cue').innerText()).toContain('向左滑动');
    const boxRect = (await box.boundingBox())!;
    expect((await total.boundingBox())!.x).toBeGreaterThan(boxRect.x + boxRect.width);
    // group headers are there in the Chinese view
    expect(await phone.locator('table[data-gkc-table="B"] tr.group-heading th').allInnerTexts()).toEqual(expect.arrayContaining(['（三）不予公开', '（四）无法提供', '（五）不予处理']));

    await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await phone.waitForFunction(() => document.querySelector('.table-scroll-wrap:has(table[data-gkc-table="B"])')!.hasAttribute('data-more-left'));
    // the label column stayed put at the box's left edge; the 总计 column is now in view beside it
    const l = (await label.boundingBox())!;
    expect(Math.abs(l.x - boxRect.x)).toBeLessThan(2);
    const t = (await total.boundingBox())!;
    expect(t.x).toBeGreaterThanOrEqual(l.x + l.width - 1);
    expect(t.x + t.width).toBeLessThanOrEqual(boxRect.x + boxRect.width + 1);
    expect(await wrap.getAttribute('data-more-right')).toBeNull();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await wrap.screenshot({ path: artifactPath('site-phone-table-b-scrolled.png') });
    await phone.close();
  }, 30_000);

  it('no request left the local server', () => {
    const outside = requests.filter((u) => !u.startsWith(base) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(outside).toEqual([]);
    expect(requests.length).toBeGreaterThan(3);
  });
});
