// Table A (主动公开政府信息情况): blocks, rows and columns of the two templates (domain.md §1.1–§1.3).

export type ABlock = {
  /** the 第二十条第（N）项 number */
  item: string;
  rows: { key: string; label: string; match: string[] }[];
  cols: { key: string; label: string; match: string[]; money?: boolean; signed?: boolean }[];
};

/** 〔2021〕30号 table A: cells A.<row>.<col>. */
export const A_2021: ABlock[] = [
  {
    item: '一',
    rows: [
      { key: 'reg', label: '规章', match: ['规章'] },
      { key: 'norm', label: '行政规范性文件', match: ['规范性文件'] },
    ],
    cols: [
      { key: 'made', label: '本年制发件数', match: ['制发', '本年制作'] },
      { key: 'repealed', label: '本年废止件数', match: ['废止'] },
      { key: 'valid', label: '现行有效件数', match: ['现行有效'] },
    ],
  },
  { item: '五', rows: [{ key: 'permit', label: '行政许可', match: ['行政许可'] }], cols: [{ key: 'dec', label: '本年处理决定数量', match: ['处理决定'] }] },
  {
    item: '六',
    rows: [
      { key: 'penalty', label: '行政处罚', match: ['行政处罚'] },
      { key: 'coercion', label: '行政强制', match: ['行政强制'] },
    ],
    cols: [{ key: 'dec', label: '本年处理决定数量', match: ['处理决定'] }],
  },
  {
    item: '八',
    rows: [{ key: 'fee', label: '行政事业性收费', match: ['事业性收费'] }],
    cols: [{ key: 'amt', label: '本年收费金额（单位：万元）', match: ['收费金额', '收费总金额'], money: true }],
  },
];

/** 〔2019〕60号 table A: cells A19.<row>.<col>. */
const PREV_DELTA_DEC = [
  { key: 'prev', label: '上一年项目数量', match: ['上一年'] },
  { key: 'delta', label: '本年增/减', match: ['本年增'], signed: true },
  { key: 'dec', label: '处理决定数量', match: ['处理决定'] },
];
export const A_2019: ABlock[] = [
  {
    item: '一',
    rows: [
      { key: 'reg', label: '规章', match: ['规章'] },
      { key: 'norm', label: '规范性文件', match: ['规范性文件'] },
    ],
    cols: [
      { key: 'newmade', label: '本年新制作数量', match: ['新制作'] },
      { key: 'newpub', label: '本年新公开数量', match: ['新公开'] },
      { key: 'totalpub', label: '对外公开总数量', match: ['公开总数'] },
    ],
  },
  {
    item: '五',
    rows: [
      { key: 'permit', label: '行政许可', match: ['行政许可'] },
      { key: 'othersvc', label: '其他对外管理服务事项', match: ['对外管理服务'] },
    ],
    cols: PREV_DELTA_DEC,
  },
  {
    item: '六',
    rows: [
      { key: 'penalty', label: '行政处罚', match: ['行政处罚'] },
      { key: 'coercion', label: '行政强制', match: ['行政强制'] },
    ],
    cols: PREV_DELTA_DEC,
  },
  { item: '八', rows: [{ key: 'fee', label: '行政事业性收费', match: ['事业性收费'] }], cols: PREV_DELTA_DEC.slice(0, 2) },
  {
    item: '九',
    rows: [{ key: 'procure', label: '政府集中采购', match: ['集中采购'] }],
    cols: [
      { key: 'count', label: '采购项目数量', match: ['采购项目'] },
      { key: 'amt', label: '采购总金额', match: ['采购总金额'], money: true },
    ],
  },
];
