// The toolbar badge: the number of errors not dismissed, coloured by the worst severity; '?' when a
// report table could not be (fully) read, so the icon never looks clean for a page that was not; empty
// when clean or when nothing was checked.
import { browser } from 'wxt/browser';
import type { PageState } from './messages.ts';

export const BADGE_COLOR = { error: '#c5221f', warning: '#b05a00', info: '#1a73e8' } as const;

export function badgeFor(state: PageState | undefined): { text: string; color: string } {
  // a check that did not come back is not a clean page
  if (state?.status === 'failed') return { text: '?', color: BADGE_COLOR.warning };
  if (!state || state.status !== 'checked') return { text: '', color: BADGE_COLOR.info };
  const { error, warning } = state.counts;
  if (error > 0) return { text: error > 999 ? '999+' : String(error), color: BADGE_COLOR.error };
  if (state.incomplete) return { text: '?', color: BADGE_COLOR.warning };
  return { text: '', color: warning > 0 ? BADGE_COLOR.warning : BADGE_COLOR.info };
}

/** MV3 has `action`; Firefox's MV2 build has `browserAction` with the same badge calls. */
function actionApi(): typeof browser.action {
  const b = browser as unknown as { action?: typeof browser.action; browserAction?: typeof browser.action };
  return (b.action ?? b.browserAction)!;
}

export async function showBadge(tabId: number, state: PageState | undefined): Promise<void> {
  const { text, color } = badgeFor(state);
  const action = actionApi();
  await action.setBadgeBackgroundColor({ tabId, color });
  await action.setBadgeText({ tabId, text });
}
