// What each frame of each tab last reported, for the badge and the popup. The top page reports for
// itself and its same-origin frames; a cross-origin frame that holds a report reports for itself
// (frameId ≠ 0). Kept in memory: a new page in the tab clears it, and an MV3 service worker that was
// stopped starts empty and refills as the frames report again.
import { combineStates, type PageState } from './messages.ts';

export class TabStates {
  private readonly tabs = new Map<number, Map<number, PageState>>();

  /** Record a frame's state; returns the tab's combined state (what the badge shows). */
  set(tabId: number, frameId: number, state: PageState): PageState | undefined {
    let frames = this.tabs.get(tabId);
    if (!frames) this.tabs.set(tabId, (frames = new Map()));
    frames.set(frameId, state);
    return this.combined(tabId);
  }

  combined(tabId: number): PageState | undefined {
    const frames = this.tabs.get(tabId);
    return frames ? combineStates(frames.get(0), this.frames(tabId)) : undefined;
  }

  /** The states the tab's sub-frames reported. */
  frames(tabId: number): PageState[] {
    return [...(this.tabs.get(tabId) ?? new Map<number, PageState>())].filter(([id]) => id !== 0).map(([, s]) => s);
  }

  clear(tabId: number): void {
    this.tabs.delete(tabId);
  }
}
