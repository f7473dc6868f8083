// Browser tests drive Debian's /usr/bin/chromium through playwright-core (never a downloaded browser),
// with the flags of shared/spec/toolchain.md §3. Without chromium they skip, loudly.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Where screenshots and other test artifacts go (gitignored; CI may keep them). */
export const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Call at the top of a browser test file: prints why the file's tests are skipped. */
export function warnIfNoChromium(what: string): void {
  if (hasChromium) return;
  const line = '!'.repeat(100);
  console.warn(`\n${line}\n!! SKIPPED: ${what}: ${CHROMIUM} is missing.\n!! Install it (apt-get install -y chromium fonts-noto-cjk) to run the browser tests; CI does.\n${line}\n`);
}
