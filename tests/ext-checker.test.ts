// The checker page's file hand-over (extension/features/checker-files.ts) with WXT's fakeBrowser: the
// background fetches the file the user right-clicked, opens the checker page, and hands the file over
// once; a file it cannot fetch opens the page with the reason instead.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fileNameOf, isToChecker, openChecker, takeCheckerFile } from '../extension/features/checker-files.ts';
import { FIXTURES } from './support/fixtures.ts';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

beforeEach(() => {
  fakeBrowser.reset();
  (fakeBrowser.runtime as unknown as { getURL(p: string): string }).getURL = (p: string) => `chrome-extension://test${p}`;
});

describe('checker page hand-over', () => {
  it('names the file from its URL or, failing that, from its type', () => {
    expect(fileNameOf('http://www.hongze.gov.cn/uploadfiles/2024/%E5%B9%B4%E6%8A%A5.pdf?t=1', 'application/pdf')).toBe('年报.pdf');
    expect(fileNameOf('http://www.hongze.gov.cn/getimage?id=3', 'image/png')).toBe('getimage.png');
    expect(fileNameOf('http://www.hongze.gov.cn/', 'image/jpeg')).toBe('report.jpg');
  });

  it('fetches the file, opens the checker page, and hands the bytes over exactly once', async () => {
    const png = readFileSync(join(FIXTURES, 'ocr/hongze-district-gov-2023-p4.png'));
    const created: string[] = [];
    vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(async (p) => {
      created.push(p.url!);
      return {} as never;
    });
    const fetcher = (async () => new Response(png, { headers: { 'content-type': 'image/png' } })) as typeof fetch;
    const id = await openChecker('http://www.hongze.gov.cn/uploadfiles/p4.png', undefined, fetcher);
    expect(created).toEqual([`chrome-extension://test/checker.html?id=${id}`]);
    expect(isToChecker({ type: 'gkc:checker-file', id })).toBe(true);
    const reply = takeCheckerFile(id);
    expect(reply.ok).toBe(true);
    if (reply.ok && 'file' in reply) {
      expect(reply.file.name).toBe('p4.png');
      expect(Buffer.from(reply.file.base64, 'base64').equals(png)).toBe(true);
    }
    expect(takeCheckerFile(id).ok).toBe(false);
  });

  it('a file that cannot be fetched opens the page with the reason', async () => {
    vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    const fetcher = (async () => new Response('forbidden', { status: 403 })) as typeof fetch;
    const id = await openChecker('http://www.hongze.gov.cn/secret.pdf', undefined, fetcher);
    const reply = takeCheckerFile(id);
    expect(reply).toMatchObject({ ok: false, error: 'HTTP 403', url: 'http://www.hongze.gov.cn/secret.pdf' });
  });
});
