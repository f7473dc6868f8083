// A list page of annual reports (the 政府信息公开年报 column: one link per report, often a page per year):
// which of its links name a report, and its 下一页 link. Pure reads of a document and its URL, so the
// batch page can run them on a list page it fetched (DOMParser) as well as the content script on the
// live page. Only links to the list page's own origin count: the batch fetches nothing anywhere else.
import { namesReport } from './gate.ts';

/** page: an HTML report page; pdf, docx: attachments the core reads; other: a file it cannot (.doc, .wps, .zip). */
export type ReportLinkKind = 'page' | 'pdf' | 'docx' | 'other';
export type ReportLink = { url: string; text: string; kind: ReportLinkKind };

/** Fewer than this many report links and a page is a report page or a news item, not a list. */
export const MIN_LIST_LINKS = 2;

const FILE = /\.([a-z0-9]{2,5})$/i;
const PAGE_EXT = new Set(['html', 'htm', 'shtml', 'jhtml', 'jsp', 'php', 'asp', 'aspx', 'do', 'action']);

function kindOf(url: URL): ReportLinkKind {
  const ext = (FILE.exec(decodeURIComponent(url.pathname))?.[1] ?? '').toLowerCase();
  if (ext === 'pdf') return 'pdf';
  if (ext === 'docx') return 'docx';
  return !ext || PAGE_EXT.has(ext) ? 'page' : 'other';
}

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * A link names a report when its text (or its title attribute: lists cut long titles 「…2023年政府信息公开
 * 工作年度…」) says 政府信息公开 and 年度报告 or 年报; on a page whose own title names the reports (the
 * column page 「政府信息公开年报」) a link that says 年度报告 or 年报 is enough (「2023年度报告」).
 */
function namesListedReport(text: string, columnNamesReports: boolean): boolean {
  const t = text.replace(/\s+/g, '');
  return namesReport(t) || (columnNamesReports && /年度报告|年报/.test(t));
}

/** The report links of a list page, in page order, one per URL (the fragment ignored), same origin only. */
export function reportLinks(doc: Document, pageUrl: string): ReportLink[] {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return [];
  }
  const column = namesReport((doc.title ?? '').replace(/\s+/g, ''));
  const seen = new Set<string>([page.href.replace(/#.*$/, '')]);
  const out: ReportLink[] = [];
  for (const a of Array.from(doc.getElementsByTagName('a'))) {
    const href = a.getAttribute('href');
    if (!href || /^(javascript:|mailto:|#)/i.test(href.trim())) continue;
    let url: URL;
    try {
      url = new URL(href, page);
    } catch {
      continue;
    }
    if (url.origin !== page.origin) continue;
    url.hash = '';
    if (seen.has(url.href)) continue;
    const text = clean(a.textContent ?? '');
    const title = clean(a.getAttribute('title') ?? '');
    if (!namesListedReport(text, column) && !namesListedReport(title, column)) continue;
    seen.add(url.href);
    out.push({ url: url.href, text: title.length > text.length ? title : text, kind: kindOf(url) });
  }
  return out;
}

/** The folder of a path: 「/col/nianbao/index_1.html」 → 「/col/nianbao/」. */
const folderOf = (path: string): string => path.replace(/[^/]*$/, '');

/**
 * The list's next page (「下一页」「下页」「后一页」) within the same column: same origin, the same folder
 * (index_1.html beside index.html) or the same path with another query (?page=2); not the page itself;
 * undefined on the last page, and for a 下一页 that leads to another column.
 */
export function nextPageUrl(doc: Document, pageUrl: string): string | undefined {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return undefined;
  }
  for (const a of Array.from(doc.getElementsByTagName('a'))) {
    const text = (a.textContent ?? '').replace(/\s+/g, '');
    if (!/^(下一页|下页|后一页)[>»›]*$/.test(text)) continue;
    const href = a.getAttribute('href');
    if (!href || /^(javascript:|#)/i.test(href.trim())) continue;
    try {
      const url = new URL(href, page);
      url.hash = '';
      const sameColumn = url.pathname === page.pathname || folderOf(url.pathname) === folderOf(page.pathname);
      if (url.origin === page.origin && sameColumn && url.href !== page.href.replace(/#.*$/, '')) return url.href;
    } catch {
      /* an odd href */
    }
  }
  return undefined;
}
