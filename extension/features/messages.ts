// What the content script, the background and the popup say to each other. Plain data only.

export type Counts = { error: number; warning: number; info: number; dismissed: number };

export const NO_COUNTS: Counts = { error: 0, warning: 0, info: 0, dismissed: 0 };

/** 错误 1 · 警告 2 · 提示 0 · 已忽略 1 (the last part only when something was dismissed) */
export function countsText(c: Counts): string {
  return `错误 ${c.error} · 警告 ${c.warning} · 提示 ${c.info}${c.dismissed ? ` · 已忽略 ${c.dismissed}` : ''}`;
}

/** A page as the popup and the badge see it. */
export type PageState = {
  /** checked: report tables found and checked; no-tables: checked on request, nothing to check */
  status: 'checked' | 'no-tables' | 'not-report' | 'disabled';
  host: string;
  counts: Counts;
  /** a report table could not be read or was only partly read: never show "clean" */
  incomplete: boolean;
  headline?: string;
  /** main-thread milliseconds of the gate and of each check + marking (the last one) */
  timing: { gateMs: number; checkMs?: number };
};

export type ToContent = { type: 'gkc:get-state' } | { type: 'gkc:check-now' } | { type: 'gkc:open-panel' };

export type ToBackground = { type: 'gkc:page-state'; state: PageState };

export function isToContent(m: unknown): m is ToContent {
  const t = (m as { type?: unknown } | null)?.type;
  return t === 'gkc:get-state' || t === 'gkc:check-now' || t === 'gkc:open-panel';
}

export function isToBackground(m: unknown): m is ToBackground {
  return (m as { type?: unknown } | null)?.type === 'gkc:page-state' && typeof (m as ToBackground).state === 'object';
}

/** Set by the background/popup in the content script's isolated world just before injecting it on demand. */
export const FORCE_FLAG = '__gkcForce';
