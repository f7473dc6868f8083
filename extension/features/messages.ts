// What the content script, the background and the popup say to each other. Plain data only.
import type { WireResult } from './wire-check.ts';
import type { CheckerFile } from './checker-files.ts';
import type { ArticlePictures } from './pictures.ts';

export type Counts = { error: number; warning: number; info: number; dismissed: number };

export const NO_COUNTS: Counts = { error: 0, warning: 0, info: 0, dismissed: 0 };

/** Counts of several documents (a page and its frames) as one. */
export function sumCounts(all: readonly Counts[]): Counts {
  const sum = { ...NO_COUNTS };
  for (const c of all) {
    sum.error += c.error;
    sum.warning += c.warning;
    sum.info += c.info;
    sum.dismissed += c.dismissed;
  }
  return sum;
}

/** A page as the popup and the badge see it. */
export type PageState = {
  /**
   * checked: report tables found and checked; no-tables: checked on request, nothing to check;
   * failed: the check itself did not answer (the page says so, the badge shows '?')
   */
  status: 'checked' | 'no-tables' | 'not-report' | 'disabled' | 'failed';
  host: string;
  counts: Counts;
  /** a report table could not be read or was only partly read: never show "clean" */
  incomplete: boolean;
  headline?: string;
  /**
   * Milliseconds of the last check: gateMs and checkMs on the page's thread (the gate; taking the page's
   * HTML plus the marking, of which htmlMs the HTML), backgroundMs the check itself in the background.
   */
  timing: { gateMs: number; checkMs?: number; htmlMs?: number; backgroundMs?: number };
  /**
   * when the reporting document's navigation started (performance.timeOrigin, epoch ms): from the top
   * frame it tells the background that a new page began, and the old page's frames go (tab-states.ts)
   */
  since?: number;
  /** not checked here: the report is an attachment the checker page can read (gate.ts reportAttachments) */
  attachments?: { url: string; name: string }[];
};

export type ToContent = { type: 'gkc:get-state' } | { type: 'gkc:check-now' } | { type: 'gkc:open-panel' };

export type ToBackground = { type: 'gkc:page-state'; state: PageState };

/** Open the checker page on an attachment of the page (the offer on the page, or the popup). */
export type OpenCheckerRequest = { type: 'gkc:open-checker'; url: string; tabId?: number; file?: CheckerFile };

export function isOpenCheckerRequest(m: unknown): m is OpenCheckerRequest {
  const r = m as Partial<OpenCheckerRequest> | null;
  if (r?.type !== 'gkc:open-checker' || typeof r.url !== 'string' || !/^https?:\/\//.test(r.url)) return false;
  const f = r.file as Partial<CheckerFile> | undefined;
  return f === undefined || (typeof f.name === 'string' && typeof f.type === 'string' && typeof f.base64 === 'string');
}

/** Open the checker page on the article's text and pictures (the offer's 「识别本页图片中的年报表格」, features/pictures.ts). */
export type OpenPicturesRequest = { type: 'gkc:open-pictures'; article: ArticlePictures };

export function isOpenPicturesRequest(m: unknown): m is OpenPicturesRequest {
  const r = m as Partial<OpenPicturesRequest> | null;
  const a = r?.article as Partial<ArticlePictures> | undefined;
  if (r?.type !== 'gkc:open-pictures' || !a || typeof a.name !== 'string' || !Array.isArray(a.parts) || !Array.isArray(a.pictures) || !a.pictures.length) return false;
  return a.pictures.every((f: Partial<CheckerFile>) => typeof f?.name === 'string' && typeof f.type === 'string' && typeof f.base64 === 'string');
}

/** The popup asks the background for the states its tab's cross-origin frames reported (frameId ≠ 0). */
export type FrameStatesRequest = { type: 'gkc:frame-states'; tabId: number; /** the top page's `since`: older frame states belong to an earlier page */ since?: number };

export function isFrameStatesRequest(m: unknown): m is FrameStatesRequest {
  return (m as { type?: unknown } | null)?.type === 'gkc:frame-states' && typeof (m as FrameStatesRequest).tabId === 'number';
}

/**
 * One state for a tab: the top page's, plus what cross-origin frames that hold a report found (a
 * frame's content script checks its own document when the page's cannot reach into it). Frames that
 * were not reports add nothing; a top page that is not a report takes the frames' status.
 */
export function combineStates(top: PageState | undefined, frames: readonly PageState[]): PageState | undefined {
  const found = frames.filter((f) => f.status === 'checked' || f.status === 'failed');
  if (!found.length) return top;
  const parts = top && (top.status === 'checked' || top.status === 'failed') ? [top, ...found] : found;
  const counts = sumCounts(parts.map((p) => p.counts));
  const checked = parts.filter((p) => p.status === 'checked');
  const headline = parts.length === 1 ? parts[0]!.headline : undefined;
  return {
    status: checked.length ? 'checked' : 'failed',
    host: top?.host ?? parts[0]!.host,
    counts,
    incomplete: parts.some((p) => p.incomplete || p.status === 'failed'),
    ...(headline ? { headline } : {}),
    timing: top?.timing ?? parts[0]!.timing,
  };
}

/** The content script asks the background to check the page's HTML; the answer is a WireResult or { error }. */
export type CheckRequest = { type: 'gkc:check'; html: string };
export type CheckAnswer = WireResult | { error: string };

export function isCheckRequest(m: unknown): m is CheckRequest {
  return (m as { type?: unknown } | null)?.type === 'gkc:check' && typeof (m as CheckRequest).html === 'string';
}

export function isToContent(m: unknown): m is ToContent {
  const t = (m as { type?: unknown } | null)?.type;
  return t === 'gkc:get-state' || t === 'gkc:check-now' || t === 'gkc:open-panel';
}

export function isToBackground(m: unknown): m is ToBackground {
  return (m as { type?: unknown } | null)?.type === 'gkc:page-state' && typeof (m as ToBackground).state === 'object';
}

/** Set by the background/popup in the content script's isolated world just before injecting it on demand. */
export const FORCE_FLAG = '__gkcForce';

/** The list page's 「检查本页列出的全部年报」 (features/batch-offer.tsx): the background opens the summary page on this tab. */
export type OpenBatchRequest = { type: 'gkc:open-batch' };

export function isOpenBatchRequest(m: unknown): m is OpenBatchRequest {
  return (m as { type?: unknown } | null)?.type === 'gkc:open-batch';
}

/**
 * The summary page asks the list page (the frame that offered it, after the click): the list itself, or one
 * URL of the list page's own origin fetched by the page (gov.cn sites send no CORS headers; the page's
 * own origin may read them, the extension page may not).
 */
export type ToListPage = { type: 'gkc:batch-list' } | { type: 'gkc:batch-fetch'; url: string };
export type BatchList = { url: string; title: string; links: import('./report-links.ts').ReportLink[]; next?: string };
/** `status` 0: no answer (network, refused: another origin, too large) */
export type BatchFetched = { ok: true; status: number; type: string; base64: string } | { ok: false; status: number; error: string; /** a reason the summary page words itself */ code?: BatchFailCode };
export type BatchFailCode = 'timeout' | 'other-origin' | 'too-large';

export function isToListPage(m: unknown): m is ToListPage {
  const r = m as Partial<ToListPage> | null;
  return r?.type === 'gkc:batch-list' || (r?.type === 'gkc:batch-fetch' && typeof r.url === 'string');
}
