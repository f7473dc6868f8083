// Table B (收到和处理政府信息公开申请情况): rows, columns and the keywords that recognise a row label
// whatever its numbering, punctuation or line breaks (domain.md §1.1, §1.2, §4).

export const B_COLS = ['np', 'biz', 'sci', 'ngo', 'law', 'oth', 'tot'] as const;
export type BCol = (typeof B_COLS)[number] | 'org';
export const B_ORG_COLS = ['biz', 'sci', 'ngo', 'law', 'oth'] as const;

export const B_COL_LABELS: Record<BCol, { zh: string; en: string }> = {
  np: { zh: '自然人', en: 'natural persons' },
  biz: { zh: '商业企业', en: 'businesses' },
  sci: { zh: '科研机构', en: 'research institutions' },
  ngo: { zh: '社会公益组织', en: 'public-interest organisations' },
  law: { zh: '法律服务机构', en: 'legal service providers' },
  oth: { zh: '其他', en: 'other organisations' },
  tot: { zh: '总计', en: 'total' },
  org: { zh: '法人或其他组织小计', en: 'organisations subtotal' },
};

export type BRowDef = {
  key: string;
  label: string;
  en: string;
  /** every keyword must occur in the normalised label (numbering stripped) */
  all?: string[];
  /** alternative keyword sets (a damaged text layer: 洪泽 2023's PDF reads 「其他法律行政止公开」) */
  alt?: string[][];
  /** the normalised label must equal one of these */
  exact?: string[];
  group?: 'deny' | 'unable' | 'reject' | 'other';
};

/** Leaf and summary rows, in template order. `other` is the 2019 single row, other1–3 the 2021 split. */
export const B_ROWS: BRowDef[] = [
  { key: 'new', label: '一、本年新收政府信息公开申请数量', en: 'I. new applications', all: ['本年新收'] },
  { key: 'carry_in', label: '二、上年结转政府信息公开申请数量', en: 'II. carried over from last year', all: ['上年结转'] },
  { key: 'open', label: '（一）予以公开', en: '(1) disclosed', all: ['予以公开'] },
  { key: 'partial', label: '（二）部分公开', en: '(2) partly disclosed', all: ['部分公开'] },
  { key: 'deny1', label: '（三）不予公开 1.属于国家秘密', en: '(3) withheld 1. state secret', all: ['国家秘密'], group: 'deny' },
  { key: 'deny2', label: '（三）不予公开 2.其他法律行政法规禁止公开', en: '(3) withheld 2. barred by other laws', all: ['禁止公开'], alt: [['其他法律', '公开']], group: 'deny' },
  { key: 'deny3', label: '（三）不予公开 3.危及“三安全一稳定”', en: '(3) withheld 3. endangers security/stability', all: ['危及'], group: 'deny' },
  { key: 'deny4', label: '（三）不予公开 4.保护第三方合法权益', en: '(3) withheld 4. third-party rights', all: ['第三方'], group: 'deny' },
  { key: 'deny5', label: '（三）不予公开 5.属于三类内部事务信息', en: '(3) withheld 5. internal affairs', all: ['内部事务'], group: 'deny' },
  { key: 'deny6', label: '（三）不予公开 6.属于四类过程性信息', en: '(3) withheld 6. process information', all: ['过程性'], group: 'deny' },
  { key: 'deny7', label: '（三）不予公开 7.属于行政执法案卷', en: '(3) withheld 7. enforcement files', all: ['执法案卷'], group: 'deny' },
  { key: 'deny8', label: '（三）不予公开 8.属于行政查询事项', en: '(3) withheld 8. administrative enquiries', all: ['查询事项'], group: 'deny' },
  { key: 'unable1', label: '（四）无法提供 1.本机关不掌握相关政府信息', en: '(4) cannot provide 1. not held', all: ['不掌握'], group: 'unable' },
  { key: 'unable2', label: '（四）无法提供 2.没有现成信息需要另行制作', en: '(4) cannot provide 2. would need to be created', all: ['另行制作'], group: 'unable' },
  { key: 'unable3', label: '（四）无法提供 3.补正后申请内容仍不明确', en: '(4) cannot provide 3. still unclear', all: ['仍不明确'], group: 'unable' },
  { key: 'reject1', label: '（五）不予处理 1.信访举报投诉类申请', en: '(5) not processed 1. petitions/complaints', all: ['信访'], group: 'reject' },
  { key: 'reject2', label: '（五）不予处理 2.重复申请', en: '(5) not processed 2. repeated', all: ['重复申请'], group: 'reject' },
  { key: 'reject3', label: '（五）不予处理 3.要求提供公开出版物', en: '(5) not processed 3. publications', all: ['出版'], group: 'reject' },
  { key: 'reject4', label: '（五）不予处理 4.无正当理由大量反复申请', en: '(5) not processed 4. mass repeated', all: ['大量反复'], group: 'reject' },
  { key: 'reject5', label: '（五）不予处理 5.要求行政机关确认或重新出具已获取信息', en: '(5) not processed 5. re-issue held information', all: ['重新出具'], group: 'reject' },
  { key: 'other1', label: '（六）其他处理 1.申请人无正当理由逾期不补正', en: '(6) other 1. no correction in time', all: ['逾期不补正'], group: 'other' },
  { key: 'other2', label: '（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用', en: '(6) other 2. fee not paid', all: ['缴纳费用'], group: 'other' },
  { key: 'other3', label: '（六）其他处理 3.其他', en: '(6) other 3. other', exact: ['其他'], group: 'other' },
  { key: 'other', label: '（六）其他处理', en: '(6) other handling', exact: ['其他处理'] },
  { key: 'total', label: '（七）总计', en: '(7) total', exact: ['总计', '合计'] },
  { key: 'carry_out', label: '四、结转下年度继续办理', en: 'IV. carried over to next year', all: ['结转下年'] },
];

/** Group headings that may carry their own (non-standard) subtotal numbers: APP-SUBTOTAL. */
export const B_GROUPS: { key: 'deny' | 'unable' | 'reject' | 'othersub'; label: string; en: string; exact: string[]; children: string[] }[] = [
  { key: 'deny', label: '（三）不予公开', en: '(3) withheld', exact: ['不予公开'], children: ['deny1', 'deny2', 'deny3', 'deny4', 'deny5', 'deny6', 'deny7', 'deny8'] },
  { key: 'unable', label: '（四）无法提供', en: '(4) cannot provide', exact: ['无法提供'], children: ['unable1', 'unable2', 'unable3'] },
  { key: 'reject', label: '（五）不予处理', en: '(5) not processed', exact: ['不予处理'], children: ['reject1', 'reject2', 'reject3', 'reject4', 'reject5'] },
  { key: 'othersub', label: '（六）其他处理', en: '(6) other handling', exact: ['其他处理'], children: ['other1', 'other2', 'other3'] },
];

export const B_LEAVES_COMMON = [
  'open', 'partial',
  'deny1', 'deny2', 'deny3', 'deny4', 'deny5', 'deny6', 'deny7', 'deny8',
  'unable1', 'unable2', 'unable3',
  'reject1', 'reject2', 'reject3', 'reject4', 'reject5',
];
export const B_OUT_2019 = [...B_LEAVES_COMMON, 'other'];
export const B_OUT_2021 = [...B_LEAVES_COMMON, 'other1', 'other2', 'other3'];

export function bRowDef(key: string): BRowDef | undefined {
  return B_ROWS.find((r) => r.key === key);
}
