import { mountSite } from './mount.tsx';
import { HistoryDb } from './history.ts';
import './styles.css';

function openDb(): HistoryDb | undefined {
  try {
    return typeof indexedDB === 'undefined' ? undefined : new HistoryDb();
  } catch {
    return undefined;
  }
}

mountSite(document.getElementById('app')!, { db: openDb() });
