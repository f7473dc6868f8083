// A Word draft (.docx) → HTML through mammoth (keeps merged cells as colspan/rowspan; checked on a real
// report's tables) → the HTML adapter. The mammoth module is passed in: its browser build in the site,
// the Node one in the CLI and tests.
import type { Doc } from '../../types.ts';
import { htmlToDoc } from '../html/index.ts';

/** The part of mammoth this module uses. */
export type Mammoth = {
  convertToHtml(input: { arrayBuffer: ArrayBuffer; buffer?: Uint8Array }): Promise<{ value: string; messages: { type: string; message: string }[] }>;
};

export class DocxReadError extends Error {
  override readonly name = 'DocxReadError';
}

/** Zip files start with PK\x03\x04; an old binary .doc with D0 CF 11 E0. */
function sniff(bytes: Uint8Array): 'zip' | 'ole' | 'other' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  return 'other';
}

export async function docxToHtml(mammoth: Mammoth, bytes: Uint8Array): Promise<string> {
  const kind = sniff(bytes);
  if (kind === 'ole') throw new DocxReadError('这是旧版 Word（.doc）文件，请在 Word/WPS 中另存为 .docx 后再检查 / an old binary .doc: save it as .docx first');
  if (kind !== 'zip') throw new DocxReadError('不是有效的 .docx 文件 / not a valid .docx file');
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    // The browser build reads `arrayBuffer`, the Node build `buffer`.
    return (await mammoth.convertToHtml({ arrayBuffer, buffer: bytes })).value;
  } catch (e) {
    throw new DocxReadError(`.docx 文件无法解析 / the .docx cannot be read (${(e as Error).message})`);
  }
}

export async function docxToDoc(mammoth: Mammoth, bytes: Uint8Array, opts: { name?: string } = {}): Promise<Doc> {
  return { ...htmlToDoc(await docxToHtml(mammoth, bytes), opts), origin: 'docx' };
}
