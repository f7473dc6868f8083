// Extension figures for `npm run bench`: main-thread time of the content script on the saved real page
// (the gate; then body.outerHTML + marking + UI, while the check itself runs in the background), as the
// content script measures it in Debian chromium: first run per page load, and warm re-checks; the gate
// alone on a large page that is not a report; the size of the release build (content script, zip); the
// list-page batch (issue 21): reports per minute for HTML report pages and for text PDFs, from the click
// on 「检查本页列出的全部年报」 to the summary page's last row.
// Builds and zips the extension first (`wxt zip`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium } from '../support/browser.ts';
import { FIXTURES } from '../support/fixtures.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, '.output');
const EXT = join(OUT, 'chrome-mv3');

type Timing = { gateMs: number; checkMs?: number; htmlMs?: number; backgroundMs?: number };
type State = { status: string; timing: Timing };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');

/** ~2 MB of ordinary government-site HTML: news list, paragraphs, a few tables, no report words. */
function largeNonReport(): string {
  const item = (i: number) => `<li><a href="/art/${i}.html">关于开展第${i}期安全生产检查工作的通知</a><span>2024-01-${(i % 28) + 1}</span></li>`;
  const para = (i: number) => `<p>第${i}段：本局认真贯彻落实上级部署，扎实推进各项工作，全年完成重点项目${i}个，群众满意度持续提升。</p>`;
  const table = (i: number) => `<table><tr><th>项目</th><th>数量</th></tr>${Array.from({ length: 20 }, (_, r) => `<tr><td>事项${i}-${r}</td><td>${r * i}</td></tr>`).join('')}</table>`;
  const body = Array.from({ length: 6000 }, (_, i) => (i % 600 === 0 ? table(i) : '') + para(i) + `<ul>${item(i)}</ul>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>工作动态</title></head><body>${body}</body></html>`;
}

export async function benchExtension(): Promise<string[][]> {
  const rows: string[][] = [['extension', 'what', 'median', 'runs / note']];
  const zipped = spawnSync('npx', ['wxt', 'zip'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  if (zipped.status !== 0) rows.push(['', 'wxt zip failed', '', (zipped.stderr || zipped.stdout).split('\n').slice(-3).join(' ')]);

  const content = join(EXT, 'content-scripts', 'content.js');
  try {
    const buf = readFileSync(content);
    rows.push(['', 'content script (raw / gzip KB)', `${(buf.length / 1024).toFixed(1)} / ${(gzipSync(buf).length / 1024).toFixed(1)}`, '']);
  } catch {
    rows.push(['', 'content script', '–', 'no .output/chrome-mv3']);
  }
  const zip = readdirSync(OUT, { withFileTypes: true }).find((f) => f.isFile() && f.name.endsWith('-chrome.zip'));
  rows.push(['', 'chrome zip (KB)', zip ? (statSync(join(OUT, zip.name)).size / 1024).toFixed(1) : '–', zip?.name ?? 'no .output/*-chrome.zip']);

  if (!hasChromium) {
    rows.push(['', `main-thread times: skipped (${CHROMIUM} missing)`, '', '']);
    return rows;
  }

  const pages: Record<string, string> = {
    '/report.html': readFileSync(join(FIXTURES, 'shuyang-drc-2023.html'), 'utf8'),
    '/large.html': largeNonReport(),
  };
  // the batch: a list page of BATCH_N report pages (the real 沭阳 page under distinct URLs), one of BATCH_N PDFs (the real 洪泽 PDF)
  const BATCH_N = 20;
  const listOf = (href: (i: number) => string) =>
    `<!doctype html><html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body><ul>${Array.from({ length: BATCH_N }, (_, i) => `<li><a href="${href(i)}">第${i}单位2023年政府信息公开工作年度报告</a></li>`).join('')}</ul></body></html>`;
  pages['/list-pages.html'] = listOf((i) => `/art/${i}/report.html`);
  pages['/list-pdfs.html'] = listOf((i) => `/files/${i}/report.pdf`);
  const pdf = readFileSync(join(FIXTURES, 'hongze-district-gov-2023.pdf'));
  const server = createServer((req, res) => {
    const url = req.url ?? '';
    if (/^\/files\/\d+\/report\.pdf$/.test(url)) return void res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf);
    const body = /^\/art\/\d+\/report\.html$/.test(url) ? pages['/report.html'] : pages[url];
    if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://fgw.shuyang.gov.cn:${(server.address() as AddressInfo).port}`;
  const profile = mkdtempSync(join(tmpdir(), 'gkc-ext-bench-'));
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--host-resolver-rules=MAP *.gov.cn 127.0.0.1'],
  });
  try {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = context.pages()[0] ?? (await context.newPage());
    const ask = (type: 'gkc:get-state' | 'gkc:check-now') =>
      sw.evaluate(async (type) => {
        const c = (globalThis as unknown as { chrome: any }).chrome;
        const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
        return (await c.tabs.sendMessage(tab.id, { type })) as State;
      }, type);
    const askWhenReady = async (ready: (s: State) => boolean): Promise<State> => {
      for (let i = 0; i < 100; i++) {
        const s = await ask('gkc:get-state').catch(() => undefined);
        if (s && ready(s)) return s;
        await new Promise((ok) => setTimeout(ok, 50));
      }
      throw new Error('content script did not answer');
    };

    const loads = 7;
    const first: number[] = [];
    const firstSnap: number[] = [];
    const firstBg: number[] = [];
    const gateReport: number[] = [];
    for (let i = 0; i < loads; i++) {
      await page.goto(`${base}/report.html`);
      const s = await askWhenReady((s) => s.status === 'checked');
      first.push(s.timing.checkMs!);
      firstSnap.push(s.timing.htmlMs ?? NaN);
      firstBg.push(s.timing.backgroundMs ?? NaN);
      gateReport.push(s.timing.gateMs);
    }
    const warm: number[] = [];
    const warmSnap: number[] = [];
    const warmBg: number[] = [];
    for (let i = 0; i < 30; i++) {
      const s = await ask('gkc:check-now');
      warm.push(s.timing.checkMs!);
      warmSnap.push(s.timing.htmlMs ?? NaN);
      warmBg.push(s.timing.backgroundMs ?? NaN);
    }
    rows.push(['', 'real page (沭阳发改 2023): gate', ms(median(gateReport)), `${loads} page loads`]);
    rows.push(['', 'real page: page thread (gate excluded: outerHTML + marks + UI), first run after load', ms(median(first)), `${loads} page loads (target < 5 ms)`]);
    rows.push(['', 'real page: page thread, warm re-check', ms(median(warm)), `${warm.length} re-checks`]);
    rows.push(['', 'real page: of which body.outerHTML, first / warm', `${ms(median(firstSnap))} / ${ms(median(warmSnap))}`, '']);
    rows.push(['', 'real page: the check itself in the background, first / warm', `${ms(median(firstBg))} / ${ms(median(warmBg))}`, 'off the page thread']);

    const gateLarge: number[] = [];
    for (let i = 0; i < loads; i++) {
      await page.goto(`${base}/large.html`);
      const s = await askWhenReady(() => true);
      if (s.status !== 'not-report') throw new Error(`large page passed the gate: ${s.status}`);
      gateLarge.push(s.timing.gateMs);
    }
    rows.push(['', `large non-report page (${(pages['/large.html']!.length / 1e6).toFixed(1)} MB): gate only`, ms(median(gateLarge)), `${loads} page loads (target ≈ 0)`]);

    for (const [path, what] of [
      ['/list-pages.html', 'HTML report pages (沭阳 2023, 110 KB)'],
      ['/list-pdfs.html', 'text PDFs (洪泽 2023, 5 pages, 290 KB)'],
    ] as const) {
      await page.goto(`${base}${path}`);
      const button = page.locator('.batch-offer [data-action="check-list"]');
      await button.waitFor({ timeout: 20_000 });
      const opened = context.waitForEvent('page', (p) => p.url().includes('/batch.html'));
      const t0 = Date.now();
      await button.click();
      const summary = await opened;
      await summary.locator('[data-testid="batch-progress"][data-stage="done"]').waitFor({ timeout: 600_000 });
      const secs = (Date.now() - t0) / 1000;
      const checked = await summary.locator('tbody tr[data-state="done"]:not([data-verdict="failed"])').count();
      rows.push(['', `batch from a list page: ${what}, reports per minute`, (checked / (secs / 60)).toFixed(0), `${checked} of ${BATCH_N} in ${secs.toFixed(1)} s, 3 at a time, click to last row`]);
      await summary.close();
    }
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return rows;
}

export default benchExtension;
