// One checked report: the banner, what was recognised, exports, the tables with their marks and card,
// and the findings list. Owns the card: which cell is open, which cells are lit, hover versus focus.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SiteView, ViewFinding } from '../view.ts';
import { ReportTables, type CellEvents } from './ReportTables.tsx';
import { FindingCard } from './FindingCard.tsx';
import { FindingsList } from './FindingsList.tsx';
import { CoverageBanner } from './Banner.tsx';
import { Exports } from './Exports.tsx';
import { OcrPages } from './OcrPages.tsx';
import { t } from '../i18n.ts';

type Open = { ref: string; top: number; left: number; via: 'hover' | 'focus' };

type Props = {
  view: SiteView;
  /** scanned pages: page number → image URL (object URLs live only in this tab) */
  ocrImages?: Record<number, string> | undefined;
  onCorrect?: ((key: string, value: string) => void) | undefined;
};

export function ResultView({ view, ocrImages, onCorrect }: Props) {
  const lang = view.lang;
  const [open, setOpen] = useState<Open | undefined>();
  const tablesRef = useRef<HTMLDivElement>(null);
  const closeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pointerInCard = useRef(false);

  const byCell = useMemo(() => {
    const m = new Map<string, ViewFinding[]>();
    for (const f of view.findings) if (f.cell) m.set(f.cell, [...(m.get(f.cell) ?? []), f]);
    return m;
  }, [view]);
  const openFindings = open ? (byCell.get(open.ref) ?? []) : [];
  const related = useMemo(() => new Set(openFindings.flatMap((f) => f.card.related)), [open?.ref, view]);

  useEffect(() => setOpen(undefined), [view]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(undefined);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  const events: CellEvents = {
    onEnter(ref, el, via) {
      clearTimeout(closeTimer.current);
      const r = el.getBoundingClientRect();
      const width = Math.min(420, window.innerWidth - 16);
      const left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + window.innerWidth - width - 8));
      setOpen({ ref, via, top: r.bottom + window.scrollY + 6, left });
    },
    onLeave(ref, via) {
      // Hover cards stay while the pointer moves onto them; a focused cell keeps its card until blur.
      clearTimeout(closeTimer.current);
      closeTimer.current = setTimeout(() => {
        setOpen((o) => (o && o.ref === ref && !pointerInCard.current && (via === 'focus' || o.via === 'hover') ? undefined : o));
      }, via === 'hover' ? 250 : 0);
    },
  };

  const jump = (f: ViewFinding) => {
    const el = tablesRef.current?.querySelector<HTMLElement>(`[data-gkc-cell="${f.cell}"]`);
    if (!el) return;
    el.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    el.focus({ preventScroll: true });
    el.classList.remove('pulse');
    void el.offsetWidth;
    el.classList.add('pulse');
  };

  return (
    <div class="result">
      <CoverageBanner view={view} />
      <dl class="meta">
        <div>
          <dt>{t('agency', lang)}</dt>
          <dd data-testid="agency">{view.agency ?? t('unknownAgency', lang)}</dd>
        </div>
        <div>
          <dt>{t('year', lang)}</dt>
          <dd data-testid="year">{view.year ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('template', lang)}</dt>
          <dd>{view.template}</dd>
        </div>
        {view.name && (
          <div>
            <dt>{t('source', lang)}</dt>
            <dd>{view.name}</dd>
          </div>
        )}
      </dl>
      {view.fromLink && (
        <p class="from-link" role="note">
          {t('fromLink', lang)}
          {view.fromLink.missing.length > 0 && ` ${t('fromLinkMissing', lang)}${view.fromLink.missing.map((k) => k.replace(/@$/, '')).join('、')}`}
        </p>
      )}
      <Exports view={view} resultEl={() => tablesRef.current?.closest('.result')} />
      <div class="result-grid">
        <div class="result-tables" ref={tablesRef}>
          {view.ocr && ocrImages && <OcrPages view={view} images={ocrImages} lang={lang} related={related} active={open?.ref} events={events} onCorrect={onCorrect} />}
          <h2>{t('tables', lang)}</h2>
          <ReportTables tables={view.tables} lang={lang} related={related} active={open?.ref} events={events} />
        </div>
        <FindingsList view={view} onJump={jump} />
      </div>
      {open && openFindings.length > 0 && (
        <FindingCard
          findings={openFindings}
          lang={lang}
          position={open}
          onPointer={(inside) => {
            pointerInCard.current = inside;
            if (inside) clearTimeout(closeTimer.current);
            else events.onLeave(open.ref, 'hover');
          }}
          onClose={() => {
            const ref = open.ref;
            setOpen(undefined);
            tablesRef.current?.querySelector<HTMLElement>(`[data-gkc-cell="${ref}"]`)?.focus({ preventScroll: true });
            setOpen(undefined);
          }}
        />
      )}
    </div>
  );
}
