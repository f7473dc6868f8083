// Check a tab on request (toolbar popup, keyboard shortcut): ask the content script already there, or
// inject it through activeTab + scripting, flagged so it skips the gate and the per-site switch.
import { browser } from 'wxt/browser';
import { FORCE_FLAG, type PageState, type ToContent } from './messages.ts';

export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

export async function pageState(tabId: number): Promise<PageState | undefined> {
  try {
    const msg: ToContent = { type: 'gkc:get-state' };
    return ((await browser.tabs.sendMessage(tabId, msg)) as PageState | undefined) ?? undefined;
  } catch {
    return undefined; // no content script in this tab
  }
}

export async function checkTab(tabId: number): Promise<PageState | undefined> {
  try {
    const msg: ToContent = { type: 'gkc:check-now' };
    const s = (await browser.tabs.sendMessage(tabId, msg)) as PageState | undefined;
    if (s) return s;
  } catch {
    // not injected yet
  }
  await browser.scripting.executeScript({
    target: { tabId },
    func: (flag: string) => {
      (globalThis as Record<string, unknown>)[flag] = true;
    },
    args: [FORCE_FLAG],
  });
  const [res] = await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
  return (res?.result as PageState | undefined) ?? (await pageState(tabId));
}

export async function openPanel(tabId: number): Promise<void> {
  const msg: ToContent = { type: 'gkc:open-panel' };
  await browser.tabs.sendMessage(tabId, msg).catch(() => undefined);
}
