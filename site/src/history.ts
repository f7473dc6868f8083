// Local history of checks in IndexedDB (Dexie). Each entry keeps what is needed to list it and the
// input itself, so reopening runs the current rules again. Nothing is sent anywhere.
import Dexie, { type EntityTable } from 'dexie';
import type { Severity } from '../../core/index.ts';
import type { SiteInput } from './engine.ts';
import type { SiteViews } from './view.ts';

export type HistoryEntry = {
  id?: number;
  createdAt: number;
  name: string;
  agency?: string;
  year?: number;
  verdict: string;
  counts: Record<Severity, number>;
  /** text or HTML as checked; PDF results keep their rendered views instead (the bytes are not stored) */
  input?: SiteInput;
  views?: SiteViews;
  /** SHA-256 of what was checked (the input, else the stored result): a re-check of it is not stored again */
  hash?: string;
};

export class HistoryDb extends Dexie {
  checks!: EntityTable<HistoryEntry, 'id'>;
  constructor(name = 'gongkai-check') {
    super(name);
    this.version(1).stores({ checks: '++id, createdAt, agency, year' });
    // v2: entries keyed by content, so the same report checked again updates its entry (issue 20: eight
    // identical entries after a short session)
    this.version(2).stores({ checks: '++id, createdAt, agency, year, hash' });
  }
}

/** Inputs larger than this are kept without their text (IndexedDB quota on phones is small). */
export const MAX_STORED_INPUT = 2 * 1024 * 1024;

export function entryOf(views: SiteViews, input: SiteInput | undefined, now = Date.now()): HistoryEntry {
  const v = views.zh;
  const size = input ? (input.kind === 'text' ? input.text.length : input.html.length) : 0;
  return {
    createdAt: now,
    name: v.name,
    ...(v.agency ? { agency: v.agency } : {}),
    ...(v.year !== undefined ? { year: v.year } : {}),
    verdict: v.verdict,
    counts: v.counts,
    ...(input && size <= MAX_STORED_INPUT ? { input } : { views }),
  };
}

/** The content hash of an entry: its input's kind and text, or its stored result when it has no input. */
export async function contentHash(entry: HistoryEntry): Promise<string> {
  const what = entry.input ? `${entry.input.kind}\u0000${entry.input.kind === 'text' ? entry.input.text : entry.input.html}` : JSON.stringify(entry.views ?? null);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(what));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Stores a check, or, when the same content was checked before, moves that entry to now with this
 * check's name and result (the rules may have changed since): one entry per report, not one per click.
 */
export async function saveCheck(db: HistoryDb, entry: HistoryEntry): Promise<number> {
  const hash = await contentHash(entry);
  return db.transaction('rw', db.checks, async () => {
    const same = await db.checks.where('hash').equals(hash).first();
    if (same) {
      await db.checks.put({ ...entry, hash, id: same.id! });
      return same.id!;
    }
    return (await db.checks.add({ ...entry, hash })) as number;
  });
}

/** The newest check, without reading the others. */
export function latestCheck(db: HistoryDb): Promise<HistoryEntry | undefined> {
  return db.checks.orderBy('createdAt').last();
}

export function listChecks(db: HistoryDb): Promise<HistoryEntry[]> {
  return db.checks.orderBy('createdAt').reverse().toArray();
}

export function getCheck(db: HistoryDb, id: number): Promise<HistoryEntry | undefined> {
  return db.checks.get(id);
}

export function deleteCheck(db: HistoryDb, id: number): Promise<void> {
  return db.checks.delete(id);
}

export function clearChecks(db: HistoryDb): Promise<void> {
  return db.checks.clear();
}
