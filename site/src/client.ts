// The page's side of the check worker: one long-lived worker, one request at a time per caller, and a
// synchronous fallback where module workers are unavailable (component tests).
import type { SiteViews } from './view.ts';
import type { PreviousInput, SiteInput } from './engine.ts';
import type { WorkerReply, WorkerRequest } from './check.worker.ts';
// `?worker`: Vite bundles the worker itself (the `new URL(…, import.meta.url)` form does not survive WXT's build)
import CheckWorker from './check.worker.ts?worker';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (v: SiteViews) => void; reject: (e: Error) => void }>();

function getWorker(): Worker | undefined {
  if (worker) return worker;
  if (typeof Worker === 'undefined' || typeof window === 'undefined' || !('document' in globalThis) || import.meta.env?.MODE === 'test') return undefined;
  try {
    worker = new CheckWorker();
  } catch {
    return undefined;
  }
  worker.onmessage = (e: MessageEvent<WorkerReply>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if (e.data.ok) p.resolve(e.data.views);
    else p.reject(new Error(e.data.error));
  };
  worker.onerror = (e) => {
    for (const p of pending.values()) p.reject(new Error(e.message || 'worker failed'));
    pending.clear();
    worker = undefined;
  };
  return worker;
}

export function checkInBackground(input: SiteInput, name: string, previous?: PreviousInput): Promise<SiteViews> {
  const w = getWorker();
  // Loaded only here, so the page's own bundle does not carry a second copy of the core.
  if (!w) return import('./engine.ts').then(({ runCheck }) => runCheck(input, name, previous).views);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, input, name, ...(previous ? { previous } : {}) } satisfies WorkerRequest);
  });
}
