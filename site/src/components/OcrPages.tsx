// Scanned pages with the findings drawn as boxes on the image (the same card as the table view opens
// from them), the detected grid for a developer (`?debug=grid` in the page's URL, not a control users
// see), and the numbers OCR was unsure of: each shown as
// 「可能识别有误」 with the cell's own image beside the value read, correctable in place.
import type { Lang } from '../../../core/index.ts';
import { t, tf } from '../i18n.ts';
import type { SiteView } from '../view.ts';
import type { CellEvents } from './ReportTables.tsx';

type Props = {
  view: SiteView;
  images: Record<number, string>;
  lang: Lang;
  related: ReadonlySet<string>;
  active?: string | undefined;
  events: CellEvents;
  onCorrect?: (key: string, value: string) => void;
};

const pct = (v: number, of: number) => `${((v / of) * 100).toFixed(3)}%`;

/** The grid overlay is a developer's view of line detection: on with `?debug=grid`. */
export const gridDebug = (search = typeof location === 'undefined' ? '' : location.search) => new URLSearchParams(search).getAll('debug').includes('grid');

export function OcrPages({ view, images, lang, related, active, events, onCorrect }: Props) {
  const ocr = view.ocr!;
  const grid = gridDebug();
  const severity = new Map<string, string>();
  for (const tb of view.tables) for (const s of tb.sections) for (const r of s.rows) for (const c of r.cells) if (c?.severity) severity.set(c.ref, c.severity);
  return (
    <section class="ocr" aria-label={t('scannedPages', lang)}>
      <p class="ocr-note" data-testid="ocr-note">
        {ocr.note}
      </p>
      {ocr.doubtful.length > 0 && (
        <div class="doubtful" data-testid="doubtful">
          <h3>{t('doubtfulTitle', lang)}</h3>
          <p class="small">{t('doubtfulHelp', lang)}</p>
          <ul>
            {ocr.doubtful.map((d) => {
              const page = ocr.pages.find((p) => p.page === d.page)!;
              const [x0, y0, x1, y1] = d.bbox;
              const w = x1 - x0;
              const h = y1 - y0;
              const scale = cropScale(w, h);
              return (
                <li key={d.key} data-doubtful={d.ref ?? d.key}>
                  <span
                    class="cell-crop"
                    role="img"
                    aria-label={tf('cellImage', lang, d.text)}
                    style={{
                      width: `${w * scale}px`,
                      height: `${h * scale}px`,
                      backgroundImage: `url(${images[d.page]})`,
                      backgroundSize: `${page.width * scale}px ${page.height * scale}px`,
                      backgroundPosition: `${-x0 * scale}px ${-y0 * scale}px`,
                    }}
                  />
                  <label>
                    <span class="small">
                      {d.corrected ? t('corrected', lang) : d.unread ? t('inkUnread', lang) : d.small ? tf('smallPrint', lang, d.small) : tf('mayBeMisread', lang, Math.round(d.confidence))}
                    </span>
                    {d.label && <span class="doubtful-cell">{d.label}</span>}
                    <input
                      type="text"
                      inputMode="decimal"
                      value={d.text}
                      size={8}
                      onChange={(e) => onCorrect?.(d.key, (e.target as HTMLInputElement).value.trim())}
                    />
                  </label>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {ocr.pages.map((p) => (
        <figure class="ocr-page" key={p.page} style={{ aspectRatio: `${p.width} / ${p.height}` }}>
          <img src={images[p.page]} alt={tf('pageAlt', lang, p.page)} />
          {grid && ocr.grid.filter((g) => g.page === p.page).map((g, i) => <span key={i} class="ocr-grid-cell" style={boxStyle(g.bbox, p)} />)}
          {ocr.cells
            .filter((c) => c.page === p.page && c.ref && (severity.has(c.ref) || related.has(c.ref) || c.doubtful))
            .map((c) => {
              const sev = severity.get(c.ref!);
              return (
                <span
                  key={c.key}
                  class={`ocr-box${active === c.ref ? ' active' : ''}${c.doubtful ? ' doubtful' : ''}`}
                  style={boxStyle(c.bbox, p)}
                  data-gkc-cell={c.ref}
                  {...(sev ? { 'data-gkc': sev, tabIndex: 0, role: 'button', 'aria-label': `${c.label ?? c.ref} ${c.text}` } : {})}
                  {...(related.has(c.ref!) ? { 'data-gkc-related': '' } : {})}
                  onMouseEnter={sev ? (e) => events.onEnter(c.ref!, e.currentTarget as HTMLElement, 'hover') : undefined}
                  onMouseLeave={sev ? () => events.onLeave(c.ref!, 'hover') : undefined}
                  onFocus={sev ? (e) => events.onEnter(c.ref!, e.currentTarget as HTMLElement, 'focus') : undefined}
                  onBlur={sev ? () => events.onLeave(c.ref!, 'focus') : undefined}
                />
              );
            })}
          <figcaption class="small">{tf('pageCaption', lang, p.page, p.method)}</figcaption>
        </figure>
      ))}
    </section>
  );
}

/**
 * How much a cell's crop is enlarged in the list: its digits about 60 px tall, so that a 6 and an 8
 * can be told apart (a 300 dpi cell is ~40 px high, a 150 dpi one ~20 px; the old cap of 120 px wide
 * shrank a wide cell below its own size), and no wider than a phone's column allows.
 */
export function cropScale(w: number, h: number): number {
  const want = Math.min(4, Math.max(1.5, 60 / Math.max(h, 1)));
  return Math.max(1, Math.min(want, 300 / Math.max(w, 1)));
}

function boxStyle([x0, y0, x1, y1]: [number, number, number, number], p: { width: number; height: number }) {
  return { left: pct(x0, p.width), top: pct(y0, p.height), width: pct(x1 - x0, p.width), height: pct(y1 - y0, p.height) };
}
