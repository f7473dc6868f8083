// OCR of scanned report pages, in Node with the bundled traineddata (no network): the grid detector on
// drawn tables, the label matcher, and the real pages rendered from the two corpus PDFs — the same
// findings as the text layer, per-cell accuracy against the text layer's numbers, a degraded scan, and
// images where no table can be read (never "no errors").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binarise, estimateSkew, rotate, toGray, type Gray } from '../core/ocr/image.ts';
import { detectRules, tablesFromRules } from '../core/ocr/grid.ts';
import { applyHomography, homography, keystone, tableFrame, unwarp } from '../core/ocr/perspective.ts';
import { labelMatcher, matchTemplateLabel, matchTemplatePrefix } from '../core/ocr/labels.ts';
import { oneDigitAway } from '../core/pipeline/misread.ts';
import { labelPrefix } from '../core/ocr/label-prefix.ts';
import { stripCjkSpaces, type Recogniser } from '../core/ocr/recogniser.ts';
import { ocrPage, OcrAbortError } from '../core/ocr/page.ts';
import { checkImage, checkImages, checkPdfWithOcr, restsOnDoubtful, type OcrCheck } from '../core/pipeline/ocr.ts';
import type { PdfJs } from '../core/adapters/pdf/pdfjs.ts';
import { coverageReasons, format } from '../core/present/index.ts';
import type { TesseractRecogniser } from '../core/ocr/tesseract.ts';
import { createNodeRecogniser } from '../core/cli-ocr.ts';
import { numericAccuracy, ocrFixture, textLayerNumbers } from './support/ocr-accuracy.ts';
import { blankPdf } from './support/blank-pdf.ts';

/** A white page with black rectangles drawn on it. */
function canvas(width: number, height: number) {
  const data = new Uint8Array(width * height).fill(255);
  const fill = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = y0; y < y1; y++) data.fill(0, y * width + x0, y * width + x1);
  };
  return { image: { width, height, data } as Gray, hline: (y: number, x0: number, x1: number) => fill(x0, y, x1, y + 2), vline: (x: number, y0: number, y1: number) => fill(x, y0, x + 2, y1), fill };
}

/**
 * Table C's shape: 「行政复议」 over 2 columns and 「行政诉讼」 over 3; under them the first column's header
 * spans two rows; then a row of values.
 *   xs: 100 200 300 400 500 600   ys: 100 150 200 250 310
 */
function drawnTable(): Gray {
  const c = canvas(800, 400);
  c.hline(100, 100, 602);
  c.hline(150, 100, 602);
  c.hline(200, 200, 602); // none under column 0: its header spans rows 1–2
  c.hline(250, 100, 602);
  c.hline(310, 100, 602);
  c.vline(100, 100, 312);
  c.vline(300, 100, 312); // between the two groups, full height
  c.vline(600, 100, 312);
  for (const x of [200, 400, 500]) c.vline(x, 150, 312); // none in row 0: the group headers span columns
  // Text-like ink in the value cells (never long enough to be a rule).
  for (const x of [100, 200, 300, 400, 500]) c.fill(x + 40, 265, x + 52, 290);
  return c.image;
}

describe('grid detection', () => {
  it('finds the rules, the cells and the merged cells of a drawn table', () => {
    const g = drawnTable();
    const tables = tablesFromRules(detectRules(binarise(g), g.width, g.height));
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect([t.rows, t.cols]).toEqual([4, 5]);
    const spans = t.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan]);
    expect(spans).toEqual([
      [0, 0, 1, 2], // 「行政复议」
      [0, 2, 1, 3], // 「行政诉讼」
      [1, 0, 2, 1], // a header two rows tall
      [1, 1, 1, 1],
      [1, 2, 1, 1],
      [1, 3, 1, 1],
      [1, 4, 1, 1],
      [2, 1, 1, 1],
      [2, 2, 1, 1],
      [2, 3, 1, 1],
      [2, 4, 1, 1],
      [3, 0, 1, 1],
      [3, 1, 1, 1],
      [3, 2, 1, 1],
      [3, 3, 1, 1],
      [3, 4, 1, 1],
    ]);
    // boxes run between the rules' centre lines
    const value = t.cells.find((c) => c.row === 3 && c.col === 3)!;
    expect(value.box).toEqual([400.5, 250.5, 500.5, 310.5]);
  });

  it('estimates a small rotation from the rules and undoes it', () => {
    const g = drawnTable();
    const turned = rotate(g, (-0.6 * Math.PI) / 180); // the page turned by +0.6°
    const ink = binarise(turned);
    const angle = (estimateSkew(ink, turned.width, turned.height) * 180) / Math.PI;
    expect(Math.abs(angle - 0.6)).toBeLessThan(0.1);
    const straight = rotate(turned, (angle * Math.PI) / 180);
    const tables = tablesFromRules(detectRules(binarise(straight), straight.width, straight.height));
    expect(tables.map((t) => [t.rows, t.cols, t.cells.length])).toEqual([[4, 5, 16]]);
  });

  it('estimates rotations up to 10° (scanners and phone apps give 1–5°; at 3° no grid was found)', () => {
    for (const deg of [3, -5, 9]) {
      const turned = rotate(drawnTable(), (-deg * Math.PI) / 180);
      const angle = (estimateSkew(binarise(turned), turned.width, turned.height) * 180) / Math.PI;
      expect(Math.abs(angle - deg)).toBeLessThan(0.1);
    }
  });

  it('squares a keystoned table: the frame found, the page warped, the grid whole again', () => {
    const g = drawnTable();
    // The top edge 6% narrower than the bottom, as a photo taken from below.
    const corners: [number, number][] = [
      [100 + 15, 100],
      [602 - 15, 100],
      [602, 312],
      [100, 312],
    ];
    const m = homography(corners, [
      [100, 100],
      [602, 100],
      [602, 312],
      [100, 312],
    ]);
    const photo = { width: g.width, height: g.height, data: new Uint8Array(g.width * g.height).fill(255) };
    for (let y = 0; y < g.height; y++) {
      for (let x = 0; x < g.width; x++) {
        const [sx, sy] = applyHomography(m, [x, y]).map(Math.round) as [number, number];
        if (sx >= 0 && sy >= 0 && sx < g.width && sy < g.height) photo.data[y * g.width + x] = g.data[sy * g.width + sx]!;
      }
    }
    const ink = binarise(photo);
    const before = tablesFromRules(detectRules(ink, photo.width, photo.height));
    expect(before.map((t) => [t.rows, t.cols, t.cells.length])).not.toEqual([[4, 5, 16]]);
    const frame = tableFrame(ink, photo.width, photo.height)!;
    expect(keystone(frame)).toBeGreaterThan(10);
    const { image } = unwarp(photo, frame);
    const tables = tablesFromRules(detectRules(binarise(image), image.width, image.height));
    expect(tables.map((t) => [t.rows, t.cols, t.cells.length])).toEqual([[4, 5, 16]]);
  });

  it('finds no table on a blank page or in text-like ink', () => {
    const c = canvas(600, 400);
    for (let x = 50; x < 550; x += 30) c.fill(x, 100, x + 20, 122); // a "line of characters"
    const tables = tablesFromRules(detectRules(binarise(c.image), 600, 400));
    expect(tables).toEqual([]);
  });
});

describe('OCR page reader without tesseract', () => {
  it('reports progress per stage and stops with OcrAbortError when cancelled', async () => {
    const controller = new AbortController();
    const stages: string[] = [];
    const fake: Recogniser = {
      // cancelled at the first reading of either kind: a sure digit reading is not read again by the
      // Chinese reader, so a table of numbers may never reach label()
      digits: async () => {
        controller.abort();
        return { text: '0', confidence: 99 };
      },
      label: async () => {
        controller.abort();
        return { text: '结果维持', confidence: 99 };
      },
    };
    const g = drawnTable();
    const run = ocrPage(g, fake, { signal: controller.signal, onProgress: (p) => stages.push(p.stage) });
    await expect(run).rejects.toBeInstanceOf(OcrAbortError);
    expect(stages.slice(0, 3)).toEqual(['grid', 'grid', 'cells']);
  });
});

describe('OCR text clean-up and label matching', () => {
  it('strips the spaces tesseract puts between Chinese characters', () => {
    expect(stripCjkSpaces('三 、 收 到 和 处 理 政府 信息')).toBe('三、收到和处理政府信息');
    expect(stripCjkSpaces('(五 )不予处理')).toBe('(五 )不予处理');
  });

  it('snaps a misread label to the nearest template label, and leaves what is not close alone', () => {
    expect(matchTemplateLabel('1.信访举报投拆类申请').text).toBe('1.信访举报投诉类申请');
    expect(matchTemplateLabel('(三 )不了予公开').text).toBe('（三）不予公开');
    expect(matchTemplateLabel('结杲维持').text).toBe('结果维持');
    // Numbering OCR half lost on blurred or 100 dpi scans (issue 16).
    expect(matchTemplateLabel('(七总计').text).toBe('（七）总计');
    expect(matchTemplateLabel('《一 )也以公开').text).toBe('（一）予以公开');
    expect(matchTemplateLabel('了.骆于行政执法全孝').text).toBe('7.属于行政执法案卷');
    expect(matchTemplateLabel('七 )总计').text).toBe('（七）总计');
    // 「总计」 is a table-B row and a table-C column: already a label, kept as written.
    expect(matchTemplateLabel('总计').text).toBe('总计');
    expect(matchTemplateLabel('2023年全区受理政府信息公开申请21件').matched).toBeUndefined();
    expect(labelMatcher(['结果维持', '结果纠正'])('结果').matched).toBeUndefined();
  });

  it('oneDigitAway: a digit read as another, dropped or doubled is one slip; two slips or the same number are not', () => {
    expect(oneDigitAway('1', '4')).toBe(true);
    expect(oneDigitAway('61', '64')).toBe(true);
    expect(oneDigitAway('47', '447')).toBe(true);
    expect(oneDigitAway('4514', '454')).toBe(true);
    expect(oneDigitAway('3050', '3047')).toBe(false);
    expect(oneDigitAway('12', '12')).toBe(false);
    expect(oneDigitAway('1', '123')).toBe(false);
  });

  it('a long label read by its beginning: the one template label it begins, the longest wording of its row; none when two rows begin alike', () => {
    // Readings of the first ten character widths of 淮安市 2024's label cells (p4, p5).
    expect(matchTemplatePrefix('(二 )部分公开〈区分处').matched).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    expect(matchTemplatePrefix('1.申请人无正当理由').matched).toBe('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
    expect(matchTemplatePrefix('2.申请人逾期未按').matched).toBe('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请');
    expect(matchTemplatePrefix('〈本列数据的勾稽关').matched).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(matchTemplatePrefix('7.属于行政执').matched).toBe('7.属于行政执法案卷');
    expect(matchTemplatePrefix('二、上年结转政府信').matched).toBe('二、上年结转政府信息公开申请数量');
    // A character misread: still that label.
    expect(matchTemplatePrefix('二、上年结转政腐信').matched).toBe('二、上年结转政府信息公开申请数量');
    // A speck read as a sign between the number and its dot (洪泽区 2023 p4).
    expect(matchTemplatePrefix('5$.要求行政机关确').matched).toBe('5.要求行政机关确认或重新出具已获取信息');
    expect(matchTemplateLabel('5$.要求行政机关确认或重新出具已获取信息').text).toBe('5.要求行政机关确认或重新出具已获取信息');
    // Five rows begin 「第二十条第」: the cell is read whole.
    expect(matchTemplatePrefix('第二十条第').matched).toBeUndefined();
    expect(matchTemplatePrefix('2023年全区受理政府信').matched).toBeUndefined();
  });

  it('labelPrefix: a label cell longer than the budget cut to its first character widths, its lines side by side; a short one left whole', () => {
    // 「characters」: 20×20 blocks 6 px apart, on lines 20 px tall.
    const cell = (perLine: number[]) => {
      const c = canvas(40 + 26 * Math.max(...perLine), 20 + 34 * perLine.length);
      perLine.forEach((n, l) => {
        for (let k = 0; k < n; k++) c.fill(10 + 26 * k, 10 + 34 * l, 30 + 26 * k, 30 + 34 * l);
      });
      return c.image;
    };
    // A budget of ten character widths; a little over it (up to twelve) is read whole.
    expect(labelPrefix(cell([8]), 10)).toBeUndefined();
    expect(labelPrefix(cell([5, 4]), 10)).toBeUndefined();
    const blocks = (g: Gray) => {
      let n = 0;
      for (let x = 1; x < g.width; x++) if (g.data[(g.height >> 1) * g.width + x]! < 128 && g.data[(g.height >> 1) * g.width + x - 1]! >= 128) n++;
      return n;
    };
    const { image: one, cut } = labelPrefix(cell([20]), 10)!;
    expect(cut).toBe(true);
    expect(one.height).toBe(20 + 20);
    expect(blocks(one)).toBe(Math.ceil((10 * 20) / 26));
    // Lines of 6 and 9 (7.5 and 11.4 widths): the first whole, then the second's first 2.5 widths, on one line.
    const two = labelPrefix(cell([6, 9]), 10)!.image;
    expect(two.height).toBe(40);
    expect(blocks(two)).toBe(6 + 2);
    // Written top to bottom, a character a line: laid out on one line whole, not cut.
    const upright = labelPrefix(cell([1, 1, 1, 1, 1, 1, 1]), 10)!;
    expect(upright.cut).toBe(false);
    expect([upright.image.height, blocks(upright.image)]).toEqual([40, 7]);
  });
});

describe('OCR of real report pages (tesseract.js, offline)', () => {
  let rec: TesseractRecogniser;
  beforeAll(async () => {
    rec = await createNodeRecogniser();
  });
  afterAll(async () => {
    await rec?.terminate();
  });

  let hongze: OcrCheck;
  it('洪泽区 2023 page 4 (image): the same table-C errors as the text layer', async () => {
    hongze = await checkImage(ocrFixture('hongze-district-gov-2023-p4.png'), rec, { name: 'hongze p4' });
    const errors = hongze.findings.filter((f) => f.severity === 'error').map((f) => [f.ruleId, f.cells[0]]);
    expect(errors).toEqual([
      ['REVIEW-TOTAL', 'C.rev.total'],
      ['LITIGATION-AFTER-REVIEW-TOTAL', 'C.lita.total'],
    ]);
    const review = hongze.findings.find((f) => f.ruleId === 'REVIEW-TOTAL')!;
    expect(review.equation).toMatchObject({ leftSum: 0, rightSum: 11 }); // stated 0 vs 10 + 1 + 0 + 0
    expect(hongze.ocr).toMatchObject({ grid: true, fallback: false, noTable: false });
    expect(hongze.ocr.pages[0]!.tables.map((t) => [t.rows, t.cols])).toEqual([
      [9, 10],
      [4, 15],
    ]);
    const src = hongze.locate('C.rev.total');
    expect(src).toMatchObject({ kind: 'ocr', page: 1 });
    if (src?.kind === 'ocr') {
      // the 「总计」 value cell of 行政复议, in the page image's pixels
      const [x0, y0, x1, y1] = src.bbox;
      expect(x0).toBeGreaterThan(400);
      expect(x1).toBeLessThan(520);
      expect(y0).toBeGreaterThan(900);
      expect(y1).toBeLessThan(1000);
    }
    expect(hongze.coverage.C.status).toBe('checked');
  });

  it('洪泽区 2023 page 4: every number the text layer has on that page is read right', async () => {
    const truth = await textLayerNumbers('hongze-district-gov-2023.pdf', [4]);
    expect(truth.size).toBe(78); // 9 table-B rows × 7 + 15 table-C cells
    const acc = numericAccuracy(truth, hongze);
    expect(acc.wrong).toEqual([]);
    expect(acc.right / acc.total).toBeGreaterThanOrEqual(0.99);
  });

  it('洪泽区 2023 page 4, degraded (blur, 0.5° rotation, JPEG q55): same errors, accuracy reported', async () => {
    const r = await checkImage(ocrFixture('hongze-district-gov-2023-p4-degraded.png'), rec, { prose: false });
    expect(r.ocr.pages[0]!.skewDegrees).toBeCloseTo(0.5, 1);
    const acc = numericAccuracy(await textLayerNumbers('hongze-district-gov-2023.pdf', [4]), r);
    console.log(`degraded 洪泽区 p4: ${acc.right}/${acc.total} numbers right`, acc.wrong);
    expect(acc.right / acc.total).toBeGreaterThanOrEqual(0.9);
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => [f.ruleId, f.cells[0]])).toEqual([
      ['REVIEW-TOTAL', 'C.rev.total'],
      ['LITIGATION-AFTER-REVIEW-TOTAL', 'C.lita.total'],
    ]);
  });

  it('淮安市 2024 pages 3–5 (tables A, B, C in small print): clean like the text layer, ≥ 99% of numbers right', async () => {
    const pages = [3, 4, 5].map((p) => ocrFixture(`huaian-city-gov-2024-p${p}.png`));
    const r = await checkImages(pages, rec);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect([r.coverage.A.status, r.coverage.B.status, r.coverage.C.status]).toEqual(['checked', 'checked', 'checked']);
    expect(r.verdict).toBe('clean');
    const truth = await textLayerNumbers('huaian-city-gov-2024.pdf', [3, 4, 5]);
    // OCR page n is PDF page n + 2
    const acc = numericAccuracy(truth, r);
    console.log(`淮安市 p3–5: ${acc.right}/${acc.total} numbers right`, acc.wrong, `doubtful: ${r.ocr.doubtful.map((d) => `${d.ref}=${d.text}`).join(' ')}`);
    expect(acc.total).toBeGreaterThan(180);
    expect(acc.right / acc.total).toBeGreaterThanOrEqual(0.99);
    // Numbers the readers disagreed on are flagged, and a finding resting on one would say so.
    for (const d of r.ocr.doubtful) if (d.ref) expect(restsOnDoubtful(r, [d.ref])).toBe(true);
    // The long labels of table B's （六） rows were read by their beginning and are the template's rows,
    // numbered as printed (「1、」).
    const cells = r.ocr.pages.flatMap((p) => p.cells);
    const six = cells.filter((c) => c.kind === 'label' && c.read.endsWith('…') && c.text.includes('申请人'));
    expect(six.map((c) => c.text)).toEqual(['1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请']);
    expect(cells.filter((c) => c.kind === 'label' && c.read.endsWith('…')).length).toBeGreaterThan(5);
  });

  it('洪泽区 2023 page 4 with its ruling lines erased: the borderless fallback finds the same errors, and says so', async () => {
    const g = toGray(ocrFixture('hongze-district-gov-2023-p4.png'));
    const rules = detectRules(binarise(g), g.width, g.height);
    const white = (x0: number, y0: number, x1: number, y1: number) => {
      for (let y = Math.max(0, Math.floor(y0)); y <= Math.min(g.height - 1, Math.ceil(y1)); y++) g.data.fill(255, y * g.width + Math.max(0, Math.floor(x0)), y * g.width + Math.ceil(x1) + 1);
    };
    for (const r of rules.horizontal) white(r.from, r.pos - r.thick / 2 - 1, r.to, r.pos + r.thick / 2 + 1);
    for (const r of rules.vertical) white(r.pos - r.thick / 2 - 1, r.from, r.pos + r.thick / 2 + 1, r.to);
    const r = await checkImage(g, rec, { prose: false });
    expect(r.ocr).toMatchObject({ grid: false, fallback: true });
    expect(r.model.recognition.inputProblems).toContain('ocr-borderless');
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => [f.ruleId, f.cells[0]])).toEqual([
      ['REVIEW-TOTAL', 'C.rev.total'],
      ['LITIGATION-AFTER-REVIEW-TOTAL', 'C.lita.total'],
    ]);
  });

  it('a blank page is 「表格无法识别」, not checked — never "no errors"', async () => {
    const blank = { width: 1240, height: 1755, data: new Uint8ClampedArray(1240 * 1755 * 4).fill(255) };
    const r = await checkImage(blank, rec);
    expect(r.ocr.noTable).toBe(true);
    expect(r.verdict).toBe('unreadable');
    expect(r.coverage.B).toMatchObject({ status: 'unreadable' });
    expect(coverageReasons(r, 'C')[0]).toContain('表格无法识别');
    expect(format(r, 'zh')).toContain('表格无法识别');
  });

  it('a page blurred past reading is not checked either', async () => {
    const page = toGray(ocrFixture('hongze-district-gov-2023-p4.png'));
    const r = await checkImage(boxBlur(page, 7), rec, { prose: false });
    expect(['unreadable', 'incomplete']).toContain(r.verdict);
    expect(r.coverage.C.status).not.toBe('checked');
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('an image-only PDF page goes to OCR through a renderer the caller supplies', async () => {
    const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
    const rendered: number[] = [];
    const { result, pagesWithoutText } = await checkPdfWithOcr(pdfjs, blankPdf(), {
      recogniser: rec,
      prose: false,
      render: async (n) => {
        rendered.push(n);
        return ocrFixture('hongze-district-gov-2023-p4.png');
      },
    });
    expect([pagesWithoutText, rendered]).toEqual([[1], [1]]);
    expect(result.model.recognition.inputProblems).toContain('ocr-pages:1');
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual(['REVIEW-TOTAL', 'LITIGATION-AFTER-REVIEW-TOTAL']);
  });
});

/** Separable box blur of radius r, applied twice (close to a Gaussian). */
function boxBlur(g: Gray, r: number): Gray {
  let src = Float32Array.from(g.data);
  const { width: w, height: h } = g;
  for (let pass = 0; pass < 4; pass++) {
    const horizontal = pass % 2 === 0;
    const out = new Float32Array(w * h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        let s = 0;
        let n = 0;
        for (let k = -r; k <= r; k++) {
          const xx = horizontal ? x + k : x;
          const yy = horizontal ? y : y + k;
          if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
          s += src[yy * w + xx]!;
          n++;
        }
        out[y * w + x] = s / n;
      }
    }
    src = out;
  }
  return { width: w, height: h, data: Uint8Array.from(src, (v) => Math.round(v)) };
}

