// The template-guided reader for flat text: the fallback after the layouts that see cells (tsv,
// cell-per-line, pipe). It reads what those leave as paragraphs: text copied out of a PDF (pdftotext
// -layout / -raw of 洪泽区 2023 and 淮安市 2024), a Word table pasted with spaces for tabs, a crawler's
// page with the cells run together (平潭 2021/2022). Columns come from the template, never from
// character positions: the row labels are found in template order wherever they sit, and the numbers
// between one label and the next are that row's. A row is written out as a grid row (label, values)
// for the same recognisers every other layout feeds; what could not be placed for certain is written
// as one placeholder cell that says why, so the row is short and never shifted.
import type { Block, GridCell, SourceRef } from '../../../types.ts';
import { isPageNumber, tokenize, type Token } from './tokens.ts';
import { inlineHeadings } from './headings.ts';
import { blocksOfFiveHold, cutRuns, rowTotalHolds, runsTogether, type Reading, type RunResult } from './digit-runs.ts';
import {
  A_COLS, A_MARKERS_2019, A_MARKERS_2021, A_PATTERNS, B_HEADER_WORDS, B_PATTERNS, C_HEADER_WORDS, NUMBERING, type RowPattern,
} from './rows.ts';

/** Flat text compacted for matching: label characters only, each with its input offset and token. */
type Stream = { tokens: Token[]; compact: string; offs: number[]; tokOf: number[]; /** compact index where each token starts */ cAt: number[] };

type Hit = { key: string; cs: number; ce: number };
type Span = { start: number; end: number; grid: Block };

/** Rows further apart than this (label characters) are not one table: a narrative mention is not a row. */
const MAX_ROW_GAP = 400;

export function readFlatTables(input: string, blocks: Block[]): Block[] {
  const have = tablesInGrids(blocks);
  if (have.A && have.B && have.C) return blocks;
  const stream = buildStream(input, blocks);
  if (!stream.tokens.some((t) => t.kind === 'num')) return blocks;
  const spans: Span[] = [];
  const b = have.B ? undefined : readB(stream);
  if (b) spans.push(b.span);
  const bEnd = b ? b.endToken : 0;
  const c = have.C ? undefined : readC(stream, bEnd);
  if (c) spans.push(c);
  const aEnd = b ? b.startToken : c ? c.startToken : stream.tokens.length;
  const a = have.A ? undefined : readA(stream, aEnd);
  if (a) spans.push(a);
  if (!spans.length) return blocks;
  return splice(input, blocks, spans.sort((x, y) => x.start - y.start));
}

// ---------------------------------------------------------------------------------------------
// The stream

function tablesInGrids(blocks: Block[]): { A: boolean; B: boolean; C: boolean } {
  const out = { A: false, B: false, C: false };
  for (const blk of blocks) {
    if (blk.kind !== 'grid') continue;
    const text = blk.rows.flatMap((r) => r.map((c) => c.text)).join('');
    if (/本年新收|予以公开|上年结转/.test(text)) out.B = true;
    if (/维持|尚未审结|复议后起诉/.test(text)) out.C = true;
    if (/规章|行政许可|行政处罚|第二十条/.test(text)) out.A = true;
  }
  return out;
}

function buildStream(input: string, blocks: Block[]): Stream & { startToken?: number } {
  const tokens: Token[] = [];
  for (const blk of blocks) {
    if (blk.kind !== 'para' || blk.source.kind !== 'text') continue;
    if (isPageNumber(blk.text)) continue;
    tokenize(input, blk.source.start, blk.source.end, tokens);
  }
  let compact = '';
  const offs: number[] = [];
  const tokOf: number[] = [];
  const cAt: number[] = [];
  tokens.forEach((t, ti) => {
    cAt.push(compact.length);
    if (t.kind !== 'text') return;
    compact += t.text;
    for (let q = 0; q < t.text.length; q++) {
      offs.push(t.start + q);
      tokOf.push(ti);
    }
  });
  cAt.push(compact.length);
  return { tokens, compact, offs, tokOf, cAt };
}

function hitsOf(stream: Stream, patterns: RowPattern[], from = 0, to = stream.compact.length): Hit[] {
  const out: Hit[] = [];
  const text = stream.compact.slice(0, to);
  for (const p of patterns) {
    p.re.lastIndex = from;
    let m: RegExpExecArray | null;
    let n = 0;
    while ((m = p.re.exec(text)) && n++ < 64) out.push({ key: p.key, cs: m.index, ce: m.index + m[0].length });
  }
  return out.sort((x, y) => x.cs - y.cs);
}

/**
 * The longest chain of hits in template order, each after the one before and close to it (the rows of
 * one table); among chains of one length, the shortest. A header's 总计 or a narrative's 结转下年 never
 * beats the rows in their order.
 */
function chain(hits: Hit[], order: string[]): Hit[] {
  const rank = (h: Hit) => order.indexOf(h.key);
  const best: { len: number; first: number; prev: number }[] = hits.map((h) => ({ len: 1, first: h.cs, prev: -1 }));
  for (let i = 0; i < hits.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = hits[j]!;
      const h = hits[i]!;
      if (rank(a) >= rank(h) || a.ce > h.cs || h.cs - a.ce > MAX_ROW_GAP) continue;
      const cand = { len: best[j]!.len + 1, first: best[j]!.first, prev: j };
      const cur = best[i]!;
      if (cand.len > cur.len || (cand.len === cur.len && cand.first > cur.first)) best[i] = cand;
    }
  }
  let end = -1;
  for (let i = 0; i < hits.length; i++) {
    const b = best[i]!;
    const e = end >= 0 ? best[end]! : undefined;
    if (!e || b.len > e.len || (b.len === e.len && hits[i]!.cs - b.first < hits[end]!.cs - e.first)) end = i;
  }
  const out: Hit[] = [];
  for (let i = end; i >= 0; i = best[i]!.prev) out.unshift(hits[i]!);
  return out;
}

/** Where a row's label starts: its numbering just before the keyword (「一、」「（二）」「1.」), if any. */
function labelStart(stream: Stream, hit: Hit, floor: number): number {
  // The longest seen: 「2、申请人逾期未按收费通知要他处理求缴纳费用」 (淮安市 2024, a wrapped label).
  const from = Math.max(floor, hit.cs - 24);
  const before = stream.compact.slice(from, hit.cs);
  let at = hit.cs;
  NUMBERING.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBERING.exec(before))) at = from + m.index;
  return at;
}

/** The label cell: numbering to the end of the token the keyword ends in, as the report wrote it. */
function labelCell(stream: Stream, start: number, hit: Hit): GridCell {
  const lastTok = stream.tokOf[hit.ce - 1]!;
  const end = stream.cAt[lastTok]! + stream.tokens[lastTok]!.text.length;
  const text = stream.compact.slice(start, end);
  const source: SourceRef = { kind: 'text', start: stream.offs[start]!, end: stream.offs[end - 1]! + 1 };
  return { text, rowSpan: 1, colSpan: 1, source };
}

function cell(text: string, start: number, end: number, extra: Partial<GridCell> = {}): GridCell {
  return { text, rowSpan: 1, colSpan: 1, source: { kind: 'text', start, end }, ...extra };
}

/** The numbers of tokens [from, to). */
function numsIn(stream: Stream, from: number, to: number): Token[] {
  const out: Token[] = [];
  for (let i = from; i < to; i++) if (stream.tokens[i]!.kind === 'num') out.push(stream.tokens[i]!);
  return out;
}

/** Numbers from token `from` on, until the first word after them (the last row of a table). */
function numsUntilText(stream: Stream, from: number, max: number): { nums: Token[]; end: number } {
  const nums: Token[] = [];
  let i = from;
  for (; i < stream.tokens.length; i++) {
    const t = stream.tokens[i]!;
    if (t.kind === 'num') {
      nums.push(t);
      continue;
    }
    // A unit glued to a number (「21件」) is not the end of the row; before the numbers, the rest of a
    // wrapped label may be, but never the next section or table (seed 000 with spaces for tabs leaves
    // 四、结转下年度继续办理 without numbers, and table C's follow).
    if (nums.length ? t.text.length >= 2 || nums.length >= max : t.text.length > 8 || /复议|诉讼|[一二三四五六]、/.test(t.text)) break;
  }
  return { nums, end: i };
}

/** One placeholder cell for a row whose numbers could not be placed for certain. */
function unplaced(nums: Token[], why: NonNullable<GridCell['flat']>['why'], readings?: number): GridCell {
  const raw = nums.map((t) => t.text).join(' ');
  return cell(raw, nums[0]!.start, nums[nums.length - 1]!.end, { flat: { why, found: nums.length, raw, ...(readings !== undefined ? { readings } : {}) } });
}

/** The run's one reading, when it has exactly one. */
function onlyReading(run: RunResult): Reading | undefined {
  return run.count === 1 && !run.capped ? run.readings[0] : undefined;
}

/**
 * A row's value cells: the reading chosen; else the numbers as they are when nothing could be cut (blank
 * cells vanished: a short row); else one placeholder that says why. Only a row with an identity can fail
 * under every cut (`no-reading`); table A's rows have none, so a run that fails to cut there is merely
 * ambiguous, and a run too short for the cells (`too-short`) was never tested against anything.
 */
function placeValues(nums: Token[], n: number, run: RunResult, pick: Reading | undefined, identity: boolean): GridCell[] {
  if (pick) return cellsOf(pick, run);
  if (nums.length > n) return [unplaced(nums, 'too-many')];
  if (!run.cut) return nums.map((t) => cell(t.text, t.start, t.end));
  // No cut at all (too few digits for the cells: 8-column 法人小计 rows, blanks beside a run) tested
  // nothing, so it is no PARSE-DIGIT-RUN error: the row is short, not checked.
  const why = run.capped ? 'capped' : !run.cuts ? 'too-short' : run.count || !identity ? 'ambiguous' : 'no-reading';
  return [unplaced(nums, why, run.count)];
}

/** A reading's cells, marked inferred when the identities chose the cut (more than one cut existed). */
function cellsOf(reading: Reading, run: RunResult): GridCell[] {
  const inferred = run.cut && run.cuts > 1;
  return reading.parts.map((p) => cell(p.text, p.start, p.end, inferred ? { inferred: true } : {}));
}

// ---------------------------------------------------------------------------------------------
// Table B

type RowRead = { key: string; label: GridCell; nums: Token[]; run: RunResult; endToken: number };
const NO_RUN: RunResult = { readings: [], count: 0, cut: false, capped: false, cuts: 0 };

function readB(stream: Stream): { span: Span; startToken: number; endToken: number } | undefined {
  const order = B_PATTERNS.map((p) => p.key);
  const hits = chain(hitsOf(stream, B_PATTERNS), order);
  if (hits.length < 6 || !hits.some((h) => h.key === 'new' || h.key === 'total')) return undefined;
  const firstTok = stream.tokOf[hits[0]!.cs]!;
  // 法人或其他组织小计: a column some reports add (domain.md §4); its place comes from the header.
  const header = stream.compact.slice(Math.max(0, hits[0]!.cs - 200), hits[0]!.cs);
  const n = header.includes('小计') ? 8 : 7;
  const rows: RowRead[] = [];
  let floor = 0;
  hits.forEach((h, i) => {
    const next = hits[i + 1];
    const fromTok = stream.tokOf[h.cs]!;
    let nums: Token[];
    let endToken: number;
    if (next) {
      endToken = stream.tokOf[next.cs]!;
      nums = numsIn(stream, fromTok, endToken);
    } else {
      ({ nums, end: endToken } = numsUntilText(stream, stream.tokOf[h.ce - 1]! + 1, n));
    }
    const start = labelStart(stream, h, floor);
    const label = labelCell(stream, start, h);
    rows.push({ key: h.key, label, nums, run: NO_RUN, endToken });
    floor = Math.max(h.ce, nums.length ? stream.cAt[stream.tokens.indexOf(nums[nums.length - 1]!) + 1]! : h.ce);
  });
  const together = runsTogether(rows.flatMap((r) => r.nums));
  for (const r of rows) r.run = cutRuns(r.nums, n, n === 7 ? rowTotalHolds : () => true, together);
  // The （六）其他处理 group label of a 2021 table has no numbers of its own.
  const split = rows.some((r) => r.key.startsWith('other') && r.key !== 'other' && r.nums.length);
  const chosen = chooseByColumns(rows.filter((r) => !(split && r.key === 'other' && !r.nums.length)), split);

  const gridRows: GridCell[][] = [];
  const headerRow = headerCells(stream, Math.max(0, hits[0]!.cs - 200), hits[0]!.cs, B_HEADER_WORDS);
  if (n === 8 && headerRow.length) gridRows.push(headerRow);
  for (const r of rows) {
    if (split && r.key === 'other' && !r.nums.length) continue;
    gridRows.push(r.nums.length ? [r.label, ...placeValues(r.nums, n, r.run, chosen.get(r.key), true)] : [r.label]);
  }
  const last = rows[rows.length - 1]!;
  const lastNum = last.nums[last.nums.length - 1];
  const start = rows[0]!.label.source.kind === 'text' ? rows[0]!.label.source.start : 0;
  const end = lastNum ? lastNum.end : last.label.source.kind === 'text' ? last.label.source.end : start;
  return { span: { start, end, grid: { kind: 'grid', rows: gridRows, source: { kind: 'text', start, end }, layout: 'flat' } }, startToken: firstTok, endToken: last.endToken };
}

/**
 * Each row's reading: the only one, or, when a run of digits can be cut several ways that each add up,
 * the one combination that also makes the columns add up (（七）总计 = Σ leaves, 一 + 二 = 七 + 四 per column).
 * Rows left with several readings get none: they are not checked, never guessed.
 */
function chooseByColumns(rows: RowRead[], split: boolean): Map<string, Reading> {
  const out = new Map<string, Reading>();
  const open: RowRead[] = [];
  for (const r of rows) {
    if (!r.nums.length || r.nums.length > 7 + 1) continue;
    const only = onlyReading(r.run);
    if (only) out.set(r.key, only);
    else if (r.run.cut && r.run.count > 1 && r.run.count === r.run.readings.length && !r.run.capped) open.push(r);
  }
  if (!open.length) return out;
  const combos = open.reduce((p, r) => p * r.run.count, 1);
  if (combos > 4096) return out;
  const leaves = rows.map((r) => r.key).filter((k) => !['new', 'carry_in', 'total', 'carry_out', split ? 'other' : '-'].includes(k));
  let found: Reading[] | undefined;
  let count = 0;
  const pick: Reading[] = [];
  const valuesOf = (key: string): number[] | undefined => {
    const i = open.findIndex((r) => r.key === key);
    return i >= 0 ? pick[i]!.values : out.get(key)?.values;
  };
  const holds = (): boolean => {
    const total = valuesOf('total');
    const leafVals = leaves.map(valuesOf);
    if (total && leafVals.every(Boolean)) {
      for (let c = 0; c < total.length; c++) if (leafVals.reduce((s, v) => s + v![c]!, 0) !== total[c]) return false;
    }
    const [nw, ci, co] = [valuesOf('new'), valuesOf('carry_in'), valuesOf('carry_out')];
    if (nw && ci && co && total) {
      for (let c = 0; c < total.length; c++) if (nw[c]! + ci[c]! !== total[c]! + co[c]!) return false;
    }
    return true;
  };
  const visit = (i: number): void => {
    if (count > 1) return;
    if (i === open.length) {
      if (holds()) {
        count++;
        found = [...pick];
      }
      return;
    }
    for (const r of open[i]!.run.readings) {
      pick[i] = r;
      visit(i + 1);
    }
  };
  visit(0);
  if (count === 1 && found) open.forEach((r, i) => out.set(r.key, found![i]!));
  return out;
}

/** The header words found in compact [from, to), each a cell at its place (the column order of the report). */
function headerCells(stream: Stream, from: number, to: number, words: string[]): GridCell[] {
  const text = stream.compact.slice(from, to);
  const found: { at: number; word: string }[] = [];
  for (const w of words) {
    const at = text.indexOf(w);
    if (at >= 0) found.push({ at: from + at, word: w });
  }
  // 「本年制发件数」 holds 「本年制发」: one header cell, the longer word.
  const kept = found.filter((f) => !found.some((g) => g !== f && g.word.length > f.word.length && g.at <= f.at && f.at < g.at + g.word.length));
  return kept
    .sort((a, b) => a.at - b.at)
    .map((f) => cell(f.word, stream.offs[f.at]!, stream.offs[f.at + f.word.length - 1]! + 1));
}

// ---------------------------------------------------------------------------------------------
// Table C

function readC(stream: Stream, fromToken: number): (Span & { startToken: number }) | undefined {
  let from = stream.cAt[fromToken]!;
  // The section heading 「四、政府信息公开行政复议、行政诉讼情况」 stays a heading; the table's header follows it.
  const heading = /复议.{0,3}行政诉讼的?情况/g;
  heading.lastIndex = from;
  const hm = heading.exec(stream.compact);
  if (hm && hm.index - from < 200) from = hm.index + hm[0].length;
  // The header: the first stretch after table B that names at least three of the columns.
  const anchor = /行政复议|复议|行政诉讼|维持/g;
  anchor.lastIndex = from;
  const m = anchor.exec(stream.compact);
  if (!m) return undefined;
  const hStart = m.index;
  const startTok = stream.tokOf[hStart]!;
  let firstNum = -1;
  for (let i = startTok; i < stream.tokens.length; i++) {
    if (stream.tokens[i]!.kind === 'num') {
      firstNum = i;
      break;
    }
  }
  if (firstNum < 0) return undefined;
  const hEnd = stream.cAt[firstNum]!;
  if (hEnd - hStart > 200) return undefined;
  const header = stream.compact.slice(hStart, hEnd);
  if (C_HEADER_WORDS.filter((w) => header.includes(w)).length < 3) return undefined;
  const { nums } = numsUntilText(stream, firstNum, 15);
  if (!nums.length) return undefined;
  const run = cutRuns(nums, 15, blocksOfFiveHold, runsTogether(nums));
  const values = placeValues(nums, 15, run, onlyReading(run), true);
  const headerRow = headerCells(stream, hStart, hEnd, C_HEADER_WORDS);
  const start = stream.offs[hStart]!;
  const end = nums[nums.length - 1]!.end;
  return { start, end, startToken: startTok, grid: { kind: 'grid', rows: [headerRow, values], source: { kind: 'text', start, end }, layout: 'flat' } };
}

// ---------------------------------------------------------------------------------------------
// Table A

function readA(stream: Stream, endToken: number): Span | undefined {
  const to = stream.cAt[endToken]!;
  const anchor = stream.compact.indexOf('第二十条');
  if (anchor < 0 || anchor >= to) return undefined;
  const region = stream.compact.slice(anchor, to);
  const score = (ms: string[]) => ms.filter((w) => region.includes(w)).length;
  const layout: '2019' | '2021' = score(A_MARKERS_2019) > score(A_MARKERS_2021) ? '2019' : '2021';
  const cols = A_COLS[layout];
  const patterns = A_PATTERNS.filter((p) => cols[p.key] !== undefined);
  const hits = chain(hitsOf(stream, patterns, anchor, to), patterns.map((p) => p.key));
  if (hits.length < 2) return undefined;
  const rows: GridCell[][] = [headerCells(stream, anchor, to, layout === '2021' ? A_MARKERS_2021 : A_MARKERS_2019)];
  let end = stream.offs[hits[hits.length - 1]!.ce - 1]! + 1;
  const together = runsTogether(numsIn(stream, stream.tokOf[anchor]!, endToken));
  for (const h of hits) {
    const n = cols[h.key]!;
    // Table A labels carry no numbering; 「第二十条第（五）项」 before them is a block header.
    const label = labelCell(stream, h.cs, h);
    const { nums } = numsUntilText(stream, stream.tokOf[h.ce - 1]! + 1, n);
    if (!nums.length) {
      rows.push([label]);
      continue;
    }
    end = Math.max(end, nums[nums.length - 1]!.end);
    const run = cutRuns(nums, n, () => true, together);
    rows.push([label, ...placeValues(nums, n, run, onlyReading(run), false)]);
  }
  const start = stream.offs[anchor]!;
  return { start, end, grid: { kind: 'grid', rows, source: { kind: 'text', start, end }, layout: 'flat' } };
}

// ---------------------------------------------------------------------------------------------
// Blocks: each table's grid takes the place of the text it was read from.

function splice(input: string, blocks: Block[], spans: Span[]): Block[] {
  const out: Block[] = [];
  let si = 0;
  const piece = (from: number, to: number) => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(input[s]!)) s++;
    while (e > s && /\s/.test(input[e - 1]!)) e--;
    if (e > s) out.push({ kind: 'para', text: input.slice(s, e), source: { kind: 'text', start: s, end: e } });
  };
  const para = (from: number, to: number) => {
    let at = from;
    for (const h of inlineHeadings(input, from, to)) {
      piece(at, h.start);
      piece(h.start, h.end);
      at = h.end;
    }
    piece(at, to);
  };
  for (const blk of blocks) {
    if (blk.kind !== 'para' || blk.source.kind !== 'text') {
      while (si < spans.length && blk.source.kind === 'text' && spans[si]!.start < blk.source.start) out.push(spans[si++]!.grid);
      out.push(blk);
      continue;
    }
    const { start, end } = blk.source;
    let at = start;
    // Spans that began in an earlier paragraph and cover (part of) this one.
    for (let k = 0; k < si; k++) if (spans[k]!.end > at) at = Math.min(end, Math.max(at, spans[k]!.end));
    while (si < spans.length && spans[si]!.start < end) {
      const sp = spans[si++]!;
      if (sp.start > at) para(at, sp.start);
      out.push(sp.grid);
      at = Math.min(end, Math.max(at, sp.end));
    }
    if (at < end) para(at, end);
  }
  while (si < spans.length) out.push(spans[si++]!.grid);
  return out;
}
