// The cheap gate: does this document look like a government information-disclosure annual report?
// It runs on every *.gov.cn page, so it must cost next to nothing on pages that are not reports. What
// costs is walking the tree: each tag collection (getElementsByTagName) walks the whole document once,
// ~0.6 ms on a 1 MB page in chromium, and a selector list (`h1,h2,h3`) ~3 ms. So: one walk for the
// tables; then the title; then the tables' own text (tables are a small part of a page); the headings
// only when a table carries words of the report tables; iframes only when the window has frames.
// Never the whole page's text, never innerText (it would force a layout).

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

/**
 * Words some table of every report carries even when a variant layout drops the template labels
 * (table B: 规范性文件, 行政许可; table C: 申请; table D: 复议). A page whose tables have none of them has
 * nothing the core could check, whatever its headings say, so the headings are not read.
 */
const TABLE_WORDS = ['申请', '复议', '规范性文件', '行政许可', '行政处罚'];

export const namesReport = (text: string): boolean => text.includes('政府信息公开') && (text.includes('年度报告') || text.includes('年报'));

export function looksLikeReport(doc: Document): boolean {
  const body = doc.body;
  if (!body) return false;
  const tables = body.getElementsByTagName('table');
  if (!tables.length) return false;
  if (namesReport(doc.title ?? '')) return true;
  // The report tables name themselves: two different template labels in the (outermost) tables' text.
  const found = new Set<string>();
  let reportWords = false;
  for (const table of Array.from(tables)) {
    if (table.parentElement?.closest('table')) continue;
    const text = (table.textContent ?? '').replace(/\s+/g, '');
    for (const l of TABLE_LABELS) if (text.includes(l)) found.add(l);
    if (found.size >= 2) return true;
    reportWords ||= TABLE_WORDS.some((w) => text.includes(w));
  }
  if (!reportWords) return false;
  for (const tag of ['h1', 'h2', 'h3']) {
    const heads = body.getElementsByTagName(tag);
    for (let i = 0; i < heads.length && i < 20; i++) if (namesReport(heads[i]!.textContent ?? '')) return true;
  }
  return false;
}

/**
 * The page's <iframe> elements, without walking the tree when the window has no frames at all (the
 * usual case). `frames.length` is kept by the browser; where it is not known (test DOMs), walk.
 */
export function iframesOf(doc: Document): HTMLIFrameElement[] {
  if (doc.defaultView?.frames?.length === 0) return [];
  return Array.from(doc.getElementsByTagName('iframe'));
}

/**
 * The documents to check: the page itself and any same-origin iframe that holds the article (some CMSs
 * put the report body in an <iframe src="/art/…/content.html">). Cross-origin frames throw or give
 * null and are skipped.
 */
export function reportDocuments(doc: Document): Document[] {
  const out: Document[] = [];
  if (looksLikeReport(doc)) out.push(doc);
  for (const frame of iframesOf(doc)) {
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

/**
 * Which frame this content script runs in (it runs in every *.gov.cn frame): the top page; a frame whose
 * parent is same-origin, which the parent's script already checks through contentDocument ("covered":
 * do nothing, or it would be checked and marked twice); or a frame the parent cannot reach (another
 * *.gov.cn host: the article served from an xxgk. subdomain), which checks itself.
 */
export function frameRole(win: Window): 'top' | 'covered' | 'own' {
  if (win.top === win || !win.parent || win.parent === win) return 'top';
  try {
    return win.parent.document ? 'covered' : 'own';
  } catch {
    return 'own'; // cross-origin: reading the parent's document throws
  }
}

export type Attachment = { url: string; name: string };

/** Attachment types the checker page reads (an old .doc or .wps it cannot). */
const ATTACHMENT = /\.(pdf|docx)$/i;

/** A linked or embedded file URL, resolved; pdf.js viewers (`viewer.html?file=…`) give their file. */
function attachmentUrl(raw: string | null, base: string): URL | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw, base);
    const inner = url.searchParams.get('file');
    if (inner && /viewer\.html$/i.test(url.pathname)) url = new URL(inner, url);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return ATTACHMENT.test(decodeURIComponent(url.pathname)) ? url : undefined;
}

/**
 * A report published as an attachment: the page's title names an annual report, it has no report
 * tables (the gate failed), and it links or embeds one to three PDF or Word files. More than three is a
 * list of reports, not a report page (the context menu still opens any of them). Costs nothing on other
 * pages: the title is read first, and the links only when it names a report.
 */
export function reportAttachments(doc: Document): Attachment[] {
  if (!namesReport(doc.title ?? '') || !doc.body) return [];
  const found = new Map<string, Attachment>();
  const add = (raw: string | null, label: string) => {
    const url = attachmentUrl(raw, doc.baseURI);
    if (!url || found.has(url.href)) return;
    const file = decodeURIComponent(url.pathname.split('/').pop() ?? '');
    const text = label.trim().replace(/\s+/g, ' ').slice(0, 60);
    // 「附件」「点击下载」 say nothing: the file's name goes with them
    const says = /报告|年报|\.(pdf|docx)$/i.test(text);
    found.set(url.href, { url: url.href, name: !text ? file : says ? text : `${text}（${file}）` });
  };
  for (const a of Array.from(doc.links)) add(a.getAttribute('href'), a.textContent ?? '');
  for (const e of Array.from(doc.querySelectorAll('embed[src], iframe[src], object[data]'))) add(e.getAttribute('src') ?? e.getAttribute('data'), '');
  return found.size <= 3 ? [...found.values()] : [];
}
