// Every command-line example in README.md, run as written by a shell from the repo root (issue 20: the
// examples named paths that did not exist, and `npm run check … > findings.csv` put npm's banner before
// the BOM). The root is mirrored into a temp dir by symlinks, so files the examples redirect into land
// there and the worktree stays clean.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = join(import.meta.dirname, '..');
const BOM = '\ufeff';

/** The lines of the README's `### Command line` bash block, without their trailing comments. */
export function cliExamples(readme: string): string[] {
  const section = readme.slice(readme.indexOf('### Command line'));
  const block = /```bash\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);
}

/** The file a command's stdout is redirected into, if any. */
const redirectOf = (cmd: string) => /(?<!2)>\s*(\S+)\s*$/.exec(cmd)?.[1];

function mirrorOfRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gkc-readme-'));
  for (const name of readdirSync(ROOT)) if (name !== '.git') symlinkSync(join(ROOT, name), join(dir, name));
  return dir;
}

describe('README command-line examples', () => {
  const examples = cliExamples(readFileSync(join(ROOT, 'README.md'), 'utf8'));

  it('are found: every option of --help is shown, CSV and JSON redirected to a file', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const e of examples) expect(e).toMatch(/^(npx gongkai-check|npm run -s check --)( |$)/);
    const all = examples.join('\n');
    for (const flag of ['--csv', '--json', '--previous', '--lang', '--no-ocr', '--help']) expect(all).toContain(flag);
    expect(examples.filter((e) => / --csv /.test(e) && redirectOf(e))).not.toHaveLength(0);
    expect(examples.filter((e) => / --json /.test(e) && redirectOf(e))).not.toHaveLength(0);
  });

  const cwd = mirrorOfRoot();
  // removes the links and what the examples wrote, never what a link points to
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));
  for (const cmd of examples) {
    it(`runs: ${cmd}`, { timeout: 180_000 }, () => {
      const r = spawnSync('/bin/bash', ['-c', cmd], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
      // 0 clean, 1 an error found or a table not fully checked; 2 (usage, unreadable file) means the example is wrong
      expect(r.status, `${cmd}\n${r.stderr}`).toBeLessThan(2);
      const target = redirectOf(cmd);
      if (!target) {
        expect(r.stdout.trim()).not.toBe('');
        expect(r.stdout).not.toMatch(/^> gongkai-check@/m);
        if (/ --help$/.test(cmd)) for (const flag of ['--csv', '--json', '--previous', '--no-ocr', '--lang']) expect(r.stdout).toContain(flag);
        return;
      }
      const text = readFileSync(join(cwd, target), 'utf8');
      if (/ --csv /.test(cmd)) {
        expect(text.startsWith(BOM)).toBe(true);
        const lines = text.slice(1).split('\r\n');
        const columns = lines[0]!.split(',').length;
        expect(lines.length).toBeGreaterThan(1);
        expect(columns).toBeGreaterThan(3);
      } else {
        const data = JSON.parse(text) as { file: string; findings: unknown[] }[];
        expect(Array.isArray(data)).toBe(true);
        expect(data.length).toBeGreaterThan(0);
        for (const f of data) expect(Array.isArray(f.findings)).toBe(true);
      }
    });
  }
});
