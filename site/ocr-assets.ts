// The files OCR needs at run time, out of node_modules: tesseract.js's worker, its three LSTM wasm cores
// (plain, SIMD, relaxed SIMD: the worker picks what the browser supports) and the chi_sim + eng models.
// The site's build (site/vite.config.ts) and the extension's (wxt.config.ts) both ship them under ocr/,
// so nothing is fetched from a CDN.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** [absolute source, destination relative to the ocr/ folder] */
export function ocrAssetFiles(): [string, string][] {
  const require = createRequire(import.meta.url);
  const pkg = (name: string) => dirname(require.resolve(`${name}/package.json`));
  return [
    [join(pkg('tesseract.js'), 'dist/worker.min.js'), 'worker.min.js'],
    ...['tesseract-core-lstm.wasm.js', 'tesseract-core-simd-lstm.wasm.js', 'tesseract-core-relaxedsimd-lstm.wasm.js'].map((f): [string, string] => [join(pkg('tesseract.js-core'), f), `core/${f}`]),
    [join(pkg('@tesseract.js-data/chi_sim'), '4.0.0_best_int/chi_sim.traineddata.gz'), 'lang/chi_sim.traineddata.gz'],
    [join(pkg('@tesseract.js-data/eng'), '4.0.0_best_int/eng.traineddata.gz'), 'lang/eng.traineddata.gz'],
  ];
}
