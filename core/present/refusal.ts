// The words for a file that is refused before it is checked. Adapters throw a code (PdfReadError /
// DocxReadError: `reason` and a `detail` of numbers or the parser's own words); every face words it here,
// in its language. The command line prints both languages, as its other messages do.
import type { Lang } from '../types.ts';

/** The part of a PdfReadError / DocxReadError, or of a face's own refusal (`ImageRefusal`), that is worded. */
export type Refusal = { name: string; reason: string; detail?: string };

const PDF: Record<string, { zh: string; en: string }> = {
  encrypted: { zh: 'PDF 已加密，需要密码才能打开', en: 'the PDF is password-protected' },
  'not-pdf': { zh: '不是 PDF 文件（开头没有 %PDF-）', en: 'not a PDF file (it does not start with %PDF-)' },
  truncated: { zh: 'PDF 文件不完整（结尾缺少 %%EOF / startxref，可能下载未完成）', en: 'the PDF is incomplete (no %%EOF / startxref at its end: a download cut short?)' },
  broken: { zh: 'PDF 文件无法解析', en: 'the PDF cannot be parsed' },
  'too-many-pages': { zh: 'PDF 页数过多，不像一份年度报告', en: 'the PDF has too many pages for an annual report' },
  'page-too-large': { zh: 'PDF 页面尺寸异常大', en: 'a PDF page is unusually large' },
};

const IMAGE: Record<string, { zh: string; en: string }> = {
  'too-large': { zh: '图片像素过多（上限 1 亿像素），未识别', en: 'the image has too many pixels (the bound is 100 MP); not read' },
};

const DOCX: Record<string, { zh: string; en: string }> = {
  'old-doc': { zh: '这是旧版 Word（.doc）文件，请在 Word/WPS 中另存为 .docx 后再检查', en: 'an old binary .doc: save it as .docx first' },
  'not-docx': { zh: '不是有效的 .docx 文件', en: 'not a valid .docx file' },
  broken: { zh: '.docx 文件无法解析', en: 'the .docx cannot be read' },
  'too-large': { zh: '.docx 解压后过大（上限 50 MB），未读取', en: 'the .docx inflates past the 50 MB bound; not read' },
  'zip-bomb': { zh: '.docx 内容的压缩比异常（解压炸弹），未读取', en: 'the .docx has an abnormal compression ratio (a zip bomb); not read' },
  'zip-lies': { zh: '.docx 解压后比其目录声明的大（文件被篡改），未读取', en: 'the .docx inflates larger than its directory declares (tampered); not read' },
};

/** `reason` in `lang`, with the detail in brackets; an unknown code is shown as it is. */
export function refusalText(r: Refusal, lang: Lang): string {
  const table = r.name === 'DocxReadError' ? DOCX : r.name === 'ImageRefusal' ? IMAGE : PDF;
  const words = table[r.reason]?.[lang] ?? r.reason;
  return r.detail ? `${words}${lang === 'zh' ? '（' : ' ('}${r.detail}${lang === 'zh' ? '）' : ')'}` : words;
}

/** Both languages, as the command line prints its messages. */
export function refusalTextBoth(r: Refusal): string {
  return `${refusalText(r, 'zh')} / ${refusalText(r, 'en')}`;
}

/** True for the refusals the adapters throw (across bundles, so tested by name, not instanceof). */
export function isRefusal(e: unknown): e is Refusal & Error {
  const name = (e as Error | undefined)?.name;
  return (name === 'PdfReadError' || name === 'DocxReadError') && typeof (e as Refusal).reason === 'string';
}
