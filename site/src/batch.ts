// A reviewer's batch: many files checked one after another (the worker stays free for the page's
// own work), each with its state, then paired across years where the batch holds an agency's two years.
import type { Lang, Severity } from '../../core/index.ts';
import { agencyKey } from '../../core/light.ts';
import { csvField } from '../../core/index.ts';
import type { SiteInput } from './engine.ts';
import type { SiteViews } from './view.ts';
import { t } from './i18n.ts';

export type BatchStatus = 'queued' | 'reading' | 'checking' | 'done' | 'error';
export type BatchItem = {
  key: number;
  name: string;
  size: number;
  status: BatchStatus;
  message?: string;
  input?: SiteInput;
  views?: SiteViews;
};

export type SortKey = 'name' | 'agency' | 'year' | 'verdict' | 'mistakes' | 'errors' | 'warnings';

const VERDICT_RANK: Record<string, number> = { errors: 0, unreadable: 1, incomplete: 2, clean: 3 };

export function sortItems(items: BatchItem[], key: SortKey, dir: 1 | -1): BatchItem[] {
  const val = (i: BatchItem): string | number => {
    const v = i.views?.zh;
    switch (key) {
      case 'name':
        return i.name;
      case 'agency':
        return v?.agency ?? '\uffff';
      case 'year':
        return v?.year ?? 0;
      case 'verdict':
        return v ? (VERDICT_RANK[v.verdict] ?? 9) : i.status === 'error' ? 1 : 9;
      case 'mistakes':
        return v?.mistakes ?? -1;
      case 'errors':
        return v?.counts.error ?? -1;
      case 'warnings':
        return v?.counts.warning ?? -1;
    }
  };
  return [...items].sort((a, b) => {
    const x = val(a);
    const y = val(b);
    return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh')) * dir || a.key - b.key;
  });
}

/** Tables not fully checked, e.g. 「表二（部分）、表三（未找到）」. */
export function notChecked(views: SiteViews | undefined, lang: Lang): string {
  if (!views) return '';
  const v = views[lang];
  const word = { partial: t('tablePartial', lang), 'not-found': t('tableNotFound', lang), unreadable: t('tableUnreadable', lang), checked: '' };
  return v.tables
    .filter((tb) => tb.status !== 'checked')
    .map((tb) => `${tb.title.split(' ')[0]}（${word[tb.status]}）`)
    .join(t('listSeparator', lang));
}

/** One row per file, with a BOM for Excel. */
export function summaryCsv(items: BatchItem[], lang: Lang): string {
  const rows = items.map((i) => {
    const v = i.views?.[lang];
    return [i.name, v?.agency ?? '', v?.year ?? '', v?.template ?? '', v ? v.verdictText : (i.message ?? i.status), v?.mistakes ?? '', v?.counts.error ?? '', v?.counts.warning ?? '', v?.counts.info ?? '', notChecked(i.views, lang)].map(csvField).join(',');
  });
  return '\ufeff' + [t('summaryCsvHead', lang), ...rows].join('\r\n') + '\r\n';
}

/** Every finding of every file under one header. */
export function allFindingsCsv(items: BatchItem[], lang: Lang): string {
  let header = '';
  const rows: string[] = [];
  for (const i of items) {
    const csv = i.views?.[lang].csv;
    if (!csv) continue;
    const lines = csv.replace(/^\ufeff/, '').split('\r\n').filter(Boolean);
    header ||= lines[0]!;
    rows.push(...lines.slice(1));
  }
  return '\ufeff' + [header, ...rows].join('\r\n') + '\r\n';
}

export function allFindingsJson(items: BatchItem[], lang: Lang): string {
  return JSON.stringify(
    items.map((i) => (i.views ? JSON.parse(i.views[lang].json) : { file: i.name, error: i.message ?? t('fileError', lang) })),
    null,
    2,
  );
}

/** For each checked item, the same agency's item for the year before, if the batch holds it. */
export function pairs(items: BatchItem[]): [BatchItem, BatchItem][] {
  const out: [BatchItem, BatchItem][] = [];
  for (const i of items) {
    const v = i.views?.zh;
    if (!i.input || !v?.agency || v.year === undefined) continue;
    const prev = items.find((p) => p.input && p.views?.zh.year === v.year! - 1 && p.views.zh.agency && agencyKey(p.views.zh.agency) === agencyKey(v.agency!));
    if (prev) out.push([i, prev]);
  }
  return out;
}

export function countsOf(items: BatchItem[]): Record<Severity, number> & { files: number; done: number } {
  const c = { error: 0, warning: 0, info: 0, files: items.length, done: 0 };
  for (const i of items) {
    if (i.status === 'done' || i.status === 'error') c.done++;
    const v = i.views?.zh;
    if (v) for (const s of ['error', 'warning', 'info'] as const) c[s] += v.counts[s];
  }
  return c;
}
