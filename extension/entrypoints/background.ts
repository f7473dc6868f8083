// The badge (errors on the page, per tab), and the keyboard shortcut that checks the current tab.
// No network, no remote code: the background only relays between the page and the toolbar.
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { isToBackground } from '../features/messages.ts';
import { showBadge } from '../features/badge.ts';
import { checkTab } from '../features/inject.ts';
import { createMenus, isToChecker, onMenuClick, openChecker, takeCheckerFile } from '../features/checker-files.ts';

export default defineBackground(() => {
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
    if (isToChecker(msg)) {
      sendResponse(takeCheckerFile(msg.id));
      return undefined;
    }
    const tabId = sender.tab?.id;
    // Only the top frame reports (it checks same-origin iframes itself).
    if (isToBackground(msg) && tabId !== undefined && !sender.frameId) void showBadge(tabId, msg.state);
    return undefined;
  });
  // A new page in the tab: the old count no longer applies.
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status === 'loading' && info.url !== undefined) void showBadge(tabId, undefined);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'check-page') return;
    void (async () => {
      const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (id !== undefined) await checkTab(id).catch(() => undefined);
    })();
  });
});
