// Sharing without a server, the page's side: the link (its payload is built with the view, in the
// worker) and one self-contained HTML file of the rendered result.
import type { SiteView } from './view.ts';
import { t } from './i18n.ts';

/** The link to this result: numbers and finding ids in the #fragment, never sent to any server. */
export function shareUrl(view: SiteView, base = location.href): string {
  return `${base.split('#')[0]}#/r/${view.share}`;
}

/** One self-contained HTML file: the rendered result, its styles, where it came from and when. */
export function standaloneHtml(view: SiteView, resultEl: Element, css: string, meta: { url?: string; date: Date }): string {
  const clone = resultEl.cloneNode(true) as Element;
  clone.querySelectorAll('button, .exports, .card, script').forEach((n) => n.remove());
  // Without scripts there is no card: each marked cell says what is wrong in its title.
  const byCell = new Map<string, string[]>();
  for (const f of view.findings) if (f.cell) byCell.set(f.cell, [...(byCell.get(f.cell) ?? []), `${f.severityLabel} ${f.ruleId}：${f.card.message}`]);
  clone.querySelectorAll('td[data-gkc-cell]').forEach((td) => {
    const msgs = byCell.get(td.getAttribute('data-gkc-cell')!);
    if (msgs) td.setAttribute('title', msgs.join('\n'));
    td.removeAttribute('tabindex');
  });
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const title = `${view.agency ?? view.name} ${view.year ?? ''} ${t('resultTitle', view.lang)}`.trim();
  const source = [view.name, meta.url].filter(Boolean).join(' · ');
  return `<!doctype html>
<html lang="${t('htmlLang', view.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(title)}</title>
<style>${css.replace(/<\/style/gi, '<\\/style')}</style>
</head>
<body>
<div class="app">
<header class="top"><h1>${esc(title)}</h1></header>
<p class="small">${esc(t('source', view.lang))}：${esc(source)} · ${esc(t('date', view.lang))}：${esc(meta.date.toLocaleString(t('dateLocale', view.lang)))} · 公开年报核数 gongkai-check</p>
${clone.outerHTML}
</div>
</body>
</html>
`;
}

/** The site's own stylesheet text, for the saved file. */
export function pageCss(): string {
  let css = '';
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      for (const rule of Array.from(sheet.cssRules)) css += rule.cssText + '\n';
    } catch {
      /* a sheet from elsewhere: there are none, but never fail the save */
    }
  }
  return css;
}
