// What the OCR is doing, in words: loading the engine, rendering a PDF page, finding the grid, reading
// cells n/N, reading the text outside the tables.
import type { Lang } from '../../../core/index.ts';
import type { SiteProgress } from './session.ts';

export function progressText(p: SiteProgress, lang: Lang): string {
  const page = p.pages > 1 ? (lang === 'zh' ? `第 ${p.page}/${p.pages} 页：` : `page ${p.page}/${p.pages}: `) : '';
  switch (p.stage) {
    case 'loading':
      return lang === 'zh' ? '正在加载文字识别引擎和语言数据（约 5 MB，只在本机）…' : 'Loading the OCR engine and language data (about 5 MB, local)…';
    case 'render':
      return lang === 'zh' ? `正在渲染 PDF 第 ${p.page} 页…` : `Rendering PDF page ${p.page}…`;
    case 'grid':
      return page + (lang === 'zh' ? '正在寻找表格线…' : 'finding the table grid…');
    case 'cells':
      return page + (lang === 'zh' ? `正在识别单元格 ${p.done}/${p.total}` : `reading cells ${p.done}/${p.total}`);
    case 'prose':
      return page + (lang === 'zh' ? `正在识别正文 ${p.done}/${p.total} 行` : `reading text lines ${p.done}/${p.total}`);
    case 'words':
      return page + (lang === 'zh' ? `无表格线，正在按文字位置识别 ${p.done}/${p.total}` : `no ruling lines: reading words ${p.done}/${p.total}`);
  }
}
