// A report published as an attachment (a PDF or Word file linked or embedded in the page) cannot be
// checked on the page: a small notice at the bottom right says so and opens the attachment in the
// checker page, which reads it on this computer (OCR for scans). Never "no errors": nothing was checked.
// A report whose tables are pictures in the article gets a button that reads them there (pictures.ts).
import { render } from 'preact';
import type { Attachment } from './gate.ts';
import { createUiHost, type UiHost } from './ui-host.ts';
import { UI_CSS } from './ui-css.ts';
import { WORDS, type Lang } from './lang.ts';

/** The report's tables are pictures in the article (features/pictures.ts): how many, and the click. */
export type PictureOffer = { count: number; onRead(): void; problem?: string };

function Offer({ files, pictures, lang, onOpen, onClose }: { files: Attachment[]; pictures?: PictureOffer | undefined; lang: Lang; onOpen(url: string): void; onClose(): void }) {
  const w = WORDS[lang];
  return (
    <aside class="offer" role="complementary" aria-label={w.app} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <div class="offer-head">
        <strong>{w.app}</strong>
        <button type="button" aria-label={w.closeOffer} data-action="close-offer" onClick={onClose}>
          ×
        </button>
      </div>
      <p data-testid="offer-text">{files.length ? w.offerText : w.offerPicturesText}</p>
      <ul>
        {pictures && (
          <li>
            <button type="button" data-action="read-pictures" onClick={() => pictures.onRead()}>
              {w.offerPictures}
              {w.pictureCount(pictures.count)}
            </button>
            {pictures.problem && (
              <p role="alert" data-testid="pictures-problem">
                {w.picturesFailed}
                {pictures.problem}
              </p>
            )}
          </li>
        )}
        {files.map((f) => (
          <li key={f.url}>
            <button type="button" data-action="open-attachment" data-url={f.url} title={f.url} onClick={() => onOpen(f.url)}>
              {w.offerOpen}：{f.name}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}

export type OfferHandle = { setLang(lang: Lang): void; setPictures(p: PictureOffer | undefined): void; remove(): void };

export function showAttachmentOffer(doc: Document, files: Attachment[], lang: Lang, open: (url: string) => void, pictures?: PictureOffer): OfferHandle {
  let ui: UiHost | undefined = createUiHost(doc, UI_CSS);
  let current = lang;
  const remove = () => {
    if (!ui) return;
    render(null, ui.container);
    ui.remove();
    ui = undefined;
  };
  let shown = pictures;
  const draw = () => ui && render(<Offer files={files} pictures={shown} lang={current} onOpen={open} onClose={remove} />, ui.container);
  draw();
  return {
    setLang(l) {
      current = l;
      draw();
    },
    setPictures(p) {
      shown = p;
      draw();
    },
    remove,
  };
}
