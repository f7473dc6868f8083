// The per-site switch in the popup: a list of host names the extension leaves alone (it still checks
// there when asked through the toolbar button or the shortcut).
import { browser } from 'wxt/browser';

export const SITES_OFF_KEY = 'sitesOff';

async function sitesOff(): Promise<string[]> {
  const got = (await browser.storage.local.get(SITES_OFF_KEY)) as Record<string, string[] | undefined>;
  return got[SITES_OFF_KEY] ?? [];
}

export async function isSiteEnabled(host: string): Promise<boolean> {
  return !(await sitesOff()).includes(host);
}

export async function setSiteEnabled(host: string, on: boolean): Promise<void> {
  const off = new Set(await sitesOff());
  if (on) off.delete(host);
  else off.add(host);
  await browser.storage.local.set({ [SITES_OFF_KEY]: [...off].sort() });
}
