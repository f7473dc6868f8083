// The check page (and a history entry or a shared link, which show a result without the input form):
// the paste box, what the page is doing, the error, then the result with the cross-year pick.
import { useEffect, useRef } from 'preact/hooks';
import type { CheckSession } from '../session.ts';
import { useValue } from '../store.ts';
import { progressText } from '../ocr/progress.ts';
import { ResultView } from './ResultView.tsx';
import { PreviousPicker } from './PreviousPicker.tsx';
import { t, tf } from '../i18n.ts';

type Props = {
  session: CheckSession;
  /** the input form shows on the check page only; a shared link has no input to re-check */
  page: 'check' | 'entry' | 'link';
  dragging: boolean;
  onPickFile(): void;
};

export function CheckView({ session, page, dragging, onPickFile }: Props) {
  const lang = useValue(session.lang);
  const busy = useValue(session.busy);
  const ocr = useValue(session.ocr);
  const error = useValue(session.error);
  const last = useValue(session.lastCheck);
  const views = useValue(session.views);
  // after a reload the check page was blank: offer the newest check of the history
  useEffect(() => {
    if (page === 'check') void session.offerLast();
  }, [page]);
  return (
    <>
      {page === 'check' && <InputForm session={session} onPickFile={onPickFile} />}
      {page === 'check' && last?.id !== undefined && !views && !busy && !ocr && (
        <p class="last-check" data-testid="last-check">
          {tf('lastCheck', lang, [last.agency, last.year, last.name].filter((x) => x !== undefined && x !== '').join(' '), new Date(last.createdAt).toLocaleString(t('htmlLang', lang)))}{' '}
          <button type="button" onClick={() => void session.openEntry(last.id!)}>
            {t('lastCheckOpen', lang)}
          </button>
        </p>
      )}
      {dragging && <div class="drop-hint">{t('dropHere', lang)}</div>}
      {ocr && (
        <div class="busy ocr-progress" role="status" aria-live="polite" data-testid="ocr-progress">
          <progress {...(ocr.progress.total > 0 && ocr.progress.stage !== 'loading' ? { max: ocr.progress.total, value: ocr.progress.done } : {})} />
          <span>{progressText(ocr.progress, lang)}</span>
          <button type="button" onClick={session.cancelOcr}>
            {t('cancel', lang)}
          </button>
        </div>
      )}
      {busy && (
        <div class="busy" role="status" aria-live="polite">
          <progress /> {busy}
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <Result session={session} page={page} />
    </>
  );
}

function InputForm({ session, onPickFile }: { session: CheckSession; onPickFile(): void }) {
  const lang = useValue(session.lang);
  const text = useValue(session.text);
  const pending = useValue(session.pending);
  const busy = useValue(session.busy);
  function onPaste(e: ClipboardEvent) {
    const data = e.clipboardData;
    if (!data) return;
    e.preventDefault();
    const el = e.target as HTMLTextAreaElement;
    const files = Array.from(data.files ?? []);
    session.paste({ html: data.getData('text/html'), plain: data.getData('text/plain'), value: el.value, start: el.selectionStart ?? el.value.length, end: el.selectionEnd ?? el.value.length, files });
  }
  return (
    <form
      class="input"
      onSubmit={(e) => {
        e.preventDefault();
        session.submit();
      }}
    >
      <p class="tagline">{t('tagline', lang)}</p>
      <p class="form-link small">
        <a href="#/form">{t('formLink', lang)}</a>
      </p>
      <label for="report-input">{t('pasteLabel', lang)}</label>
      <textarea
        id="report-input"
        value={text}
        placeholder={t('pastePlaceholder', lang)}
        rows={10}
        spellcheck={false}
        onPaste={onPaste}
        onInput={(e) => session.type((e.target as HTMLTextAreaElement).value)}
      />
      {pending && <p class="pending-note">{pending.note}</p>}
      <div class="input-actions">
        <button type="submit" class="primary" disabled={!!busy}>
          {t('checkButton', lang)}
        </button>
        <button type="button" onClick={onPickFile} disabled={!!busy}>
          {t('pickFile', lang)}
        </button>

        <button type="button" onClick={session.clear}>
          {t('clearButton', lang)}
        </button>
      </div>
    </form>
  );
}

/** The result on screen, brought into sight each time a new one is shown. */
function Result({ session, page }: { session: CheckSession; page: Props['page'] }) {
  const lang = useValue(session.lang);
  const views = useValue(session.views);
  const busy = useValue(session.busy);
  const ocr = useValue(session.ocr);
  const current = useValue(session.current);
  const candidates = useValue(session.candidates);
  const previousId = useValue(session.previousId);
  const pageImages = useValue(session.pageImages);
  const shown = useValue(session.shown);
  const ref = useRef<HTMLDivElement>(null);
  // only a result shown while this view is up: coming back to the page does not scroll
  const seen = useRef(shown);
  useEffect(() => {
    if (shown === seen.current) return;
    seen.current = shown;
    const frame = requestAnimationFrame(() => ref.current?.scrollIntoView?.({ block: 'start' }));
    return () => cancelAnimationFrame(frame);
  }, [shown]);
  const view = views?.[lang];
  return (
    <div ref={ref}>
      {view && !busy && current && page !== 'link' && candidates.length > 0 && (
        <PreviousPicker lang={lang} view={view} candidates={candidates} selected={previousId} onPick={session.pickPrevious} />
      )}
      {view && !busy && !ocr && <ResultView view={view} ocrImages={view.ocr ? pageImages : undefined} onCorrect={session.correct} />}
    </div>
  );
}
