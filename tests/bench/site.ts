// Site figures for `npm run bench`: the built size (gzip) of what a first visit loads and of what loads
// only on demand (pdf.js, mammoth), and the time from a paste to findings on screen for each seed, in
// Debian chromium against the built site.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium } from '../support/browser.ts';
import { FIXTURES } from '../support/fixtures.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist', 'site');
const SEEDS = ['putuo-health-2021.txt', 'lingdong-health-2020.txt', 'baoshan-health-2021.txt', 'taishan-health-2022.txt', 'yinzhou-health-2021.txt'];

export async function benchSite(): Promise<string[][]> {
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'site/vite.config.ts'), logLevel: 'warn' });
  const rows: string[][] = [['site', 'what', 'raw KB', 'gzip KB']];
  const files = readdirSync(join(DIST, 'assets')).map((f) => join('assets', f)).concat('index.html');
  // First visit: the page, its entry script and stylesheet, the check worker. The rest loads on demand
  // (pdf.js, mammoth, and the core's copy used only for PDF/Word on the page).
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const lazy = (f: string) => f !== 'index.html' && !html.includes(f) && !f.includes('check.worker');
  let first = [0, 0];
  let onDemand = [0, 0];
  for (const f of files) {
    const buf = readFileSync(join(DIST, f));
    const gz = gzipSync(buf).length;
    if (lazy(f)) onDemand = [onDemand[0]! + buf.length, onDemand[1]! + gz];
    else first = [first[0]! + buf.length, first[1]! + gz];
    rows.push(['', f, (buf.length / 1024).toFixed(1), (gz / 1024).toFixed(1)]);
  }
  rows.push(['', 'first visit (html, js, css, check worker)', (first[0]! / 1024).toFixed(1), (first[1]! / 1024).toFixed(1)]);
  rows.push(['', 'on demand (pdf.js + worker, mammoth, core for PDF/Word)', (onDemand[0]! / 1024).toFixed(1), (onDemand[1]! / 1024).toFixed(1)]);
  if (!hasChromium) {
    rows.push(['', `paste → findings: skipped (${CHROMIUM} missing)`, '', '']);
    return rows;
  }
  const { startServer } = (await import('../../site/serve.mjs')) as { startServer(port: number): Promise<Server> };
  const server = await startServer(0);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    rows.push(['', 'paste → findings rendered (median of 5, ms)', '', '']);
    for (const seed of SEEDS) {
      const text = readFileSync(join(FIXTURES, seed), 'utf8');
      const times: number[] = [];
      for (let i = 0; i < 6; i++) {
        await page.locator('#report-input').fill('');
        await page.click('.input-actions button:last-child'); // 清空: drop the previous result
        const ms = await page.evaluate(
          (text) =>
            new Promise<number>((ok) => {
              const t0 = performance.now();
              const obs = new MutationObserver(() => {
                if (document.querySelector('.findings')) {
                  obs.disconnect();
                  requestAnimationFrame(() => ok(performance.now() - t0));
                }
              });
              obs.observe(document.body, { childList: true, subtree: true });
              const dt = new DataTransfer();
              dt.setData('text/plain', text);
              document.querySelector('#report-input')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
            }),
          text,
        );
        if (i > 0) times.push(ms); // the first paste also starts the worker
      }
      times.sort((a, b) => a - b);
      rows.push(['', seed, '', times[2]!.toFixed(1)]);
    }
    rows.push(...(await batchFrames(page, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`)));
    rows.push(...(await ocrInBrowser(page)));
  } finally {
    await browser.close();
    server.close();
  }
  return rows;
}

/**
 * A batch of 100 report files dropped on the batch page: the whole run, and the longest gap between two
 * animation frames while it ran (a frozen tab would show seconds). tests/site-e2e.test.ts checks that frames
 * come between files; the time is here.
 */
async function batchFrames(page: import('playwright-core').Page, base: string): Promise<string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'gkc-bench-batch-'));
  try {
    const files = Array.from({ length: 100 }, (_, i) => {
      const seed = SEEDS[i % SEEDS.length]!;
      const f = join(dir, `${String(i).padStart(3, '0')}-${seed}`);
      writeFileSync(f, readFileSync(join(FIXTURES, seed)));
      return f;
    });
    await page.goto(`${base}#/batch`);
    const t0 = Date.now();
    await page.setInputFiles('input[type=file]', files);
    // A string, not a function: run through tsx, a named inner function gets esbuild's `__name` helper,
    // which the page does not have.
    const gap = await page.evaluate<number>(`new Promise((ok) => {
      let last = performance.now();
      let worst = 0;
      const tick = () => {
        const now = performance.now();
        worst = Math.max(worst, now - last);
        last = now;
        if (document.querySelectorAll('tr[data-status="done"]').length < 100) requestAnimationFrame(tick);
        else ok(worst);
      };
      requestAnimationFrame(tick);
    })`);
    const total = Date.now() - t0;
    await page.goto(base);
    return [
      ['', 'batch of 100 text files (ms)', '', String(total)],
      ['', 'batch of 100: longest gap between frames (ms)', '', gap.toFixed(0)],
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * OCR in the browser, as a user gets it: a page image dropped on the site → the findings banner, per
 * page of the five real page images. The first drop also loads the OCR worker and the language models
 * (its own row); then every page once with the workers warm.
 */
async function ocrInBrowser(page: import('playwright-core').Page): Promise<string[][]> {
  const OCR = join(FIXTURES, 'ocr');
  const PAGES = ['hongze-district-gov-2023-p4.png', 'huaian-city-gov-2024-p3.png', 'huaian-city-gov-2024-p4.png', 'huaian-city-gov-2024-p5.png', 'hongze-district-gov-2023-p4-degraded.png'];
  const rows: string[][] = [['', 'page image dropped → findings (OCR in the page\'s worker, ms)', '', '']];
  const drop = async (file: string): Promise<number> => {
    await page.locator('#report-input').fill('');
    await page.click('.input-actions button:last-child'); // 清空
    await page.locator('.banner').waitFor({ state: 'detached' });
    const b64 = readFileSync(join(OCR, file)).toString('base64');
    // Timed inside the page, from the drop to the banner's insertion: Playwright's waitForSelector polls
    // every half second, which rounded these times up by as much.
    return page.evaluate(
      ([b64, name]) =>
        new Promise<number>((resolve) => {
          const bytes = Uint8Array.from(atob(b64!), (c) => c.charCodeAt(0));
          const dt = new DataTransfer();
          dt.items.add(new File([bytes], name!, { type: 'image/png' }));
          const app = document.querySelector('.app')!;
          const t0 = performance.now();
          const seen = new MutationObserver(() => {
            if (!document.querySelector('.banner')) return;
            seen.disconnect();
            resolve(Math.round(performance.now() - t0));
          });
          seen.observe(document.body, { childList: true, subtree: true });
          app.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
          app.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
        }),
      [b64, file],
    );
  };
  rows.push(['', `${PAGES[0]} (first: worker and models load)`, '', String(await drop(PAGES[0]!))]);
  const times: number[] = [];
  for (const f of PAGES) {
    const ms = await drop(f);
    times.push(ms);
    rows.push(['', f, '', String(ms)]);
  }
  rows.push(['', 'per page, warm (mean)', '', (times.reduce((a, b) => a + b, 0) / times.length).toFixed(0)]);
  return rows;
}

export function printRows(title: string, rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  console.log(`\n${title}`);
  for (const r of rows) console.log(r.map((c, i) => (c ?? '').padEnd(widths[i]!)).join('  '));
}

export function sizeOf(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}
