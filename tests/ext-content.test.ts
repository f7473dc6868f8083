// @vitest-environment happy-dom
// @vitest-environment-options {"url":"http://fgw.shuyang.gov.cn/art/2024/1/22/art_1.html","settings":{"disableJavaScriptEvaluation":true,"disableJavaScriptFileLoading":true,"disableCSSFileLoading":true,"enableIframePageLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
// The extension's content script on the saved real page (沭阳县发改局 2023, consistent) in happy-dom with
// WXT's fakeBrowser: the gate, marks on exactly the changed <td>, the card on focus, the panel's counts,
// jump-to and dismiss/restore through storage.local, re-checks only on table changes, and stop() giving
// the page back byte for byte.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { check, countMistakes, findDomCell } from '../core/index.ts';
import { frameRole, looksLikeReport, reportAttachments } from '../extension/features/gate.ts';
import { ContentController, startContent } from '../extension/features/content-main.ts';
import { liveCell, pageHtml } from '../extension/features/live-cells.ts';
import { answerCheck, checkPageHtml } from '../extension/features/wire-check.ts';
import { domToDoc, htmlToDoc } from '../core/index.ts';
import { storageKey } from '../extension/features/dismiss.ts';
import { setSiteEnabled } from '../extension/features/sites.ts';
import { LANG_KEY } from '../extension/features/lang.ts';
import { FORCE_FLAG, isCheckRequest, type PageState } from '../extension/features/messages.ts';
import { FIXTURES } from './support/fixtures.ts';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const PAGE = readFileSync(join(FIXTURES, 'shuyang-drc-2023.html'), 'utf8');
const URL_ = 'http://fgw.shuyang.gov.cn/art/2024/1/22/art_1.html';

/**
 * Put a page into the test's document (parsed, then swapped in: scripts never run). The page's footer
 * <iframe> keeps its element but not its src: happy-dom would log a refused load for it on every parse.
 */
function load(html: string): void {
  const parsed = new DOMParser().parseFromString(html.replace(/(<iframe\b[^>]*?)\ssrc=/g, '$1 data-src='), 'text/html');
  const root = document.importNode(parsed.documentElement, true);
  document.documentElement.remove();
  document.appendChild(root);
}

/** The page's own <td> for a CellRef, found through a fresh check of the document. */
function td(ref: string): HTMLElement {
  const r = check({ kind: 'dom', root: document });
  return findDomCell(document as unknown as Element, r.locate(ref)!) as unknown as HTMLElement;
}

/**
 * The background's side of the check, in-process: the answer crosses a JSON boundary, as Chrome's
 * extension messaging does, so nothing that only works by sharing objects can pass here.
 */
const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const localCheck = async (html: string) => {
  await tick();
  return json(checkPageHtml(html));
};

const marks = (sev?: string) =>
  [...document.querySelectorAll(sev ? `[data-gkc="${sev}"]` : '[data-gkc]')].map((e) => `${e.getAttribute('data-gkc-cell')}:${e.getAttribute('data-gkc')}`);
const shadow = () => document.querySelector('gkc-ui')?.shadowRoot ?? null;
const tick = (ms = 0) => new Promise((ok) => setTimeout(ok, ms));
/** the blank cells hatched for a table-level notice (EMPTY-CELLS) */
const hatched = () => [...document.querySelectorAll('[data-gkc-blank]')];
/** the real consistent page, checked: no mark at all, its blank cells hatched */
const checkedClean = () => {
  expect(marks()).toEqual([]);
  expect(hatched().length).toBeGreaterThan(0);
};

let sent: PageState[];
let controller: ContentController | undefined;

async function start(): Promise<ContentController> {
  controller = new ContentController({ send: (s) => sent.push(s), debounceMs: 20, check: localCheck });
  await controller.start();
  return controller;
}

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  load(PAGE);
});

afterEach(() => {
  controller?.stop();
  controller = undefined;
});

describe('gate', () => {
  it('passes the real report page and fails other pages, including big ones with tables', () => {
    expect(looksLikeReport(document)).toBe(true);
    // without the title's help: the headings, or else the report table's own labels
    load(PAGE.replace(/<title>[^<]*<\/title>/, '<title>沭阳县发改局</title>'));
    expect(looksLikeReport(document)).toBe(true);
    const tableB = td('B.new.tot').closest('table')!.outerHTML;
    load(`<html><head><title>详情</title></head><body><div>${tableB}</div></body></html>`);
    expect(looksLikeReport(document)).toBe(true);
    load('<html><head><title>沭阳县发展和改革局</title></head><body><p>政府信息公开指南</p><table><tr><td>1</td></tr></table></body></html>');
    expect(looksLikeReport(document)).toBe(false);
    load(`<html><body>${'<p>2023年工作总结：本年度完成项目 12 个。</p>'.repeat(5000)}<table><tr><td>项目</td><td>12</td></tr></table></body></html>`);
    expect(looksLikeReport(document)).toBe(false);
    // a variant table without the template labels: the heading names the report, a table has its words
    const variant = '<table><tr><td>申请人</td><td>自然人</td></tr><tr><td>本年新收</td><td>3</td></tr></table>';
    load(`<html><head><title>详情</title></head><body><h2>2023年政府信息公开工作年度报告</h2>${variant}</body></html>`);
    expect(looksLikeReport(document)).toBe(true);
    // the heading alone, over tables with none of the report tables' words, is nothing the core could check
    load('<html><head><title>详情</title></head><body><h2>2023年政府信息公开工作年度报告</h2><table><tr><td>项目</td><td>12</td></tr></table></body></html>');
    expect(looksLikeReport(document)).toBe(false);
    // the words alone, without a table, are a list of reports, not a report
    load('<html><body><a href="/a.html">2023年政府信息公开年度报告</a></body></html>');
    expect(looksLikeReport(document)).toBe(false);
  });

  it('runs in every frame, but a same-origin frame is left to the page\'s script and a cross-origin one checks itself', () => {
    expect(frameRole(window as unknown as Window)).toBe('top');
    const inner = { document: {} } as unknown as Window;
    const top = {} as Window;
    const framed = (parent: object) => ({ top, parent }) as unknown as Window;
    expect(frameRole(framed(inner))).toBe('covered');
    // what a browser does when a frame reads a cross-origin parent's document
    const crossOrigin = Object.defineProperty({}, 'document', {
      get() {
        throw new DOMException('Blocked a frame with origin "http://xxgk.shuyang.gov.cn" from accessing a cross-origin frame.', 'SecurityError');
      },
    });
    expect(frameRole(framed(crossOrigin))).toBe('own');
  });

  it('a report published as an attachment: found from the page title and its links or embeds; list pages and other pages offer nothing', () => {
    const page = (title: string, body: string) => load(`<html><head><title>${title}</title></head><body>${body}</body></html>`);
    const T = '洪泽区2023年政府信息公开工作年度报告';
    page(T, '<p>详见附件：</p><a href="/uploadfiles/P0202401.pdf">洪泽区2023年政府信息公开工作年度报告.pdf</a><a href="/index.html">首页</a>');
    expect(reportAttachments(document)).toEqual([{ url: new URL('/uploadfiles/P0202401.pdf', document.baseURI).href, name: '洪泽区2023年政府信息公开工作年度报告.pdf' }]);
    // embedded (a pdf.js viewer, a plain <embed>), or a Word file with a bare link text
    page(T, '<object data="/pdfjs/web/viewer.html?file=/uploadfiles/nb.pdf"></object><embed src="/uploadfiles/nb2.pdf"><a href="/files/nb.docx"> </a>');
    expect(reportAttachments(document).map((a) => [a.url.replace(/^.*?\/\/[^/]+/, ''), a.name])).toEqual([
      ['/files/nb.docx', 'nb.docx'],
      ['/uploadfiles/nb.pdf', 'nb.pdf'],
      ['/uploadfiles/nb2.pdf', 'nb2.pdf'],
    ]);
    // a list of many reports, a page not about a report, an old .doc: nothing offered
    page('政府信息公开年报', Array.from({ length: 6 }, (_, i) => `<a href="/nb${i}.pdf">${2018 + i}年年报</a>`).join(''));
    expect(reportAttachments(document)).toEqual([]);
    page(T, '<a href="/uploadfiles/P020240122.pdf">附件</a>');
    expect(reportAttachments(document).map((a) => a.name)).toEqual(['附件（P020240122.pdf）']);
    page('通知公告', '<a href="/uploadfiles/a.pdf">附件</a>');
    expect(reportAttachments(document)).toEqual([]);
    page(T, '<a href="/uploadfiles/a.doc">附件</a><a href="mailto:x@y.gov.cn">x.pdf</a>');
    expect(reportAttachments(document)).toEqual([]);
  });

  it('the attachment is offered on the page (never as "no errors"); the button opens the checker on it; the offer speaks English too', async () => {
    load('<html><head><title>洪泽区2023年政府信息公开工作年度报告</title></head><body><p>详见附件：</p><a href="/uploadfiles/nb.pdf">2023年年报.pdf</a></body></html>');
    const opened: string[] = [];
    controller = new ContentController({ send: (s) => sent.push(s), check: localCheck, openChecker: (u) => opened.push(u) });
    await controller.start();
    await vi.waitFor(() => expect(shadow()?.querySelector('.offer')).toBeTruthy());
    expect(shadow()!.querySelector('[data-testid="offer-text"]')!.textContent).toContain('未检查');
    expect(sent.at(-1)).toMatchObject({ status: 'not-report', attachments: [{ name: '2023年年报.pdf' }] });
    expect(marks()).toEqual([]);
    (shadow()!.querySelector('[data-action="open-attachment"]') as HTMLElement).click();
    expect(opened).toEqual([new URL('/uploadfiles/nb.pdf', document.baseURI).href]);
    await fakeBrowser.storage.local.set({ [LANG_KEY]: 'en' });
    await controller.onStorageChanged({ [LANG_KEY]: {} });
    expect(shadow()!.querySelector('[data-testid="offer-text"]')!.textContent).toContain('nothing was checked');
    (shadow()!.querySelector('[data-action="close-offer"]') as HTMLElement).click();
    expect(document.querySelector('gkc-ui')).toBeNull();
  });

  it('does nothing on a page that is not a report: no marks, no style, no UI, no message', async () => {
    load('<html><head><title>新闻</title></head><body><p>本局召开会议。</p><table><tr><td>1</td><td>2</td></tr></table></body></html>');
    const before = document.documentElement.outerHTML;
    const c = await start();
    expect(c.status).toBe('not-report');
    expect(document.documentElement.outerHTML).toBe(before);
    expect(sent).toEqual([]);
  });
});

describe('the page as the background reads it', () => {
  it('the core reads the same Doc from the page body\'s HTML as from the live DOM', () => {
    const fromHtml = () => htmlToDoc(pageHtml(document));
    expect(fromHtml()).toEqual(domToDoc(document));
    td('B.new.tot').textContent = '27';
    expect(fromHtml()).toEqual(domToDoc(document));
  });

  it('every cell the answer names leads back to the page\'s own <td>, with our UI on the page', async () => {
    td('B.new.tot').textContent = '27';
    const c = await start(); // our style and shadow host are on the page now
    expect(pageHtml(document)).not.toContain('data-gkc-ui');
    const r = checkPageHtml(pageHtml(document));
    const core = check({ kind: 'dom', root: document });
    expect(Object.keys(r.cells).length).toBeGreaterThan(3);
    for (const [ref, place] of Object.entries(r.cells)) expect(liveCell(document, place)).toBe(findDomCell(document as unknown as Element, core.locate(ref)!));
    c.stop();
  });

  it('a <noscript> table in the page does not shift the other tables\' places', () => {
    // A browser holds noscript content as text; its outerHTML gives markup a string parser would read.
    const cell = td('B.new.tot');
    document.body.insertBefore(document.createElement('noscript'), document.body.firstChild).textContent = '<table><tr><td>1</td></tr></table>';
    const r = checkPageHtml(pageHtml(document).replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
    cell.textContent = '27';
    const r2 = checkPageHtml(pageHtml(document).replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
    expect(r.hasTables).toBe(true);
    expect(liveCell(document, r2.cells['B.new.tot']!)).toBe(cell);
  });

  it('the background answers a request that is not a page with a reason, never a crash', () => {
    expect(answerCheck(undefined)).toEqual({ error: expect.stringMatching(/no page/) });
    const garbage = answerCheck('\u0000'.repeat(10));
    expect('error' in garbage ? garbage.error : garbage.hasTables).toBe(false);
  });
});

describe('marks on the real page', () => {
  it('consistent page: no mark at all; EMPTY-CELLS is a notice of table B (its blank cells hatched, never one outlined); one stylesheet, UI in a shadow root; the pill says checked, no errors', async () => {
    const blank = check({ kind: 'dom', root: document }).findings.find((f) => f.ruleId === 'EMPTY-CELLS')!.cells;
    const c = await start();
    expect(c.status).toBe('checked');
    // issue 17: the warning used to outline its first cell (一/商业企业), which read as "this cell is wrong"
    expect(marks()).toEqual([]);
    expect(hatched()).toHaveLength(blank.length);
    expect(blank.length).toBe(125);
    expect(td('B.new.biz').hasAttribute('data-gkc-blank')).toBe(true);
    expect(td('B.new.tot').hasAttribute('data-gkc-blank')).toBe(false);
    expect(document.querySelectorAll('style[data-gkc-ui]')).toHaveLength(1);
    expect(document.querySelectorAll('[data-gkc-ui]')).toHaveLength(2); // the style and the shadow host
    expect(shadow()).not.toBeNull();
    const s = sent.at(-1)!;
    expect(s.status).toBe('checked');
    // the notice is not a count: left are the label-variant note
    expect(s.counts).toEqual({ error: 0, warning: 0, info: 1, dismissed: 0 });
    expect(s.incomplete).toBe(false);
    // the launcher says so without opening anything
    const launcher = shadow()!.querySelector('[data-testid="launcher"]') as HTMLElement;
    expect(launcher.textContent).toBe('核数 · 已核对，未发现错误 · 提示 1');
    launcher.click();
    const notes = [...shadow()!.querySelectorAll('section[data-table="B"] [data-testid="table-notice"]')].map((n) => n.textContent);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('125 个空白格');
    c.stop();
    expect(hatched()).toHaveLength(0);
  });

  it('one changed cell of table B (本年新收 总计 26 → 27): one mistake, its one mark on exactly that <td>, counted once though it breaks two equations', async () => {
    const cell = td('B.new.tot');
    expect(cell.textContent!.trim()).toBe('26');
    cell.textContent = '27';
    const result = check({ kind: 'dom', root: document });
    expect(result.findings.filter((f) => f.severity === 'error')).toHaveLength(2);
    expect(countMistakes(result)).toBe(1);
    await start();
    const errs = [...document.querySelectorAll('[data-gkc="error"]')];
    expect(errs).toEqual([cell]);
    expect(cell.getAttribute('data-gkc-cell')).toBe('B.new.tot');
    expect(cell.getAttribute('tabindex')).toBe('0');
    expect(sent.at(-1)!.counts.error).toBe(1);
    // never re-texted or re-parented
    expect(cell.textContent).toBe('27');
    expect(cell.children).toHaveLength(0);
  });

  it('stop() gives the page back byte for byte (attributes, tabindex, stylesheet, UI all gone)', async () => {
    td('B.open.np').textContent = '25';
    const before = document.documentElement.outerHTML;
    const c = await start();
    expect(marks('error').length).toBeGreaterThan(0);
    expect(document.documentElement.outerHTML).not.toBe(before);
    c.stop();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('keeps a tabindex the page set itself', async () => {
    const cell = td('B.new.tot');
    cell.textContent = '27';
    cell.setAttribute('tabindex', '-1');
    const c = await start();
    expect(cell.getAttribute('tabindex')).toBe('-1');
    c.stop();
    expect(cell.getAttribute('tabindex')).toBe('-1');
  });
});

describe('card', () => {
  it('focus on a mistake\'s cell: the card opens with what the cell should be, then the equations it breaks, compact; the other cells lit only while it is open; Esc closes', async () => {
    const cell = td('B.new.tot');
    cell.textContent = '27';
    await start();
    expect(document.querySelectorAll('[data-gkc-related]')).toHaveLength(0);
    cell.focus();
    const card = shadow()!.querySelector('#gkc-card')!;
    expect(card).not.toBeNull();
    expect(card.querySelector('[data-testid="fix"]')!.textContent).toBe('此格应为 26（表中为 27）');
    const eqs = [...card.querySelectorAll('[data-testid="equations"] li')].map((li) => li.textContent!);
    expect(eqs).toHaveLength(2);
    expect(eqs.join('\n')).toMatch(/APP-ROW-TOTAL/);
    expect(eqs.join('\n')).toMatch(/APP-BALANCE/);
    // the one-term side is said once: 「…/总计 27 ≠ …/自然人 26 + 其余 5 项为 0 = 26」, no 「总计 27 = 27」
    const rowTotal = eqs.find((e) => e.includes('APP-ROW-TOTAL'))!;
    expect(rowTotal).toMatch(/总计 27 ≠ .*自然人 26 \+ 其余 5 项为 0 = 26 \(相差 \+1\)$/);
    expect(rowTotal).not.toMatch(/27 = 27/);
    const related = [...document.querySelectorAll('[data-gkc-related]')];
    expect(related).not.toContain(cell);
    expect(related.map((e) => e.textContent!.trim())).toContain('26');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(shadow()!.querySelector('#gkc-card')).toBeNull();
    expect(document.querySelectorAll('[data-gkc-related]')).toHaveLength(0);
    // focus stayed on the cell: Enter opens the card again
    expect(document.activeElement).toBe(cell);
    cell.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(shadow()!.querySelector('#gkc-card')).not.toBeNull();
  });

  it('keyboard: Tab goes from the cell into its card and back out after the cell; Shift+Tab and Esc return to the cell', async () => {
    const cell = td('B.new.tot');
    cell.textContent = '27';
    await start();
    const key = (target: EventTarget, k: string, shiftKey = false) => {
      const e = new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, composed: true, cancelable: true });
      target.dispatchEvent(e);
      return e.defaultPrevented;
    };
    const buttons = () => [...shadow()!.querySelectorAll<HTMLElement>('#gkc-card button')];
    const active = () => shadow()!.activeElement;
    cell.focus();
    expect(buttons().length).toBeGreaterThanOrEqual(3);
    // Tab from the cell: into the card, its first button
    expect(key(cell, 'Tab')).toBe(true);
    expect(active()).toBe(buttons()[0]);
    expect(shadow()!.querySelector('#gkc-card')).not.toBeNull();
    // Shift+Tab from the first button: back to the cell, the card stays
    expect(key(active()!, 'Tab', true)).toBe(true);
    expect(document.activeElement).toBe(cell);
    expect(shadow()!.querySelector('#gkc-card')).not.toBeNull();
    // Tab from the last button: focus goes back to the cell and the browser's own Tab goes on from there
    key(cell, 'Tab');
    buttons().at(-1)!.focus();
    expect(key(active()!, 'Tab')).toBe(false);
    expect(document.activeElement).toBe(cell);
    expect(shadow()!.querySelector('#gkc-card')).toBeNull();
    // Esc inside the card: closed, focus back on its cell (without reopening it)
    key(cell, 'Enter');
    key(cell, 'Tab');
    expect(active()).toBe(buttons()[0]);
    key(active()!, 'Escape');
    expect(shadow()!.querySelector('#gkc-card')).toBeNull();
    expect(document.activeElement).toBe(cell);
    // focus leaving the card for somewhere else in the page closes it
    key(cell, 'Enter');
    key(cell, 'Tab');
    const link = document.querySelector('a[href]') as HTMLElement;
    link.focus();
    expect(shadow()!.querySelector('#gkc-card')).toBeNull();
  });

  it('hover opens the card too, and leaving closes it', async () => {
    const cell = td('B.new.tot');
    cell.textContent = '27';
    await start();
    cell.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(shadow()!.querySelector('#gkc-card')).not.toBeNull();
    cell.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: document.body }));
    await tick(350);
    expect(shadow()!.querySelector('#gkc-card')).toBeNull();
  });
});

describe('mistakes', () => {
  it('tied cells (行政复议 尚未审结 1 → 2: the total, or that cell, or another part): each is outlined, counted once, and the card says "one of these"', async () => {
    const cell = td('C.rev.pending');
    expect(cell.textContent!.trim()).toBe('1');
    cell.textContent = '2';
    const result = check({ kind: 'dom', root: document });
    expect(result.mistakes).toHaveLength(1);
    expect(result.mistakes[0]!.alternatives.length).toBeGreaterThan(0);
    await start();
    const tied = [result.mistakes[0]!.cells, ...result.mistakes[0]!.alternatives.map((a) => a.cells)].flat();
    expect(marks('error').sort()).toEqual(tied.map((r) => `${r}:error`).sort());
    expect(tied).toContain('C.rev.pending');
    expect(sent.at(-1)!.counts.error).toBe(1);
    cell.focus();
    const card = shadow()!.querySelector('#gkc-card')!;
    expect(card.querySelector('[data-testid="fix"]')!.textContent).toBe('以下之一有误：');
    const options = [...card.querySelectorAll('.options li')].map((li) => li.textContent);
    expect(options).toHaveLength(tied.length);
    expect(options.some((o) => /应为 1（表中为 2）$/.test(o!))).toBe(true);
    // the other tied cell lights with the equation while the card is open; this cell does not
    const lit = [...document.querySelectorAll('[data-gkc-related]')].map((e) => e.getAttribute('data-gkc-cell'));
    expect(lit).not.toContain('C.rev.pending');
    expect(lit.filter(Boolean).length).toBe(tied.length - 1);
    // dismissed together: no mark left, nothing counted
    (card.querySelector('[data-action="dismiss"]') as HTMLElement).click();
    await tick();
    (shadow()!.querySelector('#gkc-card [data-reason="na"]') as HTMLElement).click();
    await tick(5);
    expect(marks('error')).toEqual([]);
    expect(sent.at(-1)!.counts.error).toBe(0);
  });
});

describe('copy, template, show in list', () => {
  /** What a browser does on execCommand('copy'): a copy event whose clipboardData the listeners may fill. */
  const undo: (() => void)[] = [];
  afterEach(() => {
    for (const u of undo.splice(0)) u();
  });
  /** happy-dom has no execCommand: this one stands in for the browser's. */
  function execCommand(fn: (cmd: string) => boolean): void {
    Object.defineProperty(document, 'execCommand', { value: fn, configurable: true });
    undo.push(() => delete (document as unknown as Record<string, unknown>).execCommand);
  }
  function fakeCopyCommand(): { copied: () => string | undefined; pageSaw: string[] } {
    let data: string | undefined;
    const pageSaw: string[] = [];
    // a page that appends its source notice to anything copied (common on government sites)
    const pageHandler = (e: Event) => {
      pageSaw.push('copy');
      (e as ClipboardEvent).clipboardData?.setData('text/plain', '来源：沭阳县人民政府');
    };
    document.addEventListener('copy', pageHandler);
    undo.push(() => document.removeEventListener('copy', pageHandler));
    execCommand((cmd: string) => {
      if (cmd !== 'copy') return false;
      const clipboardData = { setData: (_t: string, v: string) => void (data = v), getData: () => data ?? '' };
      const e = new Event('copy', { bubbles: true, cancelable: true });
      Object.defineProperty(e, 'clipboardData', { value: clipboardData });
      document.body.dispatchEvent(e);
      return true;
    });
    return { copied: () => data, pageSaw };
  }

  it('the card names the template, copies its finding as text on an http page, and leads to its row in the list', async () => {
    const cell = td('B.new.tot');
    cell.textContent = '27';
    await start();
    const clip = fakeCopyCommand();
    cell.focus();
    const card = () => shadow()!.querySelector('#gkc-card')!;
    expect(card().querySelector('[data-testid="template"]')!.textContent).toBe('格式：2021 年版格式（国办公开办函〔2021〕30号）');
    const copy = card().querySelector('[data-action="copy"]') as HTMLElement;
    copy.click();
    await tick();
    const text = clip.copied()!;
    expect(text.split('\n')[0]).toBe('错误 「一、本年新收政府信息公开申请数量/总计」应为 26（表中为 27）');
    expect(text).toMatch(/\n- APP-ROW-TOTAL .*= 27 ≠ .* = 26，相差 [+-]1/);
    expect(text).toMatch(/\n- APP-BALANCE /);
    // ours, not the page's notice: the page's copy handler never ran
    expect(clip.pageSaw).toEqual([]);
    expect(card().querySelector('[data-action="copy"]')!.textContent).toBe('已复制');

    const key = card().querySelector('.card-body [data-action="show-in-list"]') as HTMLElement;
    key.click();
    await tick();
    expect(shadow()!.querySelector('#gkc-card')).toBeNull();
    const focused = shadow()!.activeElement as HTMLElement | null;
    expect(focused?.matches('.drawer li.row')).toBe(true);
    expect(focused!.querySelector('[data-jump]')!.getAttribute('data-jump')).toBe('B.new.tot');
  });

  it('copy all: a header with the page, its template and counts, the findings by table, dismissed ones left out; the Clipboard API where the page is https', async () => {
    const cell = td('B.new.tot');
    cell.textContent = '27';
    await start();
    (shadow()!.querySelector('[data-testid="launcher"]') as HTMLElement).click();
    const drawer = () => shadow()!.querySelector('.drawer')!;
    expect(drawer().querySelector('.template')!.textContent).toContain('2021 年版格式');
    // dismiss one first (the narrative's 26)
    const row = drawer().querySelector('li.row[data-key^="TXT-APP-NEW@"]') as HTMLElement;
    (row.querySelector('[data-action="dismiss"]') as HTMLElement).click();
    await tick();
    (row.querySelector('[data-reason="na"]') as HTMLElement).click();
    await tick();

    const written: string[] = [];
    Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });
    Object.defineProperty(window.navigator, 'clipboard', { value: { writeText: async (t: string) => void written.push(t) }, configurable: true });
    try {
      (drawer().querySelector('[data-action="copy-all"]') as HTMLElement).click();
      await tick();
    } finally {
      Object.defineProperty(window, 'isSecureContext', { value: false, configurable: true });
    }
    expect(written).toHaveLength(1);
    const lines = written[0]!.split('\n');
    const counts = sent.at(-1)!.counts;
    expect(lines[0]).toBe(document.title.trim());
    expect(lines[1]).toBe(URL_);
    expect(lines[2]).toBe(`2021 年版格式（国办公开办函〔2021〕30号）；公开年报核数（本机核对）：错误 ${counts.error} · 警告 ${counts.warning} · 提示 ${counts.info}`);
    expect(written[0]).toContain('【表二 收到和处理政府信息公开申请情况】');
    // the mistake first, as counted: one entry for the digit, its two equations under it
    expect(written[0]).toMatch(/\n1\. 错误 「一、本年新收政府信息公开申请数量\/总计」应为 26（表中为 27）\n   因此不成立的 2 个等式：\n   - APP-/);
    expect(written[0]).toContain('※ 申请情况表有 125 个空白格');
    expect(lines.at(-1)).toBe('另有 1 条已忽略，未列出。');
    const listed = (written[0]!.match(/^\d+\. /gm) ?? []).length;
    expect(listed).toBe(counts.error + counts.warning + counts.info);
  });

  it('a page where nothing can be copied says so on the button', async () => {
    const cell = td('B.new.tot');
    cell.textContent = '27';
    await start();
    execCommand(() => false);
    cell.focus();
    (shadow()!.querySelector('#gkc-card [data-action="copy"]') as HTMLElement).click();
    await tick();
    expect(shadow()!.querySelector('#gkc-card [data-action="copy"]')!.textContent).toBe('未能复制');
  });
});

describe('panel, jump-to, dismiss and restore', () => {
  it('counts, groups by table, jump focuses and pulses the cell; dismiss with a reason removes the mark and stores it per page; restore brings it back', async () => {
    const cell = td('B.new.tot');
    cell.textContent = '27';
    const c = await start();
    const { error: errors, warning, info } = sent.at(-1)!.counts;
    (shadow()!.querySelector('[data-testid="launcher"]') as HTMLElement).click();
    const drawer = () => shadow()!.querySelector('.drawer')!;
    expect(drawer().querySelector('[data-testid="counts"]')!.textContent).toBe(`错误 ${errors} · 警告 ${warning} · 提示 ${info}`);
    expect(drawer().querySelector('section[data-table="B"] h3')!.textContent).toContain('表二');

    (drawer().querySelector('button[data-jump="B.new.tot"]') as HTMLElement).click();
    expect(document.activeElement).toBe(cell);
    expect(cell.hasAttribute('data-gkc-pulse')).toBe(true);
    expect(shadow()!.querySelector('#gkc-card')).not.toBeNull();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    if (!shadow()!.querySelector('.drawer')) (shadow()!.querySelector('[data-testid="launcher"]') as HTMLElement).click();

    // dismiss every row on the cell (the mistake, which dismisses the two sums it explains, and the
    // narrative's 26), each with a reason
    const atCell = () => [...drawer().querySelectorAll('li.row')].filter((li) => li.querySelector('[data-jump="B.new.tot"]'));
    expect(errors).toBe(1);
    expect(atCell()).toHaveLength(2); // + TXT-APP-NEW: the text says 26 new applications
    const n = 3;
    for (let i = 0; i < 2; i++) {
      const row = atCell()[0]!;
      (row.querySelector('[data-action="dismiss"]') as HTMLElement).click();
      await tick(); // Preact re-renders the row with the three reasons
      (row.querySelector('[data-reason="ok"]') as HTMLElement).click();
      await tick(5);
      if (i === 0) expect(cell.getAttribute('data-gkc')).toBe('warning'); // the mistake gone, the warning left
    }
    expect(cell.hasAttribute('data-gkc')).toBe(false);
    expect(cell.hasAttribute('tabindex')).toBe(false);
    expect(sent.at(-1)!.counts).toMatchObject({ error: 0, dismissed: n });
    const stored = (await fakeBrowser.storage.local.get(storageKey(URL_)))[storageKey(URL_)] as Record<string, { reason: string }>;
    expect(Object.keys(stored)).toHaveLength(n);
    expect(Object.keys(stored).every((k) => k.endsWith('@B.new.tot'))).toBe(true);
    expect(Object.values(stored).every((d) => d.reason === 'ok')).toBe(true);
    expect(drawer().querySelector('[data-testid="dismissed"]')!.textContent).toContain('数据无误');

    // a fresh visit to the page keeps them dismissed
    c.stop();
    load(PAGE);
    td('B.new.tot').textContent = '27';
    await start();
    checkedClean();
    expect(sent.at(-1)!.counts).toMatchObject({ error: 0, dismissed: n });

    // restore one: its mistake comes back, counted once
    (shadow()!.querySelector('[data-testid="launcher"]') as HTMLElement).click();
    (drawer().querySelector('[data-restore^="APP-BALANCE@"]') as HTMLElement).click();
    await tick();
    expect(marks('error')).toEqual(['B.new.tot:error']);
    expect(sent.at(-1)!.counts).toMatchObject({ error: 1, dismissed: n - 1 });
  });

  it('a table that could not be read gets a 未检查 notice in the panel and an incomplete state', async () => {
    // drop table C (行政复议、行政诉讼) from the page
    const r = check({ kind: 'dom', root: document });
    const cTable = (findDomCell(document as unknown as Element, r.locate('C.rev.keep')!) as unknown as HTMLElement).closest('table')!;
    cTable.remove();
    await start();
    expect(sent.at(-1)!.incomplete).toBe(true);
    (shadow()!.querySelector('[data-testid="launcher"]') as HTMLElement).click();
    const notices = [...shadow()!.querySelectorAll('section[data-table="C"] [data-testid="not-checked"]')].map((n) => n.textContent);
    expect(notices.join('')).toMatch(/未找到|未检查/);
  });
});

describe('re-check on change', () => {
  it('a report table split at a page break (two <table>s, as Word exports it): read as one, a change in the second part re-checked and marked on its own <td>', async () => {
    // split the real page's table B in the middle, as a page break in a Word export does
    const tables = [...document.querySelectorAll('table')];
    const b = tables.find((t) => t.textContent!.includes('本年新收政府信息公开申请数量'))!;
    const rows = [...b.rows];
    const second = document.createElement('table');
    second.setAttribute('border', b.getAttribute('border') ?? '1');
    const body = document.createElement('tbody');
    for (const r of rows.slice(Math.floor(rows.length / 2))) body.appendChild(r);
    second.appendChild(body);
    const gap = document.createElement('p');
    b.after(gap, second);
    const c = await start();
    checkedClean();
    expect(sent.at(-1)!.incomplete).toBe(false);
    // both parts are report tables the re-check watches
    const all = [...document.querySelectorAll('table')];
    expect(checkPageHtml(pageHtml(document)).tables).toEqual(expect.arrayContaining([all.indexOf(b), all.indexOf(second)]));
    // a cell that now lives in the second <table>
    const cell = td('B.deny8.tot');
    expect(cell.closest('table')).toBe(second);
    expect(c.sessions[0]!.state().status).toBe('checked');
    cell.textContent = String(Number(cell.textContent!.trim() || '0') + 5);
    // the re-check is debounced (20 ms here) and then runs the whole check: on a loaded machine that
    // takes longer than a fixed 80 ms, so wait for the mark rather than for a time
    await vi.waitFor(() => expect(marks('error')).toContain('B.deny8.tot:error'), { timeout: 5000 });
    expect(document.querySelector('[data-gkc-cell="B.deny8.tot"]')).toBe(cell);
  });

  it('re-checks, debounced, when a table cell changes; never for attribute changes or our own marks', async () => {
    const c = await start();
    const s = c.sessions[0]!;
    expect(s.checks).toBe(1);
    const cell = td('B.open.np');
    cell.setAttribute('style', 'font-size:20px'); // a 长者版 toolbar enlarging text
    document.body.setAttribute('class', 'elder');
    await tick(60);
    expect(s.checks).toBe(1);
    // three quick edits: one re-check
    cell.textContent = '24';
    cell.textContent = '25';
    cell.firstChild!.nodeValue = '27';
    expect(s.checks).toBe(1); // nothing runs inside the observer callback
    // the debounce, then a whole check: polled, so a busy machine does not fail it
    await vi.waitFor(() => expect(marks('error').length).toBeGreaterThan(0), { timeout: 5000 });
    expect(s.checks).toBe(2);
    // marking the new error did not trigger another check
    await tick(80);
    expect(s.checks).toBe(2);
    // text outside the tables does not count
    document.body.appendChild(document.createElement('p')).textContent = '访问量 123';
    await tick(80);
    expect(s.checks).toBe(2);
  });
});

describe('per-site switch and the content script main()', () => {
  it('a site switched off is left alone; switching it on checks the page', async () => {
    await setSiteEnabled('fgw.shuyang.gov.cn', false);
    const c = await start();
    expect(c.status).toBe('disabled');
    expect(marks()).toEqual([]);
    expect(document.querySelector('[data-gkc-ui]')).toBeNull();
    await setSiteEnabled('fgw.shuyang.gov.cn', true);
    await c.onStorageChanged({ sitesOff: {} });
    expect(c.status).toBe('checked');
    checkedClean();
  });

  it('startContent has the background check the page, reports to it, and honours an on-demand (forced) check', async () => {
    const messages: unknown[] = [];
    // the background's answer, through runtime messaging (fakeBrowser hands back what a listener returns)
    fakeBrowser.runtime.onMessage.addListener((m: unknown) => {
      messages.push(m);
      return isCheckRequest(m) ? json(answerCheck(m.html)) : undefined;
    });
    let invalidate: () => void = () => {};
    const state = await startContent({ onInvalidated: (cb) => (invalidate = cb) });
    expect(state.status).toBe('checked');
    await tick();
    expect(messages).toContainEqual(expect.objectContaining({ type: 'gkc:check' }));
    expect(messages).toContainEqual(expect.objectContaining({ type: 'gkc:page-state' }));
    checkedClean();
    invalidate();
    expect(marks()).toEqual([]);

    // a page that is not a report, checked on request: nothing to mark, no UI
    load('<html><body><p>hello</p></body></html>');
    (globalThis as Record<string, unknown>)[FORCE_FLAG] = true;
    const forced = await startContent({ onInvalidated: (cb) => (invalidate = cb) });
    expect(forced.status).toBe('no-tables');
    expect(document.querySelector('[data-gkc-ui]')).toBeNull();
    expect((globalThis as Record<string, unknown>)[FORCE_FLAG]).toBeUndefined();
    invalidate();
  });
});

describe('English', () => {
  it('the launcher, the card and the panel speak English when the setting says so, and switch back at once', async () => {
    await fakeBrowser.storage.local.set({ [LANG_KEY]: 'en' });
    const cell = td('B.new.tot');
    cell.textContent = '27';
    const c = await start();
    const launcher = () => shadow()!.querySelector('[data-testid="launcher"]')!;
    expect(launcher().textContent).toMatch(/^Check · 1 error · \d+ warnings? · \d+ info$/);
    expect(sent.at(-1)!.headline).toMatch(/errors? found: check the marked cells/);
    cell.focus();
    const card = shadow()!.querySelector('#gkc-card')!;
    expect(card.querySelector('[data-testid="fix"]')!.textContent).toBe('This cell should be 26 (the table says 27)');
    expect(card.querySelector('[data-testid="equations"]')!.textContent).toMatch(/27 ≠ [\s\S]*= 26 \(difference \+1\)/);
    expect(card.querySelector('.sev')!.textContent).toBe('Error');
    expect(card.querySelector('[data-action="dismiss"]')!.textContent).toBe('Dismiss…');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    (launcher() as HTMLElement).click();
    const drawer = shadow()!.querySelector('.drawer')!;
    expect(drawer.querySelector('h2')!.textContent).toBe('Disclosure report check');
    expect(drawer.querySelector('section[data-table="B"] h3')!.textContent).toBe('Table B (applications)');
    expect(drawer.textContent).not.toMatch(/错误|警告|忽略|理由/);
    // the popup switches back to Chinese: the page follows without checking again
    const checks = c.sessions[0]!.checks;
    await fakeBrowser.storage.local.set({ [LANG_KEY]: 'zh' });
    await c.onStorageChanged({ [LANG_KEY]: { newValue: 'zh' } });
    expect(shadow()!.querySelector('.drawer h2')!.textContent).toBe('公开年报核数');
    expect(shadow()!.querySelector('section[data-table="B"] h3')!.textContent).toContain('表二');
    expect(sent.at(-1)!.headline).toMatch(/^发现 \d+ 处错误/);
    expect(c.sessions[0]!.checks).toBe(checks);
  });
});

describe('a report that loads after the page', () => {
  it('is checked when its tables arrive within the window; nothing is watched after that', async () => {
    const full = document.body.innerHTML;
    document.body.innerHTML = '<div id="content">加载中…</div>';
    controller = new ContentController({ send: (s) => sent.push(s), check: localCheck, lateWindowMs: 2000, lateDelayMs: 30 });
    expect((await controller.start()).status).toBe('not-report');
    // a script fills the article in (the report's own body, tables included)
    document.getElementById('content')!.innerHTML = full;
    expect(controller.status).toBe('not-report'); // never inside the observer callback
    await vi.waitFor(() => expect(controller!.status).toBe('checked'), { timeout: 1500 });
    checkedClean();
    expect(sent.at(-1)!.status).toBe('checked');
  });

  it('a page that gets tables that are not a report stays unchecked, and the watch ends with its window', async () => {
    document.title = '统计数据';
    document.body.innerHTML = '<div id="content"></div>';
    controller = new ContentController({ send: (s) => sent.push(s), check: localCheck, lateWindowMs: 150, lateDelayMs: 20 });
    await controller.start();
    document.getElementById('content')!.innerHTML = '<table><tr><td>访问量</td><td>123</td></tr></table>';
    await tick(80);
    expect(controller.status).toBe('not-report');
    await tick(150);
    // after the window: even a real report arriving is left alone (the toolbar button still checks it)
    document.getElementById('content')!.innerHTML = PAGE.slice(PAGE.indexOf('<body'), PAGE.lastIndexOf('</body>')).replace(/^<body[^>]*>/, '').replace(/(<iframe\b[^>]*?)\ssrc=/g, '$1 data-src=');
    await tick(80);
    expect(controller.status).toBe('not-report');
    expect(marks()).toEqual([]);
    expect(sent).toEqual([]);
  });
});

describe('when the check does not come back', () => {
  it('the page says it was not checked (never clean), and the state says failed', async () => {
    controller = new ContentController({
      send: (s) => sent.push(s),
      check: async () => {
        throw new Error('Receiving end does not exist.');
      },
    });
    const s = await controller.start();
    expect(s.status).toBe('failed');
    expect(s.incomplete).toBe(true);
    expect(s.headline).toMatch(/未能核对此页面（Receiving end does not exist\.），表格未检查/);
    expect(marks()).toEqual([]);
    // the launcher is there, so the reader sees it
    (shadow()!.querySelector('[data-testid="launcher"]') as HTMLElement).click();
    expect(shadow()!.querySelector('.drawer .headline')!.textContent).toMatch(/未能核对/);
  });
});
