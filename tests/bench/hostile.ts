// Hostile-input figures for `npm run bench` (issue 15): peak memory (max RSS of the process tree, from
// GNU time) and wall time of the command line on each case, built from the real fixtures at bench time.
// A plain .txt report and a normal PDF are the yardsticks. Figures only; no test asserts a time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from '../support/fixtures.ts';
import { docxBomb, nestedPage, truncated } from '../support/hostile.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TIME = '/usr/bin/time';

export async function benchHostile(): Promise<string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'gkc-hostile-'));
  const docx = new Uint8Array(readFileSync(join(FIXTURES, 'docx', 'shuyang-drc-2023.docx')));
  const pdf = new Uint8Array(readFileSync(join(FIXTURES, 'huaian-city-gov-2024.pdf')));
  const cases: [string, string][] = [
    ['.txt report (yardstick)', join(FIXTURES, 'taishan-health-2022.txt')],
    ['normal PDF (huaian 2024, 6 pages)', join(FIXTURES, 'huaian-city-gov-2024.pdf')],
    ['truncated PDF (first 1 KB)', write(dir, 'truncated.pdf', truncated(pdf))],
    ['.docx bomb (document.xml → 100 MB)', write(dir, 'bomb.docx', docxBomb(docx))],
    ['.docx whose directory lies', write(dir, 'liar.docx', docxBomb(docx, 100 * 1024 * 1024, { lie: true }))],
    ['page nested 10 000 <div>s deep', write(dir, 'nested.html', new TextEncoder().encode(nestedPage(readFileSync(join(FIXTURES, 'shuyang-drc-2023.html'), 'utf8'), 10_000)))],
  ];
  const rows: string[][] = [['case', 'size', 'exit', 'peak RSS MB', 'wall s']];
  if (!existsSync(TIME)) return [...rows, ['(GNU time not installed: apt-get install time)', '', '', '', '']];
  // tsx straight from node_modules (npx would add npm's own process to the figures)
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  for (const [label, file] of cases) {
    const r = spawnSync(TIME, ['-f', 'GKC %M %e', tsx, join(ROOT, 'core', 'cli.ts'), '--json', file], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const m = /GKC (\d+) ([\d.]+)/.exec(r.stderr ?? '');
    rows.push([label, `${(readFileSync(file).length / 1024).toFixed(0)} KB`, String(r.status), m ? (Number(m[1]) / 1024).toFixed(0) : '?', m ? m[2]! : '?']);
  }
  return rows;
}

function write(dir: string, name: string, bytes: Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}
