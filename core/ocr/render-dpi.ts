// At what resolution to render an image-only PDF page for OCR: the resolution of the scan inside it.
// A fixed 150 dpi threw resolution away: a 200 dpi scan in a PDF read worse than the same image as a PNG,
// and 洪泽区 2023's table C came out unreadable (issue 16). pdf.js's operator list says which images the
// page paints and where; the largest one's pixels over its painted size in inches is the scan's dpi.

/** pdf.js's operator codes used here (its `OPS` enum; the same values since pdf.js 1.0). */
export const PDF_OPS = { save: 10, restore: 11, transform: 12, paintImageXObject: 85, paintInlineImageXObject: 86 } as const;

export type OperatorList = { fnArray: ArrayLike<number>; argsArray: ArrayLike<unknown> };

/** What OCR reads well at and below which rendering only blurs (toolchain.md §4). */
export const MIN_RENDER_DPI = 150;
/** Finer than this costs four times the work and memory for no better reading (the page reader scales wider pages down anyway). */
export const MAX_RENDER_DPI = 300;

/**
 * The dpi of the largest image a page paints (pixels across ÷ inches across on the page), or undefined
 * when it paints none.
 */
export function embeddedImageDpi(ops: OperatorList): number | undefined {
  type M = [number, number, number, number, number, number];
  let ctm: M = [1, 0, 0, 1, 0, 0];
  const stack: M[] = [];
  let best: { area: number; dpi: number } | undefined;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === PDF_OPS.save) stack.push(ctm);
    else if (fn === PDF_OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === PDF_OPS.transform && args) {
      const [a, b, c, d, e, f] = args as number[];
      const [A, B, C, D, E, F] = ctm;
      ctm = [a! * A + b! * C, a! * B + b! * D, c! * A + d! * C, c! * B + d! * D, e! * A + f! * C + E, e! * B + f! * D + F];
    } else if ((fn === PDF_OPS.paintImageXObject || fn === PDF_OPS.paintInlineImageXObject) && args) {
      const size = fn === PDF_OPS.paintImageXObject ? { width: args[1] as number, height: args[2] as number } : (args[0] as { width: number; height: number });
      // The image's unit square painted through the CTM: its sides in points.
      const wPt = Math.hypot(ctm[0], ctm[1]);
      const hPt = Math.hypot(ctm[2], ctm[3]);
      if (!size?.width || !wPt || !hPt) continue;
      const area = wPt * hPt;
      const dpi = Math.max(size.width / (wPt / 72), size.height / (hPt / 72));
      if (!best || area > best.area) best = { area, dpi };
    }
  }
  return best?.dpi;
}

/** The dpi to render a page at: the scan's own, kept within [MIN_RENDER_DPI, MAX_RENDER_DPI]. */
export function renderDpi(ops: OperatorList | undefined): number {
  const dpi = ops ? embeddedImageDpi(ops) : undefined;
  return dpi ? Math.round(Math.min(MAX_RENDER_DPI, Math.max(MIN_RENDER_DPI, dpi))) : MIN_RENDER_DPI;
}
