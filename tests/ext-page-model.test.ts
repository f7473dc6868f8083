// @vitest-environment happy-dom
// The view model of one checked document (extension/features/page-model.ts) from the background's real
// answer on the saved page (沭阳县发改局 2023): counts as a reader fixes them, the list, the table notices,
// the pill; no page DOM needed.
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPageHtml } from '../extension/features/wire-check.ts';
import { MarksSync } from '../extension/features/marks-sync.ts';
import { pageCounts, pageModel } from '../extension/features/page-model.ts';
import type { Dismissals } from '../extension/features/dismiss.ts';
import type { Lang } from '../core/types.ts';
import { FIXTURES, shuyangWithOneChange } from './support/fixtures.ts';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const CONSISTENT = readFileSync(join(FIXTURES, 'shuyang-drc-2023.html'), 'utf8');
const CHANGED = shuyangWithOneChange(); // 本年新收 总计 26 → 27

function input(html: string, dismissals: Dismissals = {}, lang: Lang = 'zh') {
  const result = JSON.parse(JSON.stringify(checkPageHtml(html))) as ReturnType<typeof checkPageHtml>;
  // an empty document: nothing is marked, the findings and mistakes are worked out all the same
  const marks = new MarksSync(document.implementation.createHTMLDocument(''), new AbortController().signal);
  marks.setResult(result);
  marks.sync(dismissals, lang);
  return { result, failure: undefined, lang, marks };
}

describe('page model', () => {
  it('one changed cell: one mistake counted once for its two equations; the list shows the mistake, not the equations again; EMPTY-CELLS is a table notice, not a count', () => {
    const i = input(CHANGED);
    expect(i.result.findings.filter((f) => f.severity === 'error')).toHaveLength(2);
    expect(pageCounts(i)).toEqual({ error: 1, warning: 1, info: 1, dismissed: 0 });
    const m = pageModel(i);
    expect(m.mistakes.map((x) => x.fix.map((f) => `${f.ref}=${f.value} (${f.now})`))).toEqual([['B.new.tot=26 (27)']]);
    expect(m.findings.map((f) => f.key.split('@')[0]).sort()).toEqual(['STRUCT-LABEL-VARIANT', 'TXT-APP-NEW']);
    expect(m.tableNotes.B).toHaveLength(1);
    expect(m.tableNotes.B![0]).toContain('125 个空白格');
    expect(m.pill).toBe('错误 1 · 警告 1 · 提示 1');
    expect(m.headline).toBe('发现 1 处错误，请核对标记的单元格');
  });

  it('a mistake whose findings are all dismissed is neither counted nor listed; its findings are listed as dismissed', () => {
    const keys = input(CHANGED).result.findings.filter((f) => f.severity === 'error').map((f) => f.key);
    const at = 1_704_067_200_000;
    const i = input(CHANGED, Object.fromEntries(keys.map((k) => [k, { reason: 'ok' as const, at }])));
    expect(pageCounts(i)).toEqual({ error: 0, warning: 1, info: 1, dismissed: 2 });
    const m = pageModel(i);
    expect(m.mistakes).toEqual([]);
    expect(m.findings.filter((f) => f.dismissal).map((f) => f.key).sort()).toEqual([...keys].sort());
    // one of the two back: the mistake is back, counted once
    const one = input(CHANGED, { [keys[0]!]: { reason: 'ok', at } });
    expect(pageCounts(one)).toMatchObject({ error: 1, dismissed: 1 });
  });

  it('the consistent page checked in full: the pill says so, in either language', () => {
    const zh = pageModel(input(CONSISTENT));
    const en = pageModel(input(CONSISTENT, {}, 'en'));
    expect(zh.pill).toBe('已核对，未发现错误 · 提示 1');
    expect(en.pill).toBe('Checked, no errors found · 1 info');
    // The narrative checked in full still says what of it was compared with the tables, as a note.
    expect(zh.notices.text).toBeUndefined();
    expect(zh.tableNotes.text).toEqual(['正文中与表格有关的数字 1 个：已与表格比对 1 个']);
    expect(en.tableNotes.text).toEqual(['1 number in the narrative concerns the tables: 1 compared with the tables']);
  });

  it('a check that did not come back never reads as clean', () => {
    const i = { result: undefined, failure: 'no answer', lang: 'zh' as const, marks: { findings: [], mistakes: [], explainedBy: new Map() } };
    const m = pageModel(i);
    expect(m.level).toBe('warn');
    expect(m.pill).toBe('错误 0 · 警告 0 · 提示 0');
    expect(m.headline).toContain('未能核对此页面');
  });
});
