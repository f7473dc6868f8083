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
};

export class HistoryDb extends Dexie {
  checks!: EntityTable<HistoryEntry, 'id'>;
  constructor(name = 'gongkai-check') {
    super(name);
    this.version(1).stores({ checks: '++id, createdAt, agency, year' });
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

export async function saveCheck(db: HistoryDb, entry: HistoryEntry): Promise<number> {
  return (await db.checks.add(entry)) as number;
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
