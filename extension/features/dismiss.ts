// Dismissed findings: per page URL (without the #fragment) and per finding (rule + the cell it marks),
// with the reason, in storage.local. Shown under 已忽略 with 恢复.
import { browser } from 'wxt/browser';

export type Reason = 'ok' | 'fixed' | 'na';

/** 数据无误 / 已更正 / 规则不适用 (their words are in lang.ts) */
export const REASONS: readonly Reason[] = ['ok', 'fixed', 'na'];

export type Dismissal = { reason: Reason; at: number };
export type Dismissals = Record<string, Dismissal>;

export function pageKey(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

export function storageKey(url: string): string {
  return `dismissed:${pageKey(url)}`;
}

export async function loadDismissals(url: string): Promise<Dismissals> {
  const key = storageKey(url);
  const got = (await browser.storage.local.get(key)) as Record<string, Dismissals | undefined>;
  return got[key] ?? {};
}

export async function dismiss(url: string, findingKeyValue: string, reason: Reason, now = Date.now()): Promise<Dismissals> {
  const all = await loadDismissals(url);
  all[findingKeyValue] = { reason, at: now };
  await browser.storage.local.set({ [storageKey(url)]: all });
  return all;
}

export async function restore(url: string, findingKeyValue: string): Promise<Dismissals> {
  const all = await loadDismissals(url);
  delete all[findingKeyValue];
  // An empty record is removed, so restoring everything leaves storage as it was.
  if (Object.keys(all).length) await browser.storage.local.set({ [storageKey(url)]: all });
  else await browser.storage.local.remove(storageKey(url));
  return all;
}
