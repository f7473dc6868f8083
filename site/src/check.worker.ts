// Runs the check off the page's thread: a 10 MB paste takes about a second to read, and the tab must
// not freeze meanwhile. Only JSON (SiteViews) goes back.
import { runCheck, type PreviousInput, type SiteInput } from './engine.ts';

export type WorkerRequest = { id: number; input: SiteInput; name: string; previous?: PreviousInput };
export type WorkerReply = { id: number; ok: true; views: ReturnType<typeof runCheck>['views']; ms: number } | { id: number; ok: false; error: string };

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const { id, input, name, previous } = e.data;
  const t0 = performance.now();
  try {
    const { views } = runCheck(input, name, previous);
    (self as unknown as Worker).postMessage({ id, ok: true, views, ms: performance.now() - t0 } satisfies WorkerReply);
  } catch (err) {
    (self as unknown as Worker).postMessage({ id, ok: false, error: (err as Error).message } satisfies WorkerReply);
  }
};
