// The site's view model (site/src/view.ts) on real reports: which cells are marked, how tables and the
// banner read, and that nothing unread looks clean.
import { describe, expect, it } from 'vitest';
import { runCheck } from '../site/src/engine.ts';
import { fixtureInput } from './support/fixtures.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './support/fixtures.ts';

const text = (f: string) => readFileSync(join(FIXTURES, f), 'utf8');
const views = (f: string) => runCheck({ kind: 'text', text: text(f) }, f).views;
const marked = (v: ReturnType<typeof views>['zh']) =>
  v.tables.flatMap((t) => t.sections.flatMap((s) => s.rows.flatMap((r) => r.cells))).filter((c) => c?.severity).map((c) => `${c!.ref}:${c!.severity}`);

describe('site view', () => {
  it('岭东区 2020: the four real errors are marked on their cells, with equations in the cards', () => {
    const v = views('lingdong-health-2020.txt').zh;
    expect(marked(v)).toEqual(expect.arrayContaining(['B.new.oth:error', 'B.new.tot:error', 'B.total.np:error', 'B.total.tot:error']));
    expect(v.counts.error).toBe(4);
    const balance = v.findings.find((f) => f.ruleId === 'APP-BALANCE' && f.cell === 'B.new.tot')!;
    expect(balance.card.equation).toMatchObject({ leftSum: 1, rightSum: 17, diff: -16 });
    expect(balance.card.related).toEqual(expect.arrayContaining(['B.carry_in.tot', 'B.total.tot', 'B.carry_out.tot']));
    expect(v.banner.level).toBe('bad');
    // the table keeps the report's own labels and every template column
    const b = v.tables.find((t) => t.id === 'B')!;
    expect(b.sections[0]!.columns).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    expect(b.sections[0]!.rows.find((r) => r.key === 'total')!.cells.map((c) => c?.text)).toEqual(['1', '0', '0', '0', '0', '16', '17']);
  });

  it('普陀区 2021 (seed 000): table B is blank, so the banner is not green and table B is not "checked"', () => {
    const v = views('putuo-health-2021.txt').zh;
    expect(v.banner.level).not.toBe('ok');
    const b = v.tables.find((t) => t.id === 'B')!;
    expect(b.status).not.toBe('checked');
    expect(v.banner.lines.join('\n')).toMatch(/表二/);
  });

  it('English view: same marks, English words', () => {
    const { zh, en } = views('yinzhou-health-2021.txt');
    expect(marked(en)).toEqual(marked(zh));
    expect(en.banner.headline).toMatch(/error/i);
    expect(en.findings.find((f) => f.ruleId === 'APP-COL-OUTCOME-TOTAL')!.card.message).toMatch(/total/i);
  });

  it('narrative findings quote the sentence they are about', () => {
    const v = views('baoshan-health-2021.txt').zh;
    const f = v.findings.find((x) => x.ruleId === 'TXT-PARTS-WHOLE')!;
    expect(f.cell).toBeUndefined();
    expect(f.quote).toContain('504条');
    expect(f.card.caveat).toBeTruthy();
  });

  it('a pasted HTML page goes through the HTML adapter', () => {
    const input = fixtureInput('shuyang-drc-2023.html');
    expect(input.kind).toBe('html');
    const v = runCheck(input as { kind: 'html'; html: string }, 'page').views.zh;
    expect(v.tables.map((t) => t.status)).toEqual(['checked', 'checked', 'checked']);
    expect(v.counts.error).toBe(0);
  });

  it('garbage gets a clear not-checked banner, never a clean one', () => {
    const v = runCheck({ kind: 'text', text: 'asdf qwer 1234 这不是报告' }, 'x').views.zh;
    expect(v.banner.level).not.toBe('ok');
    expect(v.tables.every((t) => t.sections.length === 0)).toBe(true);
  });

  it('exports: CSV starts with a BOM and has one line per finding; JSON has the CLI shape', () => {
    const v = views('lingdong-health-2020.txt').zh;
    expect(v.csv.charCodeAt(0)).toBe(0xfeff);
    expect(v.csv.trim().split('\r\n')).toHaveLength(1 + v.findings.length);
    const json = JSON.parse(v.json);
    expect(json.findings).toHaveLength(v.findings.length);
    expect(json.coverage.B.status).toBe('checked');
  });
});
