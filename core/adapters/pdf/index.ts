export { positionedToDoc, linesOf, cellsOf, type TextItem, type PageText } from './positioned.ts';
export { readPdfText, PdfReadError, type PdfRefusal, type PdfJs, type PdfText } from './pdfjs.ts';
