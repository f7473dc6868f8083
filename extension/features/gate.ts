// The cheap gate: does this document look like a government information-disclosure annual report?
// It runs on every *.gov.cn page, so it must cost next to nothing on pages that are not reports: no
// <table>, no check; then the title and the headings; only then the tables' own text (never the whole
// page's text, never innerText, which would force a layout).

/** Labels the national templates print in the report tables (2019 and 2021 editions). */
const TABLE_LABELS = [
  '本年新收政府信息公开申请数量',
  '上年结转政府信息公开申请数量',
  '主动公开政府信息情况',
  '收到和处理政府信息公开申请情况',
  '政府信息公开行政复议、行政诉讼情况',
  '本年度办理结果',
  '结转下年度继续办理',
];

const namesReport = (text: string): boolean => text.includes('政府信息公开') && (text.includes('年度报告') || text.includes('年报'));

export function looksLikeReport(doc: Document): boolean {
  const body = doc.body;
  if (!body) return false;
  const tables = body.getElementsByTagName('table');
  if (!tables.length) return false;
  if (namesReport(doc.title ?? '')) return true;
  // getElementsByTagName, not querySelectorAll: a selector walks the whole tree (~3 ms on a 1 MB page,
  // ~5 ms with attribute-substring selectors), the tag collections are kept by the browser.
  for (const tag of ['h1', 'h2', 'h3']) {
    const heads = body.getElementsByTagName(tag);
    for (let i = 0; i < heads.length && i < 20; i++) if (namesReport(heads[i]!.textContent ?? '')) return true;
  }
  // The report tables name themselves: two different template labels in the (outermost) tables' text.
  const found = new Set<string>();
  for (const table of Array.from(tables)) {
    if (table.parentElement?.closest('table')) continue;
    const text = (table.textContent ?? '').replace(/\s+/g, '');
    for (const l of TABLE_LABELS) if (text.includes(l)) found.add(l);
    if (found.size >= 2) return true;
  }
  return false;
}

/**
 * The documents to check: the page itself and any same-origin iframe that holds the article (some CMSs
 * put the report body in an <iframe src="/art/…/content.html">). Cross-origin frames throw or give
 * null and are skipped.
 */
export function reportDocuments(doc: Document): Document[] {
  const out: Document[] = [];
  if (looksLikeReport(doc)) out.push(doc);
  for (const frame of Array.from(doc.getElementsByTagName('iframe'))) {
    let inner: Document | null = null;
    try {
      inner = frame.contentDocument;
    } catch {
      inner = null;
    }
    if (inner && inner !== doc && inner.readyState !== 'loading' && looksLikeReport(inner)) out.push(inner);
  }
  return out;
}
