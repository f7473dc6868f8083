// Hash routes, so the static files need no server rules: the check page, a batch, the history, one
// history entry, the fill-in form, and a shared result (`#/r/…`, its data after the # never reaches a server).
import { useEffect, useState } from 'preact/hooks';

export type Route = { page: 'check' } | { page: 'history' } | { page: 'entry'; id: number } | { page: 'link'; payload: string } | { page: 'batch' } | { page: 'form' };

export function routeOf(hash: string): Route {
  if (hash.startsWith('#/r/')) return { page: 'link', payload: hash.slice(4) };
  if (hash.startsWith('#/batch')) return { page: 'batch' };
  if (hash.startsWith('#/form')) return { page: 'form' };
  const m = /^#\/history\/(\d+)$/.exec(hash);
  if (m) return { page: 'entry', id: Number(m[1]) };
  if (hash.startsWith('#/history')) return { page: 'history' };
  return { page: 'check' };
}

/** The route of the location's hash, followed as it changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => routeOf(location.hash));
  useEffect(() => {
    const on = () => setRoute(routeOf(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}
