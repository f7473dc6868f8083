// Re-check when the report changes (lazy-loaded tables, 长者版/无障碍 toolbars rewriting the text),
// debounced. The observer callback only decides whether a record touches table content and (re)starts
// a timer; the check itself runs later, never inside the callback. Attributes are not observed, so our
// own marks (data-gkc*, tabindex) never trigger a re-check, and our UI nodes are ignored.

export type WatchOptions = { delayMs?: number; view?: Window & typeof globalThis };

const isOurs = (n: Node): boolean => n.nodeType === 1 && (n as Element).hasAttribute('data-gkc-ui');

function inTable(n: Node | null): boolean {
  const el = n && (n.nodeType === 1 ? (n as Element) : n.parentElement);
  return !!el?.closest('table');
}

function holdsTable(n: Node): boolean {
  if (n.nodeType !== 1) return false;
  const el = n as Element;
  return el.tagName === 'TABLE' || !!el.querySelector('table');
}

export function touchesTables(r: MutationRecord): boolean {
  if (r.type === 'characterData') return inTable(r.target);
  if (r.type !== 'childList') return false;
  const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
  if (nodes.length && nodes.every(isOurs)) return false;
  return inTable(r.target) || nodes.some(holdsTable);
}

export function watchReport(container: Element, recheck: () => void, opts: WatchOptions = {}): () => void {
  const view = opts.view ?? (container.ownerDocument.defaultView as Window & typeof globalThis);
  const delay = opts.delayMs ?? 500;
  let timer: number | undefined;
  const observer = new view.MutationObserver((records: MutationRecord[]) => {
    if (!records.some(touchesTables)) return;
    if (timer !== undefined) view.clearTimeout(timer);
    timer = view.setTimeout(() => {
      timer = undefined;
      recheck();
    }, delay);
  });
  observer.observe(container, { childList: true, subtree: true, characterData: true });
  return () => {
    observer.disconnect();
    if (timer !== undefined) view.clearTimeout(timer);
  };
}
