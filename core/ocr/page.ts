// A page image → Doc blocks with `ocr` sources. Grey, downscale, deskew; find the ruled tables and read
// each cell's crop (numbers: the digit reader; labels: the Chinese reader, then snapped to the template's
// labels), many crops to a recogniser call (stack.ts), a cell in doubt again on its own; read the lines of
// prose outside the tables; order everything top to bottom.
// A page with no ruled table falls back to one full-page recognition whose word boxes go through the
// positioned-text grid builder that serves PDF text layers — and says so.
import type { Block, GridCell, SourceRef } from '../types.ts';
import { binarise, crop, downscale, dropSolidInk, enlarge, enlargeFactor, estimateSkew, otsu, pad, rotate, toGray, type Box, type Gray, type OcrImage } from './image.ts';
import { detectRules, tablesFromRules, type TableGrid } from './grid.ts';
import { components, cropCell, type CellCrop } from './cells.ts';
import { asPrinted, matchSectionHeading, matchTemplateLabel, matchTemplatePrefix } from './labels.ts';
import { labelPrefix } from './label-prefix.ts';
import { distinctCrops } from './stack.ts';
import type { Reading, Recogniser } from './recogniser.ts';
import { positionedToDoc, type TextItem } from '../adapters/pdf/positioned.ts';
import { flattenLighting, keystone, tableFrame, unwarp, type Point } from './perspective.ts';

export type OcrProgress = { page: number; stage: 'grid' | 'cells' | 'prose' | 'words'; done: number; total: number };

export type OcrOptions = {
  /** page number written into every source (1-based) */
  page?: number;
  /** pages wider than this are scaled down first (150 dpi reads as well as 300, at a quarter of the cost) */
  maxWidth?: number;
  /** undo a rotation (up to ±10°) found from the table rules and text lines */
  deskew?: boolean;
  /** even out uneven light and undo a keystone (a phone photo) by squaring the largest table's frame */
  perspective?: boolean;
  /** also read the text outside the tables (headings and narrative); off: tables only */
  prose?: boolean;
  /**
   * a page without ruling lines: words cut from the ink and read one by one ('ink', default), the
   * recogniser's full-page words ('page'), or not read as a table at all ('off')
   */
  borderless?: 'ink' | 'page' | 'off';
  /** a number read with less confidence than this (0–100) is flagged as doubtful */
  lowConfidence?: number;
  onProgress?(p: OcrProgress): void;
  signal?: AbortSignal;
};

export type OcrCell = {
  table: number;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** in the original image's pixels */
  bbox: Box;
  /** 'unread': ink that no reader could read (never taken as blank: a blank counts as 0) */
  kind: 'empty' | 'number' | 'label' | 'unread';
  text: string;
  /** what the recogniser read, before label matching */
  read: string;
  confidence: number;
  doubtful: boolean;
  /** a cell with ink: its print's height in the pixels of the page as read (after any downscaling) */
  printHeight?: number;
};

export type OcrPageInfo = {
  page: number;
  width: number;
  height: number;
  /** how the tables were found: ruling lines, word boxes of a full-page recognition (borderless), or not at all */
  method: 'rules' | 'words' | 'none';
  skewDegrees: number;
  /** the page was warped to square the largest table's frame (a keystone, as in a phone photo) */
  unwarped: boolean;
  scale: number;
  tables: { bbox: Box; rows: number; cols: number; cells: number }[];
  cells: OcrCell[];
  /** cells with ink that were read, and how many of them hold numbers */
  cellsRead: number;
  numbers: number;
  /** cells with ink that no reader could read (listed in `doubtful` too) */
  unread: number;
  doubtful: OcrCell[];
  proseLines: number;
};

export type OcrPage = { blocks: Block[]; info: OcrPageInfo };

const DEFAULTS = { page: 1, maxWidth: 1800, deskew: true, perspective: true, prose: true, lowConfidence: 60, borderless: 'ink' as 'ink' | 'page' | 'off' };

const NUMBER = /^\d+(\.\d+)?$/;

/**
 * A frame whose corners are this share of the page width off a rectangle is a keystone worth undoing
 * (5 px on a 150 dpi page; a deskewed scan's table is within 1–2 px).
 */
const KEYSTONE_MIN = 0.004;

export class OcrAbortError extends Error {
  override readonly name = 'OcrAbortError';
  constructor() {
    super('OCR cancelled');
  }
}

export async function ocrPage(image: OcrImage, rec: Recogniser, options: OcrOptions = {}): Promise<OcrPage> {
  const opts = { ...DEFAULTS, ...options };
  const page = opts.page;
  const check = () => {
    if (opts.signal?.aborted) throw new OcrAbortError();
  };
  const progress = (stage: OcrProgress['stage'], done: number, total: number) => opts.onProgress?.({ page, stage, done, total });

  progress('grid', 0, 1);
  const original = toGray(image);
  const { image: small, scale } = downscale(original, opts.maxWidth);
  let g: Gray = opts.perspective ? flattenLighting(small) : small;
  let threshold = otsu(g);
  let ink = dropSolidInk(binarise(g, threshold), g.width, g.height);
  const level = g;
  const angle = opts.deskew ? estimateSkew(ink, g.width, g.height) : 0;
  if (Math.abs(angle) > (0.03 * Math.PI) / 180) {
    g = rotate(g, angle);
    threshold = otsu(g);
    ink = dropSolidInk(binarise(g, threshold), g.width, g.height);
  }
  let rules = detectRules(ink, g.width, g.height);
  let tables = tablesFromRules(rules);
  // A keystone: the largest table's frame is not a rectangle. The page warped square is kept only when
  // its grid has more cells, so an odd-shaped table on a good scan is never made worse.
  const cx = g.width / 2;
  const cy = g.height / 2;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  /** a point of the deskewed page → the same point before deskewing (what rotate() samples) */
  const unrotate = ([x, y]: Point): Point => [cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos];
  let toDeskewed = (p: Point): Point => p;
  let unwarped = false;
  const frame = opts.perspective ? tableFrame(ink, g.width, g.height) : undefined;
  if (frame && keystone(frame) > KEYSTONE_MIN * g.width) {
    const warped = unwarp(g, frame, { image: level, map: unrotate });
    const t = otsu(warped.image);
    const wInk = dropSolidInk(binarise(warped.image, t), g.width, g.height);
    const wRules = detectRules(wInk, g.width, g.height);
    const wTables = tablesFromRules(wRules);
    const cellCount = (ts: TableGrid[]) => ts.reduce((s, x) => s + x.cells.length, 0);
    if (cellCount(wTables) > cellCount(tables)) {
      [g, threshold, ink, rules, tables, toDeskewed, unwarped] = [warped.image, t, wInk, wRules, wTables, warped.toSource, true];
    }
  }
  // Boxes go back to the caller's image: undo the warp, the rotation, then the scale.
  const toOriginal = ([x0, y0, x1, y1]: Box): Box => {
    const pts = (
      [
        [x0, y0],
        [x1, y0],
        [x0, y1],
        [x1, y1],
      ] as Point[]
    )
      .map(toDeskewed)
      .map(unrotate);
    const r = (v: number) => Math.round((v / scale) * 10) / 10;
    return [r(Math.min(...pts.map((p) => p[0]!))), r(Math.min(...pts.map((p) => p[1]!))), r(Math.max(...pts.map((p) => p[0]!))), r(Math.max(...pts.map((p) => p[1]!)))];
  };
  progress('grid', 1, 1);
  check();

  const info: OcrPageInfo = {
    page,
    width: original.width,
    height: original.height,
    method: tables.length ? 'rules' : 'none',
    skewDegrees: Math.round(((angle * 180) / Math.PI) * 100) / 100,
    unwarped,
    scale,
    tables: tables.map((t) => ({ bbox: toOriginal(t.box), rows: t.rows, cols: t.cols, cells: t.cells.length })),
    cells: [],
    cellsRead: 0,
    numbers: 0,
    unread: 0,
    doubtful: [],
    proseLines: 0,
  };
  const placed: { y: number; block: Block }[] = [];

  // The prose lines outside the tables are sent to the Chinese readers right after the label cells (which
  // the cells wait for), not after the cells are done: they are read while the digit reader finishes its
  // stacks and second looks, instead of afterwards with one core idle (淮安市 2024 p4 and p5).
  let prose: Promise<Line[]> | undefined;
  const startProse = (): Promise<Line[]> => {
    if (!prose) {
      prose = readProse(rec, g, ink, tables, check);
      prose.catch(() => undefined); // a failure is met where it is awaited, not as an unhandled rejection meanwhile
    }
    return prose;
  };

  if (tables.length) {
    const thick = median([...rules.horizontal, ...rules.vertical].map((s) => s.thick)) ?? 2;
    const inset = Math.ceil(thick / 2) + 2;
    const jobs = tables.flatMap((t, ti) => t.cells.map((c) => ({ t, ti, c })));
    let done = 0;
    progress('cells', 0, jobs.length);
    const cuts: CellCrop[] = jobs.map(({ c }) => cropCell(g, c.box, inset, threshold));
    // The digit reader's stacked calls and the Chinese reader's run side by side, one worker each.
    const first = Promise.all([unwarped ? [] : sureNumbers(rec, cuts, check), labelsRead(rec, cuts, check)]);
    if (opts.prose) startProse();
    const [sure, { chinese: words, labels }] = await first;
    const cells = await Promise.all(
      jobs.map(async ({ ti, c }, i): Promise<OcrCell> => {
        const cut = cuts[i]!;
        const base = { table: ti, row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, bbox: toOriginal(c.box) };
        if (cut.kind === 'empty') return { ...base, kind: 'empty', text: '', read: '', confidence: 100, doubtful: false };
        check();
        const r = sure[i] ?? labels[i] ?? (await readCell(rec, cut, opts.lowConfidence, !unwarped, words[i]));
        progress('cells', ++done, jobs.length);
        return { ...base, ...r, printHeight: cut.printHeight };
      }),
    );
    await rereadStrays(rec, cells, cuts);
    info.cells = cells;
    tables.forEach((t, ti) => placed.push({ y: t.box[1], block: gridBlock(t, cells.filter((c) => c.table === ti), page, toOriginal) }));
  }

  if (!tables.length && opts.borderless !== 'off') {
    // Borderless: word boxes clustered into rows and columns by the positioned-text grid builder that
    // serves PDF text layers; its paragraphs come with it. The words are cut from the ink and read one
    // by one like cells (a full-page recognition merges a row of single digits into one word:
    // 「000000005」 on 洪泽 2023 p4 without its rules); `borderless: 'page'` uses the recogniser's own.
    check();
    let words: Word[];
    if (opts.borderless === 'page' && rec.page) {
      progress('words', 0, 1);
      words = await pageWords(rec, g, opts.lowConfidence);
      progress('words', 1, 1);
    } else {
      const boxes = proseLines(ink, g.width, g.height, [], (bh) => Math.max(10, 0.8 * bh));
      let done = 0;
      progress('words', 0, boxes.length);
      const read = await Promise.all(
        boxes.map(async (box): Promise<Word | undefined> => {
          const cut = cropCell(g, [box[0] - 4, box[1] - 4, box[2] + 4, box[3] + 4], 0, threshold);
          if (cut.kind === 'empty') return undefined;
          check();
          const r = await readCell(rec, cut, opts.lowConfidence);
          progress('words', ++done, boxes.length);
          return { text: r.text, confidence: r.confidence, bbox: box, doubtful: r.doubtful };
        }),
      );
      words = read.filter((w): w is Word => !!w && w.text !== '');
    }
    const blocks = wordsToBlocks(words, g.width, g.height, page, toOriginal);
    const grids = blocks.filter((b) => b.kind === 'grid');
    if (grids.length) info.method = 'words';
    for (const b of grids) for (const c of b.kind === 'grid' ? b.rows.flat() : []) if (c.text !== '') info.cellsRead++;
    info.numbers = words.filter((w) => NUMBER.test(w.text)).length;
    info.proseLines = blocks.length - grids.length;
    blocks.forEach((block, i) => placed.push({ y: i, block }));
  } else if (opts.prose) {
    const read = await startProse();
    info.proseLines = read.length;
    progress('prose', read.length, read.length);
    for (const p of paragraphs(read.filter((l) => l.text.trim() !== ''))) {
      const heading = p.text.length <= 30 ? matchSectionHeading(p.text) : undefined;
      const text = heading?.matched ?? p.text;
      const source: SourceRef = { kind: 'ocr', page, bbox: toOriginal(p.box), confidence: Math.round(p.confidence), ...(text !== p.text ? { read: p.text } : {}) };
      placed.push({ y: p.box[1], block: { kind: 'para', text, source } });
    }
  }

  for (const c of info.cells) {
    if (c.kind === 'empty') continue;
    if (c.doubtful) info.doubtful.push(c);
    if (c.kind === 'unread') {
      info.unread++;
      continue;
    }
    info.cellsRead++;
    if (c.kind === 'number') info.numbers++;
  }
  placed.sort((a, b) => a.y - b.y);
  return { blocks: placed.map((p) => p.block), info };
}

/** The lines of text outside the tables, read in stacked calls; a line the stack could not give back is read on its own. */
async function readProse(rec: Recogniser, g: Gray, ink: Uint8Array, tables: TableGrid[], check: () => void): Promise<Line[]> {
  const lines = proseLines(ink, g.width, g.height, tables.map((t) => t.box));
  const cuts = lines.map((box) => pad(enlarge(crop(g, [box[0] - 2, box[1] - 2, box[2] + 2, box[3] + 2]), enlargeFactor(box[3] - box[1])), 10));
  const labelLines = rec.labelLines?.bind(rec);
  const stacked = labelLines ? await inStacks(cuts, labelLines, check) : [];
  return Promise.all(
    lines.map(async (box, i) => {
      check();
      const s = stacked[i];
      const r = s?.text ? s : await rec.label(cuts[i]!, { singleLine: true });
      return { box, text: r.text, confidence: r.confidence };
    }),
  );
}

function median(xs: number[]): number | undefined {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function inside(a: Box, b: Box | undefined): boolean {
  if (!b) return false;
  const cx = (a[0] + a[2]) / 2;
  const cy = (a[1] + a[3]) / 2;
  return cx >= b[0] && cx <= b[2] && cy >= b[1] && cy <= b[3];
}

type CellReading = Pick<OcrCell, 'kind' | 'text' | 'read' | 'confidence' | 'doubtful'>;

/**
 * A number is read twice, by the digit reader (eng, whitelist) and the Chinese reader: each drops or
 * doubles a digit now and then where the other does not (淮安 2024 table B: eng 「447」→「47」). When
 * they agree the number stands; when they differ the digit reader has a second look at the crop
 * unenlarged, the majority wins (the digit reader on a tie, as it reads digits better overall,
 * 175 of 175 number cells of a real table when the toolchain was chosen), and the number is doubtful. Ink that does not look like digits goes to
 * the Chinese reader only, unless that reads digits after all.
 */
async function readCell(rec: Recogniser, cut: Extract<CellCrop, { kind: 'ink' }>, low: number, digitsAlone = false, chinese?: Reading): Promise<CellReading> {
  const { image, plain, numeric, lines } = cut;
  let d: Reading | undefined;
  let l: Reading;
  if (numeric) {
    d = await rec.digits(image);
    // A sure reading with one digit per mark of the ink needs no second reader: the Chinese reader's
    // look at a number cell is most of a table page's cost (~30 ms of CPU against ~11 ms for the digit
    // reader, 94 number cells on 淮安市 2024 p4), and the errors it exists to catch are a dropped or
    // doubled digit (「447」→「47」), which the count of marks catches as well. Not on a page warped
    // square (a phone photo): resampled digits fool the digit reader at confidence 99 with the right
    // count of marks (淮安市 2024 p4 photographed turned 3° with a 5% keystone).
    if (digitsAlone && isSure(d, cut)) {
      const c = await rec.digits(crisp(image));
      if (c.text === d.text) return { kind: 'number', text: d.text, read: d.text, confidence: Math.min(d.confidence, c.confidence), doubtful: false };
    }
    l = await rec.label(image, { singleLine: true });
  } else l = chinese ?? (await rec.label(image, { singleLine: lines === 1 }));
  const lt = l.text.replace(/[\s,，]/g, '');
  // Ink the Chinese reader made nothing of (blur, low resolution) may still be a number.
  const rescued = !d && !legible(lt) && !/^[\d.]+$/.test(lt);
  if (!d) {
    if (!rescued && !/^[\d.]+$/.test(lt)) return asLabel(l.text, l.confidence);
    d = await rec.digits(image);
  }
  const dOk = NUMBER.test(d.text);
  const lOk = NUMBER.test(lt);
  // A blurred label can look like digits, and the digit reader reads digits in anything: when the
  // Chinese reader reads one of the template's labels, it is that label (「2.重复申请」 on 洪泽区 p4 at σ1.2
  // became 「1」 and the row was lost).
  if (numeric && !lOk && /[\u3400-\u9fff]{2}/.test(lt)) {
    const m = matchTemplateLabel(l.text);
    if (m.matched || m.similarity === 1) return asLabel(l.text, l.confidence);
  }
  if (!dOk && !lOk) {
    // The cell has ink (cropCell decided that from the pixels): what no reader could read is unread,
    // never blank — unless the Chinese reader read words (a blurred 「2.重复申请」 can look like digits) or
    // a dash. One character in a cell that looks like digits is a misread digit (「6」 as 「提」).
    if (legible(lt) && (!numeric || (lt.match(/[\u3400-\u9fff]/g) ?? []).length >= 2)) return asLabel(l.text, l.confidence);
    const read = [d.text, l.text];
    if (numeric || rescued) {
      // The next preprocessings before giving up: the crop unenlarged (enlarging blurred small print
      // blurs it further: 淮安市 2024's 「3001」 at σ1.0 reads only so), black and white at its own
      // threshold, that again from a crop enlarged a whole number of times to ~200 px (the 「1」s and a 「6」 of 淮安市 2024 table B at
      // 100 dpi, digits 8 px tall, read only so), and a lone glyph as one character (line mode often reads
      // a lone 「1」 as nothing).
      // The count of marks is no guide here (blurred digits run together, JPEG blocks add specks): a
      // number read so stays doubtful, listed with its image.
      const tries: [Gray, { singleChar: boolean }?][] = [[plain], [crisp(image)], [crisp(pad(enlarge(plain, Math.round(Math.min(8, Math.max(2, 200 / plain.height)))), 10))]];
      if (cut.glyphs === 1) tries.push([crisp(image), { singleChar: true }]);
      for (const [img, hint] of tries) {
        const c = await rec.digits(img, hint);
        read.push(c.text);
        if (NUMBER.test(c.text)) {
          return { kind: 'number', text: c.text, read: read.filter(Boolean).join(' / '), confidence: c.confidence, doubtful: true };
        }
      }
    }
    return { kind: 'unread', text: '', read: read.filter(Boolean).join(' / '), confidence: 0, doubtful: true };
  }
  if (dOk && lOk && d.text === lt) {
    const confidence = Math.min(d.confidence, l.confidence);
    return { kind: 'number', text: d.text, read: d.text, confidence, doubtful: confidence < low };
  }
  const alt = await rec.digits(plain);
  const votes = [d.text, lt, alt.text].filter((t) => NUMBER.test(t));
  // The ink itself votes first: in a clean numeric cell each digit is one mark, so only a reading with
  // that many digits can be right.
  const fits = cut.glyphs ? [...new Set(votes)].filter((t) => t.replace('.', '').length === cut.glyphs) : [];
  const winner = (fits.length === 1 ? fits[0] : undefined) ?? votes.find((t, i) => votes.indexOf(t) !== i) ?? (dOk ? d.text : lt);
  const confidence = Math.min(...[d, l, alt].filter((r, i) => [d!.text, lt, alt.text][i] === winner).map((r) => r.confidence));
  // Not a real disagreement: both digit readings agree and the Chinese reader read no number of that
  // length (「6」 as 「提」, 「351」 as 「3531」), and the ink has as many marks as the number has digits.
  let settled = winner === d.text && winner === alt.text && (!lOk || lt.length !== winner.length) && (cut.glyphs === undefined || winner.replace('.', '').length === cut.glyphs);
  // The two digit readings agree but the Chinese reader read no number to confirm them: the crop black
  // and white has a say too (a 「4」 read 「1」 twice at confidence 95 on 淮安市 2024 p5 after JPEG q35 or
  // at 100 dpi — black and white it reads 「4」).
  let c: Reading | undefined;
  if (settled && !lOk) {
    c = await rec.digits(crisp(image));
    if (NUMBER.test(c.text) && c.text !== winner) settled = false;
  }
  if (!settled) {
    // A real disagreement: one more preprocessing votes before the number is given up to doubt — the
    // crop black and white at its own threshold (blur and JPEG leave small print grey; 淮安市 2024's
    // 「4」 read 「1」 / 「和」 / 「4」 at σ1.0 reads 「4」 so). Readers drop digits of blurred print more than
    // they invent them, so of two readings with as many votes the longer wins (「25」 read 「25」 / 「2」 /
    // 「2」 / 「25」); with no two alike, the three readers' choice stands (the Chinese reader doubles digits
    // now and then: 「454」 as 「4514」).
    c ??= await rec.digits(crisp(image));
    const all = [d, c, alt, l];
    const texts = [d.text, c.text, alt.text, lt];
    const valid = texts.filter((t) => NUMBER.test(t));
    const count = (t: string) => valid.filter((v) => v === t).length;
    const fit = cut.glyphs ? [...new Set(valid)].filter((t) => t.replace('.', '').length === cut.glyphs) : [];
    const top = Math.max(...valid.map(count));
    const tied = [...new Set(valid)].filter((t) => count(t) === top);
    const best = fit.length === 1 ? fit[0]! : top > 1 ? tied.sort((a, b) => b.length - a.length)[0]! : winner;
    const conf = Math.min(...all.filter((_, i) => texts[i] === best).map((r) => r.confidence));
    return { kind: 'number', text: best, read: [d.text, lt, alt.text, c.text].join(' / '), confidence: conf, doubtful: true };
  }
  return { kind: 'number', text: winner, read: [d.text, lt, alt.text].join(' / '), confidence, doubtful: rescued || confidence < low };
}

/** Digit-reader confidence at which a number whose digits match the marks of its ink is taken alone. */
const SURE = 90;

/** A digit reading sure enough to stand alone if it reads the same black and white (see readCell). */
function isSure(d: Reading, cut: Extract<CellCrop, { kind: 'ink' }>): boolean {
  return NUMBER.test(d.text) && d.confidence >= SURE && cut.glyphs !== undefined && d.text.replace('.', '').length === cut.glyphs;
}

/**
 * The Chinese reader's reading of every cell that does not look like a number (labels), in stacked
 * calls: what readCell reads those cells with first. A long label is read by its beginning
 * (label-prefix.ts): one that begins a template label is that label (`labels`); one that does not is
 * left for readCell to read whole.
 */
async function labelsRead(rec: Recogniser, cuts: CellCrop[], check: () => void): Promise<{ chinese: (Reading | undefined)[]; labels: (CellReading | undefined)[] }> {
  const chinese: (Reading | undefined)[] = [];
  const labels: (CellReading | undefined)[] = [];
  if (!rec.labelLines) return { chinese, labels };
  const idx = cuts.flatMap((c, i) => (c.kind === 'ink' && !c.numeric ? [i] : []));
  const prefixes = idx.map((i) => labelPrefix((cuts[i] as Extract<CellCrop, { kind: 'ink' }>).image));
  const read = await inStacks(
    idx.map((i, j) => prefixes[j]?.image ?? (cuts[i] as Extract<CellCrop, { kind: 'ink' }>).image),
    rec.labelLines.bind(rec),
    check,
  );
  idx.forEach((i, j) => {
    const r = read[j];
    if (!r?.text) return; // ink the block reader made nothing of: read again on its own, in line mode
    if (!prefixes[j]?.cut) chinese[i] = r;
    else {
      const m = matchTemplatePrefix(r.text);
      if (m.matched) labels[i] = { kind: 'label', text: asPrinted(m.matched, r.text), read: `${r.text}…`, confidence: r.confidence, doubtful: false };
    }
  });
  return { chinese, labels };
}

/** Number cells stacked per call: at most this many (a table B column block; ~3 000 px tall at 150 dpi). */
const STACK_MAX = 48;

/**
 * readCell's first step for every number cell of the page at once: the digit reader's reading of each
 * crop as it is and black and white, in stacked calls (stack.ts) instead of two calls a cell. A sure
 * reading that reads the same both ways is the cell's number; every other cell goes through readCell.
 * Measured on the five real page images (tests/bench/ocr.ts): see the figures there.
 */
async function sureNumbers(rec: Recogniser, cuts: CellCrop[], check: () => void): Promise<(CellReading | undefined)[]> {
  const out: (CellReading | undefined)[] = [];
  if (!rec.digitLines) return out;
  const idx = cuts.flatMap((c, i) => (c.kind === 'ink' && c.numeric && c.glyphs !== undefined ? [i] : []));
  const crops = idx.map((i) => (cuts[i] as Extract<CellCrop, { kind: 'ink' }>).image);
  const digitLines = rec.digitLines.bind(rec);
  const [asIs, bw] = await Promise.all([inStacks(crops, digitLines, check), inStacks(crops.map(crisp), digitLines, check)]);
  idx.forEach((i, j) => {
    const d = asIs[j];
    const c = bw[j];
    const cut = cuts[i] as Extract<CellCrop, { kind: 'ink' }>;
    if (d && c && isSure(d, cut) && c.text === d.text) out[i] = { kind: 'number', text: d.text, read: d.text, confidence: Math.min(d.confidence, c.confidence), doubtful: false };
  });
  return out;
}

/**
 * `read` over the crops in stacks of at most STACK_MAX, the readings in the crops' order; crops alike
 * pixel for pixel read once (stack.ts distinctCrops).
 */
async function inStacks(crops: Gray[], read: (part: Gray[]) => Promise<(Reading | undefined)[]>, check: () => void): Promise<(Reading | undefined)[]> {
  const { distinct, index } = distinctCrops(crops);
  const out: (Reading | undefined)[] = [];
  for (let k = 0; k < distinct.length; k += STACK_MAX) {
    check();
    out.push(...(await read(distinct.slice(k, k + STACK_MAX))));
  }
  return index.map((k) => out[k]);
}

/** A crop thresholded at its own Otsu level: black ink on white paper, nothing grey. */
function crisp(g: Gray): Gray {
  const t = otsu(g);
  const data = new Uint8Array(g.data.length);
  for (let i = 0; i < data.length; i++) data[i] = g.data[i]! <= t ? 0 : 255;
  return { width: g.width, height: g.height, data };
}

/** Words (any Chinese character) or a dash or slash that stands for an empty cell. */
function legible(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text) || /^[—–\-－/／\\、.…]+$/.test(text);
}

/**
 * A column of numbers holds no one-character labels: 「之」 or 「了1」 among the numbers of 淮安市 2024
 * table B (JPEG q35), 「62届」 (σ1.0), are digits the Chinese reader misread, and as labels they cut their row short.
 * Such a cell is read again as digits (black and white, then unenlarged): a number read so is doubtful;
 * nothing read leaves it unread. Never a label, never blank.
 */
async function rereadStrays(rec: Recogniser, cells: OcrCell[], cuts: CellCrop[]): Promise<void> {
  const columns = new Map<string, number[]>();
  cells.forEach((c, i) => {
    if (c.colSpan !== 1 || c.rowSpan !== 1) return;
    const k = `${c.table}:${c.col}`;
    columns.set(k, [...(columns.get(k) ?? []), i]);
  });
  for (const idx of columns.values()) {
    const numbers = idx.filter((i) => cells[i]!.kind === 'number').length;
    const labels = idx.filter((i) => cells[i]!.kind === 'label');
    if (numbers < 3 || numbers < 2 * labels.length) continue;
    for (const i of labels) {
      const c = cells[i]!;
      const cut = cuts[i];
      const t = c.read.replace(/\s/g, '');
      // One Chinese character at most, with digits or alone (「之」, 「了1」, 「62届」 at σ1.0).
      const cjk = (t.match(/[\u3400-\u9fff]/g) ?? []).length;
      // Not 「无」 or 「空」, which mean an empty cell, nor a dash.
      const stray = [...t].length <= 4 && cjk <= 1 && (/\d/.test(t) || /^[\u3400-\u9fff]$/.test(t)) && !/^[无空]$/.test(t) && matchTemplateLabel(c.read).similarity < 1;
      if (!stray || cut?.kind !== 'ink') continue;
      const read = [c.read];
      let reading: CellReading = { kind: 'unread', text: '', read: '', confidence: 0, doubtful: true };
      for (const img of [crisp(cut.image), cut.plain]) {
        const r = await rec.digits(img);
        read.push(r.text);
        if (NUMBER.test(r.text)) {
          reading = { kind: 'number', text: r.text, read: '', confidence: r.confidence, doubtful: true };
          break;
        }
      }
      cells[i] = { ...c, ...reading, read: read.filter(Boolean).join(' / ') };
    }
  }
}

function asLabel(read: string, confidence: number): CellReading {
  const m = matchTemplateLabel(read);
  return { kind: 'label', text: m.text, read, confidence, doubtful: false };
}

function gridBlock(t: TableGrid, cells: OcrCell[], page: number, toOriginal: (b: Box) => Box): Block {
  const rows: GridCell[][] = Array.from({ length: t.rows }, () => []);
  for (const c of [...cells].sort((a, b) => a.row - b.row || a.col - b.col)) {
    const source: SourceRef = {
      kind: 'ocr',
      page,
      bbox: c.bbox,
      ...(c.kind !== 'empty' ? { confidence: Math.round(c.confidence) } : {}),
      ...(c.doubtful ? { doubtful: true } : {}),
      ...(c.kind === 'unread' ? { unread: true } : {}),
      ...(c.read !== c.text ? { read: c.read } : {}),
    };
    rows[c.row]!.push({ text: c.text, rowSpan: c.rowSpan, colSpan: c.colSpan, source });
  }
  return { kind: 'grid', rows, source: { kind: 'ocr', page, bbox: toOriginal(t.box) }, layout: 'ocr ruled grid' };
}

/** Ink outside the given boxes (tables), specks dropped. */
function inkMaskWithout(ink: Uint8Array, w: number, h: number, boxes: Box[]): Uint8Array {
  const m = Uint8Array.from(ink);
  for (const [x0, y0, x1, y1] of boxes) {
    for (let y = Math.max(0, Math.floor(y0) - 3); y < Math.min(h, Math.ceil(y1) + 4); y++) {
      m.fill(0, y * w + Math.max(0, Math.floor(x0) - 3), y * w + Math.min(w, Math.ceil(x1) + 4));
    }
  }
  return m;
}

/**
 * Lines of text outside the tables: bands of rows with ink, cut where the ink leaves a gap wider than
 * `gap(line height)` (wide for prose lines; about a character for the words of a borderless table).
 */
export function proseLines(ink: Uint8Array, w: number, h: number, tables: Box[], gap: (lineHeight: number) => number = (bh) => Math.max(40, 2.5 * bh)): Box[] {
  const m = inkMaskWithout(ink, w, h, tables);
  const rowInk = new Int32Array(h);
  for (let y = 0; y < h; y++) {
    let n = 0;
    for (let x = 0; x < w; x++) n += m[y * w + x]!;
    rowInk[y] = n;
  }
  const bands: [number, number][] = [];
  for (let y = 0; y < h; y++) {
    if (!rowInk[y]) continue;
    const last = bands[bands.length - 1];
    if (last && y - last[1] <= 2) last[1] = y;
    else bands.push([y, y]);
  }
  const out: Box[] = [];
  for (const [y0, y1] of bands) {
    const bh = y1 - y0 + 1;
    if (bh < 6 || bh > 120) continue;
    const colInk = new Int32Array(w);
    for (let y = y0; y <= y1; y++) for (let x = 0; x < w; x++) colInk[x]! += m[y * w + x]!;
    let start = -1;
    let lastInk = -1;
    const gapMax = gap(bh);
    const flush = () => {
      if (start < 0) return;
      const box: Box = [start, y0, lastInk + 1, y1 + 1];
      const comps = components(regionOf(m, w, box), box[2] - box[0], box[3] - box[1]);
      const area = comps.reduce((s, c) => s + c.area, 0);
      if (area >= 20 && comps.some((c) => c.y1 - c.y0 >= 5)) out.push(box);
    };
    for (let x = 0; x < w; x++) {
      if (!colInk[x]) continue;
      if (start >= 0 && x - lastInk > gapMax) {
        flush();
        start = -1;
      }
      if (start < 0) start = x;
      lastInk = x;
    }
    flush();
  }
  return out;
}

function regionOf(m: Uint8Array, w: number, [x0, y0, x1, y1]: Box): Uint8Array {
  const rw = x1 - x0;
  const out = new Uint8Array(rw * (y1 - y0));
  for (let y = y0; y < y1; y++) out.set(m.subarray(y * w + x0, y * w + x1), (y - y0) * rw);
  return out;
}

type Line = { box: Box; text: string; confidence: number };

/**
 * Lines → paragraphs: a line that runs to the right margin and does not end a sentence continues on the
 * next one (the same rule the PDF text layer uses).
 */
function paragraphs(lines: Line[]): Line[] {
  if (!lines.length) return [];
  const right = Math.max(...lines.map((l) => l.box[2]));
  const out: Line[] = [];
  let cur: Line | undefined;
  let last: Box | undefined; // the paragraph's last line
  for (const l of [...lines].sort((a, b) => a.box[1] - b.box[1])) {
    const h = l.box[3] - l.box[1];
    if (cur && last) {
      const ch = last[3] - last[1];
      const wraps = last[2] >= right - 1.5 * ch && Math.abs(ch - h) <= 0.3 * Math.max(ch, h) && l.box[1] - last[3] < 1.5 * h && !/[。：:；;]$/.test(cur.text);
      if (wraps) {
        cur.text += l.text;
        cur.box = [Math.min(cur.box[0], l.box[0]), cur.box[1], Math.max(cur.box[2], l.box[2]), l.box[3]];
        cur.confidence = Math.min(cur.confidence, l.confidence);
        last = l.box;
        continue;
      }
    }
    cur = { ...l };
    last = l.box;
    out.push(cur);
  }
  return out;
}

/** Full-page words; number-like words read again one by one with the digit reader. */
type Word = { text: string; confidence: number; bbox: Box; doubtful: boolean };

async function pageWords(rec: Recogniser, g: Gray, low: number): Promise<Word[]> {
  const words = await rec.page!(g);
  return Promise.all(
    words
      .filter((w) => w.text.trim() !== '')
      .map(async (w) => {
        const t = w.text.replace(/\s+/g, '');
        if (!/^[\d.,|Il]+$/.test(t) || !/\d/.test(t)) return { ...w, text: t, doubtful: false };
        const cut = pad(crop(g, [w.bbox[0] - 2, w.bbox[1] - 2, w.bbox[2] + 2, w.bbox[3] + 2]), 10);
        const d = await rec.digits(cut);
        return NUMBER.test(d.text) ? { ...w, text: d.text, confidence: d.confidence, doubtful: d.confidence < low } : { ...w, text: t, doubtful: true };
      }),
  );
}

/** Word boxes → positioned text (y up, as the PDF grid builder expects) → blocks with `ocr` sources. */
function wordsToBlocks(words: Word[], w: number, h: number, page: number, toOriginal: (b: Box) => Box): Block[] {
  const items: TextItem[] = words.map((wd) => ({ str: wd.text, x: wd.bbox[0], y: h - wd.bbox[3], w: wd.bbox[2] - wd.bbox[0], h: wd.bbox[3] - wd.bbox[1] }));
  const doc = positionedToDoc([{ page, width: w, height: h, items }], { origin: 'ocr' });
  const doubtfulAt = (bbox: Box) => words.find((wd) => wd.doubtful && inside(wd.bbox, bbox));
  const toOcr = (src: SourceRef): SourceRef => {
    if (src.kind !== 'pdf') return src;
    return { kind: 'ocr', page, bbox: toOriginal(src.bbox), ...(doubtfulAt(src.bbox) ? { doubtful: true } : {}) };
  };
  return doc.blocks.map((b): Block => {
    if (b.kind === 'para') return { ...b, source: toOcr(b.source) };
    return {
      ...b,
      layout: 'ocr word boxes (no ruling lines)',
      source: toOcr(b.source),
      rows: b.rows.map((r) =>
        r.map((c): GridCell => {
          const m = /\d/.test(c.text) ? undefined : matchTemplateLabel(c.text);
          const source = toOcr(c.source);
          return m?.matched && m.text !== c.text ? { ...c, text: m.text, source: source.kind === 'ocr' ? { ...source, read: c.text } : source } : { ...c, source };
        }),
      ),
    };
  });
}
