// Hostile and odd inputs (issue 15): never a crash, never a silent pass. Each case is built at test time
// from a real fixture (nothing large is committed): the page nested 10 000 <div>s deep, a .docx whose
// document.xml inflates to 100 MB, a truncated PDF, UTF-16 text; and a batch holding all of them.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { check, checkPdf, decodeTextBytes, docxToDoc, docxToHtml, DocxReadError, domToDoc, htmlToDoc, looksBinary, PdfReadError, readPdfText, refusalText, textEncodingOf, type Mammoth, type PdfJs } from '../core/index.ts';
import { checkPdfWithOcr } from '../core/pipeline/ocr.ts';
import { closeNodePdfJs, nodePdfJs } from '../core/adapters/pdf/node.ts';
import { imageSize } from '../core/adapters/image/size.ts';
import { main, type FileReport } from '../core/cli.ts';
import { FIXTURES } from './support/fixtures.ts';
import { docxBomb, emptyPagesPdf, nestedPage, truncated, unzip, zip } from './support/hostile.ts';

const page = readFileSync(join(FIXTURES, 'shuyang-drc-2023.html'), 'utf8');
async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const findingsOf = (html: string) => check({ kind: 'html', html }).findings.map((f) => [f.ruleId, f.cells.join(' ')]);

describe('deeply nested HTML', () => {
  it('a real page inside 10 000 nested <div>s gives the same Doc and findings as the page itself', () => {
    const deep = nestedPage(page, 10_000);
    const plain = htmlToDoc(page);
    expect(htmlToDoc(deep).blocks).toEqual(plain.blocks);
    expect(check({ kind: 'html', html: deep }).verdict).toBe(check({ kind: 'html', html: page }).verdict);
    expect(findingsOf(deep)).toEqual(findingsOf(page));
  });

  it('the same through a live DOM (domToDoc, as the site and the extension read pages)', () => {
    const window = new Window();
    const dom = new window.DOMParser().parseFromString(nestedPage(page, 3_000), 'text/html') as unknown as Document;
    expect(domToDoc(dom).blocks).toEqual(htmlToDoc(page).blocks);
  });

  it('nesting inside a table cell and a layout table is read too', () => {
    const inCell = page.replace(/<td([^>]*)>/, (m) => m + '<span>'.repeat(10_000)).replace('</td>', '</span>'.repeat(10_000) + '</td>');
    expect(() => htmlToDoc(inCell)).not.toThrow();
    const inLayout = `<table><tr><td>${nestedPage(page, 5_000)}</td></tr></table>`;
    expect(findingsOf(inLayout)).toEqual(findingsOf(page));
  });
});

describe('text encodings', () => {
  const taishan = readFileSync(join(FIXTURES, 'taishan-health-2022.txt'), 'utf8');
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(taishan, 'utf16le')]);
  const utf16be = Buffer.from(utf16le).swap16(); // BOM FE FF, then big-endian code units
  const utf8bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(taishan, 'utf8')]);

  it('decodes UTF-8 (BOM stripped), UTF-16 LE/BE with a BOM, and GB18030 for the rest', () => {
    for (const bytes of [utf16le, utf16be, utf8bom, Buffer.from(taishan)]) expect(decodeTextBytes(new Uint8Array(bytes))).toBe(taishan);
    const gbk = new Uint8Array([0xb9, 0xab, 0xbf, 0xaa]); // 「公开」 in GBK, not valid UTF-8
    expect(textEncodingOf(gbk)).toBe('gb18030');
    expect(decodeTextBytes(gbk)).toBe('公开');
    expect(looksBinary(new Uint8Array(utf16le))).toBe(false);
    expect(looksBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]))).toBe(true);
  });

  it('the CLI reads a Notepad "Unicode" .txt (UTF-16 with a BOM) like the UTF-8 one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gkc-enc-'));
    const files = [['le.txt', utf16le], ['be.txt', utf16be], ['bom.txt', utf8bom]] as const;
    for (const [f, b] of files) writeFileSync(join(dir, f), b);
    const r = await run('--json', ...files.map(([f]) => join(dir, f)));
    expect(r.err).toContain('无法读取 0 份');
    const reports = JSON.parse(r.out) as FileReport[];
    expect(reports.map((x) => x.coverage.B.status)).toEqual(['checked', 'checked', 'checked']);
    expect(r.code).toBe(0);
  });

  it("the site's file open path decodes the same way", async () => {
    const { readFile } = await import('../site/src/files.ts');
    const read = await readFile(new File([utf16le], 'taishan.txt'), 'zh');
    expect(read.kind === 'input' && read.input.kind === 'text' && read.input.text).toBe(taishan);
  });
});

describe('.docx zip bombs', () => {
  const docx = new Uint8Array(readFileSync(join(FIXTURES, 'docx', 'shuyang-drc-2023.docx')));
  const mammoth = async () => (await import('mammoth')).default as unknown as Mammoth;

  it('the zip writer is sound: the real .docx rewritten part by part is still read the same', async () => {
    const again = zip(unzip(docx));
    expect(check({ kind: 'doc', doc: await docxToDoc(await mammoth(), again) }).findings).toEqual(check({ kind: 'doc', doc: await docxToDoc(await mammoth(), docx) }).findings);
  });

  it('a .docx whose document.xml inflates to 100 MB is refused from its directory, before mammoth', async () => {
    const bomb = docxBomb(docx);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const err = await docxToHtml(await mammoth(), bomb).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocxReadError);
    expect((err as DocxReadError).reason).toBe('zip-bomb');
    expect(refusalText(err as DocxReadError, 'zh')).toContain('解压炸弹');
    expect(refusalText(err as DocxReadError, 'en')).toContain('zip bomb');
  });

  it('many honest parts adding up past 50 MB are refused as too large', async () => {
    const parts = unzip(docx);
    // pseudo-random bytes barely compress: no ratio to catch, only the total
    for (let i = 0; i < 6; i++) parts.push({ name: `word/media/image${i}.bin`, data: new Uint8Array(randomBytes(9 * 1024 * 1024, i + 1)) });
    const err = await docxToHtml(await mammoth(), zip(parts)).catch((e: unknown) => e);
    expect((err as DocxReadError).reason).toBe('too-large');
  });

  it('a directory that lies about the inflated size is caught while inflating, at the declared size', async () => {
    const err = await docxToHtml(await mammoth(), docxBomb(docx, 100 * 1024 * 1024, { lie: true })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocxReadError);
    expect((err as DocxReadError).reason).toBe('zip-lies');
    expect(refusalText(err as DocxReadError, 'en')).toContain('word/document.xml');
  });
});

/** Deterministic pseudo-random bytes (xorshift). */
function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed * 2654435761;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('a batch survives any one file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gkc-batch-'));
  const files = {
    nested: join(dir, 'shuyang-nested.html'),
    good: join(FIXTURES, 'lingdong-health-2020.txt'),
    bomb: join(dir, 'bomb.docx'),
    truncated: join(dir, 'truncated.pdf'),
  };
  writeFileSync(files.nested, nestedPage(page, 10_000));
  writeFileSync(files.bomb, docxBomb(new Uint8Array(readFileSync(join(FIXTURES, 'docx', 'shuyang-drc-2023.docx')))));
  writeFileSync(files.truncated, truncated(new Uint8Array(readFileSync(join(FIXTURES, 'huaian-city-gov-2024.pdf')))));
  const list = [files.nested, files.good, files.bomb, files.truncated];

  it('--json: one valid document with a result for every file, the unreadable ones with their reason; exit 2', async () => {
    const r = await run('--json', ...list);
    const reports = JSON.parse(r.out) as FileReport[];
    expect(reports.map((x) => x.file)).toEqual(list);
    const [nested, good, bomb, pdf] = reports;
    expect(nested!.coverage.B.status).toBe('checked');
    expect(nested!.unreadable).toBeUndefined();
    expect(good!.findings.some((f) => f.ruleId === 'APP-COL-OUTCOME-TOTAL')).toBe(true);
    for (const bad of [bomb!, pdf!]) {
      expect(bad.coverage.B).toEqual({ status: 'unreadable', reasons: [bad.unreadable] });
      expect(bad.findings).toEqual([]);
    }
    expect(bomb!.unreadable).toContain('解压炸弹');
    expect(bomb!.unreadable).toContain('zip bomb');
    expect(pdf!.unreadable).toMatch(/PDF.*\/ .*PDF/);
    expect(r.code).toBe(2);
    expect(r.err).toContain('共 4 份：发现错误 1 份，未完整核对 0 份，无法读取 2 份');
  });

  it('--csv: one table with a row for each unreadable file; the human output reports the readable ones', async () => {
    const csv = await run('--csv', '--lang', 'en', ...list);
    const lines = csv.out.split('\r\n');
    expect(lines[0]!.startsWith('\ufeff')).toBe(true);
    expect(lines.filter((l) => l.startsWith(files.bomb) || l.startsWith(`"${files.bomb}`))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('the file cannot be read'))).toHaveLength(2);
    const human = await run(...list);
    expect(human.out).toContain(`== ${files.nested} ==`);
    expect(human.out).toContain(`== ${files.good} ==`);
    expect(human.err).toContain(files.truncated);
    expect(human.code).toBe(2);
  });
});

describe('PDF: refused cheaply, and bounded', () => {
  const huaian = new Uint8Array(readFileSync(join(FIXTURES, 'huaian-city-gov-2024.pdf')));
  const legacy = async () => (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
  /** a pdf.js that must not be reached */
  const untouchable: PdfJs = {
    getDocument: () => {
      throw new Error('pdf.js was started for a file the byte check should have refused');
    },
  };
  const reasonOf = (p: Promise<unknown>) => p.then(() => 'read', (e: PdfReadError) => e.reason);

  it('a truncated PDF and a file that is no PDF are refused before pdf.js starts', async () => {
    expect(await reasonOf(readPdfText(untouchable, truncated(huaian)))).toBe('truncated');
    expect(await reasonOf(readPdfText(untouchable, truncated(huaian, huaian.length - 20_000)))).toBe('truncated');
    expect(await reasonOf(readPdfText(untouchable, new TextEncoder().encode('<html>not a pdf</html>')))).toBe('not-pdf');
    expect(refusalText({ name: 'PdfReadError', reason: 'truncated' }, 'zh')).toContain('不完整');
  });

  it('trailing garbage after %%EOF, and junk before %PDF-, are still read (real PDFs carry both)', async () => {
    const garbage = new TextEncoder().encode('\n<html><body>padding a server appended</body></html>\n'.repeat(150)); // ~8 KB
    const withTail = new Uint8Array([...huaian, ...garbage]);
    const withHead = new Uint8Array([...new TextEncoder().encode('\r\n\r\n'), ...huaian]);
    for (const bytes of [withTail, withHead]) expect((await checkPdf(await legacy(), bytes)).result.coverage.B.status).toBe('checked');
  });

  it('past 200 pages, or a page past the spec’s 200 in, the PDF is refused with the numbers', async () => {
    const many = await readPdfText(await legacy(), emptyPagesPdf(201)).catch((e: PdfReadError) => e);
    expect((many as PdfReadError).reason).toBe('too-many-pages');
    expect(refusalText(many as PdfReadError, 'en')).toContain('201 > 200');
    expect(await reasonOf(readPdfText(await legacy(), emptyPagesPdf(1, 20_000, 20_000)))).toBe('page-too-large');
    expect((await readPdfText(await legacy(), emptyPagesPdf(200))).numPages).toBe(200);
  });

  it('an image-only page that would render past 100 MP is refused before it is rendered', async () => {
    const render = () => Promise.reject(new Error('rendered a page past the pixel bound'));
    const recogniser = {} as never;
    const err = await checkPdfWithOcr(await legacy(), emptyPagesPdf(1, 14_000, 14_000), { render, recogniser }).catch((e: PdfReadError) => e);
    expect((err as PdfReadError).reason).toBe('page-too-large');
    expect(refusalText(err as PdfReadError, 'zh')).toContain('MP');
  });

  it('the CLI reads a PDF through pdf.js in a worker thread (outside tsx) with the same findings', async () => {
    const viaWorker = await checkPdf(nodePdfJs(), huaian);
    const direct = await checkPdf(await legacy(), huaian);
    expect(viaWorker.result.findings).toEqual(direct.result.findings);
    expect(viaWorker.result.coverage).toEqual(direct.result.coverage);
    const enc = await readPdfText(nodePdfJs(), new Uint8Array(readFileSync(join(FIXTURES, 'bad', 'huaian-city-gov-2024-encrypted.pdf')))).catch((e: PdfReadError) => e);
    expect((enc as PdfReadError).reason).toBe('encrypted');
    await closeNodePdfJs();
  });
});

describe('images: sized from the header before they are decoded', () => {
  const png = new Uint8Array(readFileSync(join(FIXTURES, 'ocr', 'huaian-city-gov-2024-p3.png')));

  it('reads the size of PNG, JPEG and WebP (the real scan re-encoded) as the decoder does', async () => {
    const { loadImage, createCanvas } = await import('@napi-rs/canvas');
    const img = await loadImage(Buffer.from(png));
    expect(imageSize(png)).toEqual({ width: img.width, height: img.height });
    const c = createCanvas(img.width, img.height);
    c.getContext('2d').drawImage(img, 0, 0);
    for (const type of ['image/jpeg', 'image/webp'] as const) expect(imageSize(new Uint8Array(c.toBuffer(type as 'image/jpeg')))).toEqual({ width: img.width, height: img.height });
  });

  it('a scan whose header claims 20 000 × 20 000 pixels is refused before decoding or OCR', async () => {
    const huge = png.slice();
    new DataView(huge.buffer).setUint32(16, 20_000);
    new DataView(huge.buffer).setUint32(20, 20_000);
    const file = join(mkdtempSync(join(tmpdir(), 'gkc-img-')), 'huge.png');
    writeFileSync(file, huge);
    const r = await run('--json', file);
    expect(r.code).toBe(2);
    const [rep] = JSON.parse(r.out) as FileReport[];
    expect(rep!.unreadable).toContain('400 MP > 100 MP');
    expect(rep!.unreadable).toContain('图片像素过多');
    expect(r.err).not.toContain('正在本机文字识别');
  });
});

describe("the site's file open path", () => {
  it('refuses a hostile .docx, a truncated PDF and a huge image with the words of the page language', async () => {
    const { readFile } = await import('../site/src/files.ts');
    const bomb = docxBomb(new Uint8Array(readFileSync(join(FIXTURES, 'docx', 'shuyang-drc-2023.docx'))));
    const d = await readFile(new File([bomb as BlobPart], 'bomb.docx'), 'en');
    expect(d.kind === 'error' && d.message).toContain('zip bomb');
    const pdf = truncated(new Uint8Array(readFileSync(join(FIXTURES, 'huaian-city-gov-2024.pdf'))));
    const p = await readFile(new File([pdf as BlobPart], 'cut.pdf'), 'zh');
    expect(p.kind === 'error' && p.message).toContain('不完整');
    const png = new Uint8Array(readFileSync(join(FIXTURES, 'ocr', 'huaian-city-gov-2024-p3.png')));
    new DataView(png.buffer).setUint32(16, 20_000);
    new DataView(png.buffer).setUint32(20, 20_000);
    const i = await readFile(new File([png as BlobPart], 'huge.png'), 'zh');
    expect(i.kind === 'error' && i.message).toContain('图片像素过多');
  });
});

describe('size', () => {
  it('a file past 50 MB is refused by its size before it is read (a sparse file: nothing is written)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gkc-big-'));
    const list = ['big.txt', 'big.pdf', 'big.docx'].map((f) => join(dir, f));
    for (const f of list) {
      writeFileSync(f, '');
      truncateSync(f, 60 * 1024 * 1024);
    }
    const r = await run('--json', ...list);
    const reports = JSON.parse(r.out) as FileReport[];
    expect(reports.map((x) => x.unreadable)).toEqual(list.map(() => expect.stringContaining('文件过大（60.0 MB），最大 50 MB')));
    expect(r.code).toBe(2);
  });
});
