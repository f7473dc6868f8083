// Issue 23's test pages: the real 洪泽区 2023 report as a CMS article whose text is HTML (pages 1 and 5
// of the report, from pdftotext, as paragraphs) and whose table pages are pictures (pages 2–4: 2 and 3
// rendered from the real PDF at test time with pdf.js + @napi-rs/canvas, 4 the real 150 dpi page image),
// a news page with photos, and a report page with only a logo and a QR code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './fixtures.ts';

export const TITLE = '洪泽区人民政府2023年政府信息公开工作年度报告';

/** Pages of the real PDF as PNG at 150 dpi (the resolution of the real page-4 image), pdf.js + @napi-rs/canvas. */
export async function renderPages(pages: number[]): Promise<Buffer[]> {
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as {
    getDocument(src: { data: Uint8Array; isEvalSupported: boolean }): { promise: Promise<{ getPage(n: number): Promise<{ getViewport(o: { scale: number }): { width: number; height: number }; render(o: object): { promise: Promise<void> } }>; destroy(): Promise<void> }> };
  };
  const { createCanvas } = await import('@napi-rs/canvas');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(join(FIXTURES, 'hongze-district-gov-2023.pdf'))), isEvalSupported: false }).promise;
  const out: Buffer[] = [];
  for (const n of pages) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 150 / 72 });
    const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: ctx, viewport, canvas }).promise;
    out.push(await canvas.encode('png'));
  }
  await doc.destroy();
  return out;
}

/** The text of pages of the real report (pdftotext), as the paragraphs a CMS article would hold. */
function paragraphs(pages: number[], skipLines = 0): string[] {
  const text = readFileSync(join(FIXTURES, 'flat/hongze-district-gov-2023.pdftotext-raw.txt'), 'utf8').split('\f');
  const out: string[] = [];
  let lastWasHeading = false;
  for (const n of pages) {
    for (const raw of text[n - 1]!.split('\n').filter((l) => l.trim() && !/^- \d+ -$/.test(l.trim())).slice(n === pages[0] ? skipLines : 0)) {
      const line = raw.trim();
      if (!line || /^- \d+ -$/.test(line)) continue;
      // a heading starts a paragraph, a section heading (「一、总体情况」) is one; other lines continue the
      // one before (pdftotext breaks at line ends)
      const heading = /^[一二三四五六七八九十]+、\S{2,16}$/.test(line);
      if (!out.length || heading || lastWasHeading || /^(（[一二三四五六七八九十]+）|本报告)/.test(line)) out.push(line);
      else out[out.length - 1] += line;
      lastWasHeading = heading;
    }
  }
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function reportPage(): string {
  // the report's first two lines are its title: 洪泽区人民政府 / 2023 年政府信息公开工作年度报告
  const first = paragraphs([1], 2);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}_洪泽区人民政府</title></head><body>
<header><img src="/images/logo.png" width="240" height="60" alt="洪泽区人民政府"></header>
<div class="article">
<h1>洪泽区人民政府<br>2023 年政府信息公开工作年度报告</h1>
${first.map((p) => `<p>${esc(p)}</p>`).join('\n')}
<p style="text-align:center"><img src="/uploadfiles/202401/nb-2.png" width="700"></p>
<p style="text-align:center"><img src="/uploadfiles/202401/nb-3.png" width="700"></p>
<p style="text-align:center"><img src="/uploadfiles/202401/nb-4.png" width="700"></p>
${paragraphs([5]).map((p) => `<p>${esc(p)}</p>`).join('\n')}
<p><img src="/images/qr.png" width="120" height="120">扫一扫在手机打开当前页</p>
</div>
<footer><img src="/images/jiucuo.png" width="110" height="55"></footer>
</body></html>`;
}

export const NEWS = `<!doctype html><html><head><meta charset="utf-8"><title>我区召开2024年政务公开工作推进会</title></head><body>
<header><img src="/images/logo.png" width="240" height="60"></header>
<div class="article"><h1>我区召开2024年政务公开工作推进会</h1><p>3月5日，区政府召开政务公开工作推进会，部署政府信息公开工作年度报告编制工作。</p>
<p><img src="/uploadfiles/202403/photo-1.png" width="700"></p><p><img src="/uploadfiles/202403/photo-2.png" width="700"></p></div></body></html>`;

export const LOGO_ONLY = `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}</title></head><body>
<header><img src="/images/logo.png" width="240" height="60"></header>
<div class="article"><h1>${TITLE}</h1>${paragraphs([1, 5], 2).map((p) => `<p>${esc(p)}</p>`).join('')}<p><img src="/images/qr.png" width="120" height="120"></p></div></body></html>`;

/** The picture files the pages above show, by path (the logo, QR code and photos are real pictures too). */
export async function pictureFiles(): Promise<Record<string, Buffer>> {
  const [p2, p3] = await renderPages([2, 3]);
  const p4 = readFileSync(join(FIXTURES, 'ocr/hongze-district-gov-2023-p4.png'));
  return {
    '/uploadfiles/202401/nb-2.png': p2!,
    '/uploadfiles/202401/nb-3.png': p3!,
    '/uploadfiles/202401/nb-4.png': p4,
    // only their shown size tells these apart from the report's pictures
    '/images/logo.png': p4,
    '/images/qr.png': p4,
    '/images/jiucuo.png': p4,
    '/uploadfiles/202403/photo-1.png': p2!,
    '/uploadfiles/202403/photo-2.png': p3!,
  };
}
