// What each frame of each tab last reported, for the badge and the popup. The top page reports for
// itself and its same-origin frames; a cross-origin frame that holds a report reports for itself
// (frameId ≠ 0). Kept in memory: an MV3 service worker that was stopped starts empty and refills as the
// frames report again.
//
// A new page in the tab must drop the old page's frames (issue 17: frame page → "3", then a clean page
// in the same tab still showed "3"). tabs.onUpdated carries the URL only with the "tabs" permission,
// which we do not ask for, so the top page says when its document began (`since`, its navigation start):
// a sub-frame state recorded before that belongs to an earlier page and goes.
import { combineStates, type PageState } from './messages.ts';

type Entry = { state: PageState; at: number };

export class TabStates {
  private readonly tabs = new Map<number, Map<number, Entry>>();

  /** Record a frame's state (at `now`, epoch ms); returns the tab's combined state (what the badge shows). */
  set(tabId: number, frameId: number, state: PageState, now = Date.now()): PageState | undefined {
    let frames = this.tabs.get(tabId);
    if (!frames) this.tabs.set(tabId, (frames = new Map()));
    if (frameId === 0 && state.since !== undefined) {
      for (const [id, e] of frames) if (id !== 0 && e.at < state.since) frames.delete(id);
    }
    frames.set(frameId, { state, at: now });
    return this.combined(tabId);
  }

  combined(tabId: number): PageState | undefined {
    const frames = this.tabs.get(tabId);
    return frames ? combineStates(frames.get(0)?.state, this.frames(tabId)) : undefined;
  }

  /**
   * The states the tab's sub-frames reported; with `since` (the top page's navigation start), only those
   * reported since then: the popup on a page that is no report (it never reports) must not show the
   * frames of the page before it.
   */
  frames(tabId: number, since = 0): PageState[] {
    return [...(this.tabs.get(tabId) ?? new Map<number, Entry>())].filter(([id, e]) => id !== 0 && e.at >= since).map(([, e]) => e.state);
  }

  clear(tabId: number): void {
    this.tabs.delete(tabId);
  }
}
