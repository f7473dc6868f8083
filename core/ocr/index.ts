// OCR of report pages: everything the site's worker bridge, the extension page and Node need.
export { toGray, downscale, otsu, binarise, estimateSkew, rotate, crop, pad, encodePgm, dropSolidInk, type OcrImage, type Gray, type Box } from './image.ts';
export { detectRules, tablesFromRules, type Segment, type Rules, type GridBox, type TableGrid } from './grid.ts';
export { cropCell, components, looksNumeric, type CellCrop } from './cells.ts';
export { labelMatcher, matchTemplateLabel, matchSectionHeading, editDistance, SECTION_HEADINGS, type LabelMatch, type LabelMatcher } from './labels.ts';
export { stripCjkSpaces, type Recogniser, type Reading, type OcrWord } from './recogniser.ts';
export { createTesseractRecogniser, pageChineseReaders, type CreateTessWorker, type TessWorker, type TesseractOptions, type TesseractRecogniser } from './tesseract.ts';
export { flattenLighting, tableFrame, unwarp, homography, keystone, type Point, type Homography } from './perspective.ts';
export { renderDpi, embeddedImageDpi, PDF_OPS, MIN_RENDER_DPI, MAX_RENDER_DPI, type OperatorList } from './render-dpi.ts';
export { ocrPage, proseLines, OcrAbortError, type OcrOptions, type OcrProgress, type OcrCell, type OcrPageInfo, type OcrPage } from './page.ts';
export { checkImage, checkImages, checkPdfWithOcr, mergePages, mergeArticle, type ArticlePart, withOcrInfo, restsOnDoubtful, type OcrCheck, type OcrInfo, type OcrDoubtful, type CheckImageOptions, type PdfOcrOptions } from '../pipeline/ocr.ts';
