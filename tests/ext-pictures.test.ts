// @vitest-environment happy-dom
// @vitest-environment-options {"url":"http://www.hongze.gov.cn/art/2024/1/20/art_1.html","settings":{"disableJavaScriptEvaluation":true,"disableJavaScriptFileLoading":true,"disableCSSFileLoading":true}}
// Issue 23, the picture offer's choices without a browser: which pictures of a report page are its
// tables (shown size, not file name; logos, icons, QR codes, banners, page furniture and other hosts
// skipped), the article's text and pictures in page order, the fetch from the page's own origin only,
// and the one Doc the checker page builds from the text and the OCR blocks.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { articleParts, collectArticle, isReportPictureSize, pageNamesReport, reportPictures, type Size } from '../extension/features/pictures.ts';
import { isOpenPicturesRequest } from '../extension/features/messages.ts';
import { mergeArticle } from '../core/pipeline/ocr.ts';
import type { Block } from '../core/types.ts';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

/** Shown sizes come from `data-w` × `data-h` (happy-dom lays nothing out). */
const measure = (img: HTMLImageElement): Size => ({ width: Number(img.dataset.w ?? 0), height: Number(img.dataset.h ?? 0) });

function page(title: string, body: string): void {
  document.title = title;
  document.body.innerHTML = body;
}

const REPORT = '洪泽区人民政府2023年政府信息公开工作年度报告';
const ARTICLE = `
  <header><img src="/images/logo.png" data-w="800" data-h="200" alt="洪泽区人民政府"></header>
  <nav><img src="/images/banner.jpg" data-w="1000" data-h="300"></nav>
  <div class="article">
    <h1>${REPORT}</h1>
    <p>本报告由淮安市洪泽区人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制。</p>
    <p><img src="/icons/print.gif" data-w="24" data-h="24"> 打印</p>
    <p>二、主动公开政府信息情况</p>
    <p style="text-align:center"><img src="/uploadfiles/202401/a.png" data-w="700" data-h="990"></p>
    <p>三、收到和处理政府信息公开申请情况</p>
    <p><img src="/uploadfiles/202401/b.jpg" data-w="700" data-h="990"><br><img src="/uploadfiles/202401/c.jpg" data-w="700" data-h="380"></p>
    <p><img src="http://img.other.gov.cn/d.png" data-w="700" data-h="990"></p>
    <p>五、存在的主要问题及改进情况</p>
    <p><img src="/uploadfiles/qr.png" data-w="258" data-h="258">扫一扫在手机打开当前页</p>
    <div><img src="/images/line.png" data-w="1000" data-h="120"></div>
  </div>
  <footer><img src="/images/jiucuo.png" data-w="400" data-h="160"></footer>`;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('picture sizes', () => {
  it('a page or a table of the report is large as shown; logos, icons, QR codes and strips are not', () => {
    expect(isReportPictureSize({ width: 700, height: 990 })).toBe(true); // a page
    expect(isReportPictureSize({ width: 800, height: 380 })).toBe(true); // the end of a table
    expect(isReportPictureSize({ width: 600, height: 600 })).toBe(true); // a square table, shown large
    expect(isReportPictureSize({ width: 24, height: 24 })).toBe(false); // an icon
    expect(isReportPictureSize({ width: 300, height: 80 })).toBe(false); // a logo
    expect(isReportPictureSize({ width: 258, height: 258 })).toBe(false); // a QR code
    expect(isReportPictureSize({ width: 360, height: 360 })).toBe(false); // a large QR code or an emblem
    expect(isReportPictureSize({ width: 1200, height: 180 })).toBe(false); // a banner
    expect(isReportPictureSize({ width: 150, height: 900 })).toBe(false); // a side strip
    // shown large but too few pixels in the file to read a digit
    expect(isReportPictureSize({ width: 700, height: 990 }, { width: 320, height: 452 })).toBe(false);
    expect(isReportPictureSize({ width: 700, height: 990 }, { width: 1241, height: 1754 })).toBe(true);
  });
});

describe('the pictures of a report page', () => {
  it('the article’s large pictures from this site, in page order; furniture, small ones and other hosts skipped', () => {
    page(REPORT, ARTICLE);
    expect(reportPictures(document, measure).map((i) => i.getAttribute('src'))).toEqual(['/uploadfiles/202401/a.png', '/uploadfiles/202401/b.jpg', '/uploadfiles/202401/c.jpg']);
  });

  it('a heading names the report when the title does not', () => {
    page('洪泽区人民政府', ARTICLE);
    expect(pageNamesReport(document)).toBe(true);
    expect(reportPictures(document, measure)).toHaveLength(3);
  });

  it('a news page with photos gets none', () => {
    page('我区召开政务公开工作推进会', '<header><img src="/images/logo.png" data-w="300" data-h="80"></header><div class="article"><h1>我区召开政务公开工作推进会</h1><p>会议要求……</p><p><img src="/uploadfiles/photo1.jpg" data-w="800" data-h="600"></p><p><img src="/uploadfiles/photo2.jpg" data-w="800" data-h="600"></p></div>');
    expect(reportPictures(document, measure)).toEqual([]);
  });

  it('a report page with only a logo and a QR code gets none', () => {
    page(REPORT, `<header><img src="/images/logo.png" data-w="300" data-h="80"></header><div class="article"><h1>${REPORT}</h1><p>一、总体情况</p><p><img src="/qr.png" data-w="150" data-h="150"></p></div>`);
    expect(reportPictures(document, measure)).toEqual([]);
  });

  it('more large pictures than a report has pages is a gallery', () => {
    page(REPORT, `<div>${Array.from({ length: 21 }, (_, i) => `<img src="/p${i}.jpg" data-w="800" data-h="600">`).join('')}</div>`);
    expect(reportPictures(document, measure)).toEqual([]);
  });
});

describe('the article sent with the pictures', () => {
  it('text paragraphs and pictures in page order; icons and QR codes are not pictures, their text stays', () => {
    page(REPORT, ARTICLE);
    const pictures = reportPictures(document, measure);
    expect(articleParts(document, pictures)).toEqual([
      { kind: 'text', text: REPORT },
      { kind: 'text', text: '本报告由淮安市洪泽区人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制。' },
      { kind: 'text', text: '打印' },
      { kind: 'text', text: '二、主动公开政府信息情况' },
      { kind: 'picture', page: 1 },
      { kind: 'text', text: '三、收到和处理政府信息公开申请情况' },
      { kind: 'picture', page: 2 },
      { kind: 'picture', page: 3 },
      { kind: 'text', text: '五、存在的主要问题及改进情况' },
      { kind: 'text', text: '扫一扫在手机打开当前页' },
    ]);
  });

  it('the report’s title goes first when the article does not carry it', () => {
    page(REPORT, '<div><h2>栏目</h2></div><div class="content"><p>一、总体情况。2023年，全区主动公开政府信息5000余条，依申请公开……'.padEnd(400, '。') + '</p><p><img src="/a.png" data-w="700" data-h="990"></p></div>');
    const parts = articleParts(document, reportPictures(document, measure));
    expect(parts[0]).toEqual({ kind: 'text', text: REPORT });
    expect(parts.at(-1)).toEqual({ kind: 'picture', page: 1 });
  });

  it('the pictures are fetched from the page’s own origin, in order, and travel as one message', async () => {
    page(REPORT, ARTICLE);
    const pictures = reportPictures(document, measure);
    const asked: string[] = [];
    const fetcher = (async (u: string) => {
      asked.push(u);
      return new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': u.endsWith('png') ? 'image/png' : 'image/jpeg' } });
    }) as unknown as typeof fetch;
    const article = await collectArticle(document, pictures, new AbortController().signal, fetcher);
    expect(asked).toEqual(['http://www.hongze.gov.cn/uploadfiles/202401/a.png', 'http://www.hongze.gov.cn/uploadfiles/202401/b.jpg', 'http://www.hongze.gov.cn/uploadfiles/202401/c.jpg']);
    expect(article.name).toBe(REPORT);
    expect(article.pictures.map((p) => [p.name, p.type])).toEqual([
      ['a.png', 'image/png'],
      ['b.jpg', 'image/jpeg'],
      ['c.jpg', 'image/jpeg'],
    ]);
    expect(isOpenPicturesRequest({ type: 'gkc:open-pictures', article })).toBe(true);
    expect(isOpenPicturesRequest({ type: 'gkc:open-pictures', article: { ...article, pictures: [] } })).toBe(false);
  });

  it('a picture that cannot be fetched stops the hand-over with the reason', async () => {
    page(REPORT, ARTICLE);
    const fetcher = (async () => new Response('', { status: 404 })) as unknown as typeof fetch;
    await expect(collectArticle(document, reportPictures(document, measure), new AbortController().signal, fetcher)).rejects.toThrow('HTTP 404');
  });
});

describe('one Doc from the text and the OCR blocks', () => {
  const ocr = (page: number, text: string): Block => ({ kind: 'para', text, source: { kind: 'ocr', page, bbox: [0, 0, 10, 10] } });
  it('each picture’s blocks where the picture stood; blocks of a picture the text never placed go last', () => {
    const doc = mergeArticle(
      [
        { kind: 'text', text: '二、主动公开政府信息情况' },
        { kind: 'picture', page: 1 },
        { kind: 'text', text: '三、收到和处理政府信息公开申请情况' },
        { kind: 'picture', page: 2 },
        { kind: 'text', text: '   ' },
        { kind: 'text', text: '五、存在的主要问题及改进情况' },
      ],
      [ocr(1, 'A1'), ocr(1, 'A2'), ocr(2, 'C1'), ocr(3, 'X')],
      'r',
    );
    expect(doc.origin).toBe('ocr');
    expect(doc.name).toBe('r');
    expect(doc.blocks.map((b) => (b.kind === 'para' ? b.text : 'grid'))).toEqual(['二、主动公开政府信息情况', 'A1', 'A2', '三、收到和处理政府信息公开申请情况', 'C1', '五、存在的主要问题及改进情况', 'X']);
    expect(doc.blocks[3]!.source).toEqual({ kind: 'para', block: 3 });
  });
});
