// `npm run bench`: speed figures live here, never in timed tests. Per fixture: median time of check()
// over many runs (text and HTML), and reports per second on this machine.
import { performance } from 'node:perf_hooks';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { allFixtureFiles, fixtureFiles, fixtureInput, FIXTURES } from '../support/fixtures.ts';

// Measure the core as it ships (bundled and minified like the site and the extension build it), not
// through tsx's on-the-fly transform, which wraps every function and costs ~30%.
const outDir = mkdtempSync(join(tmpdir(), 'gkc-bench-'));
await build({
  entryPoints: [join(import.meta.dirname, '..', '..', 'core', 'index.ts')],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'neutral',
  external: ['pdfjs-dist'],
  outfile: join(outDir, 'core.mjs'),
  logLevel: 'warning',
});
const core = (await import(pathToFileURL(join(outDir, 'core.mjs')).href)) as typeof import('../../core/index.ts');
const { check } = core;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function bench(fn: () => void, minMs = 1000, minRuns = 30): { first: number; median: number; p90: number; runs: number } {
  const f0 = performance.now();
  fn();
  const first = performance.now() - f0;
  // Warm-up until V8 has optimised the hot paths (it takes ~1000 calls): a batch run or a reviewer's
  // session checks many reports in one process. The first call is reported too.
  const warm = performance.now();
  for (let i = 0; i < 1000 && performance.now() - warm < 3000; i++) fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { first, median: median(times), p90: sorted[Math.floor(sorted.length * 0.9)]!, runs: times.length };
}

const rows: string[][] = [['fixture', 'kind', 'size', 'first ms', 'median ms', 'p90 ms', 'reports/s', 'runs']];
for (const file of fixtureFiles()) {
  const input = fixtureInput(file);
  const size = input.kind === 'text' ? input.text.length : input.kind === 'html' ? input.html.length : 0;
  const r = bench(() => check(input));
  rows.push([file, input.kind, `${(size / 1024).toFixed(1)} KB`, r.first.toFixed(2), r.median.toFixed(3), r.p90.toFixed(3), Math.round(1000 / r.median).toString(), String(r.runs)]);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
console.log('check() per fixture (Node ' + process.version + ')');
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));

// Text forms a person pastes or a crawler saves (tests/layout-forms.test.ts): the flat reader's share
// (toDoc: the adapters, flat reader included) and the whole check. Goal: about a millisecond a report.
{
  const { toDoc } = core;
  const { readdirSync } = await import('node:fs');
  const forms: [string, string][] = [];
  for (const f of fixtureFiles().filter((x) => /\.(txt|md)$/.test(x) && !x.includes('.crawl.'))) {
    const t = readFileSync(join(FIXTURES, f), 'utf8');
    if (t.includes('\t')) forms.push([`${f} (tabs → space)`, t.replace(/\t/g, ' ')]);
  }
  for (const f of readdirSync(join(FIXTURES, 'flat')).filter((x) => x.endsWith('.txt'))) forms.push([`flat/${f}`, readFileSync(join(FIXTURES, 'flat', f), 'utf8')]);
  for (const f of fixtureFiles().filter((x) => x.includes('.crawl.'))) forms.push([f, readFileSync(join(FIXTURES, f), 'utf8')]);
  const frow: string[][] = [['form', 'toDoc median ms', 'check median ms', 'check p90 ms']];
  for (const [name, text] of forms) {
    const d = bench(() => toDoc({ kind: 'text', text }), 500, 20);
    const c = bench(() => check({ kind: 'text', text }), 500, 20);
    frow.push([name, d.median.toFixed(3), c.median.toFixed(3), c.p90.toFixed(3)]);
  }
  const w = frow[0]!.map((_, i) => Math.max(...frow.map((r) => r[i]!.length)));
  console.log('\nText forms (flat reader)');
  for (const r of frow) console.log(r.map((x, i) => x.padEnd(w[i]!)).join('  '));

  // The digit-run search alone, every row of the crawled pages (goal: under 5 ms a page).
  const { tokenize } = await import('../../core/adapters/text/flat/tokens.ts');
  const { cutRuns, rowTotalHolds, blocksOfFiveHold } = await import('../../core/adapters/text/flat/digit-runs.ts');
  for (const f of fixtureFiles().filter((x) => x.includes('.crawl.'))) {
    const text = readFileSync(join(FIXTURES, f), 'utf8');
    const runs = tokenize(text, 0, text.length).filter((t) => t.kind === 'num' && t.glued && t.text.length >= 5);
    const r = bench(() => {
      for (const t of runs) {
        cutRuns([t], 7, rowTotalHolds, true);
        if (t.text.length >= 15) cutRuns([t], 15, blocksOfFiveHold, true);
      }
    }, 300, 20);
    console.log(`digit-run search, ${f}: ${runs.length} runs, median ${r.median.toFixed(3)} ms, first ${r.first.toFixed(3)} ms`);
  }
}

// PDF through its text layer (pdf.js legacy build in Node): time per page, parse included.
{
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { checkPdf } = await import('../../core/pipeline/pdf.ts');
  const prow: string[][] = [['pdf', 'pages', 'first ms', 'median ms', 'ms per page']];
  for (const file of allFixtureFiles().filter((f) => f.endsWith('.pdf'))) {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, file)));
    const times: number[] = [];
    let pages = 0;
    for (let i = 0; i < 8; i++) {
      const t0 = performance.now();
      pages = (await checkPdf(pdfjs as never, bytes, file)).numPages;
      times.push(performance.now() - t0);
    }
    const m = median(times.slice(1));
    prow.push([file, String(pages), times[0]!.toFixed(1), m.toFixed(1), (m / pages).toFixed(1)]);
  }
  const w = prow[0]!.map((_, i) => Math.max(...prow.map((r) => r[i]!.length)));
  console.log('\nPDF text layer (checkPdf, Node)');
  for (const r of prow) console.log(r.map((c, i) => c.padEnd(w[i]!)).join('  '));
}

// The faces: the site always; the extension and OCR benches when their modules are present.
const { benchSite, printRows } = await import('./site.ts');
printRows('Site (built with vite, served from 127.0.0.1)', await benchSite());
for (const [file, title] of [
  ['./ext.ts', 'Extension'],
  ['./ocr.ts', 'OCR (tesseract.js in Node)'],
  ['./hostile.ts', 'Hostile inputs through the CLI (npm run check; peak RSS of the process tree)'],
] as const) {
  if (!existsSync(join(import.meta.dirname, file.replace('./', '')))) continue;
  const mod = (await import(file)) as { default?: () => Promise<string[][]>; [k: string]: unknown };
  const fn = (mod.default ?? Object.values(mod).find((v) => typeof v === 'function')) as (() => Promise<string[][]>) | undefined;
  if (fn) printRows(title, await fn());
}
