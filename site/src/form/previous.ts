// Last year's report opened as a file for the form's prefill (issue 22), read down to its model as the
// checker reads it: text and HTML as they are, Word through mammoth, a PDF through its text layer. A scan
// (an image, or a PDF whose table B is on a page without text) is refused in words: reading it would take the
// OCR pipeline, which draws its numbers for the clerk to confirm on the checker's page, and a prefill from
// numbers nobody looked at would carry an OCR misreading into this year's table.
import { check, decodeHtmlBytes, decodeTextBytes, htmlToDoc, isRefusal, refusalText, type Lang, type Mammoth, type PdfJs, type ReportModel } from '../../../core/index.ts';
import { pdfShapeProblem } from '../../../core/light.ts';
import { t, tf } from '../i18n.ts';

/** The two heavy readers, loaded only when such a file arrives (the site's bundles; the tests' Node builds). */
export type PreviousReaders = { pdfjs(): Promise<PdfJs>; mammoth(): Promise<Mammoth> };

export type PreviousRead = { kind: 'model'; model: ReportModel } | { kind: 'refused'; message: string };

/** The checker's own limit (site/src/files.ts): a larger file is no annual report. */
const MAX_FILE = 50 * 1024 * 1024;

export async function previousFromFile(name: string, bytes: Uint8Array, lang: Lang, readers: PreviousReaders): Promise<PreviousRead> {
  const ext = (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? '').toLowerCase();
  const refused = (message: string): PreviousRead => ({ kind: 'refused', message });
  if (bytes.length > MAX_FILE) return refused(tf('fileTooLarge', lang, (bytes.length / 1048576).toFixed(1)));
  try {
    if (ext === 'txt' || ext === 'md') return { kind: 'model', model: check({ kind: 'text', text: decodeTextBytes(bytes) }).model };
    if (ext === 'html' || ext === 'htm' || ext === 'xhtml' || ext === 'mht') return { kind: 'model', model: check({ kind: 'doc', doc: htmlToDoc(decodeHtmlBytes(bytes), { name }) }).model };
    if (ext === 'docx') {
      // the Word and PDF entries are loaded as the checker's file reader loads them, only when such a file comes
      const [mammoth, { docxToHtml }] = await Promise.all([readers.mammoth(), import('../../../core/docx.ts')]);
      const html = await docxToHtml(mammoth, bytes);
      return { kind: 'model', model: check({ kind: 'doc', doc: htmlToDoc(html, { name }) }).model };
    }
    if (ext === 'pdf') {
      const shape = pdfShapeProblem(bytes);
      if (shape) return refused(t('fileError', lang) + refusalText({ name: 'PdfReadError', reason: shape }, lang));
      // a page without text is fine (a signature page scanned in) as long as table B came from the text layer
      const [pdfjs, { checkPdf }] = await Promise.all([readers.pdfjs(), import('../../../core/pdf.ts')]);
      const { result, pagesWithoutText } = await checkPdf(pdfjs, bytes, name);
      return pagesWithoutText.length && !result.model.recognition.tables.B.found ? refused(t('formPreviousScan', lang)) : { kind: 'model', model: result.model };
    }
    if (/^(png|jpe?g|gif|bmp|webp|tiff?)$/.test(ext)) return refused(t('formPreviousScan', lang));
    return refused(t('formPreviousFileKinds', lang));
  } catch (e) {
    return refused(t('fileError', lang) + (isRefusal(e) ? refusalText(e, lang) : (e as Error).message));
  }
}
