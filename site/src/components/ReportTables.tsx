// The recognised tables as tables: labels as the report wrote them, every value cell named by
// data-gkc-cell, marked cells by data-gkc (the same hooks the extension puts on a live page).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../../core/index.ts';
import type { ViewCell, ViewTable } from '../../../core/index.ts';
import { t, tf } from '../i18n.ts';
import { TableHead } from './TableHead.tsx';

export type CellEvents = {
  onEnter(ref: string, el: HTMLElement, via: 'hover' | 'focus'): void;
  onLeave(ref: string, via: 'hover' | 'focus'): void;
};

type Props = { tables: ViewTable[]; lang: Lang; related: ReadonlySet<string>; active?: string | undefined; events: CellEvents };

const MARK_SYMBOL = { error: '✖', warning: '▲', info: 'ℹ' } as const;

export function ReportTables({ tables, lang, related, active, events }: Props) {
  return (
    <div class="tables">
      {tables.map((table) => (
        <section class="table-block" key={table.id} aria-labelledby={`tbl-${table.id}`}>
          <h3 id={`tbl-${table.id}`}>
            {table.title} <span class={`status status-${table.status}`}>{statusText(table.status, lang)}</span>
          </h3>
          {table.reasons.length > 0 && table.status !== 'checked' && (
            <ul class="reasons">
              {table.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
          {table.blankCells !== undefined && table.sections.length > 0 && (
            <p class="blank-notice small" data-testid={`blank-notice-${table.id}`}>
              {tf('blankCellsNotice', lang, table.blankCells)}
            </p>
          )}
          {table.sections.length === 0 ? (
            <p class="not-checked">{table.status === 'unreadable' ? t('unreadable', lang) : t('notFound', lang)}</p>
          ) : (
            table.sections.map((s, i) => (
              <ScrollBox key={i} lang={lang}>
                <table class="report-table" data-gkc-table={table.id}>
                  {s.caption && <caption>{s.caption}</caption>}
                  <TableHead columns={s.columns} lang={lang} />
                  <tbody>
                    {s.rows.map((row) =>
                      row.heading ? (
                        <tr key={row.key} class="group-heading">
                          <th scope="rowgroup">{row.label}</th>
                          <td colSpan={s.columns.length} />
                        </tr>
                      ) : (
                        <tr key={row.key} class={row.inGroup ? 'in-group' : undefined}>
                          <th scope="row">{row.label}</th>
                          {row.cells.map((c, j) => (c ? <ValueCell key={c.ref} cell={c} lang={lang} related={related.has(c.ref)} active={active === c.ref} events={events} /> : <td key={j} class="absent" />))}
                        </tr>
                      ),
                    )}
                  </tbody>
                </table>
              </ScrollBox>
            ))
          )}
        </section>
      ))}
    </div>
  );
}

/**
 * A wide table scrolls inside its box (the page never scrolls sideways) with its label column sticky;
 * while columns are hidden on a side, that edge is shaded and a line says so: on a 390 px phone table
 * B's 总计 column, where seed 001's errors are, was off-screen with nothing to say it was there (issue 20).
 */
function ScrollBox({ lang, children }: { lang: Lang; children: ComponentChildren }) {
  const box = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState({ left: false, right: false });
  const measure = () => {
    const el = box.current;
    if (!el) return;
    const left = el.scrollLeft > 1;
    const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    setMore((m) => (m.left === left && m.right === right ? m : { left, right }));
  };
  // after every render (a language switch changes the table's width, not the box's) and on resize
  useEffect(measure);
  useEffect(() => {
    if (typeof ResizeObserver === 'undefined') return;
    const watch = new ResizeObserver(measure);
    watch.observe(box.current!);
    return () => watch.disconnect();
  }, []);
  return (
    <div class="table-scroll-wrap" {...(more.left ? { 'data-more-left': '' } : {})} {...(more.right ? { 'data-more-right': '' } : {})}>
      {(more.left || more.right) && (
        <p class="scroll-cue small" aria-hidden="true">
          {t(more.right ? 'scrollCueRight' : 'scrollCueLeft', lang)}
        </p>
      )}
      <div class="table-scroll-edge">
        <div class="table-scroll" ref={box} onScroll={measure}>
          {children}
        </div>
      </div>
    </div>
  );
}

function ValueCell({ cell, lang, related, active, events }: { cell: ViewCell; lang: Lang; related: boolean; active: boolean; events: CellEvents }) {
  const marked = cell.severity !== undefined;
  const text = cell.text === '' ? '' : cell.text;
  return (
    <td
      data-gkc-cell={cell.ref}
      {...(marked ? { 'data-gkc': cell.severity, tabIndex: 0, 'aria-describedby': active ? 'gkc-card' : undefined } : {})}
      {...(related ? { 'data-gkc-related': '' } : {})}
      {...(cell.blank ? { 'data-gkc-blank': '' } : {})}
      class={active ? 'active' : undefined}
      onMouseEnter={marked ? (e) => events.onEnter(cell.ref, e.currentTarget as HTMLElement, 'hover') : undefined}
      onMouseLeave={marked ? () => events.onLeave(cell.ref, 'hover') : undefined}
      onFocus={marked ? (e) => events.onEnter(cell.ref, e.currentTarget as HTMLElement, 'focus') : undefined}
      onBlur={marked ? () => events.onLeave(cell.ref, 'focus') : undefined}
    >
      {text || <span class="blank">{t('blankCell', lang)}</span>}
      {marked && (
        <span class="mark-symbol" aria-hidden="true">
          {MARK_SYMBOL[cell.severity!]}
        </span>
      )}
      {marked && <span class="sr-only">{`（${t(cell.severity === 'error' ? 'markError' : cell.severity === 'warning' ? 'markWarning' : 'markInfo', lang)}）`}</span>}
    </td>
  );
}

export function statusText(status: ViewTable['status'], lang: Lang): string {
  return status === 'checked' ? t('checked', lang) : status === 'partial' ? t('partial', lang) : status === 'unreadable' ? t('unreadable', lang) : t('notFound', lang);
}
