// `npm run bench`: speed figures live here, never in timed tests. Per fixture: median time of check()
// over many runs (text and HTML), and reports per second on this machine.
import { performance } from 'node:perf_hooks';
import { check } from '../../core/index.ts';
import { fixtureFiles, fixtureInput } from '../support/fixtures.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function bench(fn: () => void, minMs = 1000, minRuns = 30): { median: number; p90: number; runs: number } {
  // Warm-up until V8 has optimised the hot paths: a page or a batch checks many reports in one process.
  const warm = performance.now();
  for (let i = 0; i < 200 && performance.now() - warm < 1500; i++) fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { median: median(times), p90: sorted[Math.floor(sorted.length * 0.9)]!, runs: times.length };
}

const rows: string[][] = [['fixture', 'kind', 'size', 'median ms', 'p90 ms', 'reports/s', 'runs']];
for (const file of fixtureFiles()) {
  const input = fixtureInput(file);
  const size = input.kind === 'text' ? input.text.length : input.kind === 'html' ? input.html.length : 0;
  const r = bench(() => check(input));
  rows.push([file, input.kind, `${(size / 1024).toFixed(1)} KB`, r.median.toFixed(3), r.p90.toFixed(3), Math.round(1000 / r.median).toString(), String(r.runs)]);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
console.log('check() per fixture (Node ' + process.version + ')');
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
