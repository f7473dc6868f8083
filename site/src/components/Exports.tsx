// CSV (with a BOM, so Excel reads the Chinese), JSON, and a plain summary for an email.
import { useState } from 'preact/hooks';
import type { SiteView } from '../view.ts';
import { t } from '../i18n.ts';
import { pageCss, shareUrl, standaloneHtml } from '../share.ts';

export function download(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function baseName(view: SiteView): string {
  const stem = [view.agency, view.year].filter(Boolean).join('-') || view.name.replace(/\.[^.]+$/, '') || 'report';
  return `${stem.replace(/[\\/:*?"<>|\s]+/g, '_')}-核数`;
}

export function Exports({ view, resultEl }: { view: SiteView; resultEl?: () => Element | null | undefined }) {
  const lang = view.lang;
  const [note, setNote] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(view.summary);
      setNote(t('copied', lang));
    } catch {
      setNote(t('copyFailed', lang));
    }
  };
  const copyLink = async () => {
    const url = shareUrl(view);
    try {
      await navigator.clipboard.writeText(url);
      setNote(t('linkCopied', lang));
    } catch {
      setNote(url);
    }
  };
  const saveHtml = () => {
    const el = resultEl?.();
    if (!el) return;
    download(`${baseName(view)}.html`, standaloneHtml(view, el, pageCss(), { date: new Date() }), 'text/html;charset=utf-8');
  };
  return (
    <div class="exports">
      <button type="button" data-export="csv" onClick={() => download(`${baseName(view)}.csv`, view.csv, 'text/csv;charset=utf-8')}>
        {t('exportCsv', lang)}
      </button>
      <button type="button" data-export="json" onClick={() => download(`${baseName(view)}.json`, view.json, 'application/json')}>
        {t('exportJson', lang)}
      </button>
      <button type="button" data-export="summary" onClick={copy}>
        {t('copySummary', lang)}
      </button>
      <button type="button" data-export="html" onClick={saveHtml}>
        {t('saveHtml', lang)}
      </button>
      <button type="button" data-export="link" onClick={copyLink} title={t('linkTitle', lang)}>
        {t('copyLink', lang)}
      </button>
      <span class="export-note" role="status">
        {note}
      </span>
    </div>
  );
}
