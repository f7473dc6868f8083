// A web article whose text is HTML and whose report tables are pictures (issue 23), handed over by the
// extension's 「识别本页图片中的年报表格」: the pictures are read by OCR as the pages of one report (a table
// split over two pictures is one table, as across PDF pages), and the article's text paragraphs go
// between them in page order, so the narrative and structure checks read the text the page gave as text.
import { mergeArticle, type ArticlePart } from '../../../core/ocr/index.ts';
import { decodeImage, ocrImages, type OcrSession, type SiteProgress } from './session.ts';
import type { OcrBridge } from './bridge.ts';

export type PictureArticle = { name: string; parts: ArticlePart[]; pictures: File[] };

export async function ocrArticle(bridge: OcrBridge, article: PictureArticle, opts: { signal?: AbortSignal; onProgress?: (p: SiteProgress) => void } = {}): Promise<OcrSession> {
  const images = [];
  for (let i = 0; i < article.pictures.length; i++) images.push(await decodeImage(article.pictures[i]!, i + 1));
  const session = await ocrImages(bridge, images, article.name, opts);
  return { ...session, doc: mergeArticle(article.parts, session.doc.blocks, article.name) };
}
