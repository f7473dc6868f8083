// The local history: every check with agency, year, verdict and counts; reopen, delete one or all.
import { useEffect } from 'preact/hooks';
import type { CheckSession } from '../session.ts';
import { useValue } from '../store.ts';
import { t, tf, type StringKey } from '../i18n.ts';

const VERDICT: Record<string, StringKey> = { errors: 'verdictErrors', clean: 'verdictClean', incomplete: 'verdictIncomplete', unreadable: 'verdictUnreadable' };

export function HistoryPage({ session }: { session: CheckSession }) {
  const lang = useValue(session.lang);
  const entries = useValue(session.history);
  useEffect(() => void session.openHistory(), [session]);

  if (entries === 'unavailable') return <p class="error">{t('historyUnavailable', lang)}</p>;
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
                      <button type="button" onClick={() => void session.deleteEntry(e.id!)}>
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
              if (confirm(t('confirmDeleteAll', lang))) void session.clearHistory();
            }}
          >
            {t('deleteAll', lang)}
          </button>
        </>
      )}
    </section>
  );
}
