// TXT-ACT-DOCS (domain.md §2.4): how many 规章 and 行政规范性文件 the narrative says were issued, published
// this year or are in force, against table A's 本年制发件数 / 本年废止件数 / 现行有效件数 (2021 template).
// TXT-ACT-CROSS (txt.ts) does the same for 行政许可/处罚/强制. Info only: 「全年主动公开市政府规章22件」 counts
// what was published, which is most often but not always what was made this year.
//
// Bound strictly: the noun is followed by its count (「行政规范性文件34件」, never 「…文件等243件」), and the
// clause before it says which column — 现行有效 (valid), 废止/失效 (repealed), 制发/印发/发布/公开/新增 (made);
// a 「其中：」 list takes its whole's verb (上海市科委 2024 「当年发布政府信息393件，其中包括：行政规范性文件13件」).
// A clause naming two columns is skipped as ambiguous, one naming none (「审查规范性文件20件」) as no table cell.
import type { CellRef } from '../types.ts';
import { defineRule, type Rule } from './rule.ts';
import { NUM_SRC } from '../text/numbers.ts';
import { boundNumbers, canCompare, cellNumber, comparableSentences, excerpt } from './txt-match.ts';

// 「规章制度」 is an agency's own rules, never a 规章; 「政策性文件」 is no 规范性文件.
const DOCS_RE = new RegExp(`(?<noun>规章(?!制度)|(?:行政)?规范性文件)(?:共计|共|为|有)?(?<n>${NUM_SRC})(?:件|个|份)`, 'dg');
type Col = 'made' | 'repealed' | 'valid';
const COL_WORDS: [Col, RegExp][] = [
  ['valid', /现行有效|有效的|现行/],
  ['repealed', /废止|废除|宣布失效|失效/],
  ['made', /制发|制定|出台|印发|发布|新增|公开/],
];
const CLAUSE_END = /[，,。；;：:！!？?]/;
const LIST_OPEN = /其中(?:包括|有|含)?[：:，,]?$/;

/** The clause before `at` (its list's whole's clause too, after 「其中：」). */
function clauseWords(text: string, at: number): string {
  let from = at;
  while (from > 0 && !CLAUSE_END.test(text[from - 1]!)) from--;
  const own = text.slice(from, at);
  if (!LIST_OPEN.test(text.slice(0, from)) || COL_WORDS.some(([, re]) => re.test(own))) return own;
  const head = text.slice(0, from).replace(LIST_OPEN, '').replace(/[，,：:]$/, '');
  let wholeFrom = head.length;
  while (wholeFrom > 0 && !CLAUSE_END.test(head[wholeFrom - 1]!)) wholeFrom--;
  return head.slice(wholeFrom) + own;
}

/** The one column the words name; the valid stock wins over 公开 (「集中公开现行有效行政规范性文件698件」, 平潭 2022). */
function columnOf(words: string): Col | 'none' | 'ambiguous' {
  const named = COL_WORDS.filter(([, re]) => re.test(words)).map(([c]) => c);
  if (named.includes('valid')) return named.includes('repealed') ? 'ambiguous' : 'valid';
  if (named.includes('repealed')) return 'repealed';
  return named.length ? 'made' : 'none';
}

const TXT_ACT_DOCS = defineRule({
  meta: {
    id: 'TXT-ACT-DOCS',
    severity: 'info',
    certainty: 'heuristic',
    templates: ['2021'],
    table: 'text',
    description: 'Counts of 规章 / 行政规范性文件 the narrative says were made or published this year, repealed, or in force, against table A 本年制发 / 本年废止 / 现行有效.',
    messages: {
      main: {
        zh: '正文「{excerpt}」称 {n} 件，表中「{cell}」为 {v} 件（统计口径可能不同）',
        en: 'The text ("{excerpt}") gives {n}; table A has {v} in {cell} (they may be counted differently)',
      },
    },
    caveat: {
      zh: '正文中的数字常指本年公开的文件件数，表中为本年制发件数，两者口径可能不同；仅供核对。',
      en: 'The text often counts the documents published this year while table A counts those made; the two may legitimately differ. For reference only.',
    },
    examples: [
      {
        name: '淮安市 2024 「全年新增公开市政府规章1件、市政府及市政府办政策性文件11件」: 1 = 规章 本年制发; 政策性文件 is not compared',
        valid: true,
        input: { year: 2024, cells: { 'A.reg.made': 1, 'A.reg.repealed': 0, 'A.reg.valid': 11, 'A.norm.made': 8, 'A.norm.repealed': 26, 'A.norm.valid': 66 }, paras: [{ text: '2024年，市政府网站主动公开各类政府信息5500余条，全年新增公开市政府规章1件、市政府及市政府办政策性文件11件，通过文字、图片等形式制作政策解读21个。', section: 1 }] },
      },
      {
        name: '平潭 2022 「集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件」 = 现行有效 698, 本年制发 88',
        valid: true,
        input: { year: 2022, cells: { 'A.norm.made': 88, 'A.norm.repealed': 3, 'A.norm.valid': 698 }, paras: [{ text: '设立规范性文件库，集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。', section: 1 }] },
      },
      {
        name: '上海市科委 2024 「当年发布政府信息393件，其中包括：行政规范性文件13件」 against 本年制发 12',
        valid: false,
        input: { year: 2024, cells: { 'A.norm.made': 12, 'A.norm.repealed': 0, 'A.norm.valid': 55 }, paras: [{ text: '截至2024年12月31日，市科委通过部门网站当年发布政府信息393件，其中包括：行政规范性文件13件；规划计划文件2件。', section: 1 }] },
      },
      {
        name: '上海市政府办公厅 2025 「全年主动公开市政府规章22件、市政府及市政府办公厅行政规范性文件34件」 against 本年制发 33',
        valid: false,
        input: { year: 2025, cells: { 'A.reg.made': 22, 'A.reg.repealed': 1, 'A.reg.valid': 200, 'A.norm.made': 33, 'A.norm.repealed': 5, 'A.norm.valid': 300 }, paras: [{ text: '全年主动公开市政府规章22件、市政府及市政府办公厅行政规范性文件34件、人事任免文件196件、其他文件84件。', section: 1 }] },
      },
    ],
  },
  check(ctx) {
    const { model } = ctx;
    const table = model.tables.A;
    if (!table || model.templateParts.A === '2019') return;
    for (const s of comparableSentences(model, [undefined, 1, 2])) {
      if (!/规章|规范性文件/.test(s.text)) continue;
      for (const { q, m } of boundNumbers(s, DOCS_RE)) {
        const noun = m.groups!['noun']!;
        const col = columnOf(clauseWords(s.text, m.index));
        if (col === 'none' || col === 'ambiguous') {
          ctx.notCompared(s, q, col === 'none' ? 'no-table-cell' : 'ambiguous-subject', noun);
          continue;
        }
        const ref: CellRef = `A.${noun === '规章' ? 'reg' : 'norm'}.${col}`;
        const v = cellNumber(model, ref);
        // 上海市政府办公厅 2025's table A rows have 2 of 3 values; 平潭 2022's 行政规范性文件 row runs its digits together
        if (!canCompare(ctx, s, q, v, noun)) continue;
        if (q.n !== v) ctx.report({ data: { n: q.n, v, cell: { cell: ref }, excerpt: excerpt(s.text, m.index, q.end) }, cells: [ref], span: s.span });
      }
    }
  },
});

export const txtDocsRules: Rule[] = [TXT_ACT_DOCS];
