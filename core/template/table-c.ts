// Table C (政府信息公开行政复议、行政诉讼情况): one row of 15 numbers in three groups of five.
export const C_GROUPS = ['rev', 'litd', 'lita'] as const;
export type CGroup = (typeof C_GROUPS)[number];
export const C_COLS = ['keep', 'fix', 'other', 'pending', 'total'] as const;

export const C_GROUP_LABELS: Record<CGroup, { zh: string; en: string }> = {
  rev: { zh: '行政复议', en: 'administrative review' },
  litd: { zh: '行政诉讼（未经复议直接起诉）', en: 'litigation (direct)' },
  lita: { zh: '行政诉讼（复议后起诉）', en: 'litigation (after review)' },
};
export const C_COL_LABELS: Record<(typeof C_COLS)[number], { zh: string; en: string }> = {
  keep: { zh: '结果维持', en: 'upheld' },
  fix: { zh: '结果纠正', en: 'corrected' },
  other: { zh: '其他结果', en: 'other outcome' },
  pending: { zh: '尚未审结', en: 'pending' },
  total: { zh: '总计', en: 'total' },
};

/** The 15 CellRefs in table order. */
export const C_REFS: string[] = C_GROUPS.flatMap((g) => C_COLS.map((c) => `C.${g}.${c}`));
