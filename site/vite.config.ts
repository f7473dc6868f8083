// The static site: relative asset paths (works from any folder or file server), everything bundled —
// pdf.js's worker, the check worker — and nothing loaded from another host.
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { copyFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const PUBLIC_OCR = fileURLToPath(new URL('./public/ocr', import.meta.url));

/**
 * OCR runs offline: tesseract.js's worker, its wasm cores (plain, SIMD, relaxed SIMD: the worker picks
 * what the browser supports) and the chi_sim + eng models are copied out of node_modules into
 * public/ocr/ (gitignored) and served by the site itself. tesseract.js's default would fetch a CDN.
 */
function tesseractAssets(): Plugin {
  return {
    name: 'gkc-tesseract-assets',
    buildStart() {
      const require = createRequire(import.meta.url);
      const pkg = (name: string) => dirname(require.resolve(`${name}/package.json`));
      const files: [string, string][] = [
        [join(pkg('tesseract.js'), 'dist/worker.min.js'), 'worker.min.js'],
        ...['tesseract-core-lstm.wasm.js', 'tesseract-core-simd-lstm.wasm.js', 'tesseract-core-relaxedsimd-lstm.wasm.js'].map((f): [string, string] => [join(pkg('tesseract.js-core'), f), `core/${f}`]),
        [join(pkg('@tesseract.js-data/chi_sim'), '4.0.0_best_int/chi_sim.traineddata.gz'), 'lang/chi_sim.traineddata.gz'],
        [join(pkg('@tesseract.js-data/eng'), '4.0.0_best_int/eng.traineddata.gz'), 'lang/eng.traineddata.gz'],
      ];
      for (const [from, to] of files) {
        const dest = join(PUBLIC_OCR, to);
        if (existsSync(dest) && statSync(dest).size === statSync(from).size) continue;
        mkdirSync(dirname(dest), { recursive: true });
        copyFileSync(from, dest);
      }
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [preact(), tesseractAssets()],
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../dist/site', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
  },
});
