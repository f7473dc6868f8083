// A tiny observable value with the shape of @preact/signals' `signal` (`.value` to read and write,
// `.peek()`, `.subscribe()`), so the site's state can live outside its components and be driven by a
// test without rendering. @preact/signals is not a dependency; if it becomes one, `signal` and
// `useValue` are the two names to swap.
import { useEffect, useState } from 'preact/hooks';

export type ReadonlySignal<T> = {
  readonly value: T;
  peek(): T;
  /** Called after every change (not at once); returns the unsubscribe. */
  subscribe(fn: (value: T) => void): () => void;
};
export type Signal<T> = ReadonlySignal<T> & { value: T };

export function signal<T>(initial: T): Signal<T> {
  let current = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get value() {
      return current;
    },
    set value(next: T) {
      if (Object.is(next, current)) return;
      current = next;
      for (const fn of [...listeners]) fn(next);
    },
    peek: () => current,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

/** A component re-renders when the signal changes, and reads its value now. */
export function useValue<T>(s: ReadonlySignal<T>): T {
  const [, rerender] = useState(0);
  const value = s.value;
  useEffect(() => {
    // a change between the first render and this effect would otherwise be missed
    if (!Object.is(s.peek(), value)) rerender((n) => n + 1);
    return s.subscribe(() => rerender((n) => n + 1));
  }, [s]);
  return value;
}
