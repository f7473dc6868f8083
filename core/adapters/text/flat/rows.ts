// What the template says for certain, as patterns over flat text with spaces and numbers taken out:
// each table's row labels in order, and the header words that say which table (and which template)
// a stretch of text is. Keywords are those of core/template (table-b.ts `all`/`alt`), so the rows found
// here are the rows recogniseTableB finds again from the label cells this reader writes.

export type RowPattern = { key: string; re: RegExp };

/** Table B rows in template order (2019's single （六）其他处理 row and 2021's three both listed). */
export const B_PATTERNS: RowPattern[] = [
  { key: 'new', re: /本年新收/g },
  { key: 'carry_in', re: /上年结转/g },
  { key: 'open', re: /予以公开/g },
  { key: 'partial', re: /部分公开/g },
  { key: 'deny1', re: /国家秘密/g },
  // 洪泽区 2023's text layer lost two characters: 「其他法律行政止公开」.
  { key: 'deny2', re: /禁止公开|其他法律.{0,6}公开/g },
  { key: 'deny3', re: /危及/g },
  { key: 'deny4', re: /第三方/g },
  { key: 'deny5', re: /内部事务/g },
  { key: 'deny6', re: /过程性/g },
  { key: 'deny7', re: /执法案卷/g },
  { key: 'deny8', re: /查询事项/g },
  { key: 'unable1', re: /不掌握/g },
  { key: 'unable2', re: /另行制作/g },
  { key: 'unable3', re: /仍不明确/g },
  { key: 'reject1', re: /信访/g },
  { key: 'reject2', re: /重复申请/g },
  { key: 'reject3', re: /出版/g },
  { key: 'reject4', re: /大量反复/g },
  { key: 'reject5', re: /重新出具/g },
  { key: 'other', re: /其他处理/g },
  { key: 'other1', re: /逾期不补正/g },
  { key: 'other2', re: /缴纳费用/g },
  // 「3.其他」 / 「3、其他」: the bare word 其他 is also a column header, so its number is required.
  { key: 'other3', re: /3[.、]其他(?!处理)/g },
  { key: 'total', re: /(?:[(（]七[)）]|七[、.])?(?:总计|合计)/g },
  { key: 'carry_out', re: /结转下年/g },
];

/** Table B column header words, for the 法人或其他组织小计 column that some reports add. */
export const B_HEADER_WORDS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '小计', '总计'];

/** Table A rows of both templates, in order; which columns follow comes from the header markers. */
export const A_PATTERNS: RowPattern[] = [
  { key: 'reg', re: /规章/g },
  { key: 'norm', re: /(?:行政)?规范性文件/g },
  { key: 'permit', re: /行政许可/g },
  { key: 'othersvc', re: /对外管理服务/g },
  { key: 'penalty', re: /行政处罚/g },
  { key: 'coercion', re: /行政强制/g },
  { key: 'fee', re: /事业性收费/g },
  { key: 'procure', re: /集中采购/g },
];

/** Header words of the two table-A templates (core/recognise/table-a.ts reads the same markers). */
export const A_MARKERS_2021 = ['本年制发件数', '本年制作件数', '本年制发', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'];
export const A_MARKERS_2019 = ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '本年增减', '处理决定数量', '采购项目数量', '采购总金额'];

/** Values per table-A row under each template (template/table-a.ts). */
export const A_COLS: Record<'2019' | '2021', Record<string, number>> = {
  '2021': { reg: 3, norm: 3, permit: 1, penalty: 1, coercion: 1, fee: 1 },
  '2019': { reg: 3, norm: 3, permit: 3, othersvc: 3, penalty: 3, coercion: 3, fee: 2, procure: 2 },
};

/** Table C header words: at least three of them before the fifteen numbers. */
export const C_HEADER_WORDS = ['行政复议', '行政诉讼', '维持', '纠正', '其他结果', '审结', '总计', '直接起诉', '复议后起诉'];

/** A row label's numbering just before its keyword: 「一、」 「（二）」 「1.」 「3、」. */
export const NUMBERING = /(?:[(（][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}、|\d[.、])/g;
