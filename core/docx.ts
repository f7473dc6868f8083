// The lazy Word entry: what a face loads when a .docx arrives (the site imports it dynamically, with
// mammoth). core/index.ts exports the same for callers that hold the whole core anyway.
export { docxToHtml, docxToDoc, DocxReadError, type Mammoth, type DocxRefusal } from './adapters/docx/index.ts';
