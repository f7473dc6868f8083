// All findings, grouped by table then severity, counts in the header; a row with a cell jumps to it.
import type { CoverageKey, Lang, Severity } from '../../../core/index.ts';
import type { SiteView, ViewFinding } from '../view.ts';
import { t, tf } from '../i18n.ts';

const ORDER: CoverageKey[] = ['A', 'B', 'C', 'text'];
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

type Props = { view: SiteView; onJump(f: ViewFinding): void };

export function FindingsList({ view, onJump }: Props) {
  const lang: Lang = view.lang;
  const { counts } = view;
  const label = { error: t('countError', lang), warning: t('countWarning', lang), info: t('countInfo', lang) };
  // A clean result says so, and what was checked, rather than 「错误 0 · 警告 0 · 提示 0」 (issue 17).
  const clean = view.verdict === 'clean' && counts.error === 0;
  const checked = view.tables
    .filter((tb) => tb.status === 'checked')
    .map((tb) => ({ title: tb.title, numbers: tb.sections.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.cells.filter((c) => c && c.text !== '').length, 0), 0) }));
  return (
    <section class="findings" aria-labelledby="findings-title" id="findings">
      <h2 id="findings-title">
        {t('findings', lang)}{' '}
        {view.mistakes > 0 && (
          <span class="mistakes" data-testid="mistakes">
            {tf('mistakesToFix', lang, view.mistakes)}
          </span>
        )}{' '}
        {clean ? (
          <span class="clean" data-testid="clean">
            {t('cleanChecked', lang)}
            {(counts.warning > 0 || counts.info > 0) && <span class="counts"> · {SEVERITIES.filter((s) => s !== 'error' && counts[s] > 0).map((s) => `${label[s]} ${counts[s]}`).join(' · ')}</span>}
          </span>
        ) : (
          <span class="counts" data-testid="counts">
            {SEVERITIES.map((s) => `${label[s]} ${counts[s]}`).join(' · ')}
          </span>
        )}
      </h2>
      {clean && (
        <p class="clean-what" data-testid="clean-what">
          {tf('cleanWhat', lang, checked.map((c) => tf('tableNumbers', lang, c.title, c.numbers)).join(t('listSep', lang)))}
        </p>
      )}
      {view.findings.length === 0 && !clean && <p>{t('noFindings', lang)}</p>}
      {ORDER.map((table) => {
        const mine = view.findings.filter((f) => f.table === table);
        if (!mine.length) return null;
        return (
          <div class="findings-group" key={table}>
            <h3>{mine[0]!.tableLabel}</h3>
            {SEVERITIES.map((sev) => {
              const list = mine.filter((f) => f.severity === sev);
              if (!list.length) return null;
              return (
                <ul class={`findings-list sev-${sev}`} key={sev} aria-label={`${mine[0]!.tableLabel} ${label[sev]}`}>
                  {list.map((f) => (
                    <li key={f.index} data-finding={f.ruleId} data-severity={f.severity}>
                      <span class={`sev-badge sev-${f.severity}`}>{f.severityLabel}</span>
                      {f.cell ? (
                        <button type="button" class="jump" data-jump={f.cell} onClick={() => onJump(f)} title={t('jump', lang)}>
                          {f.card.message}
                        </button>
                      ) : (
                        <span class="finding-text">{f.card.message}</span>
                      )}
                      {f.quote && <blockquote class="quote">{f.quote}</blockquote>}
                      {f.doubtful && <p class="card-doubtful small">{t('listDoubtful', lang)}</p>}
                      {!f.cell && f.card.caveat && <p class="card-caveat small">{f.card.caveat}</p>}
                      <code class="rule-id">{f.ruleId}</code>
                    </li>
                  ))}
                </ul>
              );
            })}
          </div>
        );
      })}
      {view.narrative && view.narrative.reasons.length > 0 && (
        <div class="narrative-numbers" data-testid="narrative-numbers">
          <p class="small">
            {t('narrativeNumbers', lang)}
            {t('colon', lang)}
            {view.narrative.reasons.join(t('listSep', lang))}
          </p>
          {view.narrative.skips.length > 0 && (
            <details>
              <summary>{tf('narrativeNotCompared', lang, view.narrative.skips.reduce((n, g) => n + g.quotes.length, 0))}</summary>
              <ul>
                {view.narrative.skips.map((g) => (
                  <li key={g.why}>
                    {g.why}
                    {t('colon', lang)}
                    {g.quotes.join(t('quoteSep', lang))}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
