// The summary page 「年报批量核对」: the list page's tab and frame ids in the URL; the work is features/batch-page.tsx.
// The list page answers (its list, each report fetched from its own origin); the readers are the
// site's (pdf.js, mammoth and the OCR engine packaged with the extension, as on the checker page).
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { checkPdf, docxToHtml, type Mammoth } from '../../../core/index.ts';
import { loadPdfJs } from '../../../site/src/files.ts';
import { BatchPage } from '../../features/batch-page.tsx';
import { loadLang } from '../../features/lang.ts';
import type { BatchDeps } from '../../features/batch-run.ts';
import type { BatchFetched, BatchList, ToListPage } from '../../features/messages.ts';
import './batch.css';

async function main() {
  const params = new URLSearchParams(location.search);
  const tabId = Number(params.get('tab'));
  const frameId = Number(params.get('frame') ?? 0) || 0;
  const lang = await loadLang();
  document.title = lang === 'zh' ? '年报批量核对 · 公开年报核数' : 'Batch check · gongkai-check';
  const ask = (msg: ToListPage) => browser.tabs.sendMessage(tabId, msg, { frameId });
  const deps: BatchDeps = {
    list: async () => (Number.isInteger(tabId) ? ((await ask({ type: 'gkc:batch-list' })) as BatchList | undefined) : undefined),
    fetch: (url) => ask({ type: 'gkc:batch-fetch', url }).then((r) => (r as BatchFetched | undefined) ?? { ok: false, status: 0, error: 'no answer' }, (e: Error): BatchFetched => ({ ok: false, status: 0, error: e.message })),
    async pdf(bytes, name) {
      const { result, pagesWithoutText } = await checkPdf(await loadPdfJs(), bytes, name);
      return { result, scan: pagesWithoutText.length > 0 };
    },
    async docx(bytes) {
      const mod = (await import('mammoth/mammoth.browser.js')) as unknown as { default?: Mammoth } & Mammoth;
      return docxToHtml(mod.default ?? mod, bytes);
    },
    parse: (html) => new DOMParser().parseFromString(html, 'text/html'),
    // the checker page's OCR (tesseract and its models packaged under ocr/), loaded with the first scan
    async ocr(bytes, name, signal) {
      const [{ ocrRead }, { checkSession }] = await Promise.all([import('../../../site/src/ocr/read.ts'), import('../../../site/src/ocr/session.ts')]);
      const file = new File([bytes as BlobPart], name, { type: 'application/pdf' });
      const { session } = await ocrRead({ kind: 'ocr', name, file, bytes, pdf: true }, () => {}, signal);
      return checkSession(session).result;
    },
  };
  render(<BatchPage deps={deps} lang={lang} />, document.getElementById('app')!);
}

void main();
