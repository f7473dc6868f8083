// A report that arrives after document_idle: some CMS pages load the article (tables included) with a
// script after the page itself. When the gate fails at idle, watch the page for a short while for added
// tables only; the gate runs again later (debounced), never inside the observer callback. After the
// window, or once the page passed, nothing is watched any more.

export type LateOptions = {
  /** how long to keep watching after document_idle */
  windowMs?: number;
  /** wait for the additions to settle before the gate runs again */
  delayMs?: number;
  view?: Window & typeof globalThis;
};

const addsTable = (n: Node): boolean =>
  n.nodeType === 1 && ((n as Element).tagName === 'TABLE' || (n as Element).getElementsByTagName('table').length > 0);

/** Calls `again` (debounced) when tables are added within the window; returns stop(). */
export function watchForLateReport(doc: Document, again: () => void, opts: LateOptions = {}): () => void {
  const view = opts.view ?? ((doc.defaultView ?? globalThis) as Window & typeof globalThis);
  const target = doc.body ?? doc.documentElement;
  if (!target || typeof view.MutationObserver !== 'function') return () => {};
  let timer: number | undefined;
  const observer = new view.MutationObserver((records) => {
    if (timer !== undefined) return;
    for (const r of records) {
      for (let i = 0; i < r.addedNodes.length; i++) {
        if (!addsTable(r.addedNodes[i]!)) continue;
        timer = view.setTimeout(() => {
          timer = undefined;
          again();
        }, opts.delayMs ?? 300);
        return;
      }
    }
  });
  observer.observe(target, { childList: true, subtree: true });
  const stop = () => {
    observer.disconnect();
    if (timer !== undefined) view.clearTimeout(timer);
    timer = undefined;
    view.clearTimeout(end);
  };
  const end = view.setTimeout(stop, opts.windowMs ?? 15_000);
  return stop;
}
