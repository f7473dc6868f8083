// The site's shell: header, language, drag and drop, the file picker, and the route's view. The state
// and everything that changes it live in one check session (session.ts); the views render from it.
import type { PictureArticle } from './ocr/article.ts';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../core/index.ts';
import type { HistoryDb } from './history.ts';
import { createCheckSession, type CheckSession } from './session.ts';
import { useValue } from './store.ts';
import { useRoute } from './routes.ts';
import { CheckView } from './components/CheckView.tsx';
import { BatchView } from './components/BatchView.tsx';
import { HistoryPage } from './components/HistoryPage.tsx';
import type { FormPage as FormPageType } from './components/FormPage.tsx';
import { t } from './i18n.ts';

/** What the file picker offers: every type readFile reads (files.ts), scans and photos included. */
export const FILE_TYPES = '.txt,.md,.html,.htm,.pdf,.docx,.doc,.png,.jpg,.jpeg,.webp,.gif,.bmp,text/plain,text/html,application/pdf,image/png,image/jpeg,image/webp,image/gif,image/bmp';

/** The language chosen last time in this browser, else Chinese. */
export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem('gkc-lang');
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    /* storage blocked: default */
  }
  return 'zh';
}

function rememberLang(lang: Lang) {
  document.documentElement.lang = t('htmlLang', lang);
  document.title = t('appName', lang) + t('titleSuffix', lang);
  try {
    localStorage.setItem('gkc-lang', lang);
  } catch {
    /* ignore */
  }
}

type Props = {
  db?: HistoryDb | undefined;
  /**
   * a file to check as soon as the page opens (the extension's checker page, opened from a context menu
   * on an image or a PDF link, passes the file it fetched)
   */
  openOnStart?: File | PictureArticle | undefined;
  /** the session to show (default: a new one on `db`, in the language chosen last time) */
  session?: CheckSession | undefined;
};

export function App({ db, openOnStart, session: given }: Props) {
  const [session] = useState(() => given ?? createCheckSession({ db, lang: initialLang() }));
  const route = useRoute();
  const lang = useValue(session.lang);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const pickFiles = () => fileInput.current?.click();

  useEffect(() => {
    if (openOnStart instanceof File) void session.openFile(openOnStart);
    // a web page's text and pictures (the extension's 「识别本页图片中的年报表格」)
    else if (openOnStart) void session.openArticle(openOnStart);
  }, [openOnStart]);
  useEffect(() => rememberLang(lang), [lang]);
  useEffect(() => {
    if (route.page === 'entry') void session.openEntry(route.id);
    else if (route.page === 'link') void session.openLink(route.payload);
  }, [route]);

  return (
    <div
      class={`app${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        if (e.dataTransfer?.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e) => {
        if (e.target === e.currentTarget) setDragging(false);
      }}
      onDrop={(e) => {
        setDragging(false);
        if (e.dataTransfer?.files.length) {
          e.preventDefault();
          session.openFiles(Array.from(e.dataTransfer.files));
        }
      }}
    >
      <a class="skip" href="#findings">
        {t('skipToFindings', lang)}
      </a>
      <header class="top">
        <h1>
          <a href="#/">{t('appName', lang)}</a>
        </h1>
        <nav>
          <a href="#/" aria-current={route.page === 'check' ? 'page' : undefined}>
            {t('navCheck', lang)}
          </a>
          <a href="#/batch" aria-current={route.page === 'batch' ? 'page' : undefined}>
            {t('navBatch', lang)}
          </a>
          <a href="#/form" aria-current={route.page === 'form' ? 'page' : undefined}>
            {t('navForm', lang)}
          </a>
          <a href="#/history" aria-current={route.page === 'history' || route.page === 'entry' ? 'page' : undefined}>
            {t('navHistory', lang)}
          </a>
          <LangSwitch lang={lang} onSwitch={session.setLang} />
        </nav>
      </header>
      <main>
        <input
          ref={fileInput}
          type="file"
          hidden
          multiple
          accept={FILE_TYPES}
          onChange={(e) => {
            session.openFiles(Array.from((e.target as HTMLInputElement).files ?? []));
            (e.target as HTMLInputElement).value = '';
          }}
        />
        {route.page === 'history' ? (
          <HistoryPage session={session} />
        ) : route.page === 'form' ? (
          <LazyFormPage lang={lang} db={db} />
        ) : route.page === 'batch' ? (
          <BatchView session={session} onPickFiles={pickFiles} />
        ) : (
          <CheckView session={session} page={route.page} dragging={dragging} onPickFile={pickFiles} />
        )}
      </main>
      <footer class="foot">{t('historyNote', lang)}</footer>
    </div>
  );
}

/**
 * The form runs the core on every change, so it imports the core's checks: loaded with its page, the
 * shell stays small (a static import put the core in the first chunk, 70 → 459 kB).
 */
function LazyFormPage({ lang, db }: { lang: Lang; db?: HistoryDb | undefined }) {
  const [Page, setPage] = useState<typeof FormPageType | undefined>();
  useEffect(() => {
    void import('./components/FormPage.tsx').then((m) => setPage(() => m.FormPage));
  }, []);
  return Page ? <Page lang={lang} db={db} /> : <p class="pending-note">{t('formLoading', lang)}</p>;
}

/** The button names the other language, in that language. */
function LangSwitch({ lang, onSwitch }: { lang: Lang; onSwitch(lang: Lang): void }) {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  return (
    <button type="button" class="lang" lang={other} title={t('languageTitle', lang)} onClick={() => onSwitch(other)}>
      {t('language', lang)}
    </button>
  );
}
