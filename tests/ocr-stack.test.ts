// Crops stacked for one recogniser call (core/ocr/stack.ts): the bands where each crop sits, and the
// recogniser's lines given back to the right crop — or to none, so the crop is read on its own.
import { describe, expect, it } from 'vitest';
import { distinctCrops, readingsOfStack, stackCrops } from '../core/ocr/stack.ts';
import type { Gray } from '../core/ocr/image.ts';

const box = (width: number, height: number, v = 0): Gray => ({ width, height, data: new Uint8Array(width * height).fill(v) });

describe('stackCrops', () => {
  it('puts each crop in its own band, white between, the pixels copied where the band says', () => {
    const a = box(10, 20, 7);
    const b = box(30, 40, 9);
    const { image, bands } = stackCrops([a, b]);
    expect(bands).toHaveLength(2);
    const gap = bands[0]![0];
    expect(gap).toBeGreaterThanOrEqual(20); // half the tallest crop
    expect(bands[1]![0] - bands[0]![1]).toBe(gap);
    expect(image.height).toBe(bands[1]![1] + gap);
    expect(image.width).toBe(30 + 2 * gap);
    expect(image.data[bands[0]![0] * image.width + gap]).toBe(7);
    expect(image.data[(bands[1]![1] - 1) * image.width + gap + 29]).toBe(9);
    expect(image.data[(bands[0]![1] + 1) * image.width + gap]).toBe(255); // the white between
  });
});

describe('readingsOfStack', () => {
  const bands: [number, number][] = [
    [20, 50],
    [70, 100],
    [120, 150],
  ];
  it('gives each line to the crop whose band holds its middle; a crop without a line read nothing', () => {
    const out = readingsOfStack(bands, [
      { y0: 118, y1: 152, text: '447', confidence: 91 },
      { y0: 22, y1: 49, text: '12', confidence: 96 },
    ]);
    expect(out).toEqual([{ text: '12', confidence: 96 }, { text: '', confidence: 0 }, { text: '447', confidence: 91 }]);
  });
  it('a line reaching into the white between two crops, or two lines for a one-line crop: that crop is read again alone', () => {
    const out = readingsOfStack(bands, [
      { y0: 20, y1: 95, text: '1', confidence: 90 },
      { y0: 72, y1: 84, text: '3', confidence: 90 },
      { y0: 86, y1: 99, text: '5', confidence: 90 },
    ]);
    expect(out[0]).toBeUndefined();
    expect(out[1]).toBeUndefined();
    expect(out[2]).toEqual({ text: '', confidence: 0 });
  });
  it('a wrapped label: its lines joined top to bottom when several lines are expected, the weakest confidence standing', () => {
    const out = readingsOfStack(bands, [
      { y0: 86, y1: 99, text: '申请', confidence: 80 },
      { y0: 71, y1: 84, text: '重复', confidence: 95 },
    ], { multiLine: true });
    expect(out[1]).toEqual({ text: '重复申请', confidence: 80 });
  });
});

describe('distinctCrops', () => {
  it('crops alike pixel for pixel are one; a pixel or the size apart, they are two', () => {
    const zero = box(10, 20, 7);
    const again = box(10, 20, 7);
    const speck = box(10, 20, 7);
    speck.data[55] = 8;
    const wider = box(20, 10, 7); // the same pixels, another shape
    const { distinct, index } = distinctCrops([zero, speck, again, wider, zero]);
    expect(distinct).toEqual([zero, speck, wider]);
    expect(index).toEqual([0, 1, 0, 2, 0]);
  });
});
