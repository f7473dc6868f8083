// Cross-year checks (XYEAR-*) against a report from the local history: picked automatically when the
// history holds the same agency's report for the year before. The list offers that agency's reports,
// the year before first; any other report of the history is found by a search (issue 20: the list
// offered every agency and year, and the one that matters was lost among them).
import { useState } from 'preact/hooks';
import { agencyKey, type Lang } from '../../../core/index.ts';
import type { HistoryEntry } from '../history.ts';
import type { SiteView } from '../view.ts';
import { t, tf } from '../i18n.ts';

type Props = { lang: Lang; view: SiteView; candidates: HistoryEntry[]; selected: number | undefined; onPick(id: number | undefined): void };

/** Reports searched at most: the history can hold hundreds. */
const MAX_FOUND = 20;

/**
 * What the picker offers: `near`, the same agency's other years (the year before first, then the
 * newest); `others`, the rest, which a search of agency, year or file name finds (`found`).
 */
export function previousOptions(view: Pick<SiteView, 'agency' | 'year'>, candidates: HistoryEntry[], query = ''): { near: HistoryEntry[]; others: HistoryEntry[]; found: HistoryEntry[] } {
  // one entry per agency/year/name (older histories kept every check of the same file)
  const seen = new Set<string>();
  const options = candidates.filter((c) => {
    const k = `${c.agency}|${c.year}|${c.name}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return !(c.agency === view.agency && c.year === view.year);
  });
  const key = view.agency ? agencyKey(view.agency) : undefined;
  const same = (c: HistoryEntry) => key !== undefined && !!c.agency && agencyKey(c.agency) === key;
  const yearBefore = view.year !== undefined ? view.year - 1 : undefined;
  const near = options.filter(same).sort((a, b) => Number(b.year === yearBefore) - Number(a.year === yearBefore) || (b.year ?? 0) - (a.year ?? 0));
  const others = options.filter((c) => !same(c));
  const q = query.trim().toLowerCase();
  const found = q ? others.filter((c) => `${c.agency ?? ''} ${c.year ?? ''} ${c.name}`.toLowerCase().includes(q)).slice(0, MAX_FOUND) : [];
  return { near, others, found };
}

export function PreviousPicker({ lang, view, candidates, selected, onPick }: Props) {
  const [query, setQuery] = useState('');
  const { near, others, found } = previousOptions(view, candidates, query);
  if (!near.length && !others.length && !view.previous) return null;
  // a report picked through the search stays shown in the list
  const picked = others.find((c) => c.id === selected);
  const label = (c: HistoryEntry) => `${c.agency ?? t('previousUnknownAgency', lang)} ${c.year ?? '—'}（${c.name}）`;
  return (
    <div class="previous-picker">
      <label for="previous-pick">{t('previousLabel', lang)}</label>
      <select id="previous-pick" value={selected === undefined ? '' : String(selected)} onChange={(e) => onPick((e.target as HTMLSelectElement).value ? Number((e.target as HTMLSelectElement).value) : undefined)}>
        <option value="">{t('previousNone', lang)}</option>
        {[...near, ...(picked ? [picked] : [])].map((c) => (
          <option key={c.id} value={String(c.id)}>
            {label(c)}
          </option>
        ))}
      </select>
      {view.previous && (
        <span class="small" data-testid="previous">
          {tf('previousCompared', lang, view.previous.agency ?? view.previous.name, view.previous.year)}
          {view.previous.year !== undefined && view.year !== undefined && view.previous.year !== view.year - 1 && t('previousNotYearBefore', lang)}
        </span>
      )}
      {others.length > 0 && (
        <details class="previous-search">
          <summary>{tf('previousSearchOthers', lang, others.length)}</summary>
          <input type="search" value={query} placeholder={t('previousSearchPlaceholder', lang)} aria-label={t('previousSearchPlaceholder', lang)} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
          {query.trim() &&
            (found.length ? (
              <ul>
                {found.map((c) => (
                  <li key={c.id}>
                    <button type="button" onClick={() => onPick(c.id)}>
                      {label(c)}
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="small">{t('previousNoMatch', lang)}</p>
            ))}
        </details>
      )}
    </div>
  );
}
