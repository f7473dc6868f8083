// HTML adapter on the saved real page: string parsing and a live DOM give the same Doc, every `dom`
// source leads back to its <td>, gbk pages decode, site chrome stays out, junk never throws.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { check, decodeHtmlBytes, domToDoc, htmlToDoc } from '../core/index.ts';
import { findDomCell, sniffCharset } from '../core/adapters/html/index.ts';
import { FIXTURES } from './support/fixtures.ts';

const PAGE = 'shuyang-drc-2023.html';
const html = readFileSync(join(FIXTURES, PAGE), 'utf8');

function parseWithHappyDom(source: string): Document {
  const window = new Window();
  return new window.DOMParser().parseFromString(source, 'text/html') as unknown as Document;
}

describe('HTML adapter', () => {
  it('reads the same Doc from the string parser and from a DOM', () => {
    const fromString = htmlToDoc(html);
    const fromDom = domToDoc(parseWithHappyDom(html));
    expect(fromDom).toEqual(fromString);
    expect(fromString.blocks.filter((b) => b.kind === 'grid').length).toBeGreaterThanOrEqual(3);
  });

  it('keeps rowspan/colspan as written and cell text without Word markup', () => {
    const grids = htmlToDoc(html).blocks.filter((b) => b.kind === 'grid');
    const b = grids.find((g) => g.rows.some((r) => r.some((c) => c.text.startsWith('一、本年新收'))))!;
    const header = b.rows[0]![0]!;
    expect([header.rowSpan, header.colSpan]).toEqual([3, 3]);
    const outcome = b.rows.flat().find((c) => c.text === '三、本年度办理结果')!;
    expect(outcome.rowSpan).toBe(22);
    // the five 法人或其他组织 cells of row 一 are `<o:p>&nbsp;</o:p>`: empty text, not a space
    const newRow = b.rows.find((r) => r[0]?.text.startsWith('一、本年新收'))!;
    expect(newRow.map((c) => c.text)).toEqual(['一、本年新收政府信息公开申请数量', '26', '', '', '', '', '', '26']);
  });

  it('every recognised cell points back at its own <td> in the page', () => {
    const document = parseWithHappyDom(html);
    const result = check({ kind: 'dom', root: document });
    const cells = ['A', 'B', 'C'].flatMap((t) => Object.values(result.model.tables[t as 'A']?.cells ?? {}));
    expect(cells.length).toBeGreaterThan(150);
    for (const cell of cells) {
      const td = findDomCell(document as unknown as Element, cell.source) as unknown as HTMLElement | undefined;
      expect(td, cell.ref).toBeDefined();
      expect(['TD', 'TH']).toContain(td!.tagName);
      expect((td!.textContent ?? '').replace(/[\s\u00a0]+/g, ''), cell.ref).toBe(cell.raw.replace(/\s+/g, ''));
    }
    // and the order matches the browser's own table indexing
    const tds = document.querySelectorAll('table');
    const src = result.model.tables.B!.cells['B.total.tot']!.source;
    expect(src.kind).toBe('dom');
    if (src.kind === 'dom') expect(tds[src.table]!.rows[src.row]!.cells[src.cell]!.textContent!.trim()).toBe('26');
  });

  it('checks the real page: all three tables read, clean', () => {
    const r = check({ kind: 'html', html });
    expect(r.model.year).toBe(2023);
    expect(r.model.agency).toBe('沭阳县发展和改革局');
    expect([r.coverage.A.status, r.coverage.B.status, r.coverage.C.status]).toEqual(['checked', 'checked', 'checked']);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.model.tables.C!.cells['C.rev.total']!.value).toEqual({ kind: 'number', n: 1 });
  });

  it('decodes a gbk page by its meta charset', () => {
    const bytes = readFileSync(join(FIXTURES, 'shuyang-drc-2023.gbk.html'));
    expect(sniffCharset(bytes)).toBe('gb18030');
    const text = decodeHtmlBytes(bytes);
    expect(text).toContain('沭阳县发展和改革局2023年政府信息公开年度报告');
    const r = check({ kind: 'html', html: text });
    expect(r.coverage.B.status).toBe('checked');
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('decodes utf-8 with a BOM and undeclared gbk', () => {
    const utf8 = new TextEncoder().encode('<p>沭阳县</p>');
    expect(decodeHtmlBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe('<p>沭阳县</p>');
    // 「政府」 in gbk, no meta: not valid utf-8, so gb18030 is tried
    expect(decodeHtmlBytes(new Uint8Array([0xd5, 0xfe, 0xb8, 0xae]))).toBe('政府');
  });

  it('leaves navigation, footers, link lists and scripts out; reads tables nested in layout tables', () => {
    // The real report body wrapped in typical portal chrome and a layout table.
    const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)![1]!;
    const page = `<html><body>
      <nav><a href="/">首页</a><a href="/a">政务公开</a><a href="/b">政府信息公开年报</a></nav>
      <div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/x">年度报告</a></div>
      <script>var 予以公开 = 999;</script>
      <table><tr><td>${body}</td><td><ul><li><a href="/1">2022年政府信息公开年度报告</a></li><li><a href="/2">2021年政府信息公开年度报告</a></li></ul></td></tr></table>
      <footer>主办单位：沭阳县人民政府 版权所有 2024年</footer>
      <div style="display:none">一、本年新收政府信息公开申请数量 999</div>
    </body></html>`;
    const doc = htmlToDoc(page);
    const text = doc.blocks.map((b) => (b.kind === 'para' ? b.text : '')).join('\n');
    expect(text).not.toContain('首页');
    expect(text).not.toContain('999');
    expect(text).not.toContain('版权所有');
    expect(text).not.toContain('2022年政府信息公开年度报告');
    const r = check({ kind: 'html', html: page });
    expect([r.coverage.A.status, r.coverage.B.status, r.coverage.C.status]).toEqual(['checked', 'checked', 'checked']);
    expect(r.model.year).toBe(2023);
    // the layout table is table 0, so the report tables' indices start at 1+
    const src = r.model.tables.B!.cells['B.new.np']!.source;
    expect(src.kind === 'dom' && src.table).toBeGreaterThan(0);
    expect(findDomCell(parseWithHappyDom(page) as unknown as Element, src)!.textContent!.trim()).toBe('26');
  });

  it('never throws on junk markup', () => {
    for (const junk of ['', '<', '<<<>>>', '<table><tr><td rowspan="-5" colspan="abc">1', '<table>'.repeat(200), '\u0000\u0001<p>\ufffd</p>']) {
      const r = check({ kind: 'html', html: junk });
      expect(r.verdict).toBe('unreadable');
    }
  });
});
