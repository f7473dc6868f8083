// Cross-year checks (XYEAR-*) against a report from the local history: picked automatically when the
// history holds the same agency's report for the year before; the user can pick another or none.
import type { Lang } from '../../../core/index.ts';
import type { HistoryEntry } from '../history.ts';
import type { SiteView } from '../view.ts';
import { t, tf } from '../i18n.ts';

type Props = { lang: Lang; view: SiteView; candidates: HistoryEntry[]; selected: number | undefined; onPick(id: number | undefined): void };

export function PreviousPicker({ lang, view, candidates, selected, onPick }: Props) {
  // one entry per agency/year/name (the history keeps every check, often of the same file)
  const seen = new Set<string>();
  const options = candidates.filter((c) => {
    const k = `${c.agency}|${c.year}|${c.name}`;
    if (seen.has(k) && c.id !== selected) return false;
    seen.add(k);
    return !(c.agency === view.agency && c.year === view.year);
  });
  if (!options.length && !view.previous) return null;
  const label = (c: HistoryEntry) => `${c.agency ?? t('previousUnknownAgency', lang)} ${c.year ?? '—'}（${c.name}）`;
  return (
    <div class="previous-picker">
      <label for="previous-pick">{t('previousLabel', lang)}</label>
      <select id="previous-pick" value={selected === undefined ? '' : String(selected)} onChange={(e) => onPick((e.target as HTMLSelectElement).value ? Number((e.target as HTMLSelectElement).value) : undefined)}>
        <option value="">{t('previousNone', lang)}</option>
        {options.map((c) => (
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
    </div>
  );
}
