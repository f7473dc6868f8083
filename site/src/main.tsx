import { render } from 'preact';
import { App } from './App.tsx';
import { HistoryDb } from './history.ts';
import './styles.css';

function openDb(): HistoryDb | undefined {
  try {
    return typeof indexedDB === 'undefined' ? undefined : new HistoryDb();
  } catch {
    return undefined;
  }
}

render(<App db={openDb()} />, document.getElementById('app')!);
