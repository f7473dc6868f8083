// @vitest-environment happy-dom
// The 「可能识别有误」 panel of a scan (issue 20) on a real page read by the real OCR (淮安市 2024 p4 as scanned
// at 100 dpi, made at test time: read clean, since the stacked readers, no number of it is in doubt): cells named by their table, row and column (never an internal id
// like B.partial.np), the cell's image enlarged to be read, no number listed that OCR read at 99% or
// more, and help text that points where the image is. The grid overlay only with ?debug=grid.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { mergePages, type OcrPage } from '../core/ocr/index.ts';
import { checkSession, type OcrSession } from '../site/src/ocr/session.ts';
import { cropScale, gridDebug, OcrPages } from '../site/src/components/OcrPages.tsx';
import { FIXTURES } from './support/fixtures.ts';

const events = { onEnter() {}, onLeave() {} };
let session: OcrSession;

beforeAll(() => {
  // tesseract.js in its own Node process (tests/support/ocr-page-json.ts): under happy-dom it would not start
  const name = 'huaian-city-gov-2024-p4.png';
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'support', 'ocr-page-json.ts'), join(FIXTURES, 'ocr', name), String(100 / 150)], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const page = JSON.parse(out) as OcrPage;
  session = { name, doc: mergePages([], page.blocks, name), pages: [page.info], images: [], corrections: {} };
}, 120_000);
afterEach(cleanup);

const panel = (s: OcrSession, lang: 'zh' | 'en' = 'zh') => {
  const { views } = checkSession(s);
  return { views, ...render(<OcrPages view={views[lang]} images={{ 1: 'blob:page-1' }} lang={lang} related={new Set()} events={events} />) };
};

describe('the 「可能识别有误」 panel', () => {
  it('names the cell by its labels, shows its image enlarged, and says the page image is below', () => {
    const { container, views } = panel(session);
    const items = [...container.querySelectorAll('[data-testid="doubtful"] li')];
    expect(items.length).toBeGreaterThan(0);
    const first = items[0]!;
    expect(first.getAttribute('data-doubtful')).toMatch(/^B\.[a-z_0-9]+\.[a-z]+$/);
    const text = container.querySelector('[data-testid="doubtful"]')!.textContent!;
    // 「表二 收到和处理政府信息公开申请情况 · （二）部分公开/自然人」: the table, then the row and column as labelled
    expect(first.querySelector('.doubtful-cell')!.textContent).toMatch(/^表二 收到和处理政府信息公开申请情况 · .+\/.+$/);
    expect(text).not.toMatch(/\b[ABC]\.[a-z_]+\.[a-z]+\b/);
    expect(text).not.toContain('左侧');
    expect(text).toContain('下方');
    // the crop: at least as large as the cell on the page, its digits ~60 px tall
    const d = views.zh.ocr!.doubtful[0]!;
    const [x0, y0, x1, y1] = d.bbox;
    const style = (first.querySelector('.cell-crop') as HTMLElement).style;
    expect(parseFloat(style.height)).toBeGreaterThanOrEqual(Math.min(60, (y1 - y0) * 4) - 0.5);
    expect(parseFloat(style.width)).toBeGreaterThanOrEqual(x1 - x0);
    // English names the cell in English
    cleanup();
    const en = panel(session, 'en').container.querySelector('[data-testid="doubtful"] li')!;
    expect(en.querySelector('.doubtful-cell')!.textContent).toMatch(/^Table B[^\u3400-\u9fff]* · [^\u3400-\u9fff]+\/[^\u3400-\u9fff]+$/);
  });

  it('a number read at 99% or more is not listed, nor are findings flagged as resting on it; ink left unread always is', () => {
    const [info] = session.pages;
    const sure: OcrSession = { ...session, pages: [{ ...info!, doubtful: info!.doubtful.map((c) => ({ ...c, confidence: 99 })) }] };
    const { container, views } = panel(sure);
    expect(container.querySelector('[data-testid="doubtful"]')).toBeNull();
    expect(views.zh.findings.some((f) => f.doubtful)).toBe(false);
    expect(views.zh.ocr!.note).not.toContain('可能识别有误');
    cleanup();
    const unread: OcrSession = { ...session, pages: [{ ...info!, doubtful: info!.doubtful.map((c) => ({ ...c, confidence: 99, kind: 'unread' as const })) }] };
    expect(panel(unread).container.querySelectorAll('[data-testid="doubtful"] li').length).toBe(info!.doubtful.length);
  });

  it('the detected grid is drawn only with ?debug=grid, and no control for it is shown to users', () => {
    const { container } = panel(session);
    expect(container.querySelector('input[type=checkbox]')).toBeNull();
    expect(container.textContent).not.toContain('调试');
    expect(container.querySelectorAll('.ocr-grid-cell')).toHaveLength(0);
    expect(gridDebug('?debug=grid')).toBe(true);
    expect(gridDebug('?debug=other&x=grid')).toBe(false);
    expect(gridDebug('')).toBe(false);
  });

  it('cropScale: small cells enlarged to ~60 px tall, never shrunk, never wider than 300 px unless the cell is', () => {
    expect(cropScale(80, 20) * 20).toBeCloseTo(60);
    expect(cropScale(60, 40)).toBe(1.5);
    expect(cropScale(400, 30)).toBe(1);
    expect(cropScale(200, 10) * 200).toBeLessThanOrEqual(300);
  });
});
