// The page's OCR bridge (site/src/ocr/bridge.ts) with a stand-in for its worker: an engine that stops
// loading is started once more in a new worker before the job fails (Firefox's checker page, where the
// engine now and then stopped loading with the machine idle; ext-firefox-e2e), and a second stall fails
// with the words the page shows.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (e: { data: unknown }) => void;
/** Each new worker plays the next script: 'stall' says one loading word, then nothing; 'work' answers. */
const scripts: ('stall' | 'work')[] = [];
const made: FakeWorker[] = [];
class FakeWorker {
  private listeners: Listener[] = [];
  terminated = false;
  readonly script = scripts.shift() ?? 'work';
  constructor() {
    made.push(this);
  }
  addEventListener(type: string, l: Listener): void {
    if (type === 'message') this.listeners.push(l);
  }
  removeEventListener(type: string, l: Listener): void {
    this.listeners = this.listeners.filter((x) => x !== l);
  }
  postMessage(m: { id: number }): void {
    const say = (data: unknown) => queueMicrotask(() => this.listeners.forEach((l) => l({ data })));
    say({ id: m.id, type: 'loading' });
    if (this.script === 'work') say({ id: m.id, type: 'done', pages: [] });
  }
  terminate(): void {
    this.terminated = true;
  }
}
vi.mock('../site/src/ocr/ocr.worker.ts?worker', () => ({ default: FakeWorker }));

describe('OCR bridge', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    scripts.length = 0;
    made.length = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('an engine that stops loading is started once more in a new worker, and the job goes on', async () => {
    const { OcrBridge } = await import('../site/src/ocr/bridge.ts');
    scripts.push('stall', 'work');
    const bridge = new OcrBridge(new URL('http://localhost/ocr/'));
    const job = bridge.run([]);
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(job).resolves.toEqual([]);
    expect(made.map((w) => w.terminated)).toEqual([true, false]);
    bridge.terminate();
  });

  it('a second stall fails the job with the words the page shows', async () => {
    const { OcrBridge } = await import('../site/src/ocr/bridge.ts');
    scripts.push('stall', 'stall');
    const bridge = new OcrBridge(new URL('http://localhost/ocr/'));
    const job = bridge.run([]);
    const failed = expect(job).rejects.toThrow('文字识别引擎未能启动（超时）');
    await vi.advanceTimersByTimeAsync(120_000);
    await failed;
    expect(made).toHaveLength(2);
  });
});
