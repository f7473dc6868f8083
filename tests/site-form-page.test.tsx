// @vitest-environment happy-dom
// The form page drawn from a form state (issue 22): every number cell an input named 「<row> / <column>」
// in either language, the mark with its value in the cell, Enter moving down, and the template switch.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { FormPage } from '../site/src/components/FormPage.tsx';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './support/fixtures.ts';
import { check } from '../core/index.ts';
import { createFormState, formValuesOf } from '../site/src/form/state.ts';

afterEach(cleanup);

describe('FormPage', () => {
  it('names every cell by its row and column, and shows a mark with its value in the cell', async () => {
    const form = createFormState();
    render(<FormPage lang="zh" form={form} />);
    expect(screen.getAllByRole('textbox')).toHaveLength(form.refs().length);
    // table C's 行政复议 row: a table B row typed alone also breaks its column's balance (一 + 二 against the
    // blank outcome rows, counted as 0 beside a number, domain.md §2.0.3), as the checker says of such a table
    const row = '行政复议';
    const typed = { 结果维持: '3', 结果纠正: '1', 其他结果: '0', 尚未审结: '0', 总计: '3' };
    for (const [col, v] of Object.entries(typed)) fireEvent.input(screen.getByRole('textbox', { name: `${row} / ${col}` }), { target: { value: v } });
    // 3 + 1 ≠ 3: 结果维持 should be 2, 结果纠正 0 or 总计 4, a tie: all three marked, as the checker marks a tie
    await waitFor(() => expect(document.querySelectorAll('td[data-gkc]')).toHaveLength(3));
    const tds = [...document.querySelectorAll('td[data-gkc]')];
    expect(tds.map((td) => [td.querySelector('input')!.getAttribute('data-gkc-cell'), td.textContent])).toEqual([
      ['C.rev.keep', '此格或应为 2（3 种改法之一）'],
      ['C.rev.fix', '此格或应为 0（3 种改法之一）'],
      ['C.rev.total', '此格或应为 4（3 种改法之一）'],
    ]);
    for (const td of tds) expect(td.querySelector('input')!.getAttribute('aria-invalid')).toBe('true');
    // one mistake to fix, though three cells show it
    expect(screen.getByTestId('form-status').textContent).toBe('1 处有误');
    // mended: the numbers typed are clean, and the list says once per table that the other cells are blank
    fireEvent.input(screen.getByRole('textbox', { name: `${row} / 总计` }), { target: { value: '4' } });
    await waitFor(() => expect(document.querySelectorAll('td[data-gkc]')).toHaveLength(0));
    expect(screen.getByTestId('form-status').textContent).toBe('已填的数字没有发现问题。');
    expect(screen.getAllByText(/个空白格/).map((li) => /^(\S+?)有 (\d+) 个空白格/.exec(li.textContent!)!.slice(1))).toEqual([
      ['主动公开情况表', '10'],
      ['申请情况表', '175'],
      ['复议诉讼情况表', '10'],
    ]);
  });

  it('in English the names are the template’s English; Enter moves to the cell below', () => {
    render(<FormPage lang="en" form={createFormState()} />);
    const a = screen.getByRole('textbox', { name: 'I. new applications / natural persons' });
    a.focus();
    fireEvent.keyDown(a, { key: 'Enter' });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('II. carried over from last year / natural persons');
  });

  it('switches to the 2019 template', () => {
    const form = createFormState();
    render(<FormPage lang="zh" form={form} />);
    fireEvent.change(screen.getByRole('combobox', { name: /模板/ }), { target: { value: '2019' } });
    expect(screen.getByRole('textbox', { name: '（六）其他处理 / 总计' })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: '规章 / 本年制发件数' })).toBeNull();
  });

  it('a mixed report (seed 004, 鄞州区卫健局 2021) shows its 2021 table A and its single （六） row, and says so in the template switch', () => {
    const real = check({ kind: 'text', text: readFileSync(join(FIXTURES, 'yinzhou-health-2021.txt'), 'utf8') });
    const form = createFormState();
    const opened = formValuesOf(real.model);
    form.load(opened.values, opened.template);
    render(<FormPage lang="zh" form={form} />);
    const select = screen.getByRole('combobox', { name: /模板/ }) as HTMLSelectElement;
    expect(select.value).toBe('mixed');
    expect(select.selectedOptions[0]!.textContent).toBe('2021 年模板（国办公开办函〔2021〕30号） · 新旧格式混用');
    expect((screen.getByRole('textbox', { name: '规章 / 本年制发件数' }) as HTMLInputElement).value).toBe(real.model.tables.A!.cells['A.reg.made']!.raw);
    expect((screen.getByRole('textbox', { name: '（六）其他处理 / 总计' }) as HTMLInputElement).value).toBe(real.model.tables.B!.cells['B.other.tot']!.raw);
    // picking the 2021 template splits （六） into its three rows: the mixed choice is gone
    fireEvent.change(select, { target: { value: '2021' } });
    expect(screen.queryByRole('option', { name: /新旧格式混用/ })).toBeNull();
    expect(screen.getByRole('textbox', { name: '（六）其他处理 1.申请人无正当理由逾期不补正 / 总计' })).toBeTruthy();
  });
});
