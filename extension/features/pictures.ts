// A report page whose text is HTML but whose tables are pictures (issue 23: a screenshot or scan of the
// Word tables pasted into the CMS, often one picture per page of the original). The gate finds no report
// table; when the title or a heading names an annual report and the article holds large pictures, the
// notice offers 「识别本页图片中的年报表格」. Nothing happens without the click. The click fetches the
// pictures from the page's own origin (the browser's cache, mostly), in page order, with the article's
// text paragraphs between them, and hands them to the checker page, which reads them by OCR as one
// report (a table split over two pictures is one table, as across PDF pages) and checks the text with
// them. Pictures from another host are not offered: no request leaves the page's origin.
import { browser } from 'wxt/browser';
import type { ArticlePart } from '../../core/ocr/index.ts';
import { fetchFile, type CheckerFile } from './checker-files.ts';
import { namesReport } from './gate.ts';
import type { OpenPicturesRequest } from './messages.ts';

/** The article as the checker page receives it: its text and pictures in order, the pictures' bytes. */
export type ArticlePictures = { name: string; url: string; parts: ArticlePart[]; pictures: CheckerFile[] };

export type Size = { width: number; height: number };

/**
 * How large a picture must be shown to be a page or table of the report, in CSS pixels. A table picture
 * is shown about as wide as the article column (500–1000 px); a logo, an icon, a 「扫一扫」 QR code or a
 * 「打印」 button is far smaller, a decorative strip far flatter. Measured rendered size, not the file name:
 * CMS file names are numbers.
 */
export const PICTURE_MIN = {
  width: 300,
  height: 150,
  area: 90_000,
  /** wider than 6:1 is a banner or a divider; taller than 1:4 a side strip */
  maxAspect: 6,
  minAspect: 0.25,
  /** a square under 400 px is a QR code or an emblem (a table picture is seldom square) */
  squareSide: 400,
  /** pixels in the file: fewer than this across and the digits cannot be read */
  naturalWidth: 400,
};

/** More large pictures than this is a photo gallery, not a report. */
const MAX_PICTURES = 20;

/** Page furniture never holds the report: pictures inside these are logos, banners, QR codes. */
const FURNITURE = 'header, nav, footer, aside, [role="banner"], [role="navigation"], [role="contentinfo"], [data-gkc-ui]';

const measureRendered = (img: HTMLImageElement): Size => {
  const r = img.getBoundingClientRect();
  return { width: r.width, height: r.height };
};

/** The picture's address, when the page's own origin can give it (same origin, or data:). */
function ownUrl(img: HTMLImageElement, doc: Document): string | undefined {
  const raw = img.currentSrc || img.getAttribute('src');
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw, doc.baseURI);
  } catch {
    return undefined;
  }
  if (url.protocol === 'data:') return url.href;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const origin = doc.defaultView?.location?.origin;
  return origin && url.origin === origin ? url.href : undefined;
}

/** Is a picture of this shown size and file size a report page or table? */
export function isReportPictureSize(shown: Size, natural?: Size): boolean {
  const m = PICTURE_MIN;
  const { width: w, height: h } = shown;
  if (w < m.width || h < m.height || w * h < m.area) return false;
  const aspect = w / h;
  if (aspect > m.maxAspect || aspect < m.minAspect) return false;
  if (aspect > 0.9 && aspect < 1.1 && Math.max(w, h) < m.squareSide) return false;
  if (natural && natural.width > 0 && natural.width < m.naturalWidth) return false;
  return true;
}

/** Does the page's title or one of its first headings name an annual report? */
export function pageNamesReport(doc: Document): boolean {
  if (namesReport(doc.title ?? '')) return true;
  const body = doc.body;
  if (!body) return false;
  for (const tag of ['h1', 'h2', 'h3']) {
    const heads = body.getElementsByTagName(tag);
    for (let i = 0; i < heads.length && i < 20; i++) if (namesReport(heads[i]!.textContent ?? '')) return true;
  }
  return false;
}

/**
 * The pictures that hold the report's tables, in page order: large as shown, in the article (not in
 * the header, navigation or footer), from the page's own origin. Empty unless the title or a heading
 * names an annual report. `measure` gives an image's shown size (tests; default its layout box).
 */
export function reportPictures(doc: Document, measure: (img: HTMLImageElement) => Size = measureRendered): HTMLImageElement[] {
  if (!doc.body || !pageNamesReport(doc)) return [];
  const out: HTMLImageElement[] = [];
  for (const img of Array.from(doc.getElementsByTagName('img'))) {
    if (img.closest(FURNITURE)) continue;
    if (!ownUrl(img, doc)) continue;
    const natural = img.complete && img.naturalWidth ? { width: img.naturalWidth, height: img.naturalHeight } : undefined;
    if (!isReportPictureSize(measure(img), natural)) continue;
    out.push(img);
  }
  return out.length <= MAX_PICTURES ? out : [];
}

/** Pictures still loading have no size yet: wait for the page's load event (bounded, abortable). */
export function picturesSettled(doc: Document, signal: AbortSignal, timeoutMs = 15_000): Promise<void> {
  const win = doc.defaultView;
  // the load event, not a look at each <img>: that would walk the tree on every page at document_idle
  if (!win || doc.readyState === 'complete') return Promise.resolve();
  return new Promise((ok) => {
    const done = () => {
      win.removeEventListener('load', done);
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      ok();
    };
    const timer = setTimeout(done, timeoutMs);
    win.addEventListener('load', done);
    signal.addEventListener('abort', done);
  });
}

const BLOCK = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'TABLE', 'TR', 'TD', 'TH', 'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'PRE', 'BR', 'CENTER', 'DL', 'DT', 'DD', 'FIGURE', 'FIGCAPTION', 'HR', 'MAIN', 'HEADER', 'FOOTER']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA']);

/** The element that holds all the pictures and the report's text around them. */
function articleOf(pictures: HTMLImageElement[]): Element | undefined {
  let box: Element | null = pictures[0]?.parentElement ?? null;
  while (box && !pictures.every((p) => box!.contains(p))) box = box.parentElement;
  // one picture in its own <p>: climb to the block that holds the report's text
  while (box && box.parentElement && box.tagName !== 'BODY' && (box.textContent ?? '').replace(/\s+/g, '').length < 300) box = box.parentElement;
  return box ?? undefined;
}

/**
 * The article's text paragraphs and its pictures, in page order (a tree walk: no innerText, no layout).
 * The report's title goes first when the article itself does not carry it (it names the agency and year).
 */
export function articleParts(doc: Document, pictures: HTMLImageElement[]): ArticlePart[] {
  const root = articleOf(pictures);
  if (!root) return [];
  const parts: ArticlePart[] = [];
  let text = '';
  const flush = () => {
    const t = text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
    if (t) parts.push({ kind: 'text', text: t });
    text = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      text += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (SKIP.has(el.tagName.toUpperCase()) || el.hasAttribute('data-gkc-ui')) return;
    const at = pictures.indexOf(el as HTMLImageElement);
    if (at >= 0) {
      flush();
      parts.push({ kind: 'picture', page: at + 1 });
      return;
    }
    const block = BLOCK.has(el.tagName.toUpperCase());
    if (block) flush();
    for (let c = el.firstChild; c; c = c.nextSibling) walk(c);
    if (block) flush();
  };
  walk(root);
  flush();
  const title = [doc.querySelector('h1')?.textContent ?? '', doc.title ?? ''].map((t) => t.replace(/\s+/g, ' ').trim()).find(namesReport);
  if (title && !parts.some((p) => p.kind === 'text' && namesReport(p.text))) parts.unshift({ kind: 'text', text: title });
  return parts;
}

/** A message carries the pictures (Chrome caps one at 64 MiB of JSON, base64 is 4/3 of the bytes). */
const MAX_BYTES = 30 * 1024 * 1024;

/** Fetches the pictures from the page's own origin and gathers the article; throws with the reason. */
export async function collectArticle(doc: Document, pictures: HTMLImageElement[], signal: AbortSignal, fetcher: typeof fetch = fetch): Promise<ArticlePictures> {
  const files: CheckerFile[] = [];
  let bytes = 0;
  for (const img of pictures) {
    if (signal.aborted) throw new Error('aborted');
    const url = ownUrl(img, doc);
    if (!url) throw new Error(`${img.currentSrc || img.src}: not on this site`);
    const file = await fetchFile(url, (u, init) => fetcher(u, { ...init, signal }), MAX_BYTES);
    bytes += file.base64.length;
    if (bytes > MAX_BYTES) throw new Error(`> ${MAX_BYTES / 1048576} MB`);
    files.push(file);
  }
  const name = (doc.title ?? '').replace(/\s+/g, ' ').trim() || files[0]?.name || 'report';
  return { name, url: doc.defaultView?.location?.href ?? doc.baseURI, parts: articleParts(doc, pictures), pictures: files };
}

/**
 * The feature: finds the report's pictures once the page's pictures have sizes, and gives the offer
 * what to show. Everything stops when `signal` aborts (the page's tables appeared, the site was
 * switched off, the extension was reloaded).
 */
export async function findPictureOffer(
  doc: Document,
  signal: AbortSignal,
  send: (article: ArticlePictures) => Promise<unknown> = (article) => browser.runtime.sendMessage({ type: 'gkc:open-pictures', article } satisfies OpenPicturesRequest),
): Promise<{ count: number; read(): Promise<void> } | undefined> {
  if (!doc.body) return undefined;
  // After the load event, not at document_idle: on the many pages whose title names no report, reading
  // the headings walks the tree once per tag (about 0.6 ms each on a 1 MB page, gate.ts), and the
  // pictures have no size before they load anyway.
  await picturesSettled(doc, signal);
  if (signal.aborted) return undefined;
  const pictures = reportPictures(doc);
  if (!pictures.length) return undefined;
  return {
    count: pictures.length,
    async read() {
      const article = await collectArticle(doc, pictures, signal);
      if (!signal.aborted) await send(article);
    },
  };
}
