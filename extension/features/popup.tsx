// The toolbar popup: what was found on the current tab, a "check this page" button (any site, through
// activeTab + scripting), "show the list", and the per-site switch. Opening the popup on a page the
// content script did not run on (not *.gov.cn) checks that page: the click on the toolbar button is
// the request.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { countsText, type PageState } from './messages.ts';
import { checkTab, openPanel, pageState } from './inject.ts';
import { isSiteEnabled, setSiteEnabled } from './sites.ts';

export type PopupApi = {
  activeTab(): Promise<{ id?: number; url?: string } | undefined>;
  pageState(tabId: number): Promise<PageState | undefined>;
  checkTab(tabId: number): Promise<PageState | undefined>;
  openPanel(tabId: number): Promise<void>;
  isSiteEnabled(host: string): Promise<boolean>;
  setSiteEnabled(host: string, on: boolean): Promise<void>;
};

export const browserPopupApi: PopupApi = {
  activeTab: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0],
  pageState,
  checkTab,
  openPanel,
  isSiteEnabled,
  setSiteEnabled,
};

function hostOf(url: string | undefined): string {
  try {
    const u = new URL(url ?? '');
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'file:' ? u.hostname || u.protocol : '';
  } catch {
    return '';
  }
}

type View = { tabId?: number; host: string; state?: PageState; enabled: boolean; busy: boolean; error?: string };

export function Popup({ api }: { api: PopupApi }) {
  const [view, setView] = useState<View>({ host: '', enabled: true, busy: true });

  useEffect(() => {
    void (async () => {
      const tab = await api.activeTab();
      if (tab?.id === undefined) return setView({ host: '', enabled: true, busy: false, error: '无法检查此页面。' });
      let state = await api.pageState(tab.id);
      const host = hostOf(tab.url) || state?.host || '';
      const enabled = host ? await api.isSiteEnabled(host) : true;
      setView({ tabId: tab.id, host, enabled, busy: !state && !!host && enabled, ...(state ? { state } : {}) });
      if (!state && host && enabled) {
        try {
          state = await api.checkTab(tab.id);
          setView({ tabId: tab.id, host, enabled, busy: false, ...(state ? { state } : {}) });
        } catch {
          setView({ tabId: tab.id, host, enabled, busy: false, error: '无法在此页面运行（浏览器内部页面或扩展商店）。' });
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
      setView({ ...view, busy: false, error: '无法在此页面运行（浏览器内部页面或扩展商店）。' });
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

  const s = view.state;
  return (
    <main>
      <h1>公开年报核数</h1>
      <Status view={view} />
      {s?.status === 'checked' && (
        <p class="counts" data-testid="popup-counts">
          {countsText(s.counts)}
        </p>
      )}
      <div class="buttons">
        <button type="button" class="primary" data-action="check" disabled={view.busy || view.tabId === undefined} onClick={() => void checkNow()}>
          {view.busy ? '正在检查…' : '检查此页面'}
        </button>
        {s?.status === 'checked' && view.tabId !== undefined && (
          <button type="button" data-action="open-panel" onClick={() => void api.openPanel(view.tabId!).then(() => window.close())}>
            显示问题列表
          </button>
        )}
      </div>
      {view.host && (
        <label>
          <input type="checkbox" data-action="site-switch" checked={view.enabled} onChange={(e) => void toggle((e.currentTarget as HTMLInputElement).checked)} />
          在 {view.host} 上自动检查
        </label>
      )}
      <p class="note">核对全部在本机完成，不上传任何内容。</p>
    </main>
  );
}

function Status({ view }: { view: View }) {
  if (view.error) return <p class="status warn">{view.error}</p>;
  const s = view.state;
  if (!s) return <p class="status">{view.busy ? '正在检查…' : !view.enabled ? '已在此网站关闭自动检查。' : '此页面尚未检查。'}</p>;
  switch (s.status) {
    case 'checked':
      return (
        <p class={`status ${s.counts.error ? 'bad' : s.incomplete ? 'warn' : 'ok'}`} data-testid="popup-status">
          {s.headline}
        </p>
      );
    case 'no-tables':
      return <p class="status warn">此页面没有找到政府信息公开年报的表格。</p>;
    case 'disabled':
      return <p class="status">已在此网站关闭自动检查。可点“检查此页面”单独检查。</p>;
    default:
      return <p class="status">此页面不像政府信息公开年度报告，未检查。</p>;
  }
}
