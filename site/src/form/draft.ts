// The form's draft in IndexedDB (Dexie, as history.ts keeps checks): one row, written after every
// change, read when the page opens, so a reload or a closed tab loses nothing. A database of its own, so
// the history's schema versions are not touched.
import Dexie, { type EntityTable } from 'dexie';
import type { DraftStore, FormValues } from './state.ts';

type DraftRow = { id: string; values: FormValues; savedAt: number };

export class FormDraftDb extends Dexie {
  drafts!: EntityTable<DraftRow, 'id'>;
  constructor(name = 'gongkai-check-form') {
    super(name);
    this.version(1).stores({ drafts: 'id' });
  }
}

const CURRENT = 'current';

export function draftStore(db: FormDraftDb): DraftStore {
  return {
    load: async () => (await db.drafts.get(CURRENT))?.values,
    save: async (values) => void (await db.drafts.put({ id: CURRENT, values, savedAt: Date.now() })),
  };
}
