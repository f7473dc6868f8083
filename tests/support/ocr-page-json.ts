// Prints one page image's OCR (core/ocr's `ocrPage`: its info and blocks) as JSON on stdout, for tests
// that need a real OCR reading in an environment where tesseract.js cannot start (happy-dom's globals
// make it take the browser's worker path). Usage: node --import tsx tests/support/ocr-page-json.ts IMAGE [DPI-FACTOR]
// DPI-FACTOR scales the page down first (0.667: a 150 dpi page as scanned at 100 dpi), made here at test time.
import { readFileSync } from 'node:fs';
import { createNodeRecogniser, decodeImage } from '../../core/cli-ocr.ts';
import { ocrPage, toGray } from '../../core/ocr/index.ts';
import { downsample } from './degrade.ts';

const recogniser = await createNodeRecogniser();
try {
  const decoded = await decodeImage(new Uint8Array(readFileSync(process.argv[2]!)));
  const factor = Number(process.argv[3] ?? 1);
  const image = factor !== 1 ? downsample(toGray(decoded), factor) : decoded;
  process.stdout.write(JSON.stringify(await ocrPage(image, recogniser, { page: 1 })));
} finally {
  await recogniser.terminate();
}
