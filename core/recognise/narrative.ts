// The narrative as the TXT-* rules read it (domain.md §2.4): sentences of sections 一–四 with the
// source span they came from, and the counted quantities in them (「申请21件」, 「三条」), each marked
// approximate or not. Pure; recognise() runs it once and keeps the sentences in the model.
import type { NarrativeSentence, Quantity, ReportModel, SourceRef } from '../types.ts';
import { parseChineseNumeral } from './cell-value.ts';
import { compact } from '../text/compact.ts';
import { yearMentions } from '../text/years.ts';
import { NUM_SRC, PARENS_RE } from '../text/numbers.ts';

// Units a count is written with. 人/名 count people, kept so that a list mixing them is seen as mixed.
// Money (万元, 元) too, decimals allowed there only: table A's 行政事业性收费 amount is in 万元 (TXT-ACT-FEE).
const QTY_RE = new RegExp(`(?<![\\d.])(\\d+\\.\\d+|${NUM_SRC})(余|多)?(万元|元|件|条|个|宗|起|项|篇|次|期|场|份|家|人|名|批)`, 'g');
const MONEY_UNIT = /^(?:万元|元)$/;
// 「3个工作日」「6个月」 are durations, 「2个百分点」 a rate.
const NOT_A_COUNT_AFTER = /^(?:工作日|自然日|月|小时|季度|百分点|年度?|星期|周)/;
const APPROX_BEFORE = /(?:近|约|逾|超|超过|大约|将近|接近|上|数|几|余)$/;
const APPROX_AFTER = /^(?:左右|以上|上下|之多)/;
// Names, document numbers and quotations: 《…》, 〔2019〕, 「“7个专项”行动」 (seed 002).
const QUOTED_RE = /《[^《》]*》|〔[^〔〕]*〕|\[[^\]]*\]|【[^【】]*】|“[^“”]*”|"[^"]*"|「[^「」]*」/g;

/** The counted quantities of a compacted sentence, in order; ordinals, quotations, durations left out. */
export function quantities(text: string): Quantity[] {
  let qs = QUANTITIES.get(text);
  if (!qs) {
    if (QUANTITIES.size > 5_000) QUANTITIES.clear();
    qs = readQuantities(text);
    QUANTITIES.set(text, qs);
  }
  return qs;
}

// Every TXT rule asks for the same sentences' quantities.
const QUANTITIES = new Map<string, Quantity[]>();

function readQuantities(text: string): Quantity[] {
  if (!/[\d零〇一二两三四五六七八九十百千]/.test(text)) return [];
  const quoted = ranges(text, QUOTED_RE);
  const parens = ranges(text, PARENS_RE);
  const out: Quantity[] = [];
  for (const m of text.matchAll(QTY_RE)) {
    const start = m.index;
    const raw = m[1]!;
    const end = start + m[0].length;
    const before = text.slice(Math.max(0, start - 4), start);
    if (/第$/.test(before)) continue;
    if (inside(quoted, start)) continue;
    const after = text.slice(end);
    if (NOT_A_COUNT_AFTER.test(after)) continue;
    if (raw.includes('.') && !MONEY_UNIT.test(m[3]!)) continue;
    const isDigits = /^\d/.test(raw);
    // A Chinese numeral must read as one: 「十三五」 has no unit, 「万」 alone is no count.
    const n = isDigits ? Number(raw) : parseChineseNumeral(raw);
    if (n === null || !Number.isFinite(n)) continue;
    out.push({
      n,
      unit: m[3]!,
      start,
      numEnd: start + raw.length,
      end,
      approx: !!m[2] || APPROX_BEFORE.test(before) || APPROX_AFTER.test(after),
      inParens: inside(parens, start),
    });
  }
  return out;
}

/** The quantity whose number starts at `offset`, if that number is a countable quantity. */
export function quantityAt(qs: Quantity[], offset: number): Quantity | undefined {
  return qs.find((q) => q.start === offset);
}

function ranges(text: string, re: RegExp): [number, number][] {
  if (!/[《〔\[【“"「（(]/.test(text)) return [];
  return [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
}

function inside(rs: [number, number][], at: number): boolean {
  return rs.some(([a, b]) => at > a && at < b);
}

// ---------------------------------------------------------------------------------------------
// Sentences

// Comparisons with another period; 「上年结转」 is a carry-over, not a comparison.
const COMPARISON_RE =
  /同比|环比|(?:比|较)(?:上|去|前|往|以往|(?:19|20)\d{2})|与(?:上|去)年|上年同期|去年同期|增长|下降|增幅|降幅|持平|上升|增加了?\d|减少了?\d|(?:上|去)(?:一)?年(?!度?结转)/;
const CARRY_RE = /上一?年度?结转/g;
// History and several years at once: 「近三年共收到申请50件」, 「2019年以来」.
const SPAN_OF_YEARS_RE = /近(?:[一二三四五两十]|\d+)年|历年|以来|往年|至今|累计至/;
// A heading line: 「（一）主动公开情况」「二、工作机制保障」「### 三是提高解读效能。」 ends a run of lines.
const HEADING_RE = /^(?:#+|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[、.．](?!\d))[^。；;]{0,30}[。]?$/;
// A title line (「泰山区卫生健康局2022年政府信息公开工作年度报告」) never runs into the preamble.
const TITLE_END_RE = /(?:年度报告|工作报告|年报)$/;
const TERMINAL_RE = /[。！？!?；;：:]$/;
/** 。！？!? as char codes: the sentence splitter runs over every character of the narrative. */
const SENTENCE_END = new Set([0x3002, 0xff01, 0xff1f, 0x21, 0x3f]);
/** Joining a broken line to the next stops here: a PDF's table residue is never one sentence. */
const MAX_RUN = 4000;

type Piece = { para: number; text: string; map: number[] | null };

/**
 * The sentences of sections 一–四 (and of paragraphs before the first section heading, where reports
 * put 总体情况 without a heading: seed 004), each with its counted quantities. Lines a PDF or a pasted
 * text broke mid-sentence are joined again (上海市政府办公厅 2025: 「予以公开及部\n分公开 208 件」).
 * Read once by recognise() into model.sentences (it needs model.year: otherYear).
 */
export function narrativeSentences(model: ReportModel): NarrativeSentence[] {
  const out: NarrativeSentence[] = [];
  let run: Piece[] = [];
  let runLen = 0;
  let runSection: number | undefined;
  const flush = () => {
    if (run.length) splitRun(model, run, runSection, out);
    run = [];
    runLen = 0;
  };
  model.paras.forEach((p, i) => {
    if (p.section !== undefined && (p.section < 1 || p.section > 4)) return flush();
    const { text, map } = compactWithMap(p.text);
    if (!text) return;
    const last = run[run.length - 1];
    if (!last || p.section !== runSection || runLen > MAX_RUN || !continues(model.paras[last.para]!, last.text, p, text)) flush();
    runSection = p.section;
    run.push({ para: i, text, map });
    runLen += text.length;
  });
  flush();
  return out;
}

function isTitleLine(t: string): boolean {
  // 「…和《关于印发中华人民共和国政府信息公开工作年度报告」 breaks inside a document name instead.
  return TITLE_END_RE.test(t) && t.split('《').length === t.split('》').length;
}

/** Whether paragraph `b` carries on the sentence `a` broke off (a PDF line, a pasted line). */
function continues(a: ReportModel['paras'][number], aText: string, b: ReportModel['paras'][number], bText: string): boolean {
  if (TERMINAL_RE.test(aText) || HEADING_RE.test(aText) || HEADING_RE.test(bText) || isTitleLine(aText)) return false;
  // HTML paragraphs are the author's own; a blank line in a text input ends a paragraph.
  if (a.source.kind === 'para' || b.source.kind === 'para') return false;
  if (a.source.kind === 'text' && b.source.kind === 'text' && b.source.start - a.source.end > 2) return false;
  return true;
}

function splitRun(model: ReportModel, run: Piece[], section: number | undefined, out: NarrativeSentence[]): void {
  const text = run.map((r) => r.text).join('');
  // Where each piece starts in the joined text.
  const starts: number[] = [];
  let at = 0;
  for (const r of run) {
    starts.push(at);
    at += r.text.length;
  }
  const year = model.year;
  let prev: NarrativeSentence | undefined;
  let from = 0;
  while (from < text.length) {
    let to = from;
    while (to < text.length && !SENTENCE_END.has(text.charCodeAt(to))) to++;
    if (to < text.length) to++; // keep the full stop with its sentence
    const s = maskComparisons(text.slice(from, to));
    const sentence: NarrativeSentence = {
      text: s,
      ...(section !== undefined ? { section } : {}),
      para: run[pieceAt(starts, from)]!.para,
      span: spanOf(model, run, starts, from, to),
      ...(prev ? { prev } : {}),
      otherYear: speaksOfOtherYear(s, year),
      comparison: COMPARISON_RE.test(s.replace(CARRY_RE, '')) || SPAN_OF_YEARS_RE.test(s),
      quantities: quantities(s),
    };
    out.push(sentence);
    prev = sentence;
    from = to;
  }
}

/**
 * A comparison is one clause of its sentence: 「2022年收到政府信息公开申请数量2条，数量比2021年多1条，均按照
 * 时限要求进行答复」 (seed 003) still states this year's 2. The comparing clause is blanked with □ (offsets
 * kept) so neither its number nor its year is read; a sentence of nothing but comparisons stays flagged.
 */
function maskComparisons(s: string): string {
  if (!COMPARISON_RE.test(s.replace(CARRY_RE, ''))) return s;
  return s.replace(/[^，,；;：:。！？!?]+/g, (clause) => (COMPARISON_RE.test(clause.replace(CARRY_RE, '')) ? '□'.repeat(clause.length) : clause));
}

/** A year other than the report's (a date in the next year is the sign-off or publication date). */
function speaksOfOtherYear(s: string, year: number | undefined): boolean {
  if (!/(?:19|20)\d{2}年/.test(s)) return false;
  return yearMentions(s).some((m) => m.year !== year && !(m.kind === 'date' && year !== undefined && m.year === year + 1));
}

function pieceAt(starts: number[], offset: number): number {
  let i = 0;
  while (i + 1 < starts.length && starts[i + 1]! <= offset) i++;
  return i;
}

/** The sentence's own span in a plain-text input; the paragraph's source otherwise. */
function spanOf(model: ReportModel, run: Piece[], starts: number[], from: number, to: number): SourceRef {
  const a = pieceAt(starts, from);
  const b = pieceAt(starts, Math.max(from, to - 1));
  const pa = run[a]!;
  const pb = run[b]!;
  const srcA = model.paras[pa.para]!.source;
  const srcB = model.paras[pb.para]!.source;
  if (srcA.kind !== 'text' || srcB.kind !== 'text' || !pa.map || !pb.map) return srcA;
  const start = srcA.start + pa.map[from - starts[a]!]!;
  const end = srcB.start + pb.map[to - 1 - starts[b]!]! + 1;
  return end > start ? { kind: 'text', start, end } : srcA;
}

/**
 * `compact()` with, for every character kept, its offset in the paragraph as written, so a finding
 * can mark the sentence rather than the paragraph. `map` is null if the two ever disagree.
 */
export function compactWithMap(s: string): { text: string; map: number[] | null } {
  const text = compact(s);
  const residue = !s.includes('[bookmark:') ? [] : [...s.matchAll(/\[bookmark:[^\]]*\]/g)].map((m): [number, number] => [m.index, m.index + m[0].length]);
  const map: number[] = [];
  const kept: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (residue.length) {
      const r = residue.find(([a, b]) => i >= a && i < b);
      if (r) {
        i = r[1] - 1;
        continue;
      }
    }
    const c = s.charCodeAt(i);
    // whitespace as \s counts it: ASCII, NBSP, ideographic space and the other Unicode spaces
    if (c <= 0x20 || c === 0xa0 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x1680 || (c >= 0x7f && c <= 0x85 && c !== 0x7f && /\s/.test(s[i]!))) continue;
    // full-width digits and letters become half-width, as in compact()
    kept.push((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a) ? c - 0xfee0 : c);
    map.push(i);
  }
  let built = '';
  if (kept.length === text.length) for (let i = 0; i < kept.length; i += 4096) built += String.fromCharCode(...kept.slice(i, i + 4096));
  return { text, map: built === text ? map : null };
}
