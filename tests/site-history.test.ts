// The site's history (Dexie over IndexedDB; fake-indexeddb in Node): save, list newest first, reopen,
// delete one, delete all; large inputs are kept as results rather than as text. Issue 20: the same
// report checked again is one entry, not one per click; the cross-year picker offers the same agency's
// year before first and the rest through a search; after a reload the check page offers the last result.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HistoryDb, MAX_STORED_INPUT, clearChecks, deleteCheck, entryOf, getCheck, listChecks, saveCheck, type HistoryEntry } from '../site/src/history.ts';
import { runCheck } from '../site/src/engine.ts';
import { createCheckSession } from '../site/src/session.ts';
import { previousOptions } from '../site/src/components/PreviousPicker.tsx';
import { FIXTURES } from './support/fixtures.ts';

const text = (f: string) => readFileSync(join(FIXTURES, f), 'utf8');

describe('history', () => {
  it('saves checks with agency, year, verdict and counts; lists newest first; deletes', async () => {
    const db = new HistoryDb(`test-${Math.random()}`);
    const a = { kind: 'text', text: text('lingdong-health-2020.txt') } as const;
    const b = { kind: 'text', text: text('taishan-health-2022.txt') } as const;
    const idA = await saveCheck(db, entryOf(runCheck(a, 'a.txt').views, a, 1000));
    const idB = await saveCheck(db, entryOf(runCheck(b, 'b.txt').views, b, 2000));
    const list = await listChecks(db);
    expect(list.map((e) => e.id)).toEqual([idB, idA]);
    expect(list[1]).toMatchObject({ name: 'a.txt', year: 2020, verdict: 'errors', counts: { error: 4 } });
    expect(list[1]!.agency).toContain('岭东区');
    // reopening runs the stored input again
    const again = await getCheck(db, idA);
    expect(runCheck(again!.input!, again!.name).views.zh.counts.error).toBe(4);
    await deleteCheck(db, idA);
    expect((await listChecks(db)).map((e) => e.id)).toEqual([idB]);
    await clearChecks(db);
    expect(await listChecks(db)).toEqual([]);
    db.close();
  });

  it('a huge input is stored as its result, not as text', () => {
    const big = { kind: 'text', text: text('lingdong-health-2020.txt') + ' '.repeat(MAX_STORED_INPUT) } as const;
    const e = entryOf(runCheck(big, 'big').views, big);
    expect(e.input).toBeUndefined();
    expect(e.views?.zh.counts.error).toBe(4);
  });
});

describe('history without repeats (issue 20)', () => {
  it('the same content checked again updates its one entry (newest first, latest name); other content is a new entry', async () => {
    const db = new HistoryDb(`test-${Math.random()}`);
    const a = { kind: 'text', text: text('lingdong-health-2020.txt') } as const;
    const b = { kind: 'text', text: text('taishan-health-2022.txt') } as const;
    const idA = await saveCheck(db, entryOf(runCheck(a, 'a.txt').views, a, 1000));
    const idB = await saveCheck(db, entryOf(runCheck(b, 'b.txt').views, b, 2000));
    expect(await saveCheck(db, entryOf(runCheck(a, 'a-again.txt').views, a, 3000))).toBe(idA);
    expect(await saveCheck(db, entryOf(runCheck(a, 'a-again.txt').views, a, 4000))).toBe(idA);
    const list = await listChecks(db);
    expect(list.map((e) => [e.id, e.name, e.createdAt])).toEqual([
      [idA, 'a-again.txt', 4000],
      [idB, 'b.txt', 2000],
    ]);
    // the same text as HTML is other content
    await saveCheck(db, entryOf(runCheck({ kind: 'html', html: `<pre>${a.text}</pre>` }, 'a.html').views, { kind: 'html', html: `<pre>${a.text}</pre>` }, 5000));
    expect(await listChecks(db)).toHaveLength(3);
    db.close();
  });

  it('a session that pastes the same report five times keeps one entry', async () => {
    const db = new HistoryDb(`test-${Math.random()}`);
    const s = createCheckSession({ db });
    for (let i = 0; i < 5; i++) await s.run({ kind: 'text', text: text('lingdong-health-2020.txt') }, '粘贴的内容');
    await s.run({ kind: 'text', text: text('taishan-health-2022.txt') }, '粘贴的内容');
    for (let i = 0; i < 100 && (await listChecks(db)).length < 2; i++) await new Promise((r) => setTimeout(r, 10)); // saves are not awaited
    await new Promise((r) => setTimeout(r, 50));
    expect((await listChecks(db)).map((e) => e.year)).toEqual([2022, 2020]);
    db.close();
  });

  it('after a reload the check page offers the last result, and reopens it', async () => {
    const name = `test-${Math.random()}`;
    const first = createCheckSession({ db: new HistoryDb(name) });
    await first.run({ kind: 'text', text: text('taishan-health-2022.txt') }, 'taishan.txt');
    await first.run({ kind: 'text', text: text('lingdong-health-2020.txt') }, 'lingdong.txt');
    const db = new HistoryDb(name);
    for (let i = 0; i < 100 && (await listChecks(db)).length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    // a new page on the same browser storage: nothing on screen, the newest check offered
    const reloaded = createCheckSession({ db });
    expect(reloaded.views.value).toBeUndefined();
    await reloaded.offerLast();
    expect(reloaded.lastCheck.value).toMatchObject({ name: 'lingdong.txt', year: 2020 });
    await reloaded.openEntry(reloaded.lastCheck.value!.id!);
    expect(reloaded.views.value!.zh.counts.error).toBe(4);
    expect(reloaded.lastCheck.value).toBeUndefined();
    // with a result on screen nothing is offered; with an empty history neither
    await reloaded.offerLast();
    expect(reloaded.lastCheck.value).toBeUndefined();
    const empty = createCheckSession({ db: new HistoryDb(`test-${Math.random()}`) });
    await empty.offerLast();
    expect(empty.lastCheck.value).toBeUndefined();
  });

  it('the cross-year picker: the same agency\'s year before first, then its other years; other agencies only through a search', () => {
    let id = 0;
    const e = (agency: string | undefined, year: number | undefined, name: string): HistoryEntry => ({ id: ++id, createdAt: id, name, ...(agency ? { agency } : {}), ...(year !== undefined ? { year } : {}), verdict: 'clean', counts: { error: 0, warning: 0, info: 0 } });
    const candidates = [
      e('泰山区卫生健康局', 2019, 'ts-2019.txt'),
      e('岭东区卫生健康局', 2021, 'ld-2021.txt'),
      e('泰山区卫生健康局', 2021, 'ts-2021.txt'),
      e('泰山区卫生健康局', 2022, 'ts-2022.txt'), // the report on screen itself
      e('泰山区卫生健康局', 2020, 'ts-2020.txt'),
      e('泰山区卫生健康局', 2021, 'ts-2021.txt'), // an older duplicate
      e(undefined, 2021, 'unknown.txt'),
    ];
    const view = { agency: '泰山区卫生健康局', year: 2022 };
    const { near, others, found } = previousOptions(view, candidates);
    expect(near.map((c) => c.name)).toEqual(['ts-2021.txt', 'ts-2020.txt', 'ts-2019.txt']);
    expect(others.map((c) => c.name)).toEqual(['ld-2021.txt', 'unknown.txt']);
    expect(found).toEqual([]);
    expect(previousOptions(view, candidates, '岭东').found.map((c) => c.name)).toEqual(['ld-2021.txt']);
    expect(previousOptions(view, candidates, ' 2021 ').found.map((c) => c.name)).toEqual(['ld-2021.txt', 'unknown.txt']);
    expect(previousOptions(view, candidates, '无此单位').found).toEqual([]);
  });
});
