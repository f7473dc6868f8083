// The Firefox package as addons.mozilla.org receives it (`wxt zip -b firefox`, what `npm run
// build-for-amo` makes) through Mozilla's own addons-linter, the check AMO runs on every upload:
// no errors, no manifest warnings. The code warnings it gives (Function constructor, innerHTML,
// import() of a variable) are all inside bundled libraries: Preact's dangerouslySetInnerHTML path,
// pdf.js and its worker, mammoth, tesseract.js's worker and regenerator runtime. Our own sources are
// scanned here for the same patterns so that none of ours hides among them.
// The sources zip made with it is what AMO reviewers rebuild from: unpacked into an empty folder (with
// node_modules linked in, as `npm ci` would install it), it must build the same Firefox extension.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const OUT = '.output-amo-test';

import type { LinterMessage as Message } from 'addons-linter';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'public' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every file under dir (relative path → sha256), for comparing two builds. */
function digests(dir: string, base = dir): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const [k, v] of digests(path, base)) out.set(k, v);
    else out.set(relative(base, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return out;
}

/**
 * The environment of a release build: without what Vitest sets (NODE_ENV=test, VITEST*), under which
 * WXT/Vite make a test-mode build (measured: content.js 70 KB instead of the release's 62 KB, and not
 * the same from one folder to another).
 */
function releaseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const k of Object.keys(env)) if (k === 'NODE_ENV' || k === 'TEST' || k.startsWith('VITEST')) delete env[k];
  return env;
}

describe('the Firefox package for AMO', () => {
  beforeAll(() => {
    rmSync(join(ROOT, OUT), { recursive: true, force: true });
    const zipped = spawnSync('npx', ['wxt', 'zip', '-b', 'firefox'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000, env: releaseEnv({ GKC_EXT_OUT: OUT }) });
    if (zipped.status !== 0) throw new Error(`wxt zip -b firefox failed:\n${zipped.stdout}\n${zipped.stderr}`);
  }, 240_000);

  it('passes Mozilla\'s addons-linter: no errors, no manifest warnings, code warnings only in bundled libraries', async () => {
    const zip = readdirSync(join(ROOT, OUT)).find((f) => /-firefox\.zip$/.test(f));
    expect(zip).toBeDefined();

    const { createInstance } = (await import('addons-linter')).default;
    const results = await createInstance({
      config: { _: [join(ROOT, OUT, zip!)], logLevel: 'fatal', stack: false, pretty: false, warningsAsErrors: false, metadata: false, output: 'none', boring: true, selfHosted: false },
      runAsBinary: false,
    }).run();
    const show = (ms: Message[]) => ms.map((m) => `${m.code} ${m.file ?? ''}:${m.line ?? ''} ${m.description}`);
    expect(show(results.errors)).toEqual([]);
    expect(show(results.warnings.filter((w) => !w.file || w.file === 'manifest.json' || !/\.m?js$/.test(w.file)))).toEqual([]);
    expect(new Set(results.warnings.map((w) => w.code))).toEqual(new Set(['DANGEROUS_EVAL', 'UNSAFE_VAR_ASSIGNMENT']));

    // what AMO and Firefox read from the manifest
    const manifest = JSON.parse(readFileSync(join(ROOT, OUT, 'firefox-mv2', 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.browser_specific_settings).toEqual({
      gecko: { id: 'gongkai-check@gongkai-check.invalid', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    });
    expect(manifest.permissions.sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage']);
    expect(manifest.content_scripts).toEqual([expect.objectContaining({ matches: ['*://*.gov.cn/*'], run_at: 'document_idle', all_frames: true })]);
    expect(manifest.browser_action).toMatchObject({ default_popup: 'popup.html', default_area: 'navbar' });
    expect(manifest.content_security_policy).toBe("script-src 'self' 'wasm-unsafe-eval'; object-src 'self';");

    // …and none of those patterns is ours
    const ours = [...sourceFiles(join(ROOT, 'extension')), ...sourceFiles(join(ROOT, 'core'))];
    expect(ours.length).toBeGreaterThan(30);
    const risky = /\binnerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|\beval\(|new Function\b|document\.write\(/;
    expect(ours.filter((f) => risky.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f))).toEqual([]);
  }, 240_000);

  it('its sources zip rebuilds the same Firefox extension (what AMO reviewers do)', () => {
    const sources = readdirSync(join(ROOT, OUT)).find((f) => /-sources\.zip$/.test(f));
    expect(sources).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'gkc-amo-sources-'));
    // `unzip` is a Debian package (.ci/run installs it)
    const unzipped = spawnSync('unzip', ['-q', join(ROOT, OUT, sources!), '-d', dir], { encoding: 'utf8' });
    if (unzipped.error || unzipped.status !== 0) throw new Error(`unzip failed: ${unzipped.error?.message ?? unzipped.stderr}`);
    // nothing the reviewer would not have: no tests, no fixtures; the extension's own sources are there
    const names = readdirSync(dir);
    expect(names).not.toContain('tests');
    expect(names).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', 'extension', 'core', 'site']));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    const env = releaseEnv();
    delete env.GKC_EXT_OUT;
    const built = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: dir, encoding: 'utf8', timeout: 180_000, env });
    if (built.status !== 0) throw new Error(`wxt build -b firefox from the sources zip failed:\n${built.stdout}\n${built.stderr}`);
    // byte for byte the build that was zipped for the store
    const rebuilt = digests(join(dir, '.output', 'firefox-mv2'));
    expect(rebuilt.size).toBeGreaterThan(10);
    expect(rebuilt).toEqual(digests(join(ROOT, OUT, 'firefox-mv2')));
    rmSync(dir, { recursive: true, force: true });
  }, 240_000);
});
