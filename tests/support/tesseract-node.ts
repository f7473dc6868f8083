// The tesseract.js recogniser in Node, fully offline: language data from the @tesseract.js-data
// packages in node_modules (the 4.0.0_best_int LSTM models), never cached into the working directory.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker } from 'tesseract.js';
import { createTesseractRecogniser, type CreateTessWorker, type TesseractRecogniser } from '../../core/ocr/tesseract.ts';

const require = createRequire(import.meta.url);
const dataDir = (lang: 'eng' | 'chi_sim') => join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), '4.0.0_best_int');

export function createNodeRecogniser(): Promise<TesseractRecogniser> {
  return createTesseractRecogniser(createWorker as unknown as CreateTessWorker, {
    langPath: { eng: dataDir('eng'), chi_sim: dataDir('chi_sim') },
    workerOptions: { cacheMethod: 'none' },
  });
}
