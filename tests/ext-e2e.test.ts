// The release build of the extension (.output/chrome-mv3, built here with `wxt build`) in Debian
// chromium through playwright-core, on the saved real page served from 127.0.0.1 under its own
// *.gov.cn host name (--host-resolver-rules, shared/spec/toolchain.md §3): no error mark on the real
// consistent page; one changed table-B cell marked on exactly that <td>; the badge read from the
// service worker; the card's equation on focus; jump-to from the panel; dismiss clearing the mark and the
// badge; a same-origin iframe holding the article, and one from another *.gov.cn host (cross-origin, checked
// by the frame's own script, counted on the badge); a non-report page left untouched; and not one request
// leaving 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { check, countMistakes } from '../core/index.ts';
import { artifactPath, hasChromium, warnIfNoChromium } from './support/browser.ts';
import { ROOT, buildExtension, launchWithExtension, serveLocal, type ExtensionBrowser, type Local } from './support/e2e.ts';
import { FIXTURES, shuyangWithOneChange } from './support/fixtures.ts';

warnIfNoChromium('extension end-to-end tests (tests/ext-e2e.test.ts)');

const EXT = join(ROOT, '.output', 'chrome-mv3');
const REPORT = readFileSync(join(FIXTURES, 'shuyang-drc-2023.html'), 'utf8');

const CHANGED = shuyangWithOneChange();

const NEWS = `<!doctype html><html><head><meta charset="utf-8"><title>沭阳县发改局 工作动态</title></head><body>
<h1>工作动态</h1><p>本局召开安全生产会议。</p><table><tr><td>项目</td><td>数量</td></tr><tr><td>会议</td><td>3</td></tr></table></body></html>`;
const FRAME = `<!doctype html><html><head><meta charset="utf-8"><title>政务公开</title></head><body>
<p>正文见下：</p><iframe src="/art/2024/1/22/art_changed.html" width="1000" height="600"></iframe></body></html>`;

const crossOriginFrame = (port: number) => `<!doctype html><html><head><meta charset="utf-8"><title>沭阳县人民政府 信息公开</title></head><body>
<p>部门年报：</p><iframe src="http://fgw.shuyang.gov.cn:${port}/art/2024/1/22/art_changed_xframe.html" width="1000" height="600"></iframe></body></html>`;

const PAGES: Record<string, string> = {
  '/art/2024/1/22/art_changed_xframe.html': CHANGED,
  '/art/2024/1/22/art_report.html': REPORT,
  '/art/2024/1/22/art_changed.html': CHANGED,
  '/art/2024/1/22/art_changed_en.html': CHANGED,
  '/news.html': NEWS,
  '/frame.html': FRAME,
};

describe.skipIf(!hasChromium)('extension in chromium', () => {
  let local: Local;
  let chrome: ExtensionBrowser;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let sw: Worker;
  const requests: string[] = [];
  const served: string[] = [];

  beforeAll(async () => {
    buildExtension({ timeout: 120_000 });
    local = await serveLocal((req, res) => {
      served.push(req.url ?? '');
      const path = (req.url ?? '').split('?')[0]!;
      // the article from another *.gov.cn host in a frame: cross-origin, out of the page script's reach
      const body = path === '/xframe.html' ? crossOriginFrame(local.port) : PAGES[path];
      if (body === undefined) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    });
    base = `http://fgw.shuyang.gov.cn:${local.port}`;
    chrome = await launchWithExtension(EXT, { profile: 'gkc-ext-e2e-', viewport: { width: 1280, height: 900 }, requests });
    ({ context, sw } = chrome);
    page = context.pages()[0] ?? (await context.newPage());
    // (the saved page's own scripts fail here: its jQuery is not served; that is the page, not us)
  }, 180_000);

  afterAll(async () => {
    await chrome?.close();
    await local?.close();
  });

  /** The badge of the tab showing `page`, read in the service worker. */
  const badge = () =>
    sw.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: any }).chrome;
      const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
      return (await c.action.getBadgeText({ tabId: tab.id })) as string;
    });
  const waitBadge = async (text: string) => {
    for (let i = 0; i < 100 && (await badge()) !== text; i++) await new Promise((ok) => setTimeout(ok, 50));
    expect(await badge()).toBe(text);
  };
  const marks = () => page.locator('[data-gkc]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-gkc-cell')}:${e.getAttribute('data-gkc')}`));
  const waitChecked = () => page.waitForSelector('gkc-ui', { state: 'attached' });

  it('the real consistent page: no mark at all (EMPTY-CELLS hatches its blank cells, outlines none), the pill says it was checked, empty badge', async () => {
    await page.goto(`${base}/art/2024/1/22/art_report.html`);
    await waitChecked();
    expect(await marks()).toEqual([]);
    expect(await page.locator('[data-gkc-blank]').count()).toBe(125);
    expect(await page.locator('[data-testid="launcher"]').innerText()).toMatch(/^核数 · 已核对，未发现错误/);
    await waitBadge('');
    expect(await page.locator('style[data-gkc-ui]').count()).toBe(1);
  });

  it('one changed table-B cell: one red outline on exactly that <td>, badge 1 (one mistake, though two equations break), the card says what the cell should be', async () => {
    const expected = check({ kind: 'html', html: CHANGED });
    const errors = expected.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBe(2);
    expect(countMistakes(expected)).toBe(1);
    expect(new Set(errors.map((f) => f.cells[0]))).toEqual(new Set(['B.new.tot']));
    const src = expected.locate('B.new.tot')!;
    if (src.kind !== 'dom') throw new Error('dom source expected');

    await page.goto(`${base}/art/2024/1/22/art_changed.html`);
    await waitChecked();
    await page.waitForSelector('[data-gkc="error"]');
    // exactly one error mark, and it is the page's own cell at the source the core recorded
    const hit = await page.evaluate(({ table, row, cell }) => {
      const marked = [...document.querySelectorAll('[data-gkc="error"]')];
      const own = (document.querySelectorAll('table')[table] as HTMLTableElement).rows[row]!.cells[cell]!;
      return { count: marked.length, same: marked[0] === own, ref: own.getAttribute('data-gkc-cell'), text: own.textContent!.trim(), tabindex: own.getAttribute('tabindex') };
    }, src);
    expect(hit).toEqual({ count: 1, same: true, ref: 'B.new.tot', text: '27', tabindex: '0' });
    await waitBadge('1');
    // outline and the corner sign take no room: every cell of the page is where it is without the marks
    const moved = await page.evaluate(() => {
      const cells = [...document.querySelectorAll('td')];
      const boxes = () => cells.map((c) => JSON.stringify(c.getBoundingClientRect()));
      const withMarks = boxes();
      const marked = [...document.querySelectorAll('[data-gkc]')].map((e) => [e, e.getAttribute('data-gkc')!] as const);
      for (const [e] of marked) e.removeAttribute('data-gkc');
      const without = boxes();
      for (const [e, v] of marked) e.setAttribute('data-gkc', v);
      return { cells: cells.length, moved: withMarks.filter((b, i) => b !== without[i]).length };
    });
    expect(moved.cells).toBeGreaterThan(100);
    expect(moved.moved).toBe(0);

    await page.focus('td[data-gkc-cell="B.new.tot"]');
    const card = page.locator('#gkc-card');
    await card.waitFor();
    expect(await card.locator('[data-testid="fix"]').innerText()).toBe('此格应为 26（表中为 27）');
    expect(await card.locator('[data-testid="equations"] li').count()).toBe(2);
    // the card is in the viewport, whole
    const vp = page.viewportSize()!;
    const cb = (await card.boundingBox())!;
    expect(cb.y).toBeGreaterThanOrEqual(0);
    expect(cb.y + cb.height).toBeLessThanOrEqual(vp.height);
    expect(cb.x + cb.width).toBeLessThanOrEqual(vp.width);
    expect(await page.locator('[data-gkc-related]').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('td[data-gkc-cell="B.new.tot"][data-gkc-related]').count()).toBe(0);
    await page.screenshot({ path: artifactPath('ext-e2e.png') });
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    expect(await page.locator('[data-gkc-related]').count()).toBe(0);

    // the cell near the viewport's bottom edge: the card flips above it and still fits the window
    const cellBottom = await page.evaluate(() => {
      const td = document.querySelector('td[data-gkc-cell="B.new.tot"]')!;
      window.scrollBy(0, td.getBoundingClientRect().bottom - (window.innerHeight - 12));
      return td.getBoundingClientRect().bottom;
    });
    expect(cellBottom).toBeGreaterThan(vp.height - 40);
    await page.keyboard.press('Enter');
    await card.waitFor();
    expect(await card.getAttribute('data-flipped')).toBe('');
    const low = (await card.boundingBox())!;
    expect(low.y).toBeGreaterThanOrEqual(0);
    expect(low.y + low.height).toBeLessThanOrEqual(cellBottom);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
  });

  it('the card copies its finding as text on the plain-http page; "show in the list" opens the panel on its row', async () => {
    // the last test closed the card with Esc; focus is still on the cell, where Enter opens it again
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-gkc-cell'))).toBe('B.new.tot');
    await page.keyboard.press('Enter');
    const card = page.locator('#gkc-card');
    await card.waitFor();
    expect(await card.locator('[data-testid="template"]').innerText()).toBe('格式：2021 年版格式（国办公开办函〔2021〕30号）');
    await card.locator('.card-body').first().locator('[data-action="copy"]').click();
    await card.locator('[data-copied="ok"]').waitFor();
    // read the clipboard back from a loopback page (a secure context, where reading is allowed)
    const origin = `http://127.0.0.1:${new URL(base).port}`;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const reader = await context.newPage();
    await reader.goto(`${origin}/clipboard`);
    const copied = await reader.evaluate(() => navigator.clipboard.readText());
    await reader.close();
    expect(copied.split('\n')[0]).toBe('错误 「一、本年新收政府信息公开申请数量/总计」应为 26（表中为 27）');
    expect(copied).toMatch(/= 27 ≠ .* = 26，相差 [+-]1/);

    await page.bringToFront();
    if (!(await card.count())) {
      await page.focus('td[data-gkc-cell="B.new.tot"]');
      await page.keyboard.press('Enter');
    }
    await card.waitFor();
    await card.locator('.card-body').first().locator('[data-action="show-in-list"]').click();
    await card.waitFor({ state: 'detached' });
    await page.waitForFunction(() => {
      const active = document.querySelector('gkc-ui')?.shadowRoot?.activeElement;
      return active?.matches('.drawer li.row') && active.querySelector('[data-jump="B.new.tot"]');
    });
    await page.locator('.drawer [data-action="close-panel"]').click();
  });

  it('keyboard only: Tab from the cell into its card, through its buttons, and out to what follows the cell in the page', async () => {
    await page.focus('td[data-gkc-cell="B.new.tot"]');
    const card = page.locator('#gkc-card');
    if (!(await card.count())) await page.keyboard.press('Enter');
    await card.waitFor();
    const focused = () =>
      page.evaluate(() => {
        const inUi = document.querySelector('gkc-ui')?.shadowRoot?.activeElement;
        if (inUi) return `ui:${inUi.getAttribute('data-action')}`;
        return `page:${document.activeElement?.getAttribute('data-gkc-cell') ?? document.activeElement?.tagName}`;
      });
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('ui:copy');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('page:B.new.tot');
    expect(await card.count()).toBe(1);
    const buttons = await card.locator('button').count();
    expect(buttons).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < buttons; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('ui:dismiss');
    // out of the last button: the card closes and the browser's Tab goes on from the cell
    await page.keyboard.press('Tab');
    await card.waitFor({ state: 'detached' });
    const after = await focused();
    expect(after.startsWith('page:')).toBe(true);
    expect(after).not.toBe('page:B.new.tot');
    const next = await page.evaluate(() => {
      const cell = document.querySelector('td[data-gkc-cell="B.new.tot"]')!;
      return !!(cell.compareDocumentPosition(document.activeElement!) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(next).toBe(true);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  });

  it('jump-to from the panel focuses the cell; dismissing its findings removes the mark and the badge', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.click('[data-testid="launcher"]');
    const drawer = page.locator('.drawer');
    await drawer.waitFor();
    expect(await drawer.locator('[data-testid="counts"]').innerText()).toMatch(/^错误 \d+ · 警告 \d+ · 提示 \d+$/);
    await drawer.locator('button[data-jump="B.new.tot"]').first().click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-gkc-cell') === 'B.new.tot');
    await page.keyboard.press('Escape'); // the card that focus opened
    if (!(await drawer.isVisible())) await page.click('[data-testid="launcher"]');

    const rows = drawer.locator('li.row:has(button[data-jump="B.new.tot"])');
    const n = await rows.count();
    expect(n).toBe(2); // the mistake (its two equations) and the narrative's 26
    for (let i = 0; i < n; i++) {
      await rows.first().locator('[data-action="dismiss"]').click();
      await rows.first().locator('[data-reason="ok"]').click();
    }
    await page.waitForFunction(() => !document.querySelector('td[data-gkc-cell="B.new.tot"]'));
    expect(await page.locator('[data-gkc="error"]').count()).toBe(0);
    await waitBadge('');
    expect(await drawer.locator('[data-testid="dismissed"]').innerText()).toContain('数据无误');

    // still dismissed after a reload (storage.local, keyed by the page URL)
    await page.reload();
    await waitChecked();
    expect(await page.locator('[data-gkc="error"]').count()).toBe(0);
    await waitBadge('');
  });

  it('an article in a same-origin iframe is checked and marked inside the frame', async () => {
    await page.goto(`${base}/frame.html`);
    const frame = page.frameLocator('iframe');
    await frame.locator('gkc-ui').waitFor({ state: 'attached' });
    // dismissals are per page URL: the framed page is the one dismissed above, so its marks stay off,
    // but its blank cells are hatched (EMPTY-CELLS), and the outer page is untouched
    expect(await frame.locator('[data-gkc]').count()).toBe(0);
    expect(await frame.locator('[data-gkc-blank]').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('[data-gkc], [data-gkc-ui]').count()).toBe(0);
    // checked once: by the page's script; the frame's own script (it runs in every frame) stood aside
    await page.waitForTimeout(300);
    expect(await frame.locator('gkc-ui').count()).toBe(1);
    expect(await frame.locator('style[data-gkc-ui]').count()).toBe(1);
  });

  it('an article in a cross-origin frame (another *.gov.cn host) is checked by the frame\'s own script; the badge counts it; the next page in the tab starts from nothing', async () => {
    await page.goto(`${base.replace('fgw.', 'www.')}/xframe.html`);
    const frame = page.frameLocator('iframe');
    await frame.locator('[data-gkc="error"]').first().waitFor({ state: 'attached' });
    expect(await frame.locator('[data-gkc="error"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-gkc-cell')))).toEqual(['B.new.tot']);
    expect(await frame.locator('gkc-ui').count()).toBe(1);
    // the page around it is untouched: its own script could not read the frame, and did not try
    expect(await page.locator('[data-gkc], [data-gkc-ui], gkc-ui').count()).toBe(0);
    await waitBadge('1');
    // issue 17: the frame's count stayed on the tab for every later page (frame page → "3", clean page → "3")
    await page.goto(`${base}/art/2024/1/22/art_report.html`);
    await waitChecked();
    await page.waitForTimeout(300);
    await waitBadge('');
  });

  it('in English, the pill, the card and the panel show no Chinese but quotes of the report', async () => {
    const setLang = (lang: string) => sw.evaluate((l) => (globalThis as unknown as { chrome: any }).chrome.storage.local.set({ lang: l }), lang);
    await setLang('en');
    try {
      await page.goto(`${base}/art/2024/1/22/art_changed_en.html`);
      await page.waitForSelector('[data-gkc="error"]');
      const launcher = page.locator('[data-testid="launcher"]');
      expect(await launcher.innerText()).toMatch(/^Check · 1 error · \d+ warnings? · \d+ info$/);
      await page.focus('td[data-gkc-cell="B.new.tot"]');
      const card = page.locator('#gkc-card');
      await card.waitFor();
      expect(await card.locator('[data-testid="fix"]').innerText()).toBe('This cell should be 26 (the table says 27)');
      /**
       * The text of our UI with only the report's own words taken out: its quotes ("…", 「…」). Equation
       * sides, the card's cell name and the template line are ours (English template labels, issue 18),
       * so they stay in and must be English.
       */
      const ours = (root: string) =>
        page.evaluate((sel) => document.querySelector('gkc-ui')!.shadowRoot!.querySelector(sel)!.textContent!.replace(/"[^"]*"|「[^」]*」/g, ''), root);
      const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g;
      expect((await ours('#gkc-card')).match(CJK)).toBeNull();
      await page.keyboard.press('Escape');
      await launcher.click();
      await page.locator('.drawer').waitFor();
      const panel = await ours('.drawer');
      expect(panel).toContain('Table B');
      // the list names the mistake's cell by its English template label, not the report's Chinese one
      expect(await page.locator('.drawer [data-testid="mistake-row"] [data-testid="fix"]').innerText()).toMatch(/^"[^"\u4e00-\u9fff]+" should be 26 \(the table says 27\)$/);
      expect(panel.match(CJK)).toBeNull();
      await page.locator('.drawer [data-action="close-panel"]').click();
      expect((await launcher.innerText()).match(CJK)).toBeNull();
    } finally {
      await setLang('zh');
    }
  });

  it('a page that is not a report gets no marks and no injected UI', async () => {
    await page.goto(`${base}/news.html`);
    await page.waitForTimeout(500);
    expect(await page.locator('[data-gkc], [data-gkc-ui], gkc-ui').count()).toBe(0);
    await waitBadge('');
  });

  it('the popup page renders (Preact, Chinese) with its check button', async () => {
    const id = new URL(sw.url()).host;
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html`);
    await popup.getByText('检查此页面').waitFor();
    expect(await popup.locator('h1').innerText()).toBe('公开年报核数');
    await popup.close();
  });

  it('no request left 127.0.0.1 (the *.gov.cn host is mapped there); the extension made none of its own', () => {
    const outside = requests.filter((u) => {
      const url = new URL(u);
      if (url.protocol === 'chrome-extension:' || url.protocol === 'data:') return false;
      return !(url.hostname === '127.0.0.1' || url.hostname === 'fgw.shuyang.gov.cn' || url.hostname === 'www.shuyang.gov.cn');
    });
    expect(outside).toEqual([]);
    // the extension's own requests are its packaged files (the popup page), never the network
    expect(requests.filter((u) => u.startsWith('chrome-extension:')).every((u) => /\/(popup\.html|chunks\/|assets\/)/.test(u))).toBe(true);
    expect(served.length).toBeGreaterThan(0);
  });
});
