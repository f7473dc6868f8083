// Cross-year checks (XYEAR-*) against a report from the local history: picked automatically when the
// history holds the same agency's report for the year before; the user can pick another or none.
import type { Lang } from '../../../core/index.ts';
import type { HistoryEntry } from '../history.ts';
import type { SiteView } from '../view.ts';

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
  const label = (c: HistoryEntry) => `${c.agency ?? (lang === 'zh' ? '未识别单位' : 'unknown agency')} ${c.year ?? '—'}（${c.name}）`;
  return (
    <div class="previous-picker">
      <label for="previous-pick">{lang === 'zh' ? '跨年核对（与上一年度报告比较）：' : 'Cross-year checks against last year’s report: '}</label>
      <select id="previous-pick" value={selected === undefined ? '' : String(selected)} onChange={(e) => onPick((e.target as HTMLSelectElement).value ? Number((e.target as HTMLSelectElement).value) : undefined)}>
        <option value="">{lang === 'zh' ? '不比较' : 'none'}</option>
        {options.map((c) => (
          <option key={c.id} value={String(c.id)}>
            {label(c)}
          </option>
        ))}
      </select>
      {view.previous && (
        <span class="small" data-testid="previous">
          {lang === 'zh' ? `已与「${view.previous.agency ?? view.previous.name} ${view.previous.year ?? ''}」比较` : `Compared with ${view.previous.agency ?? view.previous.name} ${view.previous.year ?? ''}`}
          {view.previous.year !== undefined && view.year !== undefined && view.previous.year !== view.year - 1 && (lang === 'zh' ? '（不是上一年度，跨年规则不适用）' : ' (not the year before: cross-year rules do not apply)')}
        </span>
      )}
    </div>
  );
}
