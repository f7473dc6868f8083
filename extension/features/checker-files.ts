// The checker page (the site's UI as an extension page) opened on a file from the page being read: an
// image of a scanned report or a linked PDF. The background fetches the file (the context-menu click
// grants activeTab on that site), keeps it in memory for the page to collect once, and opens the page.
// Files are never sent anywhere; nothing is stored on disk.
import { browser } from 'wxt/browser';
import type { ArticlePictures } from './pictures.ts';

export type CheckerFile = { name: string; type: string; base64: string };
/** A file, or (issue 23) an article's text and pictures to read as one report. */
export type CheckerReply = { ok: true; file: CheckerFile } | { ok: true; article: ArticlePictures } | { ok: false; error: string; url?: string };
export type ToChecker = { type: 'gkc:checker-file'; id: string };

const MAX_BYTES = 50 * 1024 * 1024;
const waiting = new Map<string, CheckerReply>();

export function isToChecker(m: unknown): m is ToChecker {
  return (m as { type?: unknown } | null)?.type === 'gkc:checker-file' && typeof (m as ToChecker).id === 'string';
}

/** 「…/附件/2023年报.pdf?t=1」 → 「2023年报.pdf」 */
export function fileNameOf(url: string, type: string): string {
  let name = '';
  try {
    name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  } catch {
    /* a data: or odd URL */
  }
  if (!name || !/\.[a-z0-9]{2,5}$/i.test(name)) {
    const ext = type.includes('pdf') ? 'pdf' : type.includes('png') ? 'png' : type.includes('jpeg') || type.includes('jpg') ? 'jpg' : type.includes('webp') ? 'webp' : type.includes('gif') ? 'gif' : 'bin';
    name = `${name || 'report'}.${ext}`;
  }
  return name;
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Runs in the page (via scripting): the page's own origin may read a file the background may not. */
async function fetchInPage(url: string): Promise<{ type: string; base64: string } | { error: string }> {
  try {
    const res = await fetch(url, { credentials: 'include' });
    if (!res.ok) return { error: `HTTP ${res.status}` };
    const bytes = new Uint8Array(await res.arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { type: res.headers.get('content-type') ?? '', base64: btoa(bin) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** Fetch a file for the checker page; throws with the reason (HTTP status, too large, network). */
export async function fetchFile(url: string, fetcher: typeof fetch = fetch, maxBytes = MAX_BYTES): Promise<CheckerFile> {
  const res = await fetcher(url, { credentials: 'include' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > maxBytes) throw new Error(`文件过大（${(bytes.length / 1048576).toFixed(1)} MB）`);
  const type = res.headers.get('content-type') ?? '';
  return { name: fileNameOf(url, type), type, base64: toBase64(bytes) };
}

/**
 * Opens the checker page on `url` (or on the reason it could not be fetched). A file the page already
 * fetched comes in `prefetched`; else the background tries, and when the site does not allow it, the
 * page that shows the file fetches it (the context-menu click grants activeTab on that tab).
 */
export async function openChecker(url: string, tabId?: number, fetcher: typeof fetch = fetch, prefetched?: CheckerFile): Promise<string> {
  let reply: CheckerReply;
  try {
    reply = { ok: true, file: prefetched ?? (await fetchFile(url, fetcher)) };
  } catch (e) {
    reply = { ok: false, error: (e as Error).message, url };
    if (tabId !== undefined) {
      const [r] = await browser.scripting.executeScript({ target: { tabId }, func: fetchInPage, args: [url] }).catch(() => [] as { result?: unknown }[]);
      const got = r?.result as { type: string; base64: string } | { error: string } | undefined;
      if (got && 'base64' in got) reply = { ok: true, file: { name: fileNameOf(url, got.type), type: got.type, base64: got.base64 } };
    }
  }
  return handOver(reply);
}

/** The checker page on a page's article: its text and the pictures the page fetched (features/pictures.ts). */
export function openCheckerOnArticle(article: ArticlePictures): Promise<string> {
  return handOver({ ok: true, article });
}

async function handOver(reply: CheckerReply): Promise<string> {
  const id = crypto.randomUUID();
  waiting.set(id, reply);
  // collected within a minute or dropped
  setTimeout(() => waiting.delete(id), 60_000);
  // WXT types getURL from generated files this project does not use (auto-imports are off)
  const runtime = browser.runtime as unknown as { getURL(path: string): string };
  await browser.tabs.create({ url: runtime.getURL(`/checker.html?id=${id}`) });
  return id;
}

/** The checker page collects its file once. */
export function takeCheckerFile(id: string): CheckerReply {
  const r = waiting.get(id);
  waiting.delete(id);
  return r ?? { ok: false, error: '文件已失效，请在原网页上重新右键选择“用公开年报核数检查”' };
}

export const MENU_ID = 'gkc-check-file';

export function createMenus(): void {
  browser.contextMenus.removeAll(() => {
    browser.contextMenus.create({ id: MENU_ID, title: '用公开年报核数检查 (check with gongkai-check)', contexts: ['image', 'link'], targetUrlPatterns: undefined });
  });
}

export function onMenuClick(info: { menuItemId: string | number; srcUrl?: string; linkUrl?: string }, tab?: { id?: number }): void {
  if (info.menuItemId !== MENU_ID) return;
  const url = info.srcUrl ?? info.linkUrl;
  if (url) void openChecker(url, tab?.id);
}
