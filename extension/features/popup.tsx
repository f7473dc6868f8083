// The toolbar popup: what was found on the current tab, a "check this page" button (any site, through
// activeTab + scripting), "show the list", and the per-site switch. Opening the popup on a page the
// content script did not run on (not *.gov.cn) checks that page: the click on the toolbar button is
// the request. The language switch (中文 / English) is stored and every checked page follows it.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { OpenCheckerRequest, PageState } from './messages.ts';
import { checkTab, openPanel, pageState } from './inject.ts';
import { isSiteEnabled, setSiteEnabled } from './sites.ts';
import { loadLang, setLang, WORDS, type Lang } from './lang.ts';

export type PopupApi = {
  activeTab(): Promise<{ id?: number; url?: string } | undefined>;
  pageState(tabId: number): Promise<PageState | undefined>;
  checkTab(tabId: number): Promise<PageState | undefined>;
  openPanel(tabId: number): Promise<void>;
  /** the checker page on an attachment of the tab's page */
  openAttachment(tabId: number, url: string): Promise<void>;
  isSiteEnabled(host: string): Promise<boolean>;
  setSiteEnabled(host: string, on: boolean): Promise<void>;
  loadLang(): Promise<Lang>;
  setLang(lang: Lang): Promise<void>;
};

export const browserPopupApi: PopupApi = {
  activeTab: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0],
  pageState,
  checkTab,
  openPanel,
  openAttachment: async (tabId, url) => {
    const msg: OpenCheckerRequest = { type: 'gkc:open-checker', url, tabId };
    await browser.runtime.sendMessage(msg);
  },
  isSiteEnabled,
  setSiteEnabled,
  loadLang,
  setLang,
};

function hostOf(url: string | undefined): string {
  try {
    const u = new URL(url ?? '');
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'file:' ? u.hostname || u.protocol : '';
  } catch {
    return '';
  }
}

type View = { tabId?: number; host: string; state?: PageState; enabled: boolean; busy: boolean; error?: 'cannotCheck' | 'cannotRun' };

export function Popup({ api }: { api: PopupApi }) {
  const [view, setView] = useState<View>({ host: '', enabled: true, busy: true });
  const [lang, setLangState] = useState<Lang>('zh');
  const w = WORDS[lang];

  useEffect(() => {
    void api.loadLang().then(setLangState);
    void (async () => {
      const tab = await api.activeTab();
      if (tab?.id === undefined) return setView({ host: '', enabled: true, busy: false, error: 'cannotCheck' });
      let state = await api.pageState(tab.id);
      const host = hostOf(tab.url) || state?.host || '';
      const enabled = host ? await api.isSiteEnabled(host) : true;
      setView({ tabId: tab.id, host, enabled, busy: !state && !!host && enabled, ...(state ? { state } : {}) });
      if (!state && host && enabled) {
        try {
          state = await api.checkTab(tab.id);
          setView({ tabId: tab.id, host, enabled, busy: false, ...(state ? { state } : {}) });
        } catch {
          setView({ tabId: tab.id, host, enabled, busy: false, error: 'cannotRun' });
        }
      }
    })();
  }, []);

  const checkNow = async () => {
    if (view.tabId === undefined) return;
    setView({ ...view, busy: true });
    try {
      const state = await api.checkTab(view.tabId);
      setView({ ...view, busy: false, ...(state ? { state } : {}) });
    } catch {
      setView({ ...view, busy: false, error: 'cannotRun' });
    }
  };

  const toggle = async (on: boolean) => {
    if (!view.host) return;
    await api.setSiteEnabled(view.host, on);
    setView({ ...view, enabled: on });
    // The content script hears the switch through storage and clears or re-checks the page itself.
    if (view.tabId !== undefined) {
      const tabId = view.tabId;
      setTimeout(() => void api.pageState(tabId).then((state) => state && setView((v) => ({ ...v, state }))), 100);
    }
  };

  const switchLang = async (to: Lang) => {
    setLangState(to);
    await api.setLang(to);
    // The page redraws in the new language through storage; its headline comes back with the state.
    if (view.tabId !== undefined) {
      const tabId = view.tabId;
      setTimeout(() => void api.pageState(tabId).then((state) => state && setView((v) => ({ ...v, state }))), 100);
    }
  };

  const s = view.state;
  return (
    <main lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <h1>{w.app}</h1>
      <Status view={view} lang={lang} onOpen={(url) => view.tabId !== undefined && void api.openAttachment(view.tabId, url).then(() => window.close())} />
      {s?.status === 'checked' && (
        <p class="counts" data-testid="popup-counts">
          {w.counts(s.counts)}
        </p>
      )}
      <div class="buttons">
        <button type="button" class="primary" data-action="check" disabled={view.busy || view.tabId === undefined} onClick={() => void checkNow()}>
          {view.busy ? w.checking : w.checkPage}
        </button>
        {s?.status === 'checked' && view.tabId !== undefined && (
          <button type="button" data-action="open-panel" onClick={() => void api.openPanel(view.tabId!).then(() => window.close())}>
            {w.showList}
          </button>
        )}
      </div>
      {view.host && (
        <label>
          <input type="checkbox" data-action="site-switch" checked={view.enabled} onChange={(e) => void toggle((e.currentTarget as HTMLInputElement).checked)} />
          {w.autoCheck(view.host)}
        </label>
      )}
      <div class="lang" role="group" aria-label={w.language}>
        {(['zh', 'en'] as const).map((l) => (
          <button type="button" key={l} data-lang={l} aria-pressed={lang === l} onClick={() => void switchLang(l)}>
            {l === 'zh' ? '中文' : 'English'}
          </button>
        ))}
      </div>
      <p class="note">{w.local}</p>
    </main>
  );
}

function Status({ view, lang, onOpen }: { view: View; lang: Lang; onOpen?: (url: string) => void }) {
  const w = WORDS[lang];
  if (view.error) return <p class="status warn">{w[view.error]}</p>;
  const s = view.state;
  if (!s) return <p class="status">{view.busy ? w.checking : !view.enabled ? w.siteOff : w.notYet}</p>;
  switch (s.status) {
    case 'checked':
      return (
        <p class={`status ${s.counts.error ? 'bad' : s.incomplete ? 'warn' : 'ok'}`} data-testid="popup-status">
          {s.headline}
        </p>
      );
    case 'failed':
      return (
        <p class="status warn" data-testid="popup-status">
          {s.headline}
        </p>
      );
    case 'no-tables':
      return <p class="status warn">{w.noTables}</p>;
    case 'disabled':
      return <p class="status">{w.siteOffHint}</p>;
    default:
      if (s.attachments?.length && onOpen)
        return (
          <div class="status warn" data-testid="popup-attachments">
            <p>{w.offerText}</p>
            {s.attachments.map((f) => (
              <button type="button" key={f.url} data-action="open-attachment" data-url={f.url} onClick={() => onOpen(f.url)}>
                {w.offerOpen}：{f.name}
              </button>
            ))}
          </div>
        );
      return <p class="status">{w.notReport}</p>;
  }
}
