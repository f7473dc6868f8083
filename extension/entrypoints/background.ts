// The check itself (the content script sends the page's HTML, the core runs here, off the page's
// thread), the badge (errors on the page, per tab), the keyboard shortcut that checks the current tab,
// and the context menu that opens the checker page. No network, no remote code.
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { isCheckRequest, isFrameStatesRequest, isOpenBatchRequest, isOpenCheckerRequest, isOpenPicturesRequest, isToBackground } from '../features/messages.ts';
import { TabStates } from '../features/tab-states.ts';
import { answerCheck } from '../features/wire-check.ts';
import { showBadge } from '../features/badge.ts';
import { checkTab } from '../features/inject.ts';
import { createMenus, isToChecker, onMenuClick, openChecker, openCheckerOnArticle, takeCheckerFile } from '../features/checker-files.ts';

export default defineBackground(() => {
  const states = new TabStates();
  // Right-click an image or a PDF link → the checker page on that file (OCR for scans).
  try {
    browser.runtime.onInstalled.addListener(() => createMenus());
    browser.contextMenus.onClicked.addListener((info, tab) => onMenuClick(info, tab));
  } catch {
    // no context menus here (WXT's fakeBrowser in unit tests): the rest of the background still works
  }
  // Headless browsers cannot open a context menu: the end-to-end test calls the same function.
  (globalThis as { gkcOpenChecker?: typeof openChecker }).gkcOpenChecker = openChecker;
  browser.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (isCheckRequest(msg)) {
      // synchronous: the answer is ready before the listener returns (Chrome and Firefox alike)
      sendResponse(answerCheck(msg.html));
      return undefined;
    }
    if (isToChecker(msg)) {
      sendResponse(takeCheckerFile(msg.id));
      return undefined;
    }
    if (isOpenCheckerRequest(msg)) {
      // from the page's offer (its tab; the page fetched the file itself) or the popup (the tab it names)
      void openChecker(msg.url, sender.tab?.id ?? msg.tabId, fetch, msg.file);
      return undefined;
    }
    if (isOpenPicturesRequest(msg)) {
      // the page's 「识别本页图片中的年报表格」: its text and pictures, fetched by the page itself
      void openCheckerOnArticle(msg.article);
      return undefined;
    }
    if (isOpenBatchRequest(msg) && sender.tab?.id !== undefined) {
      // the list page's 「检查本页列出的全部年报」: the summary page asks that tab's frame (a list in a
      // cross-origin frame offers it from there) for the list and the files
      const runtime = browser.runtime as unknown as { getURL(path: string): string };
      void browser.tabs.create({ url: runtime.getURL(`/batch.html?tab=${sender.tab.id}&frame=${sender.frameId ?? 0}`) });
      return undefined;
    }
    if (isFrameStatesRequest(msg)) {
      sendResponse(states.frames(msg.tabId, typeof msg.since === 'number' ? msg.since : 0));
      return undefined;
    }
    const tabId = sender.tab?.id;
    // The top page reports for itself and its same-origin frames; a cross-origin frame holding a
    // report reports for itself. The badge counts them together.
    if (isToBackground(msg) && tabId !== undefined) void takeState(tabId, sender.frameId ?? 0, sender.url, msg.state);
    return undefined;
  });
  /**
   * A page's state for the badge, unless the tab has moved on: a state the old page sent just before the
   * tab navigated can arrive after the new page began, and it must not count on the new page (seen in
   * ext-e2e under load: a news page, which never reports, showed the report page's 「1」). The tab's
   * URL is known for the hosts the extension runs on; elsewhere the state is taken as before.
   */
  async function takeState(tabId: number, frameId: number, from: string | undefined, state: Parameters<TabStates['set']>[2]): Promise<void> {
    if (frameId === 0 && from) {
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      const page = (u: string) => u.split('#')[0];
      if (tab?.url && page(tab.url) !== page(from)) return;
    }
    await showBadge(tabId, states.set(tabId, frameId, state));
  }
  // A new page in the tab: the old count no longer applies.
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status !== 'loading' || info.url === undefined) return;
    states.clear(tabId);
    void showBadge(tabId, undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => states.clear(tabId));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'check-page') return;
    void (async () => {
      const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (id !== undefined) await checkTab(id).catch(() => undefined);
    })();
  });
});
