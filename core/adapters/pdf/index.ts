export { positionedToDoc, linesOf, cellsOf, type TextItem, type PageText } from './positioned.ts';
export { readPdfText, PdfReadError, type PdfJs, type PdfText } from './pdfjs.ts';
