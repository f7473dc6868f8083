// The batch view: a queue with each file's state, then a sortable summary (agency, year, template,
// verdict, counts, tables not fully checked); a row opens the full result; exports for the whole batch.
import { useState } from 'preact/hooks';
import type { Lang } from '../../../core/index.ts';
import { allFindingsCsv, allFindingsJson, countsOf, notChecked, sortItems, summaryCsv, type BatchItem, type SortKey } from '../batch.ts';
import { ResultView } from './ResultView.tsx';
import { download } from './Exports.tsx';
import { t, tf, type StringKey } from '../i18n.ts';

const STATUS: Record<BatchItem['status'], StringKey> = { queued: 'statusQueued', reading: 'statusReading', checking: 'statusChecking', done: 'statusDone', error: 'statusError' };

export function BatchPage({ items, lang }: { items: BatchItem[]; lang: Lang }) {
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'verdict', dir: 1 });
  const [open, setOpen] = useState<number | undefined>();
  const counts = countsOf(items);
  if (!items.length) return <p>{t('batchEmpty', lang)}</p>;
  const opened = items.find((i) => i.key === open);
  if (opened?.views)
    return (
      <section class="batch-open">
        <button type="button" onClick={() => setOpen(undefined)} data-testid="back-to-batch">
          {t('backToBatch', lang)}
        </button>
        <ResultView view={opened.views[lang]} />
      </section>
    );
  const head = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <button type="button" class="sort" data-sort={key} onClick={() => setSort({ key, dir: sort.key === key ? (-sort.dir as 1 | -1) : 1 })}>
        {label}
        {sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <section class="batch">
      <h2>
        {t('batchTitle', lang)}{' '}
        <span class="counts" data-testid="batch-counts">
          {tf('batchCounts', lang, counts.done, counts.files, counts.error, counts.warning)}
        </span>
      </h2>
      <progress max={counts.files} value={counts.done} aria-label={t('batchProgress', lang)} />
      <div class="exports">
        <button type="button" data-export="batch-summary" onClick={() => download(`批量汇总-${stamp}.csv`, summaryCsv(items, lang), 'text/csv;charset=utf-8')}>
          {t('exportBatchSummary', lang)}
        </button>
        <button type="button" data-export="batch-findings" onClick={() => download(`批量问题-${stamp}.csv`, allFindingsCsv(items, lang), 'text/csv;charset=utf-8')}>
          {t('exportBatchFindings', lang)}
        </button>
        <button type="button" data-export="batch-json" onClick={() => download(`批量结果-${stamp}.json`, allFindingsJson(items, lang), 'application/json')}>
          {t('exportJson', lang)}
        </button>
      </div>
      <div class="table-scroll">
        <table class="history-table batch-table">
          <thead>
            <tr>
              {head('name', t('batchFile', lang))}
              {head('agency', t('agency', lang))}
              {head('year', t('year', lang))}
              <th scope="col">{t('template', lang)}</th>
              {head('verdict', t('verdict', lang))}
              {head('mistakes', t('batchMistakes', lang))}
              {head('errors', t('batchErrors', lang))}
              {head('warnings', t('batchWarnings', lang))}
              <th scope="col">{t('batchNotFullyChecked', lang)}</th>
            </tr>
          </thead>
          <tbody>
            {sortItems(items, sort.key, sort.dir).map((i) => {
              const v = i.views?.[lang];
              return (
                <tr key={i.key} data-batch-file={i.name} data-status={i.status} data-verdict={v?.verdict}>
                  <td>
                    {v ? (
                      <button type="button" class="jump" onClick={() => setOpen(i.key)}>
                        {i.name}
                      </button>
                    ) : (
                      i.name
                    )}
                  </td>
                  <td>{v?.agency ?? ''}</td>
                  <td>{v?.year ?? ''}</td>
                  <td class="small">{v?.template ?? ''}</td>
                  <td class={v ? `verdict-${v.verdict}` : ''}>{v ? v.verdictText : i.status === 'error' ? i.message : t(STATUS[i.status], lang)}</td>
                  {/* one mistake, one count: a typed digit that breaks three identities is one to fix (issue 17) */}
                  <td>{v?.mistakes ?? ''}</td>
                  <td>{v?.counts.error ?? ''}</td>
                  <td>{v?.counts.warning ?? ''}</td>
                  <td class="small">{notChecked(i.views, lang)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
