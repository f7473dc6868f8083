// The static site: relative asset paths (works from any folder or file server), everything bundled —
// pdf.js's worker, the check worker — and nothing loaded from another host.
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { copyFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ocrAssetFiles } from './ocr-assets.ts';

const PUBLIC_OCR = fileURLToPath(new URL('./public/ocr', import.meta.url));

/** OCR runs offline: its engine and models are copied into public/ocr/ (gitignored) and served by the site. */
function tesseractAssets(): Plugin {
  return {
    name: 'gkc-tesseract-assets',
    buildStart() {
      for (const [from, to] of ocrAssetFiles()) {
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
