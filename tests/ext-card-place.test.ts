// Where the card goes (extension/features/ui.tsx placeCard): below its cell, flipped above near the
// viewport's bottom edge, and always inside the viewport (issue 17: a card on a long equation ran past
// the bottom edge).
import { describe, expect, it } from 'vitest';
import { placeCard, type Rect } from '../extension/features/ui.tsx';

const box = (rect: Rect, vp: { width: number; height: number }) => {
  const p = placeCard(rect, vp);
  const top = p.flipped ? vp.height - p.bottom! - p.maxHeight : p.top!;
  return { ...p, top, bottom: top + p.maxHeight, right: p.left + p.width };
};

describe('card placement', () => {
  it('below a cell high in the viewport, above a cell near its bottom edge, never over the cell when there is room', () => {
    const vp = { width: 1280, height: 900 };
    const high = box({ top: 100, bottom: 130, left: 300, right: 360 }, vp);
    expect(high.flipped).toBe(false);
    expect(high.top).toBeGreaterThanOrEqual(130);
    const low = box({ top: 800, bottom: 830, left: 300, right: 360 }, vp);
    expect(low.flipped).toBe(true);
    expect(low.bottom).toBeLessThanOrEqual(800);
    expect(low.top).toBeGreaterThanOrEqual(8);
  });

  it('fits the viewport for any cell, on screen or partly off it, in any window size', () => {
    for (const vp of [{ width: 1280, height: 900 }, { width: 360, height: 640 }, { width: 200, height: 150 }]) {
      for (let top = -100; top <= vp.height + 50; top += 17) {
        for (const left of [-40, 0, vp.width / 2, vp.width - 30, vp.width + 10]) {
          const b = box({ top, bottom: top + 28, left, right: left + 60 }, vp);
          expect(b.top, JSON.stringify({ vp, top, left })).toBeGreaterThanOrEqual(0);
          expect(b.bottom, JSON.stringify({ vp, top, left })).toBeLessThanOrEqual(vp.height);
          expect(b.left).toBeGreaterThanOrEqual(0);
          expect(b.right).toBeLessThanOrEqual(vp.width);
          expect(b.maxHeight).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });
});
