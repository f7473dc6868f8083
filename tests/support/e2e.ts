// The setup every browser end-to-end test repeats: build the site or the extension, serve pages from
// 127.0.0.1, launch Debian chromium with the project's flags (tests/support/browser.ts), and close it all
// again. What a test serves, and what it asserts about the requests it saw, stays in the test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Worker } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './browser.ts';

export const ROOT = join(import.meta.dirname, '..', '..');

/** A server on 127.0.0.1 and a free port; `close()` resolves once it stopped listening. */
export interface Local {
  server: Server;
  port: number;
  close(): Promise<void>;
}

function listening(server: Server): Local {
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** Serve `handler` on 127.0.0.1 (a *.gov.cn host name reaches it through --host-resolver-rules or a proxy). */
export async function serveLocal(handler: RequestListener): Promise<Local> {
  const server = createServer(handler);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return listening(server);
}

/** The built site, served: `base` is its URL with the trailing slash. */
export interface Site extends Local {
  base: string;
}

/**
 * Build the site with vite and serve it with site/serve.mjs, as `npm start` does. `outDir` gives a test
 * its own output folder when another test builds the site into dist/site at the same time.
 */
export async function startSite(outDir?: string): Promise<Site> {
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'site/vite.config.ts'), logLevel: 'warn', ...(outDir ? { build: { outDir } } : {}) });
  const { startServer } = await import('../../site/serve.mjs');
  const local = listening(await startServer(0, outDir));
  return { ...local, base: `http://127.0.0.1:${local.port}/` };
}

/**
 * `wxt build` (for Firefox with `firefox`) into ROOT/`out` (GKC_EXT_OUT; WXT's .output without it), so
 * tests that run at the same time do not build into each other's folder. Throws with WXT's output.
 */
export function buildExtension(opts: { out?: string; firefox?: boolean; timeout: number }): void {
  const args = ['wxt', 'build', ...(opts.firefox ? ['-b', 'firefox'] : [])];
  const built = spawnSync('npx', args, { cwd: ROOT, encoding: 'utf8', timeout: opts.timeout, env: opts.out ? { ...process.env, GKC_EXT_OUT: opts.out } : process.env });
  if (built.status !== 0) throw new Error(`${args.join(' ')} failed:\n${built.stdout}\n${built.stderr}`);
}

/** Headless chromium with the project's flags, for the site. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface ExtensionBrowser {
  context: BrowserContext;
  /** the extension's service worker, running */
  sw: Worker;
  /** closes the browser and removes its profile */
  close(): Promise<void>;
}

/**
 * Headless chromium with the unpacked extension in `ext` loaded, in a fresh profile (an extension needs a
 * persistent context), every *.gov.cn host resolved to 127.0.0.1. Every request URL the browser makes
 * from the start goes into `requests`. Resolves once the extension's service worker runs.
 */
export async function launchWithExtension(
  ext: string,
  opts: { profile: string; viewport: { width: number; height: number }; acceptDownloads?: boolean; requests: string[] },
): Promise<ExtensionBrowser> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), opts.profile));
  const removeProfile = () => rmSync(profile, { recursive: true, force: true });
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      ...(opts.acceptDownloads ? { acceptDownloads: true } : {}),
      viewport: opts.viewport,
      args: [...CHROMIUM_ARGS, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--host-resolver-rules=MAP *.gov.cn 127.0.0.1'],
    });
    context.on('request', (r) => opts.requests.push(r.url()));
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const opened = context;
    return {
      context,
      sw,
      close: async () => {
        await opened.close();
        removeProfile();
      },
    };
  } catch (e) {
    // the test's afterAll never sees a browser that failed half-way: close it here
    await context?.close();
    removeProfile();
    throw e;
  }
}
