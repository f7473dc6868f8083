// The checker page: the site's own UI (paste, files, OCR, tables, findings, history) as an extension
// page. Opened from the context menu on an image or a PDF link (or from a page's 「识别本页图片中的年报表格」:
// its text and pictures, read as one report), it collects that file from the
// background and checks it; OCR runs from the engine and models packaged with the extension (ocr/).
import { browser } from 'wxt/browser';
import { mountSite } from '../../../site/src/mount.tsx';
import { HistoryDb } from '../../../site/src/history.ts';
import '../../../site/src/styles.css';
import type { CheckerFile, CheckerReply } from '../../features/checker-files.ts';
import type { PictureArticle } from '../../../site/src/ocr/article.ts';

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function main() {
  const id = new URLSearchParams(location.search).get('id');
  let file: File | PictureArticle | undefined;
  let problem: string | undefined;
  if (id) {
    const reply = (await browser.runtime.sendMessage({ type: 'gkc:checker-file', id })) as CheckerReply | undefined;
    const toFile = (f: CheckerFile) => new File([fromBase64(f.base64) as BlobPart], f.name, { type: f.type });
    if (reply?.ok && 'article' in reply) file = { name: reply.article.name, parts: reply.article.parts, pictures: reply.article.pictures.map(toFile) };
    else if (reply?.ok) file = toFile(reply.file);
    else problem = `无法读取该文件${reply?.url ? `（${reply.url}）` : ''}：${reply?.error ?? '未知原因'}。可以把文件下载后拖到本页。`;
  }
  let db: HistoryDb | undefined;
  try {
    db = new HistoryDb();
  } catch {
    db = undefined;
  }
  // The site's one mount export (issue 18): the page never reaches into its components, and a file that
  // could not be fetched is the site's own failed open.
  mountSite(document.getElementById('app')!, { db, openOnStart: file, problem });
}

void main();
