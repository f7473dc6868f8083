// The site's history (Dexie over IndexedDB; fake-indexeddb in Node): save, list newest first, reopen,
// delete one, delete all; large inputs are kept as results rather than as text.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HistoryDb, MAX_STORED_INPUT, clearChecks, deleteCheck, entryOf, getCheck, listChecks, saveCheck } from '../site/src/history.ts';
import { runCheck } from '../site/src/engine.ts';
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
