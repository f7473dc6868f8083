// @vitest-environment happy-dom
// The site's components on a real report (seed 001, 岭东区 2020): marks on the right <td>, the card on
// focus with the equation and the related cells lit, Esc, the list's counts and jump-to, and the app's
// paste handling (plain text and rich clipboard HTML).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCheck } from '../site/src/engine.ts';
import { ResultView } from '../site/src/components/ResultView.tsx';
import { FindingsList } from '../site/src/components/FindingsList.tsx';
import { FindingBody } from '../site/src/components/FindingCard.tsx';
import { ReportTables } from '../site/src/components/ReportTables.tsx';
import { App } from '../site/src/App.tsx';
import { createCheckSession } from '../site/src/session.ts';
import { mountSite } from '../site/src/mount.tsx';
import { render as preactRender } from 'preact';
import { FIXTURES } from './support/fixtures.ts';

const text = (f: string) => readFileSync(join(FIXTURES, f), 'utf8');
const seed001 = runCheck({ kind: 'text', text: text('lingdong-health-2020.txt') }, 'seed-001').views;

afterEach(cleanup);

function paste(target: Element, data: Record<string, string>) {
  const event = new Event('paste', { bubbles: true, cancelable: true }) as Event & { clipboardData: unknown };
  event.clipboardData = { getData: (type: string) => data[type] ?? '' };
  target.dispatchEvent(event);
}

describe('ReportTables', () => {
  it('marks exactly the wrong cells with data-gkc and names every value cell', () => {
    const { container } = render(<ReportTables tables={seed001.zh.tables} lang="zh" related={new Set()} events={{ onEnter() {}, onLeave() {} }} />);
    const marks = [...container.querySelectorAll('td[data-gkc]')].map((td) => `${td.getAttribute('data-gkc-cell')}:${td.getAttribute('data-gkc')}`);
    expect(marks.sort()).toEqual(['B.new.oth:error', 'B.new.tot:error', 'B.total.np:error', 'B.total.tot:error'].sort());
    // seed 001's blank 行政复议 cells (EMPTY-CELLS) are a notice of table C with its blank cells hatched,
    // not an outline on the first of them (issue 17: it read as "this cell is wrong")
    const emptyCells = seed001.zh.findings.find((f) => f.ruleId === 'EMPTY-CELLS')!;
    expect(emptyCells.cell).toBeUndefined();
    const hatched = [...container.querySelectorAll('table[data-gkc-table="C"] td[data-gkc-blank]')];
    expect(hatched.length).toBe(seed001.zh.tables[2]!.blankCells);
    expect(hatched.map((td) => td.getAttribute('data-gkc-cell'))).toContain('C.rev.keep');
    expect(hatched.every((td) => !td.hasAttribute('data-gkc') && td.textContent!.startsWith('空'))).toBe(true);
    expect(container.querySelector('[data-testid="blank-notice-C"]')!.textContent).toBe(`此表有 ${hatched.length} 个空白格（以斜线标出）：应填 0 的格也应写 0，空白格不计为 0。`);
    expect(container.querySelector('[data-testid="blank-notice-B"]')).toBeNull();
    // marked cells are reachable by keyboard; the rest are not tab stops
    expect(container.querySelector('td[data-gkc-cell="B.total.np"]')!.getAttribute('tabindex')).toBe('0');
    expect(container.querySelector('td[data-gkc-cell="B.open.np"]')!.hasAttribute('tabindex')).toBe(false);
    expect(container.querySelector('td[data-gkc-cell="B.total.tot"]')!.textContent).toContain('17');
    // marks are told apart without colour: a symbol and screen-reader text
    expect(container.querySelector('td[data-gkc="error"] .sr-only')!.textContent).toContain('错误');
  });
  it('table B keeps the report\'s group headers in both languages: 「1.属于国家秘密」 sits under （三）不予公开, not （二）部分公开', () => {
    for (const [lang, heads, first] of [
      ['zh', ['三、本年度办理结果', '（三）不予公开', '（四）无法提供', '（五）不予处理'], '1.属于国家秘密'],
      ['en', ['III. outcomes this year', '(3) withheld', '(4) cannot provide', '(5) not processed'], '1. state secret'],
    ] as const) {
      const { container } = render(<ReportTables tables={seed001[lang].tables} lang={lang} related={new Set()} events={{ onEnter() {}, onLeave() {} }} />);
      const table = container.querySelector('table[data-gkc-table="B"]')!;
      const rows = [...table.querySelectorAll('tbody tr')].map((tr) => ({ label: tr.querySelector('th')!.textContent, heading: tr.classList.contains('group-heading'), inGroup: tr.classList.contains('in-group') }));
      expect(rows.filter((r) => r.heading).map((r) => r.label)).toEqual(heads);
      const at = rows.findIndex((r) => r.label === first);
      expect(rows[at - 1]).toEqual({ label: heads[1], heading: true, inGroup: false });
      expect(rows[at]!.inGroup).toBe(true);
      // a header holds no numbers: no value cell, nothing to mark
      for (const tr of table.querySelectorAll('tr.group-heading')) expect(tr.querySelectorAll('[data-gkc-cell]')).toHaveLength(0);
      cleanup();
    }
  });
});

describe('FindingBody (the card)', () => {
  it('shows the rule, the note, both sides of the equation and the difference', () => {
    const f = seed001.zh.findings.find((x) => x.ruleId === 'APP-BALANCE' && x.cell === 'B.new.tot')!;
    const { container } = render(<FindingBody finding={f} lang="zh" />);
    expect(container.textContent).toContain('APP-BALANCE');
    expect(container.querySelector('.card-message')!.textContent).toContain('勾稽不平');
    expect(container.querySelector('.card-equation')!.textContent).toMatch(/= 1.*≠.*= 17/s);
    expect(container.querySelector('.eq-diff')!.textContent).toBe('-16');
  });
});

describe('FindingsList', () => {
  it('counts in the header, grouped by table, jump buttons for cells', () => {
    const jumped: string[] = [];
    render(<FindingsList view={seed001.zh} onJump={(f) => jumped.push(f.cell!)} />);
    expect(screen.getByTestId('counts').textContent).toBe('错误 4 · 警告 1 · 提示 1');
    const buttons = screen.getAllByRole('button');
    // one per finding with a cell: the four errors (the blank-cells warning is about table C as a whole)
    expect(buttons.length).toBe(4);
    fireEvent.click(buttons[0]!);
    expect(jumped).toHaveLength(1);
  });
});

describe('FindingsList on a clean report (issue 17)', () => {
  it('says 「已核对，未发现错误」 and what was checked, not 「错误 0 · 警告 0 · 提示 0」', () => {
    const clean = runCheck({ kind: 'text', text: text('taishan-health-2022.txt') }, 'seed-003').views;
    expect(clean.zh.verdict).toBe('clean');
    const { container } = render(<FindingsList view={clean.zh} onJump={() => {}} />);
    expect(screen.getByTestId('clean').textContent).toMatch(/^已核对，未发现错误/);
    expect(container.querySelector('[data-testid="counts"]')).toBeNull();
    expect(container.textContent).not.toContain('错误 0');
    const what = screen.getByTestId('clean-what').textContent!;
    const checked = clean.zh.tables.filter((tb) => tb.status === 'checked');
    expect(checked.length).toBeGreaterThan(0);
    for (const tb of checked) expect(what).toMatch(new RegExp(`${tb.title}（\\d+ 个数字）`));
    // table B of seed 003 holds 25 rows × 7 columns of numbers
    expect(what).toMatch(/表二[^（]*（(\d+) 个数字）/);
    expect(Number(/表二[^（]*（(\d+) 个数字）/.exec(what)![1])).toBeGreaterThanOrEqual(100);
    cleanup();
    // a report with errors keeps its counts
    render(<FindingsList view={seed001.zh} onJump={() => {}} />);
    expect(screen.queryByTestId('clean')).toBeNull();
  });
});

describe('FindingsList: the narrative\'s numbers (issue 19)', () => {
  it('沭阳县 2025: 5 of its 6 numbers about the tables compared, the one not compared quoted with why, in both languages', () => {
    const v = runCheck({ kind: 'text', text: text('shuyang-county-gov-2025.txt') }, 'shuyang').views;
    const { container } = render(<FindingsList view={v.zh} onJump={() => {}} />);
    const box = screen.getByTestId('narrative-numbers');
    expect(box.textContent).toContain('正文中与表格有关的数字 6 个：已与表格比对 5 个');
    expect(container.querySelector('.narrative-numbers summary')!.textContent).toBe('未与表格比对的数字（1 个）');
    expect(container.querySelector('.narrative-numbers li')!.textContent).toBe('所指不明确：「全县共办理相关案件74件」');
    cleanup();
    render(<FindingsList view={v.en} onJump={() => {}} />);
    const en = screen.getByTestId('narrative-numbers').textContent!;
    expect(en).toContain('5 compared with the tables');
    // English words around the report's own quoted clause
    expect(en.replace(/"[^"]*"/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('ResultView', () => {
  it('focus opens the card, lights the related cells, Esc closes it; jump-to focuses the cell', async () => {
    const { container } = render(<ResultView view={seed001.zh} />);
    const cell = container.querySelector<HTMLElement>('td[data-gkc-cell="B.new.tot"]')!;
    fireEvent.focus(cell);
    await waitFor(() => expect(document.getElementById('gkc-card')).not.toBeNull());
    expect(document.getElementById('gkc-card')!.textContent).toContain('相差');
    const lit = [...container.querySelectorAll('td[data-gkc-related]')].map((td) => td.getAttribute('data-gkc-cell'));
    expect(lit).toEqual(expect.arrayContaining(['B.carry_in.tot', 'B.total.tot', 'B.carry_out.tot']));
    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(document.getElementById('gkc-card')).toBeNull());
    expect(container.querySelectorAll('td[data-gkc-related]')).toHaveLength(0);

    const jump = container.querySelector<HTMLButtonElement>('button[data-jump="B.total.np"]')!;
    fireEvent.click(jump);
    expect(document.activeElement?.getAttribute('data-gkc-cell')).toBe('B.total.np');
  });

  it('the banner says what was not checked (seed 000)', () => {
    const v = runCheck({ kind: 'text', text: text('putuo-health-2021.txt') }, 'seed-000').views.zh;
    const { container } = render(<ResultView view={v} />);
    const banner = container.querySelector('.banner')!;
    expect(banner.className).not.toContain('banner-ok');
    expect(banner.textContent).toMatch(/表二/);
  });
});

describe('App', () => {
  it('a plain-text paste is checked at once', async () => {
    const { container } = render(<App />);
    paste(container.querySelector('#report-input')!, { 'text/plain': text('yinzhou-health-2021.txt') });
    await waitFor(() => expect(container.querySelector('td[data-gkc="error"]')).not.toBeNull());
    // Seed 004's one mistake: a leaf counted that should be 0, one of four tied rows (issue 17): the tied
    // cells are outlined, not the （七）总计 the equations were written around (it was, until the mistakes
    // moved the marks).
    expect(container.querySelector('td[data-gkc-cell="B.open.np"]')!.getAttribute('data-gkc')).toBe('error');
    expect(container.querySelector('td[data-gkc-cell="B.deny2.np"]')!.getAttribute('data-gkc')).toBe('error');
    expect(container.querySelector('td[data-gkc-cell="B.total.np"]')!.getAttribute('data-gkc')).not.toBe('error');
  });

  it('a rich paste (a table copied from a page) is read through its HTML', async () => {
    const html = readFileSync(join(FIXTURES, 'shuyang-drc-2023.html'), 'utf8');
    const { container } = render(<App />);
    paste(container.querySelector('#report-input')!, { 'text/html': html, 'text/plain': '表格文本' });
    await waitFor(() => expect(container.querySelector('.banner')).not.toBeNull());
    expect(container.querySelector('.pending-note')!.textContent).toContain('带格式');
    expect(container.querySelector('[data-testid="agency"]')!.textContent).toContain('沭阳');
    expect(container.querySelectorAll('td[data-gkc="error"]')).toHaveLength(0);
  });

  it('the file picker and the paste box name every type the site reads: images and scanned PDFs too', () => {
    const { container } = render(<App />);
    const accept = container.querySelector('input[type=file]')!.getAttribute('accept')!.split(',');
    for (const ext of ['.txt', '.md', '.html', '.pdf', '.docx', '.png', '.jpg', '.jpeg', '.webp', '.gif', '.bmp']) expect(accept).toContain(ext);
    const placeholder = container.querySelector('#report-input')!.getAttribute('placeholder')!;
    for (const word of ['.png', '.jpg', '.webp', '.gif', '.bmp', '扫描', '截图']) expect(placeholder).toContain(word);
  });

  it('empty input gets a message, not a result', async () => {
    const { container } = render(<App />);
    fireEvent.submit(container.querySelector('form')!);
    await waitFor(() => expect(container.querySelector('[role="alert"]')).not.toBeNull());
    expect(container.querySelector('.banner')).toBeNull();
  });

  it('the language switch re-renders the same result in English', async () => {
    const { container } = render(<App />);
    paste(container.querySelector('#report-input')!, { 'text/plain': text('lingdong-health-2020.txt') });
    await waitFor(() => expect(container.querySelector('.banner')).not.toBeNull());
    fireEvent.click(container.querySelector('button.lang')!);
    await waitFor(() => expect(container.querySelector('[data-testid="counts"]')!.textContent).toBe('errors 4 · warnings 1 · info 1'));
    expect(container.querySelectorAll('td[data-gkc="error"]')).toHaveLength(4);
  });

  it('a file that fails to open after a result: the error alone, no older result, tables or file name under it', async () => {
    const session = createCheckSession();
    const { container } = render(<App session={session} />);
    await session.openFile(new File([text('lingdong-health-2020.txt')], 'lingdong-health-2020.txt'));
    await waitFor(() => expect(container.querySelector('.banner')).not.toBeNull());
    expect(container.querySelector('.pending-note')!.textContent).toBe('lingdong-health-2020.txt');
    await session.openFile(new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0])], 'old.doc'));
    await waitFor(() => expect(container.querySelector('[role="alert"]')!.textContent).toMatch(/^old\.doc：/));
    expect(container.querySelector('.banner')).toBeNull();
    expect(container.querySelector('td[data-gkc]')).toBeNull();
    expect(container.querySelector('.pending-note')).toBeNull();
  });

  it('mountSite: the page the extension hands no file says why, as a failed open, above the paste box', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    mountSite(root, { problem: '无法读取该文件：网络错误。' });
    await waitFor(() => expect(root.querySelector('[role="alert"]')!.textContent).toBe('无法读取该文件：网络错误。'));
    expect(root.querySelector('#report-input')).not.toBeNull();
    preactRender(null, root);
    root.remove();
  });
});
