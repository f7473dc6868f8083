// The Firefox package as addons.mozilla.org receives it (`wxt zip -b firefox`, what `npm run
// build-for-amo` makes) through Mozilla's own addons-linter, the check AMO runs on every upload:
// no errors, no manifest warnings. The code warnings it gives (Function constructor, innerHTML,
// import() of a variable) are all inside bundled libraries: Preact's dangerouslySetInnerHTML path,
// pdf.js and its worker, mammoth, tesseract.js's worker and regenerator runtime. Our own sources are
// scanned here for the same patterns so that none of ours hides among them.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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

describe('the Firefox package for AMO', () => {
  it('passes Mozilla\'s addons-linter: no errors, no manifest warnings, code warnings only in bundled libraries', async () => {
    rmSync(join(ROOT, OUT), { recursive: true, force: true });
    const zipped = spawnSync('npx', ['wxt', 'zip', '-b', 'firefox'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000, env: { ...process.env, GKC_EXT_OUT: OUT } });
    if (zipped.status !== 0) throw new Error(`wxt zip -b firefox failed:\n${zipped.stdout}\n${zipped.stderr}`);
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
});
