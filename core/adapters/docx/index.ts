// A Word draft (.docx) → HTML through mammoth (keeps merged cells as colspan/rowspan; checked on a real
// report's tables) → the HTML adapter. The mammoth module is passed in: its browser build in the site,
// the Node one in the CLI and tests.
import type { Doc } from '../../types.ts';
import { htmlToDoc } from '../html/index.ts';
import { zipProblem } from './zip.ts';

/** The part of mammoth this module uses. */
export type Mammoth = {
  convertToHtml(input: { arrayBuffer: ArrayBuffer; buffer?: Uint8Array }): Promise<{ value: string; messages: { type: string; message: string }[] }>;
};

/**
 * Why a .docx is refused, as a code (the faces word it: core/present/refusal.ts refusalText): an old binary .doc, not
 * a Word file, a zip mammoth cannot read, or a zip that would inflate past the bound (zip.ts).
 */
export type DocxRefusal = 'old-doc' | 'not-docx' | 'broken' | 'too-large' | 'zip-bomb' | 'zip-lies';

export class DocxReadError extends Error {
  // named explicitly: minified builds rename classes, and callers across bundles test the name
  override readonly name = 'DocxReadError';
  constructor(
    readonly reason: DocxRefusal,
    /** numbers or the unzipper's own words, shown after the sentence */
    readonly detail = '',
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}

/** Zip files start with PK\x03\x04; an old binary .doc with D0 CF 11 E0. */
function sniff(bytes: Uint8Array): 'zip' | 'ole' | 'other' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  return 'other';
}

export async function docxToHtml(mammoth: Mammoth, bytes: Uint8Array): Promise<string> {
  const kind = sniff(bytes);
  if (kind === 'ole') throw new DocxReadError('old-doc');
  if (kind !== 'zip') throw new DocxReadError('not-docx');
  const problem = await zipProblem(bytes);
  if (problem) throw new DocxReadError(problem.reason === 'not-zip' ? 'broken' : problem.reason, 'detail' in problem ? problem.detail : '');
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    // The browser build reads `arrayBuffer`, the Node build `buffer`.
    return (await mammoth.convertToHtml({ arrayBuffer, buffer: bytes })).value;
  } catch (e) {
    throw new DocxReadError('broken', (e as Error).message);
  }
}

export async function docxToDoc(mammoth: Mammoth, bytes: Uint8Array, opts: { name?: string } = {}): Promise<Doc> {
  return { ...htmlToDoc(await docxToHtml(mammoth, bytes), opts), origin: 'docx' };
}
