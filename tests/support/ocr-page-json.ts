// Prints one page image's OCR (core/ocr's `ocrPage`: its info and blocks) as JSON on stdout, for tests
// that need a real OCR reading in an environment where tesseract.js cannot start (happy-dom's globals
// make it take the browser's worker path). Usage: node --import tsx tests/support/ocr-page-json.ts IMAGE
import { readFileSync } from 'node:fs';
import { createNodeRecogniser, decodeImage } from '../../core/cli-ocr.ts';
import { ocrPage } from '../../core/ocr/index.ts';

const recogniser = await createNodeRecogniser();
try {
  const image = await decodeImage(new Uint8Array(readFileSync(process.argv[2]!)));
  process.stdout.write(JSON.stringify(await ocrPage(image, recogniser, { page: 1 })));
} finally {
  await recogniser.terminate();
}
