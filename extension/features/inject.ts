// Check a tab on request (toolbar popup, keyboard shortcut): ask the content script already there, or
// inject it through activeTab + scripting, flagged so it skips the gate and the per-site switch.
import { browser } from 'wxt/browser';
import { combineStates, FORCE_FLAG, type FrameStatesRequest, type PageState, type ToContent } from './messages.ts';

export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

/**
 * The tab as the popup shows it: the top page's own answer, combined with what cross-origin frames
 * holding a report told the background. Only the top frame is asked (every frame has the content
 * script; the first to answer would win).
 */
export async function pageState(tabId: number): Promise<PageState | undefined> {
  const top = await topState(tabId);
  return combineStates(top, await frameStates(tabId, top?.since));
}

async function topState(tabId: number): Promise<PageState | undefined> {
  try {
    const msg: ToContent = { type: 'gkc:get-state' };
    return ((await browser.tabs.sendMessage(tabId, msg, { frameId: 0 })) as PageState | undefined) ?? undefined;
  } catch {
    return undefined; // no content script in this tab
  }
}

async function frameStates(tabId: number, since?: number): Promise<PageState[]> {
  try {
    const msg: FrameStatesRequest = { type: 'gkc:frame-states', tabId, ...(since !== undefined ? { since } : {}) };
    const r: unknown = await browser.runtime.sendMessage(msg);
    return Array.isArray(r) ? (r as PageState[]) : [];
  } catch {
    return []; // asked from the background itself (the shortcut): there is no one to answer
  }
}

export async function checkTab(tabId: number): Promise<PageState | undefined> {
  const top = await checkTop(tabId);
  return combineStates(top, await frameStates(tabId, top?.since));
}

/** Re-check the top page, injecting the content script (forced past the gate) if it is not there. */
async function checkTop(tabId: number): Promise<PageState | undefined> {
  try {
    const msg: ToContent = { type: 'gkc:check-now' };
    const s = (await browser.tabs.sendMessage(tabId, msg, { frameId: 0 })) as PageState | undefined;
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
  return (res?.result as PageState | undefined) ?? (await topState(tabId));
}

/** Every frame is told: the one whose report is checked opens its panel (the others have none). */
export async function openPanel(tabId: number): Promise<void> {
  const msg: ToContent = { type: 'gkc:open-panel' };
  await browser.tabs.sendMessage(tabId, msg).catch(() => undefined);
}
