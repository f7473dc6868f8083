// What the OCR is doing, in words: loading the engine, rendering a PDF page, finding the grid, reading
// cells n/N, reading the text outside the tables.
import type { Lang } from '../../../core/index.ts';
import type { SiteProgress } from './session.ts';
import { t, tf } from '../i18n.ts';

export function progressText(p: SiteProgress, lang: Lang): string {
  const page = p.pages > 1 ? tf('progressPage', lang, p.page, p.pages) : '';
  switch (p.stage) {
    case 'loading':
      return t('progressLoading', lang);
    case 'render':
      return tf('progressRender', lang, p.page);
    case 'grid':
      return page + t('progressGrid', lang);
    case 'cells':
      return page + tf('progressCells', lang, p.done, p.total);
    case 'prose':
      return page + tf('progressProse', lang, p.done, p.total);
    case 'words':
      return page + tf('progressWords', lang, p.done, p.total);
  }
}
