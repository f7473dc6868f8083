// TXT-PARTS-WHOLE, TXT-PARTS-SHORT, TXT-TOTAL-CONFLICT (domain.md §2.4): a total in the narrative
// followed by 「其中…」 and its parts, and a headline quantity stated twice with two values. Only parts
// written in the whole's unit are added up (条 and 件 count alike).
import type { NarrativeSentence, Quantity, ReportModel } from '../types.ts';
import { defineRule, type Rule } from './rule.ts';
import { NUM_SRC, blankParens } from '../text/numbers.ts';
import { applicationsReceived, boundNumbers, comparableSentences, excerpt } from './txt-match.ts';

const CAVEAT = {
  zh: '正文中的分类常有交叉（如行政许可信息也属于通知公告），单位也可能不同；此项由程序从句子中提取数字后计算，请对照原文核实。',
  en: 'Categories in a narrative often overlap (permits may also be notices) and units may differ; the numbers were read from the sentence by the program. Please check the text.',
};

type Part = { n: number; unit: string; label: string };
export type PartsList = {
  s: NarrativeSentence;
  whole: Quantity;
  /** the sentence the whole is in (the one before, when 「其中」 opens a sentence: seed 004) */
  wholeText: string;
  parts: Part[];
  /** 「分别为」, or the parts run to the end of the sentence with no 「等」 and nothing else in between */
  exhaustive: boolean;
};

// Between the whole and 「其中」 only punctuation, an aside, or one clause that says how all of them
// went: 「办结 1191 件（含上年结转 189 件），均在法定期限内答复。其中，…」 (上海市政府办公厅 2025).
const GAP_RE = /^[，,：:；;。]?$|^[，,](?:均|全部|都|已|并)[^，,。；;：:\d]{0,16}[，,；;。]?$/;
const LEAD_RE = /^(?:[，,：:]|包括|包含|主要有|主要包括|有|分别为|分别是)*/;
const LIST_ENDS = /^(?:共|合计|总计|累计|另|此外|同时|均|全年|并|其中)/;

const CACHE = new WeakMap<ReportModel, PartsList[]>();

/** Every 「N …，其中 a…、b…」 of the comparable sentences, read once per model. */
export function partsLists(model: ReportModel): PartsList[] {
  let out = CACHE.get(model);
  if (!out) {
    out = [];
    for (const s of comparableSentences(model)) {
      if (!s.text.includes('其中')) continue;
      const blanked = blankParens(s.text);
      for (let at = blanked.indexOf('其中'); at !== -1; at = blanked.indexOf('其中', at + 2)) {
        const list = readList(s, blanked, at);
        if (list) out.push(list);
      }
    }
    CACHE.set(model, out);
  }
  return out;
}

function wholeBefore(s: NarrativeSentence, blanked: string, end: number): Quantity | undefined {
  const qs = s.quantities.filter((q) => q.end <= end && !q.inParens);
  const q = qs[qs.length - 1];
  if (!q || q.approx) return undefined;
  return GAP_RE.test(blanked.slice(q.end, end).replace(/□/g, '')) ? q : undefined;
}

function readList(s: NarrativeSentence, blanked: string, at: number): PartsList | undefined {
  let whole: Quantity | undefined;
  let wholeText = s.text;
  if (blanked.slice(0, at).replace(/[□，,：:\s]/g, '') === '') {
    const p = s.prev;
    if (!p || p.otherYear || p.comparison) return undefined;
    whole = wholeBefore(p, blankParens(p.text), p.text.length);
    wholeText = p.text;
  } else {
    whole = wholeBefore(s, blanked, at);
  }
  if (!whole) return undefined;

  const qs = s.quantities.filter((q) => q.start > at && !q.inParens);
  const lead = LEAD_RE.exec(blanked.slice(at + 2))![0];
  let exhaustive = /分别[为是]/.test(lead);
  const from = at + 2 + lead.length;
  const first = qs[0];
  if (!first) return undefined;
  // 「其中：发布行政公文…9条；机构设置…7条；…」 (沭阳发改 2023) separates parts with 「；」.
  const sepAfterFirst = /[，,、；;。]/.exec(blanked.slice(first.end))?.[0];
  const semicolons = sepAfterFirst === '；' || sepAfterFirst === ';';
  const SEP = semicolons ? /[；;。！!？?]/ : /[，,、；;。！!？?]/;
  const STOP = semicolons ? /[。！!？?]/ : /[；;。！!？?]/;

  const parts: Part[] = [];
  let segStart = from;
  let interrupted = false;
  let i = from;
  for (; i <= blanked.length; i++) {
    const ch = blanked[i];
    if (ch !== undefined && !SEP.test(ch)) continue;
    const seg = blanked.slice(segStart, i).replace(/□/g, '');
    const inSeg = qs.filter((q) => q.start >= segStart && q.end <= i);
    if (!inSeg.length) {
      // 「爱国卫生运动、健康云南行动74条」 (seed 002): names sharing one number.
      if (ch === '、' && seg) continue;
      if (seg) interrupted = true;
      if (seg || ch === undefined || STOP.test(ch)) break;
      segStart = i + 1;
      continue;
    }
    if (LIST_ENDS.test(seg) || inSeg.length > 1) {
      interrupted = true;
      break;
    }
    const q = inSeg[0]!;
    if (q.approx) return undefined;
    const tail = blanked.slice(q.end, i).replace(/□/g, '');
    const head = blanked.slice(segStart, q.start).replace(/□/g, '');
    // The number ends its segment (「通知公告22条」) or opens it (「1条播放量破亿」, 沭阳县 2025).
    if (tail !== '' && tail !== '等' && head !== '') {
      interrupted = true;
      break;
    }
    if (tail === '等') exhaustive = false;
    parts.push({ n: q.n, unit: q.unit, label: seg.length > 16 ? `…${seg.slice(-16)}` : seg });
    segStart = i + 1;
    if (ch === undefined || STOP.test(ch)) break;
  }
  if (!parts.length) return undefined;
  const endsSentence = i >= blanked.length - 1 || /[。！!？?]/.test(blanked[i] ?? '');
  const rest = blanked.slice(i);
  if (!exhaustive) exhaustive = !interrupted && endsSentence && !/等/.test(blanked.slice(from, i + 1).replace(/等(?=[^，,、；;。]*\d)/g, ''));
  if (/^等/.test(rest)) exhaustive = false;
  return { s, whole, wholeText, parts, exhaustive };
}

// 条 and 件 both count items (seed 002 lists 「人大建议办理2件」 among 条 of information, and domain.md
// counts them in its 705); other units (次, 场, 万元) are a different quantity and stay out.
const ITEM_UNITS = new Set(['条', '件']);
function unitsAgree(a: string, b: string): boolean {
  return a === b || (ITEM_UNITS.has(a) && ITEM_UNITS.has(b));
}

function sameUnit(list: PartsList): { same: Part[]; sum: number; mixed: boolean } {
  const same = list.parts.filter((p) => unitsAgree(p.unit, list.whole.unit));
  return { same, sum: same.reduce((a, p) => a + p.n, 0), mixed: same.length !== list.parts.length };
}

function subject(list: PartsList): string {
  return excerpt(list.wholeText, list.whole.start, list.whole.end, 30);
}

const TXT_PARTS_WHOLE = defineRule({
  meta: {
    id: 'TXT-PARTS-WHOLE',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'The parts listed after 「其中」 add up to no more than the total before it (parts in another unit left out).',
    messages: {
      main: {
        zh: '「{subject}」共 {whole} {unit}，但其中各项合计 {sum}（{terms}），超过总数',
        en: '"{subject}" gives a total of {whole}, but the parts listed after it add up to {sum} ({terms}), more than the total',
      },
    },
    caveat: CAVEAT,
    examples: [
      {
        name: '沭阳发改 2023 「全年共审核发布各类公开政府信息249条，其中：…9条；…7条；…」 adds up to 249',
        valid: true,
        input: {
          year: 2023,
          paras: [{ text: '2023年，我局严格审签程序，全力做好政府信息公开工作。全年共审核发布各类公开政府信息249条，其中：发布行政公文和政策解读信息9条；机构设置和人事任免信息7条；重点工作39条；财政预决算信息6条；信息公开年度报告1条；政府信息公开指南1条；政府网站信息185条；政府信息公开制度1条。全年受理网络问政182件。', section: 1 }],
        },
      },
      {
        name: '上海市科委 2024 「网站全年累计发布信息 2139 条，其中…」: 解读类 21 条 sits inside 政务信息 (1744 + 393 + 2 = 2139)',
        valid: true,
        input: { year: 2024, paras: [{ text: '“上海科技”网站全年累计发布信息 2139 条，其中动态类信息发布 1744 条，政务信息发布 393 条，解读类信息发布 21 条，回应公众关注热点信息 2 条。', section: 1 }] },
      },
      {
        name: 'seed 002 (保山 2021) 「主动公开政务信息504条，其中…」 lists 705 (695 in 条)',
        valid: false,
        input: {
          year: 2021,
          paras: [{ text: '2021年，我委严格按照条例规定的范围主动公开政府信息，累计在市卫生健康委网页主动公开政务信息504条，其中通知公告22条，突发公共卫生事件193条，公共卫生知识普及70条，爱国卫生运动、健康云南行动74条，发展规划4条，卫生服务数据1条，计划总结1条，三公经费2条，财政预决算27条，采购招标9条，医疗服务价格3条，绩效评价80条，人大建议办理2件，政协提案办理8件，行政许可185条，行政处罚24条。同时，及时回应社会关切问题。', section: 2 }],
        },
      },
    ],
  },
  check(ctx) {
    for (const list of partsLists(ctx.model)) {
      const { same, sum } = sameUnit(list);
      if (same.length < 2 || sum <= list.whole.n) continue;
      // One part equal to the excess is most likely inside another (上海市科委 2024: 解读类 within 政务信息).
      if (same.some((p) => p.n === sum - list.whole.n)) continue;
      ctx.report({ data: { subject: subject(list), whole: list.whole.n, unit: list.whole.unit, sum, terms: same.map((p) => p.n).join('+') }, cells: [], span: list.s.span });
    }
  },
});

const TXT_PARTS_SHORT = defineRule({
  meta: {
    id: 'TXT-PARTS-SHORT',
    severity: 'info',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'An exhaustive list of parts (「分别为」, or running to the end of the sentence with no 「等」) adds up to less than its total.',
    messages: {
      main: {
        zh: '「{subject}」共 {whole} {unit}，其中各项合计 {sum}（{terms}），少于总数',
        en: '"{subject}" gives a total of {whole}, but the parts listed after it add up to only {sum} ({terms})',
      },
    },
    caveat: CAVEAT,
    examples: [
      {
        name: '沭阳县 2025 「共受理政府信息公开申请 749 件，其中自然人申请 741 件，法人或其他组织申请 8 件」',
        valid: true,
        input: { year: 2025, paras: [{ text: '全县全年共受理政府信息公开申请 749 件，其中自然人申请 741 件，法人或其他组织申请 8 件；共办理 718 件，结转下一年 31 件。', section: 1 }] },
      },
      {
        name: '上海市科委 2024 「共编发文章 1640 篇，其中原创文章 294 篇」 is not a full list',
        valid: true,
        input: { year: 2024, paras: [{ text: '“上海科技”微信公众号共编发文章 1640 篇，其中原创文章 294 篇，微信公众号目前关注人数达 1016823 人。', section: 1 }] },
      },
      {
        name: '淮安 2024 行政诉讼 sentence with one part dropped (46 vs 25 + 5 + 9)',
        valid: false,
        input: { year: 2024, paras: [{ text: '政府信息公开行政诉讼46件，其中结果维持25件，结果纠正5件，其他结果9件。', section: 1 }] },
      },
    ],
  },
  check(ctx) {
    for (const list of partsLists(ctx.model)) {
      const { same, sum, mixed } = sameUnit(list);
      if (!list.exhaustive || mixed || same.length < 2 || sum >= list.whole.n) continue;
      ctx.report({ data: { subject: subject(list), whole: list.whole.n, unit: list.whole.unit, sum, terms: same.map((p) => p.n).join('+') }, cells: [], span: list.s.span });
    }
  },
});

// 「主动公开政府信息114条」 as a headline: not one channel's count (「在政府网站主动公开…」).
const ACTIVE_RE = new RegExp(`主动公开(?:各类)?(?:政府|政务)?信息(?:共|共计|合计)?(?<n>${NUM_SRC})(?:余|多)?(?<u>条|件)`, 'dg');
const CHANNEL_RE = /通过|在|网站|网页|平台|公众号|微信|微博|新媒体|门户|客户端|专栏|页面|公报/;
const SCOPE_RE = /全县|全市|全区|全省|全镇|本级|本机关|各|部门|乡镇|街道|县直|市直|区直|下属|所属|系统/g;

type Headline = { s: NarrativeSentence; key: string; n: number; text: string };

function headlines(model: ReportModel): Headline[] {
  const sentences = comparableSentences(model);
  const out: Headline[] = [];
  for (const a of applicationsReceived(sentences)) {
    const text = excerpt(a.s.text, a.start, a.end);
    out.push({ s: a.s, key: `app:${a.verb}:${(text.match(SCOPE_RE) ?? []).join('')}`, n: a.n, text });
  }
  for (const s of sentences) {
    if (!s.text.includes('主动公开')) continue;
    for (const { q, m } of boundNumbers(s, ACTIVE_RE)) {
      const text = excerpt(s.text, m.index, q.end);
      if (CHANNEL_RE.test(text)) continue;
      out.push({ s, key: `active:${(text.match(SCOPE_RE) ?? []).join('')}`, n: q.n, text });
    }
  }
  return out;
}

const TXT_TOTAL_CONFLICT = defineRule({
  meta: {
    id: 'TXT-TOTAL-CONFLICT',
    severity: 'warning',
    certainty: 'heuristic',
    templates: ['2019', '2021'],
    table: 'text',
    description: 'One headline quantity (主动公开政府信息, 收到/受理申请) is given two different values, or a single 「其中」 part exceeds its total.',
    messages: {
      main: {
        zh: '同一指标出现不同数值：「{a}」（{na}）与「{b}」（{nb}）',
        en: 'The same quantity is given two values: "{a}" ({na}) and "{b}" ({nb})',
      },
    },
    caveat: CAVEAT,
    examples: [
      {
        name: '洪泽 2023: 主动公开 and 受理申请 stated once each',
        valid: true,
        input: {
          year: 2023,
          paras: [
            { text: '（一）主动公开情况。主要通过政府门户网站主动公开政府文件、项目审批、通知公告等各类政府信息。2023年，我区在政府网站平台主动公开政府信息1136条。', section: 1 },
            { text: '（二）依申请公开情况。进一步规范依申请公开流程，畅通依申请公开受理渠。2023年全区受理政府信息公开申请21件，均在法定期限答复。', section: 1 },
          ],
        },
      },
      {
        name: 'seed 004 (鄞州 2021) 「主动公开政府信息114条。其中，政府信息公开网站284条」',
        valid: false,
        input: {
          year: 2021,
          paras: [{ text: '2021年，主动公开政府信息114条。其中，政府信息公开网站284条，主要内容包括法定公开的机构概况、工作信息、人事任免及财政预结算等。其中政策文件118条、工作信息27条、人事信息97条、新冠肺炎疫情防控政策公开专题42条。', section: 1 }],
        },
      },
      {
        name: '洪泽 2023 受理申请 given as 21 and 25 in two paragraphs',
        valid: false,
        input: {
          year: 2023,
          paras: [
            { text: '2023年全区受理政府信息公开申请21件，均在法定期限答复。', section: 1 },
            { text: '2023年全区受理政府信息公开申请25件。', section: 3 },
          ],
        },
      },
    ],
  },
  check(ctx) {
    const { model } = ctx;
    // A lone 「其中」 part larger than its total is the same quantity stated twice (seed 004: 114 vs 284).
    for (const list of partsLists(model)) {
      const { same } = sameUnit(list);
      if (list.parts.length !== 1 || same.length !== 1 || same[0]!.n <= list.whole.n) continue;
      ctx.report({ data: { a: subject(list), na: list.whole.n, b: `其中，${same[0]!.label}`, nb: same[0]!.n }, cells: [], span: list.s.span });
    }
    const seen = new Map<string, Headline>();
    for (const h of headlines(model)) {
      const first = seen.get(h.key);
      if (!first) {
        seen.set(h.key, h);
        continue;
      }
      if (first.n === h.n || first.s === h.s) continue;
      ctx.report({ data: { a: first.text, na: first.n, b: h.text, nb: h.n }, cells: [], span: h.s.span });
    }
  },
});

export const txtPartsRules: Rule[] = [TXT_PARTS_WHOLE, TXT_PARTS_SHORT, TXT_TOTAL_CONFLICT];
