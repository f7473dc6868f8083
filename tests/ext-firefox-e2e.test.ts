// The Firefox build of the extension (MV2, `wxt build -b firefox`) in Debian's firefox-esr, driven over
// WebDriver BiDi (tests/support/firefox.ts), on the saved real page under its own *.gov.cn host name.
// The chromium test (ext-e2e) covers the same ground in more detail; this one proves the Firefox build
// works where Firefox differs: the MV2 event page answering the content script's check, browserAction
// for the badge (read off the toolbar button), storage.local for dismissals, Firefox's Xray view of the
// page the content script marks. Every request Firefox makes goes through this test's proxy, so it also
// sees that nothing but the page's own host was asked for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, countMistakes } from '../core/index.ts';
import { artifactPath } from './support/browser.ts';
import { ROOT, buildExtension, serveLocal, type Local } from './support/e2e.ts';
import { Firefox, hasFirefox, warnIfNoFirefox } from './support/firefox.ts';
import { FIXTURES, shuyangWithOneChange } from './support/fixtures.ts';
import { pictureFiles, reportPage } from './support/picture-report.ts';

warnIfNoFirefox('extension end-to-end tests in Firefox (tests/ext-firefox-e2e.test.ts)');

const OUT = '.output-firefox-e2e';
const EXT = join(ROOT, OUT, 'firefox-mv2');
const HOST = 'fgw.shuyang.gov.cn';
const CHANGED = shuyangWithOneChange();
const PAGES: Record<string, string> = {
  '/art/2024/1/22/art_report.html': readFileSync(join(FIXTURES, 'shuyang-drc-2023.html'), 'utf8'),
  '/art/2024/1/22/art_changed.html': CHANGED,
  '/news.html': `<!doctype html><html><head><meta charset="utf-8"><title>沭阳县发改局 工作动态</title></head><body>
<h1>工作动态</h1><p>本局召开安全生产会议。</p><table><tr><td>项目</td><td>数量</td></tr><tr><td>会议</td><td>3</td></tr></table></body></html>`,
};
/** A page on another *.gov.cn host with the report in a (cross-origin) frame. */
const FRAMING_HOST = 'www.shuyang.gov.cn';
const FRAMING: Record<string, string> = {
  '/xframe.html': `<!doctype html><html><head><meta charset="utf-8"><title>沭阳县人民政府 信息公开</title></head><body>
<p>部门年报：</p><iframe src="http://${HOST}/art/2024/1/22/art_changed_xframe.html" width="1000" height="600"></iframe></body></html>`,
};
PAGES['/art/2024/1/22/art_changed_xframe.html'] = CHANGED;
/** A report published as an image-only PDF attachment (the real 洪泽区 2023 page 4, scanned). */
const SCAN_PDF = readFileSync(join(FIXTURES, 'ocr', 'hongze-district-gov-2023-p4-scan.pdf'));
FRAMING['/nianbao.html'] = `<!doctype html><html><head><meta charset="utf-8"><title>洪泽区2023年政府信息公开工作年度报告</title></head><body>
<p>详见附件：</p><a href="/uploadfiles/nianbao-scan.pdf">附件</a></body></html>`;
/** A list page of reports (issue 21): the real 沭阳 page, the scan PDF above, a 404, a news item. */
FRAMING['/col/nianbao/index.html'] = `<!doctype html><html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body><ul>
<li><a href="/art/2024/1/22/art_report.html">沭阳县发展和改革局2023年政府信息公开工作年度报告</a></li>
<li><a href="/uploadfiles/nianbao-scan.pdf">洪泽区2023年政府信息公开工作年度报告（扫描件）</a></li>
<li><a href="/art/2024/1/18/gone.html">某局2023年政府信息公开工作年度报告</a></li>
<li><a href="/art/2024/1/17/news.html">关于做好政务公开工作的通知</a></li></ul></body></html>`;
FRAMING['/art/2024/1/22/art_report.html'] = PAGES['/art/2024/1/22/art_report.html']!;
/** A report whose text is HTML and whose table pages are pictures (issue 23; tests/support/picture-report.ts). */
FRAMING['/pictures.html'] = reportPage();
let PICTURES: Record<string, Buffer> = {};
const ESCAPE = '\uE00C';

/** Page-side expressions (run in the page's realm through BiDi). */
const MARKS = `[...document.querySelectorAll('[data-gkc]')].map((e) => e.getAttribute('data-gkc-cell') + ':' + e.getAttribute('data-gkc'))`;
const UI = `document.querySelector('gkc-ui')?.shadowRoot`;

describe.skipIf(!hasFirefox)('extension in Firefox', () => {
  let proxy: Local;
  let ff: Firefox;
  let tab: string;
  let base: string;
  /** Every request Firefox sent through the proxy: method, host and path. */
  const requests: string[] = [];

  beforeAll(async () => {
    buildExtension({ out: OUT, firefox: true, timeout: 120_000 });
    PICTURES = await pictureFiles();
    // A proxy, not a web server: requests arrive with absolute URLs (http://fgw.shuyang.gov.cn/…).
    proxy = await serveLocal((req, res) => {
      let url: URL;
      try {
        url = new URL(req.url ?? '');
      } catch {
        url = new URL(`http://${req.headers.host}${req.url}`);
      }
      requests.push(`${req.method} ${url.host}${url.pathname}`);
      if (url.hostname === FRAMING_HOST && PICTURES[url.pathname]) {
        res.writeHead(200, { 'content-type': 'image/png' }).end(PICTURES[url.pathname]);
        return;
      }
      if (url.hostname === FRAMING_HOST && url.pathname === '/uploadfiles/nianbao-scan.pdf') {
        res.writeHead(200, { 'content-type': 'application/pdf' }).end(SCAN_PDF);
        return;
      }
      const body = url.hostname === HOST ? PAGES[url.pathname] : url.hostname === FRAMING_HOST ? FRAMING[url.pathname] : undefined;
      if (body === undefined) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    });
    proxy.server.on('connect', (req, socket) => {
      requests.push(`CONNECT ${req.url}`);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    base = `http://${HOST}`;
    ff = await Firefox.launch({ proxyPort: proxy.port });
    expect(await ff.installExtension(EXT)).toBe('gongkai-check@gongkai-check.invalid');
    tab = await ff.tab();
  }, 180_000);

  afterAll(async () => {
    await ff?.close();
    await proxy?.close();
  });

  /** The badge on our toolbar button (pinned to the toolbar in Firefox: default_area navbar). */
  const badge = () =>
    ff.evaluateInWindow<string>(`(() => {
      const item = document.getElementById('gongkai-check_gongkai-check_invalid-browser-action');
      if (!item) throw new Error('our button is not on the toolbar');
      const b = item.querySelector('[badge]') ?? item;
      return b.getAttribute('badge') ?? '';
    })()`);
  const waitBadge = async (text: string) => {
    for (let i = 0; i < 100 && (await badge()) !== text; i++) await new Promise((ok) => setTimeout(ok, 50));
    expect(await badge()).toBe(text);
  };
  const waitChecked = () => ff.waitFor(tab, `!!document.querySelector('gkc-ui')`);

  it('the real consistent page: no mark at all (EMPTY-CELLS hatches its blank cells, outlines none), empty badge', async () => {
    await ff.navigate(tab, `${base}/art/2024/1/22/art_report.html`);
    await waitChecked();
    expect(await ff.evaluate(tab, MARKS)).toEqual([]);
    expect(await ff.evaluate(tab, `document.querySelectorAll('[data-gkc-blank]').length`)).toBe(125);
    await waitBadge('');
    expect(await ff.evaluate(tab, `document.querySelectorAll('style[data-gkc-ui]').length`)).toBe(1);
  });

  it('one changed table-B cell: one outline on exactly that <td>, badge 1 (one mistake, two broken equations), the card says what the cell should be', async () => {
    const expected = check({ kind: 'html', html: CHANGED });
    expect(expected.findings.filter((f) => f.severity === 'error')).toHaveLength(2);
    expect(countMistakes(expected)).toBe(1);
    const src = expected.locate('B.new.tot')!;
    if (src.kind !== 'dom') throw new Error('dom source expected');

    await ff.navigate(tab, `${base}/art/2024/1/22/art_changed.html`);
    await ff.waitFor(tab, `!!document.querySelector('[data-gkc="error"]')`);
    const hit = await ff.evaluate(
      tab,
      `(() => {
        const marked = [...document.querySelectorAll('[data-gkc="error"]')];
        const own = document.querySelectorAll('table')[${src.table}].rows[${src.row}].cells[${src.cell}];
        return { count: marked.length, same: marked[0] === own, ref: own.getAttribute('data-gkc-cell'), text: own.textContent.trim(), tabindex: own.getAttribute('tabindex') };
      })()`,
    );
    expect(hit).toEqual({ count: 1, same: true, ref: 'B.new.tot', text: '27', tabindex: '0' });
    await waitBadge('1');

    await ff.evaluate(tab, `document.querySelector('td[data-gkc-cell="B.new.tot"]').focus()`);
    const fix = await ff.waitFor<string>(tab, `${UI}?.querySelector('#gkc-card [data-testid="fix"]')?.textContent`);
    expect(fix).toBe('此格应为 26（表中为 27）');
    expect(await ff.evaluate(tab, `${UI}.querySelectorAll('#gkc-card [data-testid="equations"] li').length`)).toBe(2);
    expect(await ff.evaluate(tab, `document.querySelectorAll('[data-gkc-related]').length`)).toBeGreaterThanOrEqual(1);
    writeFileSync(artifactPath('ext-firefox-e2e.png'), await ff.screenshot(tab));
    await ff.press(tab, ESCAPE);
    await ff.waitFor(tab, `!${UI}.querySelector('#gkc-card')`);
    expect(await ff.evaluate(tab, `document.querySelectorAll('[data-gkc-related]').length`)).toBe(0);
  });

  it('jump-to from the panel focuses the cell; dismissing its findings removes the mark and the badge, also after a reload', async () => {
    await ff.evaluate(tab, `document.activeElement?.blur()`);
    await ff.evaluate(tab, `${UI}.querySelector('[data-testid="launcher"]').click()`);
    const counts = await ff.waitFor<string>(tab, `${UI}.querySelector('.drawer [data-testid="counts"]')?.textContent`);
    expect(counts).toMatch(/^错误 \d+ · 警告 \d+ · 提示 \d+$/);
    await ff.evaluate(tab, `${UI}.querySelector('.drawer button[data-jump="B.new.tot"]').click()`);
    await ff.waitFor(tab, `document.activeElement?.getAttribute('data-gkc-cell') === 'B.new.tot'`);
    await ff.press(tab, ESCAPE); // the card that focus opened
    await ff.evaluate(tab, `${UI}.querySelector('.drawer') || ${UI}.querySelector('[data-testid="launcher"]').click()`);

    const rowsLeft = `[...${UI}.querySelectorAll('.drawer li.row')].filter((li) => li.querySelector('button[data-jump="B.new.tot"]')).length`;
    const n = await ff.waitFor<number>(tab, rowsLeft);
    expect(n).toBe(2); // the mistake (its two equations) and the narrative's 26
    for (let i = 0; i < n; i++) {
      const row = `[...${UI}.querySelectorAll('.drawer li.row')].find((li) => li.querySelector('button[data-jump="B.new.tot"]'))`;
      await ff.evaluate(tab, `${row}.querySelector('[data-action="dismiss"]').click()`);
      await ff.waitFor(tab, `!!${row}?.querySelector('[data-reason="ok"]')`);
      await ff.evaluate(tab, `${row}.querySelector('[data-reason="ok"]').click()`);
      await ff.waitFor(tab, `${rowsLeft} === ${n - i - 1}`);
    }
    await ff.waitFor(tab, `!document.querySelector('td[data-gkc-cell="B.new.tot"]')`);
    expect(await ff.evaluate(tab, `document.querySelectorAll('[data-gkc="error"]').length`)).toBe(0);
    await waitBadge('');
    expect(await ff.evaluate(tab, `${UI}.querySelector('[data-testid="dismissed"]').textContent`)).toContain('数据无误');

    // still dismissed after a reload (storage.local, keyed by the page URL)
    await ff.reload(tab);
    await waitChecked();
    expect(await ff.evaluate(tab, `document.querySelectorAll('[data-gkc="error"]').length`)).toBe(0);
    await waitBadge('');
  });

  it('an article in a cross-origin frame is checked by the frame\'s own script; the badge counts it', async () => {
    await ff.navigate(tab, `http://${FRAMING_HOST}/xframe.html`);
    const frames = await ff.send<{ contexts: { children: { context: string; url: string }[] }[] }>('browsingContext.getTree', { root: tab });
    const frame = frames.contexts[0]!.children.find((c) => c.url.includes('art_changed_xframe'))!.context;
    await ff.waitFor(frame, `!!document.querySelector('[data-gkc="error"]')`);
    expect(await ff.evaluate(frame, `[...document.querySelectorAll('[data-gkc="error"]')].map((e) => e.getAttribute('data-gkc-cell'))`)).toEqual(['B.new.tot']);
    expect(await ff.evaluate(tab, `document.querySelectorAll('[data-gkc], [data-gkc-ui], gkc-ui').length`)).toBe(0);
    await waitBadge('1');
  });

  it('a report page whose report is a PDF attachment offers it; the button opens the checker page, which reads it by OCR', async () => {
    await ff.navigate(tab, `http://${FRAMING_HOST}/nianbao.html`);
    await ff.waitFor(tab, `!!${UI}?.querySelector('.offer')`);
    expect(await ff.evaluate(tab, `${UI}.querySelector('[data-action="open-attachment"]').textContent`)).toBe('在核数页中检查：附件（nianbao-scan.pdf）');
    await ff.evaluate(tab, `${UI}.querySelector('[data-action="open-attachment"]').click()`);
    let checker: string | undefined;
    for (let i = 0; i < 100 && !checker; i++) {
      const tree = await ff.send<{ contexts: { context: string; url: string }[] }>('browsingContext.getTree', { maxDepth: 0 });
      checker = tree.contexts.find((c) => /^moz-extension:\/\/.*\/checker\.html\?id=/.test(c.url))?.context;
      if (!checker) await new Promise((ok) => setTimeout(ok, 100));
    }
    expect(checker).toBeDefined();
    // the new tab is the one the reader looks at (a background tab's timers are throttled)
    await ff.send('browsingContext.activate', { context: checker! });
    const boxed = await ff
      .waitFor<string[]>(
        checker!,
        `(() => { const b = [...document.querySelectorAll('.ocr-box[data-gkc="error"]')].map((e) => e.getAttribute('data-gkc-cell')).sort(); return b.length ? b : null; })()`,
        150_000,
      )
      .catch(async (e: Error) => {
        // say what the checker page shows instead (an error message, a progress line that stopped)
        writeFileSync(artifactPath('ext-firefox-checker-failed.png'), await ff.screenshot(checker!).catch(() => Buffer.alloc(0)));
        throw new Error(`${e.message}\nthe checker page says: ${await ff.evaluate<string>(checker!, 'document.body.innerText + " | " + document.body.innerHTML.slice(0, 3000)').catch(() => '(unreadable)')}`);
      });
    expect(boxed).toEqual(['C.lita.total', 'C.rev.total']);
    await ff.send('browsingContext.close', { context: checker! });
  }, 180_000);

  it('a report whose tables are pictures offers to read them; one click: the checker page reads the three pictures with the text', async () => {
    await ff.navigate(tab, `http://${FRAMING_HOST}/pictures.html`);
    const button = `${UI}?.querySelector('.offer [data-action="read-pictures"]')`;
    expect(await ff.waitFor<string>(tab, `${button}?.textContent`, 20_000)).toBe('识别本页图片中的年报表格（3 张图片）');
    await ff.evaluate(tab, `${button}.click()`);
    let checker: string | undefined;
    for (let i = 0; i < 150 && !checker; i++) {
      const tree = await ff.send<{ contexts: { context: string; url: string }[] }>('browsingContext.getTree', { maxDepth: 0 });
      checker = tree.contexts.find((c) => /^moz-extension:\/\/.*\/checker\.html\?id=/.test(c.url))?.context;
      if (!checker) await new Promise((ok) => setTimeout(ok, 100));
    }
    expect(checker, await ff.evaluate<string>(tab, `${UI}?.querySelector('.offer')?.textContent ?? ''`)).toBeDefined();
    await ff.send('browsingContext.activate', { context: checker! });
    const boxed = await ff
      .waitFor<string[]>(
        checker!,
        `(() => { const b = [...document.querySelectorAll('.ocr-box[data-gkc="error"]')].map((e) => e.getAttribute('data-gkc-cell')).sort(); return b.length ? b : null; })()`,
        240_000,
      )
      .catch(async (e: Error) => {
        writeFileSync(artifactPath('ext-firefox-pictures-failed.png'), await ff.screenshot(checker!).catch(() => Buffer.alloc(0)));
        throw new Error(`${e.message}\nthe checker page says: ${await ff.evaluate<string>(checker!, 'document.body.innerText').catch(() => '(unreadable)')}`);
      });
    expect(boxed).toEqual(['C.lita.total', 'C.rev.total']);
    // the article's text joined the tables: its sections 一 and 六 are found
    expect(await ff.evaluate<string>(checker!, `document.querySelector('main').innerText`)).not.toContain('STRUCT-SECTIONS');
    await ff.send('browsingContext.close', { context: checker! });
  }, 300_000);

  it('a list page offers 「检查本页列出的全部年报」; the summary page gets each report through the list page: verdicts (the scan by OCR), the 404 as 获取失败', async () => {
    await ff.navigate(tab, `http://${FRAMING_HOST}/col/nianbao/index.html`);
    const button = `${UI}?.querySelector('.batch-offer [data-action="check-list"]')`;
    expect(await ff.waitFor<string>(tab, `${button}?.textContent`, 20_000)).toBe('检查本页列出的全部年报');
    await ff.evaluate(tab, `${button}.click()`);
    let summary: string | undefined;
    for (let i = 0; i < 100 && !summary; i++) {
      const tree = await ff.send<{ contexts: { context: string; url: string }[] }>('browsingContext.getTree', { maxDepth: 0 });
      summary = tree.contexts.find((c) => /^moz-extension:\/\/.*\/batch\.html\?tab=/.test(c.url))?.context;
      if (!summary) await new Promise((ok) => setTimeout(ok, 100));
    }
    expect(summary).toBeDefined();
    await ff.send('browsingContext.activate', { context: summary! });
    // the scan is read by OCR on the summary page once the others are done
    await ff.waitFor(summary!, `!!document.querySelector('[data-testid="batch-progress"][data-stage="done"]')`, 200_000);
    const rows = await ff.evaluate<string[][]>(summary!, `[...document.querySelectorAll('tbody tr')].map((tr) => [new URL(tr.dataset.url).pathname, tr.dataset.verdict, tr.querySelectorAll('td')[3].textContent.trim()])`);
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ['/art/2024/1/22/art_report.html', 'clean'],
      ['/uploadfiles/nianbao-scan.pdf', 'errors'],
      ['/art/2024/1/18/gone.html', 'failed'],
    ]);
    expect(rows[2]![2]).toBe('获取失败（HTTP 404）');
    expect(requests).not.toContain(`GET ${FRAMING_HOST}/art/2024/1/17/news.html`);
    await ff.send('browsingContext.close', { context: summary! });
  }, 240_000);

  it('a page that is not a report gets no marks and no injected UI', async () => {
    await ff.navigate(tab, `${base}/news.html`);
    await new Promise((ok) => setTimeout(ok, 500));
    expect(await ff.evaluate(tab, `document.querySelectorAll('[data-gkc], [data-gkc-ui], gkc-ui').length`)).toBe(0);
    await waitBadge('');
  });

  it('every request Firefox made was for the pages\' own hosts or Firefox\'s own services; none from the extension', () => {
    expect(requests.filter((r) => r.startsWith(`GET ${HOST}/`)).length).toBeGreaterThan(0);
    const ours = (r: string) => r.startsWith(`GET ${HOST}/`) || r.startsWith(`GET ${FRAMING_HOST}/`);
    // Release Firefox ignores services.settings.server and keeps polling its remote-settings server
    // (certificate revocation lists and the like) whatever the profile says: that is the browser's own
    // traffic, to Mozilla's hosts, on every page. Anything else would have come from the page or from us.
    const mozilla = /^CONNECT [a-z0-9.-]+\.(mozilla\.(com|net|org)|firefox\.com):443$/;
    const other = requests.filter((r) => !ours(r) && !mozilla.test(r));
    expect(other).toEqual([]);
  });
});
