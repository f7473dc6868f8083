// @vitest-environment happy-dom
// The extension's background and popup with WXT's fakeBrowser: the badge (errors not dismissed, colour
// by worst severity, '?' when a table was not read, empty when clean), navigation clearing it,
// dismiss/restore records in storage.local, the per-site switch, and the popup checking a page that
// the content script did not run on.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE_COLOR, badgeFor, showBadge } from '../extension/features/badge.ts';
import { dismiss, loadDismissals, pageKey, restore, storageKey } from '../extension/features/dismiss.ts';
import { findingKey } from '../extension/features/wire-check.ts';
import { isSiteEnabled, setSiteEnabled } from '../extension/features/sites.ts';
import { Popup, type PopupApi } from '../extension/features/popup.tsx';
import type { Finding } from '../core/index.ts';
import { combineStates, type PageState } from '../extension/features/messages.ts';
import { TabStates } from '../extension/features/tab-states.ts';
import type { WireResult } from '../extension/features/wire-check.ts';
import { backgroundChecker } from '../extension/features/check-client.ts';
import { pageState } from '../extension/features/inject.ts';
import { shuyangWithOneChange } from './support/fixtures.ts';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const state = (over: Partial<PageState> = {}): PageState => ({
  status: 'checked',
  host: 'fgw.shuyang.gov.cn',
  counts: { error: 0, warning: 0, info: 0, dismissed: 0 },
  incomplete: false,
  headline: '已核对部分未发现错误',
  timing: { gateMs: 0.1, checkMs: 3 },
  ...over,
});

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('badge', () => {
  it('shows the number of errors in red, "?" when a table was not read, nothing when clean or unchecked', () => {
    expect(badgeFor(state({ counts: { error: 2, warning: 3, info: 1, dismissed: 0 } }))).toEqual({ text: '2', color: BADGE_COLOR.error });
    expect(badgeFor(state({ counts: { error: 0, warning: 3, info: 1, dismissed: 2 } }))).toEqual({ text: '', color: BADGE_COLOR.warning });
    expect(badgeFor(state({ incomplete: true }))).toEqual({ text: '?', color: BADGE_COLOR.warning });
    expect(badgeFor(state()).text).toBe('');
    expect(badgeFor(state({ status: 'not-report', counts: { error: 5, warning: 0, info: 0, dismissed: 0 } })).text).toBe('');
    expect(badgeFor(undefined).text).toBe('');
    expect(badgeFor(state({ counts: { error: 1234, warning: 0, info: 0, dismissed: 0 } })).text).toBe('999+');
  });

  it('the background sets it per tab from the content script, counts a cross-origin frame\'s report with the page\'s, clears it on navigation', async () => {
    const { default: background } = await import('../extension/entrypoints/background.ts');
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
    background.main();
    const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (...args: unknown[]) => Promise<unknown>;
    const msg = { type: 'gkc:page-state', state: state({ counts: { error: 3, warning: 1, info: 0, dismissed: 1 } }) };
    await trigger(msg, { tab: { id: 7 } as never, frameId: 0 });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('3'));
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 7 })).toEqual([0xc5, 0x22, 0x1f, 255]);
    // a report in a cross-origin frame (its own content script checked it) counts with the page's
    const inFrame = { type: 'gkc:page-state', state: state({ host: 'xxgk.shuyang.gov.cn', counts: { error: 2, warning: 0, info: 0, dismissed: 0 } }) };
    await trigger(inFrame, { tab: { id: 7 } as never, frameId: 5 });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('5'));
    // the popup asks for the frames' states (the top page answers for itself)
    const answers: unknown[] = [];
    await trigger({ type: 'gkc:frame-states', tabId: 7 }, { frameId: 0 }, (r: unknown) => answers.push(r));
    expect(answers).toEqual([[inFrame.state]]);
    // a tab whose top page is not a report, with the report in a frame
    await trigger(inFrame, { tab: { id: 8 } as never, frameId: 3 });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('2'));
    // the person dismissed the page's errors: the frame's remain
    await trigger({ ...msg, state: state({ counts: { error: 0, warning: 1, info: 0, dismissed: 4 } }) }, { tab: { id: 7 } as never, frameId: 0 });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('2'));
    await trigger(msg, { tab: { id: 7 } as never, frameId: 0 });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('5'));
    // a new page: the frame's old count goes with the old page
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading', url: 'http://www.example.gov.cn/other.html' }, {} as never);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe(''));
    await trigger(msg, { tab: { id: 7 } as never, frameId: 0 });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('3'));
  });

  it('a new top page drops the old page\'s frames (issue 17: frame page → "3", clean page → still "3"), a re-check of the same page keeps them', async () => {
    const tabs = new TabStates();
    const top = (since: number, error: number) => state({ since, counts: { error, warning: 0, info: 0, dismissed: 0 } });
    const frame = state({ host: 'xxgk.shuyang.gov.cn', counts: { error: 3, warning: 0, info: 0, dismissed: 0 } });
    tabs.set(7, 0, top(1000, 0), 1500);
    expect(tabs.set(7, 5, frame, 2000)?.counts.error).toBe(3);
    // the same page again (dismissed one, re-checked): its frame still counts
    expect(tabs.set(7, 0, top(1000, 0), 2500)?.counts.error).toBe(3);
    // another page in the tab, navigated at 3000: the frame reported before that is gone
    expect(tabs.set(7, 0, top(3000, 0), 3500)?.counts.error).toBe(0);
    expect(tabs.frames(7)).toEqual([]);
    // the new page's own frame reports before its top page does: it stays when the top page reports
    tabs.set(7, 5, frame, 4500);
    expect(tabs.set(7, 0, top(4000, 1), 4600)?.counts.error).toBe(4);
    // a page that is no report never reports: the popup asks with its `since`, and older frames are left out
    expect(tabs.frames(7, 4000)).toHaveLength(1);
    expect(tabs.frames(7, 5000)).toEqual([]);
  });

  it('one state for a tab: frames that found nothing add nothing; a frame that failed keeps the tab from looking clean', () => {
    const top = state({ counts: { error: 1, warning: 2, info: 0, dismissed: 1 } });
    const frame = state({ host: 'xxgk.shuyang.gov.cn', headline: '表乙：1 处错误', counts: { error: 2, warning: 0, info: 1, dismissed: 0 } });
    const quiet = state({ status: 'not-report', counts: { error: 0, warning: 0, info: 0, dismissed: 0 } });
    expect(combineStates(top, [])).toBe(top);
    expect(combineStates(top, [quiet])).toBe(top);
    expect(combineStates(undefined, [])).toBeUndefined();
    const both = combineStates(top, [frame, quiet])!;
    expect(both).toMatchObject({ status: 'checked', host: top.host, counts: { error: 3, warning: 2, info: 1, dismissed: 1 }, incomplete: false });
    expect(both.headline).toBeUndefined(); // two reports: no one headline speaks for both
    // a top page that is not a report takes the frame's state, headline included
    expect(combineStates(state({ status: 'not-report', headline: undefined }), [frame])).toMatchObject({ status: 'checked', counts: frame.counts, headline: frame.headline });
    const failed = combineStates(quiet, [state({ status: 'failed', counts: { error: 0, warning: 0, info: 0, dismissed: 0 } })])!;
    expect(failed.status).toBe('failed');
    expect(badgeFor(failed).text).toBe('?');
    expect(combineStates(top, [state({ status: 'failed' })])!).toMatchObject({ status: 'checked', incomplete: true });
  });

  it('opens the checker page on an attachment the page or the popup asks for; anything but an http(s) URL is ignored', async () => {
    const { default: background } = await import('../extension/entrypoints/background.ts');
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
    const fetched: string[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation((async (u: string) => {
      fetched.push(u);
      return new Response(new Uint8Array([37, 80, 68, 70]), { headers: { 'content-type': 'application/pdf' } });
    }) as never);
    const created: string[] = [];
    vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation((async (o: { url: string }) => void created.push(o.url)) as never);
    background.main();
    const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (...args: unknown[]) => Promise<unknown>;
    await trigger({ type: 'gkc:open-checker', url: 'javascript:alert(1)' }, { tab: { id: 3 } as never, frameId: 0 });
    await trigger({ type: 'gkc:open-checker', url: 'http://www.hongze.gov.cn/uploadfiles/nianbao.pdf' }, { tab: { id: 3 } as never, frameId: 0 });
    await vi.waitFor(() => expect(created).toHaveLength(1));
    expect(fetched).toEqual(['http://www.hongze.gov.cn/uploadfiles/nianbao.pdf']);
    expect(created[0]).toMatch(/\/checker\.html\?id=[0-9a-f-]{36}$/);
  });

  it('opens the batch summary page on the tab and frame whose list page asked (issue 21), fetching nothing itself', async () => {
    const { default: background } = await import('../extension/entrypoints/background.ts');
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const created: string[] = [];
    vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation((async (o: { url: string }) => void created.push(o.url)) as never);
    background.main();
    const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (...args: unknown[]) => Promise<unknown>;
    await trigger({ type: 'gkc:open-batch' }, { tab: { id: 6 } as never, frameId: 0 });
    // a list in a cross-origin frame offers it from there: the summary page asks that frame
    await trigger({ type: 'gkc:open-batch' }, { tab: { id: 6 } as never, frameId: 4 });
    // from no tab (another extension page): nothing to ask
    await trigger({ type: 'gkc:open-batch' }, {});
    await vi.waitFor(() => expect(created).toHaveLength(2));
    expect(created.map((u) => u.replace(/^.*\//, ''))).toEqual(['batch.html?tab=6&frame=0', 'batch.html?tab=6&frame=4']);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('the keyboard command checks the active tab: asks the content script, else injects it flagged as on request', async () => {
    const { default: background } = await import('../extension/entrypoints/background.ts');
    let onCommand: ((command: string, tab?: { id?: number }) => void) | undefined;
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((fn) => void (onCommand = fn as typeof onCommand));
    const injected: unknown[] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (inj: { func?: (flag: string) => void; files?: string[]; args?: string[] }) => {
      if (inj.func) {
        inj.func(...(inj.args as [string]));
        injected.push({ flag: inj.args![0], set: (globalThis as Record<string, unknown>)[inj.args![0]!] });
        delete (globalThis as Record<string, unknown>)[inj.args![0]!];
        return [];
      }
      injected.push({ files: inj.files });
      return [{ result: state(), frameId: 0, documentId: 'd' }];
    }) as never);
    background.main();
    onCommand!('check-page', { id: 9 });
    await vi.waitFor(() => expect(injected).toEqual([{ flag: '__gkcForce', set: true }, { files: ['/content-scripts/content.js'] }]));
    onCommand!('something-else', { id: 9 });
    expect(injected).toHaveLength(2);
  });

  it('the popup asks the top frame only (every frame has the content script) and adds the frames\' reports', async () => {
    const asked: unknown[] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, msg: unknown, opts?: unknown) => {
      asked.push({ tabId, msg, opts });
      return state({ status: 'not-report', headline: undefined });
    }) as never);
    const frame = state({ host: 'xxgk.shuyang.gov.cn', counts: { error: 2, warning: 0, info: 0, dismissed: 0 } });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue([frame] as never);
    expect(await pageState(4)).toMatchObject({ status: 'checked', counts: frame.counts });
    expect(asked).toEqual([{ tabId: 4, msg: { type: 'gkc:get-state' }, opts: { frameId: 0 } }]);
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'gkc:frame-states', tabId: 4 });
    // no background answer (asked from the background itself): the top page's state alone
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await pageState(4)).toMatchObject({ status: 'not-report' });
  });

  it('showBadge writes text and colour for the tab only', async () => {
    await showBadge(3, state({ counts: { error: 1, warning: 0, info: 0, dismissed: 0 } }));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('1');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});

describe('dismissals in storage.local', () => {
  const f = (ruleId: string, cell?: string): Finding => ({ ruleId, severity: 'error', certainty: 'certain', messageId: 'm', data: {}, cells: cell ? [cell] : [], table: 'B' });
  const url = 'http://fgw.shuyang.gov.cn/art/2024/1/22/art_1.html';

  it('keys by page (fragment dropped) and by rule + marked cell; restore of the last one leaves storage empty', async () => {
    expect(pageKey(`${url}#table2`)).toBe(url);
    expect(findingKey(f('APP-BALANCE', 'B.new.tot'))).toBe('APP-BALANCE@B.new.tot');
    expect(findingKey(f('STRUCT-LABEL-VARIANT'))).toBe('STRUCT-LABEL-VARIANT@m');
    await dismiss(`${url}#x`, 'APP-BALANCE@B.new.tot', 'fixed', 1000);
    await dismiss(url, 'APP-ROW-TOTAL@B.new.tot', 'na', 2000);
    expect(await loadDismissals(url)).toEqual({ 'APP-BALANCE@B.new.tot': { reason: 'fixed', at: 1000 }, 'APP-ROW-TOTAL@B.new.tot': { reason: 'na', at: 2000 } });
    // another page is untouched
    expect(await loadDismissals('http://fgw.shuyang.gov.cn/art/2023/other.html')).toEqual({});
    await restore(url, 'APP-BALANCE@B.new.tot');
    expect(Object.keys(await loadDismissals(url))).toEqual(['APP-ROW-TOTAL@B.new.tot']);
    await restore(url, 'APP-ROW-TOTAL@B.new.tot');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(storageKey(url)).toBe(`dismissed:${url}`);
  });

  it('per-site switch', async () => {
    expect(await isSiteEnabled('www.example.gov.cn')).toBe(true);
    await setSiteEnabled('www.example.gov.cn', false);
    await setSiteEnabled('b.gov.cn', false);
    expect(await isSiteEnabled('www.example.gov.cn')).toBe(false);
    expect(await isSiteEnabled('c.gov.cn')).toBe(true);
    await setSiteEnabled('www.example.gov.cn', true);
    expect(await fakeBrowser.storage.local.get('sitesOff')).toEqual({ sitesOff: ['b.gov.cn'] });
  });
});

describe('popup', () => {
  function api(over: Partial<PopupApi> = {}): PopupApi & { calls: string[] } {
    const calls: string[] = [];
    return {
      calls,
      activeTab: async () => ({ id: 1, url: 'http://fgw.shuyang.gov.cn/art/1.html' }),
      pageState: async () => state({ counts: { error: 2, warning: 1, info: 0, dismissed: 1 }, headline: '发现 2 处错误，请核对标记的单元格' }),
      checkTab: async () => {
        calls.push('checkTab');
        return state({ counts: { error: 1, warning: 0, info: 0, dismissed: 0 } });
      },
      openPanel: async () => void calls.push('openPanel'),
      openAttachment: async (tabId, url) => void calls.push(`open ${tabId} ${url}`),
      isSiteEnabled: async () => true,
      setSiteEnabled: async (host, on) => void calls.push(`site ${host} ${on}`),
      loadLang: async () => 'zh',
      setLang: async (l) => void calls.push(`lang ${l}`),
      ...over,
    };
  }

  it('a page whose report is an attachment: says nothing was checked and opens the attachment in the checker page', async () => {
    const url = 'http://www.hongze.gov.cn/uploadfiles/nianbao.pdf';
    const a = api({ pageState: async () => state({ status: 'not-report', headline: undefined, attachments: [{ url, name: '洪泽区2023年年报.pdf' }] }) });
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    render(<Popup api={a} />);
    await waitFor(() => expect(screen.getByTestId('popup-attachments').textContent).toContain('未检查'));
    fireEvent.click(screen.getByText('在核数页中检查：洪泽区2023年年报.pdf'));
    await waitFor(() => expect(a.calls).toContain(`open 1 ${url}`));
    await waitFor(() => expect(close).toHaveBeenCalled());
  });

  it('shows the counts of the current tab and switches the site off', async () => {
    const a = api();
    render(<Popup api={a} />);
    await waitFor(() => expect(screen.getByTestId('popup-counts').textContent).toBe('错误 2 · 警告 1 · 提示 0 · 已忽略 1'));
    expect(screen.getByTestId('popup-status').textContent).toContain('发现 2 处错误');
    expect(a.calls).toEqual([]); // the content script had already checked the page
    const sw = screen.getByRole('checkbox');
    expect((sw as HTMLInputElement).checked).toBe(true);
    fireEvent.click(sw);
    await waitFor(() => expect(a.calls).toContain('site fgw.shuyang.gov.cn false'));
  });

  it('on a page the content script did not run on, opening the popup checks it (activeTab + scripting)', async () => {
    const a = api({ activeTab: async () => ({ id: 2, url: 'https://example.org/report.html' }), pageState: async () => undefined });
    render(<Popup api={a} />);
    await waitFor(() => expect(screen.getByTestId('popup-counts').textContent).toBe('错误 1 · 警告 0 · 提示 0'));
    expect(a.calls).toEqual(['checkTab']);
    fireEvent.click(screen.getByText('检查此页面'));
    await waitFor(() => expect(a.calls).toEqual(['checkTab', 'checkTab']));
  });

  it('a site switched off is not checked on open, only on the button', async () => {
    const a = api({ pageState: async () => undefined, isSiteEnabled: async () => false, activeTab: async () => ({ id: 2, url: 'https://example.org/' }) });
    render(<Popup api={a} />);
    await waitFor(() => expect(screen.getByText(/已在此网站关闭自动检查/)).toBeTruthy());
    expect(a.calls).toEqual([]);
  });

  it('switches the language: the words change at once and the choice is stored for the pages', async () => {
    const a = api();
    render(<Popup api={a} />);
    await waitFor(() => expect(screen.getByTestId('popup-counts').textContent).toBe('错误 2 · 警告 1 · 提示 0 · 已忽略 1'));
    fireEvent.click(screen.getByText('English'));
    await waitFor(() => expect(screen.getByTestId('popup-counts').textContent).toBe('2 errors · 1 warning · 0 info · 1 dismissed'));
    expect(screen.getByText('Check this page')).toBeTruthy();
    expect(screen.getByText('Check fgw.shuyang.gov.cn automatically')).toBeTruthy();
    expect(a.calls).toContain('lang en');
    expect(screen.getByText('English').getAttribute('aria-pressed')).toBe('true');
  });

  it('opens in the stored language', async () => {
    render(<Popup api={api({ loadLang: async () => 'en' })} />);
    await waitFor(() => expect(screen.getByText('Everything is checked on this computer; nothing is uploaded.')).toBeTruthy());
  });
});

describe('the check in the background', () => {
  it('answers a check request with findings and cell places, and a bad request with a reason', async () => {
    const { default: background } = await import('../extension/entrypoints/background.ts');
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
    background.main();
    const html = shuyangWithOneChange();
    const answers: unknown[] = [];
    // Chrome and Firefox pass sendResponse as the third argument; fakeBrowser's trigger passes what it is given
    const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (...args: unknown[]) => Promise<unknown>;
    await trigger({ type: 'gkc:check', html }, { tab: { id: 1 } as never, frameId: 0 }, (r: unknown) => answers.push(r));
    const r = answers[0] as WireResult;
    expect(r.hasTables).toBe(true);
    expect(r.findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
    const err = r.findings.find((f) => f.severity === 'error')!;
    expect(r.cells[err.ref!]).toEqual({ table: expect.any(Number), row: expect.any(Number), cell: expect.any(Number) });
    expect(err.card.zh.message).toMatch(/[\u4e00-\u9fff]/);
    expect(err.card.en.message).toMatch(/the total should/); // English, quoting the report's own label
    // a request the background cannot read
    await trigger({ type: 'gkc:check', html: 42 }, { tab: { id: 1 } as never, frameId: 0 }, (x: unknown) => answers.push(x));
    expect(answers).toHaveLength(1); // not a check request at all: no answer from the check
  });

  it('the content side gives up with the reason when the background does not answer', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(backgroundChecker('<p>x</p>')).rejects.toThrow(/Receiving end/);
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledTimes(2); // one retry: a service worker may be restarting
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ error: 'boom' });
    await expect(backgroundChecker('<p>x</p>')).rejects.toThrow('boom');
  });
});
