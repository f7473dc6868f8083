// 「填报自查」 (issue 22) in the built site in Debian chromium: 沭阳县 2025's real table B typed in cell by
// cell gives no mark; one changed cell gives one mark saying the value it should hold; fixing it clears
// the mark; 「将空白格填为 0」 fills the rest; the draft survives a reload; Enter moves down; a pasted
// block fills cells from the focused one; last year's report in the history prefills 上年结转.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import mammothModule from 'mammoth';
import * as pdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { check, checkPdf, docxToDoc, type Mammoth, type PdfJs } from '../core/index.ts';
import { artifactPath, hasChromium, warnIfNoChromium } from './support/browser.ts';
import { launchChromium, startSite, type Site } from './support/e2e.ts';
import { FIXTURES } from './support/fixtures.ts';

warnIfNoChromium('form end-to-end tests (tests/site-form-e2e.test.ts)');

const SHUYANG = check({ kind: 'text', text: readFileSync(join(FIXTURES, 'shuyang-county-gov-2025.txt'), 'utf8') });
const TABLE_B = Object.values(SHUYANG.model.tables.B!.cells).map((c) => [c.ref, c.raw] as const);

describe.skipIf(!hasChromium)('the fill-in form in chromium', () => {
  let site: Site;
  let base: string;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    site = await startSite();
    base = site.base;
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const marks = () => page.locator('td[data-gkc]').evaluateAll((els) => els.map((td) => `${td.querySelector('input')!.getAttribute('data-gkc-cell')}:${td.querySelector('.form-mark')!.textContent}`));
  const cell = (ref: string) => page.locator(`input[data-gkc-cell="${ref}"]`);

  it('opens from the main page; cells are named 「<row> / <column>」', async () => {
    await page.getByRole('link', { name: /边填边核/ }).click();
    await page.waitForSelector('.form-page');
    expect(page.url()).toMatch(/#\/form$/);
    await expect(page.getByRole('textbox', { name: '一、本年新收政府信息公开申请数量 / 自然人', exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole('textbox', { name: '（三）不予公开 1.属于国家秘密 / 总计', exact: true }).count()).resolves.toBe(1);
  });

  it('a real table B typed in: no mark; one cell changed: one mark with its value; fixed: the mark goes', async () => {
    expect(TABLE_B).toHaveLength(175);
    for (const [ref, raw] of TABLE_B) await cell(ref).fill(raw);
    await page.waitForFunction(() => /没有发现问题/.test(document.querySelector('[data-testid="form-status"]')!.textContent ?? ''));
    expect(await marks()).toEqual([]);

    await cell('B.new.np').fill('706');
    await page.waitForSelector('td[data-gkc]');
    expect(await marks()).toEqual(['B.new.np:此格应为 705']);
    expect(await cell('B.new.np').getAttribute('aria-invalid')).toBe('true');
    // the list below says the same, once, then that tables A and C, not typed yet, are blank (one notice each)
    expect(await page.getByTestId('form-problems').locator('li').allInnerTexts()).toEqual([
      expect.stringMatching(/「一、本年新收政府信息公开申请数量\/自然人」应为 705（表中为 706）/),
      expect.stringMatching(/^主动公开情况表有 10 个空白格/),
      expect.stringMatching(/^复议诉讼情况表有 15 个空白格/),
    ]);
    await page.screenshot({ path: artifactPath('form-one-mark.png'), fullPage: true });

    await cell('B.new.np').fill('705');
    await page.waitForSelector('td[data-gkc]', { state: 'detached' });
    expect(await marks()).toEqual([]);
  });

  it('「将空白格填为 0」 fills tables A and C, still consistent; the draft survives a reload', async () => {
    expect(await cell('C.rev.keep').inputValue()).toBe('');
    await page.getByRole('button', { name: '将空白格填为 0' }).click();
    expect(await cell('C.rev.keep').inputValue()).toBe('0');
    expect(await cell('A.reg.made').inputValue()).toBe('0');
    expect(await cell('B.new.np').inputValue()).toBe('705');
    await page.waitForTimeout(400);
    expect(await marks()).toEqual([]);

    await page.reload();
    await page.waitForFunction(() => (document.querySelector('input[data-gkc-cell="B.total.tot"]') as HTMLInputElement | null)?.value === '718');
    expect(await cell('C.rev.total').inputValue()).toBe('0');
  });

  it('Enter moves down; a pasted block fills from the focused cell and is checked', async () => {
    await cell('C.rev.keep').focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-gkc-cell'))).toBe('C.litd.keep');
    await cell('C.rev.keep').focus();
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.setData('text/plain', '27\t10\t9\t15\t60\n');
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await page.waitForSelector('td[data-gkc]');
    expect(await cell('C.rev.pending').inputValue()).toBe('15');
    // 27 + 10 + 9 + 15 = 61 against 60: the total, or any one of its parts, as the checker marks the tie
    expect(await marks()).toEqual([
      'C.rev.keep:此格或应为 26（5 种改法之一）',
      'C.rev.fix:此格或应为 9（5 种改法之一）',
      'C.rev.other:此格或应为 8（5 种改法之一）',
      'C.rev.pending:此格或应为 14（5 种改法之一）',
      'C.rev.total:此格或应为 61（5 种改法之一）',
    ]);
    expect(await page.getByTestId('form-status').innerText()).toBe('1 处有误');
    // 「按分项计算」 on the focused total
    await cell('C.rev.total').focus();
    await page.getByRole('button', { name: '按分项计算' }).click();
    expect(await cell('C.rev.total').inputValue()).toBe('61');
    await page.waitForSelector('td[data-gkc]', { state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('the .docx download, read by our .docx reader, gives the typed tables and a clean verdict', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Word 文档（.docx）' }).click()]);
    expect(download.suggestedFilename()).toBe('gongkai-tables.docx');
    const bytes = new Uint8Array(readFileSync((await download.path())!));
    const back = check({ kind: 'doc', doc: await docxToDoc(mammothModule as unknown as Mammoth, bytes, { name: 'form.docx' }) });
    expect(back.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(back.model.tables.B!.cells['B.total.tot']!.raw).toBe('718');
    expect(back.model.tables.C!.cells['C.rev.total']!.raw).toBe('61');
  });

  it("prefills 二、上年结转 from last year's report in the history, marked as prefilled", async () => {
    // last year's report checked on the main page goes to the history
    await page.goto(`${base}#/`);
    await page.locator('#report-input').fill(readFileSync(join(FIXTURES, 'shuyang-county-gov-2025.txt'), 'utf8'));
    await page.getByRole('button', { name: '开始核对' }).click();
    await page.waitForSelector('.banner');
    await page.goto(`${base}#/form`);
    await page.getByRole('button', { name: '清空全部' }).click();
    const picker = page.getByRole('combobox', { name: /上年报告/ });
    await picker.waitFor();
    await picker.selectOption({ index: 1 });
    await page.getByRole('button', { name: '从上年报告预填' }).click();
    await page.waitForFunction(() => (document.querySelector('input[data-gkc-cell="B.carry_in.np"]') as HTMLInputElement).value === '31');
    expect(await page.locator('td[data-prefilled]').count()).toBe(9);
    expect(await cell('A.norm.valid').inputValue()).toBe('32');
    // typed over: no longer prefilled, and compared with last year
    await cell('B.carry_in.np').fill('30');
    await page.waitForSelector('td[data-gkc]');
    expect(await page.locator('td[data-prefilled]').count()).toBe(8);
    expect(await page.locator('td[data-gkc] input[data-gkc-cell="B.carry_in.np"]').count()).toBe(1);
    // the prefill's note gave way to the check's word once a cell changed: the row's sum (30 + 0… ≠ 31) and last year's carry-over
    // (and the balances of the columns whose outcome rows are still blank wait for them: typedOnly)
    expect(await page.getByTestId('form-status').innerText()).toBe('2 处有误 另有 2 项核对等相关的格填写后进行。');
    expect(errors).toEqual([]);
  });

  it("prefills from last year's report opened as a file (text, a PDF's text layer); a scan is refused with a reason", async () => {
    await page.getByRole('button', { name: '清空全部' }).click();
    await page.getByTestId('form-previous-file').setInputFiles(join(FIXTURES, 'shuyang-county-gov-2025.txt'));
    await page.waitForFunction(() => (document.querySelector('input[data-gkc-cell="B.carry_in.tot"]') as HTMLInputElement).value === '31');
    expect(await page.locator('td[data-prefilled]').count()).toBe(9);
    // the agency as the report reads (the transcription's 沐阳)
    expect(await page.getByTestId('form-status').innerText()).toBe('已从上年报告（沐阳县人民政府 2025）预填 9 格，标为「上年预填」。');
    // a PDF's text layer, read by the site's own pdf.js (洪泽区 2023)
    await page.getByRole('button', { name: '清空全部' }).click();
    const hongze = await checkPdf(pdfjsModule as unknown as PdfJs, new Uint8Array(readFileSync(join(FIXTURES, 'hongze-district-gov-2023.pdf'))));
    const carried = hongze.result.model.tables.B!.cells['B.carry_out.tot']!.raw;
    await page.getByTestId('form-previous-file').setInputFiles(join(FIXTURES, 'hongze-district-gov-2023.pdf'));
    await page.waitForFunction((v) => (document.querySelector('input[data-gkc-cell="B.carry_in.tot"]') as HTMLInputElement).value === v, carried, { timeout: 30_000 });
    expect(await page.locator('td[data-prefilled] input[data-gkc-cell^="B.carry_in."]').count()).toBe(7);
    await page.getByTestId('form-previous-file').setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) });
    await page.waitForFunction(() => /^这是扫描件/.test(document.querySelector('[data-testid="form-status"]')!.textContent ?? ''));
    expect(errors).toEqual([]);
  });
});
