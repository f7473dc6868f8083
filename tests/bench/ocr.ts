// OCR figures for `npm run bench`: per fixture page, the time from page image to CheckResult with the
// workers already loaded, and how many of the numbers the PDF's text layer has on that page OCR read into
// the same cell with the same value (clean renders and the degraded scan). tesseract.js in Node, offline.
import { performance } from 'node:perf_hooks';
import { checkImage } from '../../core/pipeline/ocr.ts';
import { createNodeRecogniser } from '../../core/ocr/node.ts';
import { numericAccuracy, ocrFixture, textLayerNumbers } from '../support/ocr-accuracy.ts';

const PAGES: { file: string; pdf: string; page: number; variant: 'clean' | 'degraded' }[] = [
  { file: 'hongze-district-gov-2023-p4.png', pdf: 'hongze-district-gov-2023.pdf', page: 4, variant: 'clean' },
  { file: 'hongze-district-gov-2023-p4-degraded.png', pdf: 'hongze-district-gov-2023.pdf', page: 4, variant: 'degraded' },
  { file: 'huaian-city-gov-2024-p3.png', pdf: 'huaian-city-gov-2024.pdf', page: 3, variant: 'clean' },
  { file: 'huaian-city-gov-2024-p4.png', pdf: 'huaian-city-gov-2024.pdf', page: 4, variant: 'clean' },
  { file: 'huaian-city-gov-2024-p5.png', pdf: 'huaian-city-gov-2024.pdf', page: 5, variant: 'clean' },
];

export async function benchOcr(): Promise<string[][]> {
  const rows: string[][] = [['page', 'variant', 'ms', 'numbers right', '%', 'doubtful', 'method']];
  const t0 = performance.now();
  const rec = await createNodeRecogniser();
  // One tiny read per worker, so the first page is not charged for the recognisers' own warm-up.
  const one = { width: 40, height: 40, data: new Uint8Array(40 * 40).fill(255) };
  for (let y = 10; y < 30; y++) one.data.fill(0, y * 40 + 19, y * 40 + 22); // a 「1」
  await Promise.all([rec.digits(one), rec.label(one)]);
  rows.push(['(workers: eng + chi_sim, load + warm-up)', '', (performance.now() - t0).toFixed(0), '', '', '', '']);
  try {
    const totals = { clean: [0, 0, 0], degraded: [0, 0, 0] };
    for (const p of PAGES) {
      const image = ocrFixture(p.file);
      const start = performance.now();
      const result = await checkImage(image, rec, { name: p.file });
      const ms = performance.now() - start;
      const acc = numericAccuracy(await textLayerNumbers(p.pdf, [p.page]), result);
      const t = totals[p.variant];
      t[0]! += acc.right;
      t[1]! += acc.total;
      t[2]! += ms;
      rows.push([p.file, p.variant, ms.toFixed(0), `${acc.right}/${acc.total}`, ((100 * acc.right) / Math.max(1, acc.total)).toFixed(1), String(result.ocr.doubtful.length), result.ocr.pages[0]!.method]);
    }
    for (const v of ['clean', 'degraded'] as const) {
      const [right, total, ms] = totals[v];
      const n = PAGES.filter((p) => p.variant === v).length;
      rows.push([`all ${v} pages`, v, `${(ms! / n).toFixed(0)} / page`, `${right}/${total}`, ((100 * right!) / Math.max(1, total!)).toFixed(1), '', '']);
    }
  } finally {
    await rec.terminate();
  }
  return rows;
}

export default benchOcr;
