// The lazy PDF entry: what a face loads when a PDF arrives (the site imports it dynamically, so pdf.js's
// adapter and the PDF pipeline stay out of the first load). core/index.ts exports the same for callers
// that hold the whole core anyway.
export { checkPdf, type PdfCheck } from './pipeline/pdf.ts';
