// The six sections (一 … 六) and which table each grid belongs to. Headings are found by their core
// words, in order; a grid is assigned by its own labels first (a pasted table may come without any
// heading) and by the section it sits in otherwise.
import type { Block, Doc, GridCell, Section, SourceRef } from '../types.ts';
import { displayLabel, normaliseLabel } from './label.ts';

const NUMERALS = ['一', '二', '三', '四', '五', '六'];

/** What each section heading must say once normalised (domain.md §1.0, §4 aliases). */
const SECTION_WORDS: ((s: string) => boolean)[] = [
  (s) => s.includes('总体情况'),
  (s) => s.includes('主动公开') && s.includes('情况'),
  (s) => s.includes('申请') && (s.includes('收到') || s.includes('处理')),
  (s) => s.includes('复议') && s.includes('诉讼'),
  (s) => s.includes('问题') && /改进|整改|措施|不足|改善|努力方向/.test(s),
  (s) => s.includes('其他') && s.includes('事项'),
];

export type Regions = {
  sections: Section[];
  paras: { text: string; source: SourceRef; section?: number; block: number }[];
  grids: { A: Block[]; B: Block[]; C: Block[] };
  /** paragraph texts that sit between the grids of a table (group headings such as 「### 行政复议」) */
  tableParas: { A: { text: string; beforeGrid: number }[]; B: { text: string; beforeGrid: number }[]; C: { text: string; beforeGrid: number }[] };
};

export function findRegions(doc: Doc): Regions {
  const sections: Section[] = [];
  const paras: Regions['paras'] = [];
  const grids: Regions['grids'] = { A: [], B: [], C: [] };
  const tableParas: Regions['tableParas'] = { A: [], B: [], C: [] };
  let current = 0;
  let lastTable: 'A' | 'B' | 'C' | undefined;
  doc.blocks.forEach((block, index) => {
    if (block.kind === 'para') {
      const heading = sectionHeading(block.text, current);
      if (heading) {
        current = heading.no;
        sections.push({ no: heading.no, title: displayLabel(block.text.replace(/^#+\s*/, '')), text: '', source: block.source, numbered: heading.numbered });
        lastTable = undefined;
        return;
      }
      paras.push({ text: block.text, source: block.source, block: index, ...(current ? { section: current } : {}) });
      const sec = sections[sections.length - 1];
      if (sec) sec.text += (sec.text ? '\n' : '') + block.text;
      const t = tableForSection(current);
      if (t && block.text.length <= 40) tableParas[t].push({ text: block.text, beforeGrid: grids[t].length });
      return;
    }
    const t = classifyGrid(block.rows) ?? tableForSection(current) ?? lastTable;
    if (t) {
      grids[t].push(block);
      lastTable = t;
    }
  });
  return { sections, paras, grids, tableParas };
}

function tableForSection(no: number): 'A' | 'B' | 'C' | undefined {
  return no === 2 ? 'A' : no === 3 ? 'B' : no === 4 ? 'C' : undefined;
}

/** A heading for section n > current: short, saying the section's core words, numbered or not. */
export function sectionHeading(text: string, current: number): { no: number; numbered: boolean } | undefined {
  const raw = normaliseLabel(text);
  if (raw.length > 40 || raw.length < 4) return undefined;
  const m = /^([一二三四五六])[、.]/.exec(raw);
  for (let no = current + 1; no <= 6; no++) {
    if (!SECTION_WORDS[no - 1]!(raw)) continue;
    if (m) {
      if (m[1] === NUMERALS[no - 1]) return { no, numbered: true };
      continue;
    }
    // Unnumbered headings (seed 003's 「其他需要报告的事项」) must not be a sentence.
    if (!/[，,。；]/.test(raw) && raw.length <= 24 && !/^[(（]/.test(raw)) return { no, numbered: false };
  }
  return undefined;
}

const A_WORDS = ['第二十条', '信息内容', '规章', '规范性文件', '行政许可', '行政处罚', '行政强制', '事业性收费', '处理决定', '制发件数', '集中采购'];
const B_WORDS = ['本年新收', '上年结转', '予以公开', '部分公开', '不予公开', '国家秘密', '无法提供', '不予处理', '结转下年', '申请人情况', '自然人', '商业企业'];
const C_WORDS = ['维持', '纠正', '其他结果', '尚未审结', '行政复议', '行政诉讼', '直接起诉', '复议后起诉'];

const NUMERIC = /^[\d\s.,+-]*$/;

/** The table a grid's own labels say it is, or undefined when it says nothing (e.g. a values-only grid). */
export function classifyGrid(rows: GridCell[][]): 'A' | 'B' | 'C' | undefined {
  let a = 0;
  let b = 0;
  let c = 0;
  for (const row of rows) {
    for (const cell of row) {
      if (!cell.text || NUMERIC.test(cell.text)) continue;
      const t = normaliseLabel(cell.text);
      if (t.length > 60) continue;
      for (const w of A_WORDS) if (t.includes(w)) a++;
      for (const w of B_WORDS) if (t.includes(w)) b++;
      for (const w of C_WORDS) if (t.includes(w)) c++;
    }
  }
  const max = Math.max(a, b, c);
  if (max === 0) return undefined;
  return b === max ? 'B' : c === max ? 'C' : 'A';
}
