// The part of the core a face may load before any check, without bundling the checker: the site's first
// page load (file decoding, refusing a file that is no PDF or too large an image, refusal words, history
// keys) and the extension's content script (severity, table and template names). Every module listed
// here imports types only, or nothing heavier than itself: importing these names from core/index.ts instead
// pulls in the rules and the recogniser (measured with esbuild: 0.6 KB for the labels alone, 224 KB through
// core/index.ts).
export { decodeHtmlBytes } from './adapters/html/charset.ts';
export { decodeTextBytes } from './adapters/text/decode.ts';
export { imageSize, MAX_OCR_PIXELS } from './adapters/image/size.ts';
export { pdfShapeProblem } from './adapters/pdf/pdfjs.ts';
export { agencyKey } from './model/agency.ts';
export { isRefusal, refusalText, refusalTextBoth, type Refusal } from './present/refusal.ts';
export { SEVERITY_LABEL, TABLE_LABEL, TEMPLATE_LABEL } from './present/words.ts';
export { addToMark, type CellMark } from './present/mark.ts';
