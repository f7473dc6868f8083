// Firefox tests drive Debian's firefox-esr through WebDriver BiDi, which Firefox speaks itself
// (--remote-debugging-port): no geckodriver, no downloaded browser. playwright-core cannot drive a stock
// Firefox (it needs its own patched build), so this is a small client over one WebSocket.
//
// Every request Firefox makes goes through an HTTP proxy the test runs (network.proxy.* prefs): that is
// how a *.gov.cn host name reaches 127.0.0.1 (Firefox has no --host-resolver-rules), and how the test
// sees that nothing else was asked for. Without /usr/bin/firefox-esr the tests skip, loudly.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

export const FIREFOX = '/usr/bin/firefox-esr';
export const hasFirefox = existsSync(FIREFOX);

/** Call at the top of a Firefox test file: prints why its tests are skipped. */
export function warnIfNoFirefox(what: string): void {
  if (hasFirefox) return;
  const line = '!'.repeat(100);
  console.warn(`\n${line}\n!! SKIPPED: ${what}\n!! ${FIREFOX} is missing. Install it: apt-get install -y firefox-esr\n${line}\n`);
}

type Reply = { type: 'success'; id: number; result: any } | { type: 'error'; id: number; error: string; message: string };

export class Firefox {
  private nextId = 0;
  private readonly pending = new Map<number, (r: Reply) => void>();

  private constructor(
    private readonly proc: ChildProcess,
    private readonly ws: WebSocket,
    private readonly profile: string,
  ) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as Reply;
      if (typeof msg.id !== 'number') return; // events: not subscribed to
      this.pending.get(msg.id)?.(msg);
      this.pending.delete(msg.id);
    });
  }

  /** Start headless Firefox with a fresh profile whose every request goes to the proxy on `proxyPort`. */
  static async launch(opts: { proxyPort: number; width?: number; height?: number }): Promise<Firefox> {
    const profile = mkdtempSync(join(tmpdir(), 'gkc-firefox-'));
    const prefs: Record<string, string | number | boolean> = {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': opts.proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': opts.proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // Firefox's own services (remote settings, the add-on blocklist, captive-portal and connectivity
      // probes, media plugins) would ask Mozilla's and Google's servers through the proxy; they are the browser's, not the page's or
      // the extension's, so they are switched off and anything left in the proxy log is ours to explain.
      'services.settings.server': 'data:,#remote-settings-off',
      'extensions.blocklist.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.update.enabled': false,
      'browser.region.network.url': '',
      'app.normandy.enabled': false,
      'toolkit.telemetry.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'extensions.getAddons.cache.enabled': false,
      'extensions.update.enabled': false,
      // the Widevine / OpenH264 plugin downloader (it fetches from Google's servers a minute in)
      'media.gmp-manager.updateEnabled': false,
      'media.gmp-manager.url': 'data:,',
      'media.gmp-widevinecdm.enabled': false,
      'media.gmp-gmpopenh264.enabled': false,
    };
    writeFileSync(join(profile, 'user.js'), Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n'));
    const proc = spawn(
      FIREFOX,
      [
        '--headless',
        '--no-remote',
        '--profile', profile,
        `--window-size=${opts.width ?? 1280},${opts.height ?? 900}`,
        '--remote-debugging-port', '0',
        // lets the test read the toolbar button (the badge) in the browser window's chrome scope
        '--remote-allow-system-access',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const url = await new Promise<string>((ok, fail) => {
      let seen = '';
      const timer = setTimeout(() => fail(new Error(`Firefox did not start its BiDi server:\n${seen}`)), 60_000);
      proc.stderr!.on('data', (d) => {
        seen += String(d);
        const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(seen);
        if (m) {
          clearTimeout(timer);
          ok(m[1]!);
        }
      });
      proc.on('exit', (code) => fail(new Error(`Firefox exited (${code}):\n${seen}`)));
    });
    const ws = new WebSocket(`${url}/session`);
    await new Promise((ok, fail) => {
      ws.once('open', ok);
      ws.once('error', fail);
    });
    const ff = new Firefox(proc, ws, profile);
    await ff.send('session.new', { capabilities: {} });
    return ff;
  }

  /** One BiDi command; a BiDi error becomes a thrown Error with the command named. */
  send<T = any>(method: string, params: object): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((ok, fail) => {
      this.pending.set(id, (r) => (r.type === 'success' ? ok(r.result as T) : fail(new Error(`${method}: ${r.error}: ${r.message}`))));
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Install an unpacked extension, temporarily (as about:debugging does; no signature needed). */
  async installExtension(dir: string): Promise<string> {
    return (await this.send<{ extension: string }>('webExtension.install', { extensionData: { type: 'path', path: dir } })).extension;
  }

  /** The first tab's browsing context. */
  async tab(): Promise<string> {
    const tree = await this.send<{ contexts: { context: string }[] }>('browsingContext.getTree', {});
    return tree.contexts[0]!.context;
  }

  /** Load `url` in the tab and give the page keyboard focus, as a reader clicking into it would. */
  async navigate(context: string, url: string): Promise<void> {
    await this.send('browsingContext.navigate', { context, url, wait: 'complete' });
    await this.focusPage();
  }

  async reload(context: string): Promise<void> {
    await this.send('browsingContext.reload', { context, wait: 'complete' });
    await this.focusPage();
  }

  /**
   * A new tab leaves focus in the address bar; until the page's <browser> has it, Firefox moves focus
   * inside the page (el.focus(), jump-to) without firing focus or focusin, so nothing keyboard-driven
   * could be tested.
   */
  private async focusPage(): Promise<void> {
    await this.evaluateInWindow('gBrowser.selectedBrowser.focus()');
  }

  /**
   * Evaluate `expression` (may be a promise) in the page's own realm and return its value through JSON,
   * so any plain value comes back. An exception in the page becomes a thrown Error.
   */
  async evaluate<T>(context: string, expression: string, scope?: 'chrome'): Promise<T> {
    const r = await this.send<{ type: string; result?: { value?: string }; exceptionDetails?: { text: string } }>('script.evaluate', {
      target: { context },
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      awaitPromise: true,
      ...(scope ? { 'moz:scope': scope } : {}),
    });
    if (r.type !== 'success') throw new Error(`in the page: ${r.exceptionDetails?.text ?? r.type}\n${expression}`);
    const v = r.result?.value;
    return (v === undefined ? undefined : JSON.parse(v)) as T;
  }

  /** Poll `expression` until it is truthy (or fail after `ms`); returns its last value. */
  async waitFor<T>(context: string, expression: string, ms = 10_000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const v = await this.evaluate<T>(context, expression);
      if (v) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for: ${expression}`);
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }

  /** Evaluate in the browser window itself (the toolbar), not in a page. */
  async evaluateInWindow<T>(expression: string): Promise<T> {
    const tree = await this.send<{ contexts: { context: string; url: string }[] }>('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const win = tree.contexts.find((c) => c.url.startsWith('chrome://browser/'));
    if (!win) throw new Error('no browser window in the chrome scope');
    return this.evaluate<T>(win.context, expression, 'chrome');
  }

  /** Press one key (WebDriver key value, e.g. '\uE00C' for Escape) as the user would. */
  async press(context: string, key: string): Promise<void> {
    await this.send('input.performActions', {
      context,
      actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: key }, { type: 'keyUp', value: key }] }],
    });
  }

  /** A PNG of the tab's viewport. */
  async screenshot(context: string): Promise<Buffer> {
    const r = await this.send<{ data: string }>('browsingContext.captureScreenshot', { context });
    return Buffer.from(r.data, 'base64');
  }

  async close(): Promise<void> {
    await this.send('session.end', {}).catch(() => undefined);
    this.ws.close();
    if (this.proc.exitCode === null) {
      const exited = new Promise((ok) => this.proc.once('exit', ok));
      this.proc.kill();
      await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5000))]);
      if (this.proc.exitCode === null) this.proc.kill('SIGKILL');
    }
    rmSync(this.profile, { recursive: true, force: true });
  }
}
