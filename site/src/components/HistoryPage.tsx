// The local history: every check with agency, year, verdict and counts; reopen, delete one or all.
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../../core/index.ts';
import { clearChecks, deleteCheck, listChecks, type HistoryDb, type HistoryEntry } from '../history.ts';
import { t, tf, type StringKey } from '../i18n.ts';

const VERDICT: Record<string, StringKey> = { errors: 'verdictErrors', clean: 'verdictClean', incomplete: 'verdictIncomplete', unreadable: 'verdictUnreadable' };

export function HistoryPage({ db, lang }: { db?: HistoryDb | undefined; lang: Lang }) {
  const [entries, setEntries] = useState<HistoryEntry[] | undefined>();
  const [failed, setFailed] = useState(false);
  const reload = () =>
    db
      ? listChecks(db)
          .then(setEntries)
          .catch(() => setFailed(true))
      : setFailed(true);
  useEffect(() => void reload(), [db]);

  if (failed) return <p class="error">{t('historyUnavailable', lang)}</p>;
  if (!entries) return <p class="busy">…</p>;
  return (
    <section class="history">
      <h2>{t('navHistory', lang)}</h2>
      <p class="small">{t('historyNote', lang)}</p>
      {entries.length === 0 ? (
        <p>{t('historyEmpty', lang)}</p>
      ) : (
        <>
          <div class="table-scroll">
            <table class="history-table">
              <thead>
                <tr>
                  <th scope="col">{t('date', lang)}</th>
                  <th scope="col">{t('agency', lang)}</th>
                  <th scope="col">{t('year', lang)}</th>
                  <th scope="col">{t('verdict', lang)}</th>
                  <th scope="col">{t('counts', lang)}</th>
                  <th scope="col">{t('source', lang)}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id} data-history-id={e.id}>
                    <td>{new Date(e.createdAt).toLocaleString(t('dateLocale', lang))}</td>
                    <td>{e.agency ?? t('unknownAgency', lang)}</td>
                    <td>{e.year ?? '—'}</td>
                    <td class={`verdict-${e.verdict}`}>{VERDICT[e.verdict] ? t(VERDICT[e.verdict]!, lang) : e.verdict}</td>
                    <td>
                      {tf('historyCounts', lang, e.counts.error, e.counts.warning)}
                    </td>
                    <td>{e.name}</td>
                    <td class="row-actions">
                      <a href={`#/history/${e.id}`}>{t('open', lang)}</a>{' '}
                      <button type="button" onClick={() => db && deleteCheck(db, e.id!).then(reload)}>
                        {t('delete', lang)}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button
            type="button"
            class="danger"
            onClick={() => {
              if (db && confirm(t('confirmDeleteAll', lang))) void clearChecks(db).then(reload);
            }}
          >
            {t('deleteAll', lang)}
          </button>
        </>
      )}
    </section>
  );
}
