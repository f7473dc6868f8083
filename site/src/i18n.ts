// The page's own words, Chinese first. Findings, banners and cards come from core/present in both
// languages; this holds only the interface around them.
import type { Lang } from '../../core/index.ts';

const STRINGS = {
  appName: { zh: '公开年报核数', en: 'gongkai-check' },
  tagline: {
    zh: '检查政府信息公开工作年度报告的表格算术与前后一致性。全部在本机完成，报告内容不会离开您的电脑。',
    en: 'Checks the tables of government information-disclosure annual reports. Everything runs on this machine; no report text leaves it.',
  },
  navCheck: { zh: '核对', en: 'Check' },
  navForm: { zh: '填报自查', en: 'Fill in' },
  formTitle: { zh: '填报自查：边填边核', en: 'Fill in the tables, checked as you type' },
  formIntro: {
    zh: '按年报模板填写三张表，每次修改后即在本机核对；有误的格就地标出应填的数。Enter 下移，Tab 右移；从 Excel/WPS 复制的一块数字可粘贴到所选格。草稿保存在本浏览器中。',
    en: 'Fill in the three tables of the template; every change is checked on this computer and a wrong cell shows the value it should hold. Enter moves down, Tab right; a block copied from Excel/WPS pastes from the focused cell. The draft is kept in this browser.',
  },
  formLink: { zh: '还没发布？在「填报自查」中边填边核 →', en: 'Not published yet? Fill in the tables and have them checked as you type →' },
  formFillBlanks: { zh: '将空白格填为 0', en: 'Fill blank cells with 0' },
  formComputeTotal: { zh: '按分项计算', en: 'Sum the parts' },
  formComputeHint: { zh: '先选中一个“总计”格', en: 'Focus a total cell first' },
  formExportJson: { zh: '导出 JSON', en: 'Export JSON' },
  formOpenJson: { zh: '打开 JSON 草稿…', en: 'Open a JSON draft…' },
  formCopyHtml: { zh: '复制表格（可粘贴到 Word/WPS）', en: 'Copy the tables (for Word/WPS)' },
  formDownloadHtml: { zh: '下载 HTML 表格', en: 'Download the HTML tables' },
  formCopied: { zh: '已复制，可粘贴到 Word/WPS。', en: 'Copied: paste into Word/WPS.' },
  formClear: { zh: '清空全部', en: 'Clear all' },
  formClean: { zh: '已填的数字没有发现问题。', en: 'No problems in the numbers filled in.' },
  formBadJson: { zh: '这不是本工具导出的 JSON 草稿。', en: 'This is not a JSON draft exported by this tool.' },
  formBalanceNote: { zh: '勾稽关系：第一项加第二项之和，等于第三项加第四项之和', en: 'Cross-check: item I plus item II equals item III plus item IV' },
  formSentences: { zh: '正文中的关键数字（由表格生成，可复制到正文）', en: 'Key numbers for the text (written from the tables, to copy into it)' },
  formCopySentences: { zh: '复制这些句子', en: 'Copy these sentences' },
  formPrevious: { zh: '上年报告（从历史记录中选）', en: "Last year's report (from the history)" },
  formPreviousNone: { zh: '— 不用上年报告 —', en: '— no previous report —' },
  formPrefill: { zh: '从上年报告预填', en: 'Prefill from last year' },
  formPrefilled: { zh: '上年预填', en: 'from last year' },
  formDownloadDocx: { zh: '下载 Word 文档（.docx）', en: 'Download a Word file (.docx)' },
  formLoading: { zh: '正在打开填报表…', en: 'Opening the form…' },
  formTemplate: { zh: '模板', en: 'Template' },
  formTemplate2021: { zh: '2021 年模板（国办公开办函〔2021〕30号）', en: '2021 template (General Office letter 2021 No. 30)' },
  formTemplate2019: { zh: '2019 年模板（国办公开办函〔2019〕60号）', en: '2019 template (General Office letter 2019 No. 60)' },
  formPreviousFile: { zh: '打开上年报告文件…', en: "Open last year's report file…" },
  formPreviousFileKinds: { zh: '上年报告请用文字版文件（.txt、.html、.docx 或有文字层的 PDF）。', en: "Last year's report must be a text file (.txt, .html, .docx, or a PDF with a text layer)." },
  formPreviousScan: {
    zh: '这是扫描件（图片或没有文字层的 PDF），暂不能用于预填：识别出的数字须先经人核对。请打开上年报告的文字版（.txt、.html、.docx 或有文字层的 PDF）。',
    en: "This is a scan (an image, or a PDF without a text layer) and cannot be used to prefill yet: numbers read by OCR must be checked by a person first. Open a text version of last year's report (.txt, .html, .docx, or a PDF with a text layer).",
  },
  formPreviousNothing: {
    zh: '上年报告中没有读到可预填的数（四、结转下年度继续办理，现行有效件数），或这些格已经填写。',
    en: "Nothing to prefill from last year's report: its IV. carried over to next year and documents in force were not read, or those cells are already filled.",
  },
  navHistory: { zh: '历史记录', en: 'History' },
  pasteLabel: { zh: '粘贴报告全文或表格', en: 'Paste the report or its tables' },
  pastePlaceholder: {
    zh: '在此粘贴年度报告（纯文本、从网页或 Word/WPS 复制的表格、报告截图均可），或把文件拖到这里：.txt / .html / .pdf（含扫描版）/ .docx，或图片 .png .jpg .webp .gif .bmp（本机文字识别）',
    en: 'Paste the annual report here (plain text, tables copied from a web page or Word/WPS, or a screenshot), or drop a file: .txt / .html / .pdf (scanned too) / .docx, or an image .png .jpg .webp .gif .bmp (OCR on this computer)',
  },
  checkButton: { zh: '开始核对', en: 'Check' },
  clearButton: { zh: '清空', en: 'Clear' },
  pickFile: { zh: '选择文件…', en: 'Open a file…' },
  dropHere: { zh: '松开鼠标即可核对此文件', en: 'Drop to check this file' },
  richPasted: { zh: '已粘贴带格式的表格（网页或 Word），将按表格结构读取', en: 'Formatted tables pasted (web page or Word): read by their structure' },
  checking: { zh: '正在核对…', en: 'Checking…' },
  reading: { zh: '正在读取文件…', en: 'Reading the file…' },
  emptyInput: { zh: '请先粘贴报告内容或选择文件。', en: 'Paste a report or open a file first.' },
  findings: { zh: '发现的问题', en: 'Findings' },
  listSep: { zh: '、', en: ', ' },
  cleanChecked: { zh: '已核对，未发现错误', en: 'Checked: no errors found' },
  noFindings: { zh: '已核对的部分没有发现问题。', en: 'No problems in what was checked.' },
  tables: { zh: '识别出的表格', en: 'Tables as recognised' },
  notFound: { zh: '未找到此表，未检查', en: 'Table not found: not checked' },
  unreadable: { zh: '此表无法读取，未检查', en: 'Table could not be read: not checked' },
  partial: { zh: '部分核对', en: 'Partly checked' },
  checked: { zh: '已核对', en: 'Checked' },
  item: { zh: '项目', en: 'Item' },
  scrollCueRight: { zh: '表格较宽：向左滑动查看右侧各列 →', en: 'Wide table: swipe left for the columns on the right →' },
  scrollCueLeft: { zh: '← 向右滑动回到左侧各列', en: '← Swipe right for the columns on the left' },
  bOutcomeHeading: { zh: '三、本年度办理结果', en: 'III. outcomes this year' },
  equation: { zh: '算式', en: 'Equation' },
  difference: { zh: '相差', en: 'Difference' },
  mightBeRight: { zh: '可能的合理原因', en: 'Why this might still be right' },
  cell: { zh: '单元格', en: 'Cell' },
  close: { zh: '关闭', en: 'Close' },
  jump: { zh: '定位到单元格', en: 'Go to the cell' },
  exportCsv: { zh: '导出 CSV', en: 'Export CSV' },
  exportJson: { zh: '导出 JSON', en: 'Export JSON' },
  copySummary: { zh: '复制摘要', en: 'Copy summary' },
  copied: { zh: '已复制到剪贴板', en: 'Copied to the clipboard' },
  copyFailed: { zh: '无法访问剪贴板，请手动选择文本复制', en: 'The clipboard is not available: select the text and copy it' },
  agency: { zh: '单位', en: 'Agency' },
  year: { zh: '年度', en: 'Year' },
  template: { zh: '格式', en: 'Template' },
  verdict: { zh: '结论', en: 'Verdict' },
  counts: { zh: '问题数', en: 'Findings' },
  date: { zh: '核对时间', en: 'Checked at' },
  source: { zh: '来源', en: 'Source' },
  open: { zh: '打开', en: 'Open' },
  delete: { zh: '删除', en: 'Delete' },
  deleteAll: { zh: '全部删除', en: 'Delete all' },
  confirmDeleteAll: { zh: '确定删除全部历史记录吗？此操作不可撤销。', en: 'Delete the whole history? This cannot be undone.' },
  historyEmpty: { zh: '还没有核对记录。核对结果只保存在本浏览器中。', en: 'No checks yet. Results are kept in this browser only.' },
  historyNote: { zh: '历史记录保存在本浏览器（IndexedDB），不会上传。', en: 'History is kept in this browser (IndexedDB) and never uploaded.' },
  historyUnavailable: { zh: '本浏览器无法保存历史记录（可能处于隐私模式）。', en: 'This browser cannot keep a history (private mode?).' },
  pasted: { zh: '粘贴的文本', en: 'pasted text' },
  pastedImage: { zh: '粘贴的图片', en: 'pasted image' },
  unknownAgency: { zh: '（未识别单位）', en: '(agency not recognised)' },
  narrative: { zh: '正文', en: 'Narrative' },
  language: { zh: 'English', en: '中文' },
  languageTitle: { zh: 'Switch to English', en: '切换到中文' },
  unsupportedFile: { zh: '不支持此文件类型。请使用 .txt、.md、.html、.pdf 或 .docx 文件。', en: 'This file type is not supported. Use .txt, .md, .html, .pdf or .docx.' },
  oldDoc: { zh: '旧版 Word（.doc）文件无法直接读取：请在 Word/WPS 中另存为 .docx 后再打开，或复制全文粘贴到此处。', en: 'Old Word (.doc) files cannot be read: save as .docx in Word/WPS, or copy and paste the text.' },
  tiffFile: { zh: '浏览器无法打开 TIFF 图片：请另存为 PNG 或 JPEG 后再试。', en: 'Browsers cannot open TIFF images: save it as PNG or JPEG and try again.' },
  cancel: { zh: '取消', en: 'Cancel' },
  ocrCancelled: { zh: '已取消文字识别。', en: 'OCR cancelled.' },
  ocrFailed: { zh: '文字识别失败：', en: 'OCR failed: ' },
  fileError: { zh: '文件无法读取：', en: 'The file could not be read: ' },
  hugeInput: { zh: '输入很大，正在后台核对，页面不会卡住。', en: 'A large input: checking in the background, the page stays responsive.' },
  saveHtml: { zh: '保存为 HTML', en: 'Save as HTML' },
  copyLink: { zh: '复制链接', en: 'Copy link' },
  linkTitle: {
    zh: '链接只包含表格数字和问题编号（在网址 # 之后，不会发送到任何服务器）',
    en: 'The link holds only the table numbers and finding ids (after the # of the address: never sent to a server)',
  },
  linkCopied: { zh: '链接已复制：对方打开后看到同样的表格与问题', en: 'Link copied: whoever opens it sees the same tables and findings' },
  fromLink: {
    zh: '此结果由分享链接还原，只包含表格数字；正文、结构与年度相关的核对需要原文。',
    en: 'Rebuilt from a shared link: table numbers only; narrative, structure and year checks need the original text.',
  },
  fromLinkMissing: { zh: '原结果中以下问题需原文才能复现：', en: 'These findings of the original need the text to reappear: ' },
  badLink: { zh: '分享链接不完整或已损坏。', en: 'The shared link is incomplete or damaged.' },
  skipToFindings: { zh: '跳到问题列表', en: 'Skip to findings' },
  htmlLang: { zh: 'zh-CN', en: 'en' },
  titleSuffix: { zh: ' · 政府信息公开年报核数', en: ' · annual report checker' },
  navBatch: { zh: '批量', en: 'Batch' },
  pickFiles: { zh: '选择多个文件…', en: 'Pick files…' },
  entryMissing: { zh: '找不到这条历史记录。', en: 'That history entry no longer exists.' },
  emptyFile: { zh: '文件是空的，没有可核对的内容。', en: 'The file is empty: there is nothing to check.' },
  checkFailed: { zh: '核对失败：', en: 'The check failed: ' },
  dateLocale: { zh: 'zh-CN', en: 'en-GB' },
  listSeparator: { zh: '、', en: ', ' },
  resultTitle: { zh: '核数结果', en: 'check result' },
  // counts and severities
  countError: { zh: '错误', en: 'errors' },
  countWarning: { zh: '警告', en: 'warnings' },
  countInfo: { zh: '提示', en: 'info' },
  markError: { zh: '有错误', en: 'error' },
  markWarning: { zh: '有警告', en: 'warning' },
  markInfo: { zh: '提示', en: 'info' },
  // the tables and the card
  blankCell: { zh: '空', en: 'blank' },
  isNot: { zh: '不等于', en: 'is not' },
  cardDoubtful: { zh: '注意：此项涉及可能识别有误的数字，请先对照原图核实。', en: 'Note: this rests on a number OCR may have misread; check it against the image first.' },
  listDoubtful: { zh: '涉及可能识别有误的数字', en: 'rests on a number OCR may have misread' },
  // cross-year
  previousLabel: { zh: '跨年核对（与上一年度报告比较）：', en: 'Cross-year checks against last year’s report: ' },
  previousNone: { zh: '不比较', en: 'none' },
  previousSearchPlaceholder: { zh: '搜索单位、年度或文件名', en: 'Search agency, year or file name' },
  previousNoMatch: { zh: '历史记录中没有匹配的报告。', en: 'No report in the history matches.' },
  lastCheckOpen: { zh: '打开上次结果', en: 'Open the last result' },
  previousUnknownAgency: { zh: '未识别单位', en: 'unknown agency' },
  previousNotYearBefore: { zh: '（不是上一年度，跨年规则不适用）', en: ' (not the year before: cross-year rules do not apply)' },
  // history verdicts
  verdictErrors: { zh: '发现错误', en: 'errors found' },
  verdictClean: { zh: '未发现错误', en: 'no errors' },
  verdictIncomplete: { zh: '未完全核对', en: 'not fully checked' },
  verdictUnreadable: { zh: '无法读取', en: 'unreadable' },
  // the batch
  batchTitle: { zh: '批量核对', en: 'Batch' },
  batchEmpty: { zh: '一次选择或拖入多个文件，即可批量核对。', en: 'Pick or drop several files at once to check them as a batch.' },
  backToBatch: { zh: '← 返回批量汇总', en: '← Back to the batch' },
  batchProgress: { zh: '批量进度', en: 'batch progress' },
  exportBatchSummary: { zh: '导出汇总 CSV', en: 'Export summary CSV' },
  exportBatchFindings: { zh: '导出全部问题 CSV', en: 'Export all findings CSV' },
  batchFile: { zh: '文件', en: 'File' },
  batchMistakes: { zh: '需改正', en: 'To fix' },
  batchErrors: { zh: '错误', en: 'Errors' },
  batchWarnings: { zh: '警告', en: 'Warnings' },
  batchNotFullyChecked: { zh: '未完整核对', en: 'Not fully checked' },
  statusQueued: { zh: '等待中', en: 'queued' },
  statusReading: { zh: '读取中…', en: 'reading…' },
  statusChecking: { zh: '核对中…', en: 'checking…' },
  statusDone: { zh: '完成', en: 'done' },
  statusError: { zh: '失败', en: 'failed' },
  tablePartial: { zh: '部分', en: 'partial' },
  tableNotFound: { zh: '未找到', en: 'not found' },
  tableUnreadable: { zh: '无法读取', en: 'unreadable' },
  /** the summary CSV's header (no field needs quoting) */
  summaryCsvHead: { zh: '文件,单位,年度,格式,结论,需改正,错误,警告,提示,未完整核对的表', en: 'file,agency,year,template,verdict,mistakes to fix,errors,warnings,info,tables not fully checked' },
  // OCR
  scannedPages: { zh: '扫描页面', en: 'Scanned pages' },
  doubtfulTitle: { zh: '可能识别有误的数字', en: 'Numbers that may be misread' },
  doubtfulHelp: {
    zh: '每个数字旁是原图中的这一格（整页原图在下方）；请核对，如有误直接改正，改正后立即重新核对。',
    en: 'Each number is shown beside its cell from the scan (the whole page is below); correct it if it is wrong and the check re-runs at once.',
  },
  corrected: { zh: '已更正', en: 'corrected' },
  inkUnread: { zh: '有字迹，未能识别，请填写', en: 'ink that could not be read: please fill in' },
  progressLoading: { zh: '正在加载文字识别引擎和语言数据（约 5 MB，只在本机）…', en: 'Loading the OCR engine and language data (about 5 MB, local)…' },
  progressGrid: { zh: '正在寻找表格线…', en: 'finding the table grid…' },
} satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, lang: Lang): string {
  return STRINGS[key][lang];
}

/** Words with numbers or names in them: one function per language. */
const FORMATS = {
  formShouldBe: { zh: (n: string) => `此格应为 ${n}`, en: (n: string) => `should be ${n}` },
  /** a cell one of a mistake's tied fixes would change: the clerk knows which of them was mistyped */
  formShouldBeTied: { zh: (n: string, k: number) => `此格或应为 ${n}（${k} 种改法之一）`, en: (n: string, k: number) => `may be ${n} (one of ${k} fixes)` },
  formPrefilledFrom: {
    zh: (n: number, year: string) => `已从上年报告（${year}）预填 ${n} 格，标为「上年预填」。`,
    en: (n: number, year: string) => `${n} cell${n === 1 ? '' : 's'} prefilled from last year's report (${year}), marked "from last year".`,
  },
  formMarksCount: { zh: (n: number) => `${n} 处有误`, en: (n: number) => `${n} problem${n === 1 ? '' : 's'} to fix` },
  pastedSize: {
    zh: (mb: string) => `已粘贴 ${mb} MB 文本（过大，不在输入框中显示）`,
    en: (mb: string) => `${mb} MB of text pasted (too large to show in the box)`,
  },
  fileTooLarge: {
    zh: (mb: string) => `文件过大（${mb} MB），最大 50 MB。`,
    en: (mb: string) => `The file is too large (${mb} MB); the limit is 50 MB.`,
  },
  mistakesToFix: {
    zh: (n: number) => `${n} 处需改正`,
    en: (n: number) => `${n} mistake${n === 1 ? '' : 's'} to fix`,
  },
  historyCounts: {
    zh: (errors: number, warnings: number) => `错误 ${errors} · 警告 ${warnings}`,
    en: (errors: number, warnings: number) => `${errors} errors · ${warnings} warnings`,
  },
  batchCounts: {
    zh: (done: number, files: number, errors: number, warnings: number) => `${done}/${files} 份 · 错误 ${errors} · 警告 ${warnings}`,
    en: (done: number, files: number, errors: number, warnings: number) => `${done}/${files} files · ${errors} errors · ${warnings} warnings`,
  },
  previousSearchOthers: { zh: (n: number) => `与其他单位或年度的报告比较（历史记录中 ${n} 份）…`, en: (n: number) => `Compare with another agency's or year's report (${n} in the history)…` },
  lastCheck: {
    zh: (name: string, when: string) => `上次核对：${name}（${when}）`,
    en: (name: string, when: string) => `Last check: ${name} (${when})`,
  },
  blankCellsNotice: {
    zh: (n: number) => `此表有 ${n} 个空白格（以斜线标出）：应填 0 的格也应写 0，空白格不计为 0。`,
    en: (n: number) => `This table has ${n} blank cells (hatched): a zero should be written as 0; a blank is not counted as 0.`,
  },
  cleanWhat: { zh: (tables: string) => `已核对：${tables}。`, en: (tables: string) => `Checked: ${tables}.` },
  tableNumbers: { zh: (table: string, n: number) => `${table}（${n} 个数字）`, en: (table: string, n: number) => `${table} (${n} numbers)` },
  previousCompared: {
    zh: (name: string, year: number | undefined) => `已与「${name} ${year ?? ''}」比较`,
    en: (name: string, year: number | undefined) => `Compared with ${name} ${year ?? ''}`,
  },
  pageAlt: { zh: (page: number) => `第 ${page} 页`, en: (page: number) => `page ${page}` },
  pageCaption: {
    zh: (page: number, method: string) => `第 ${page} 页${method === 'words' ? '（无表格线，按文字位置排列）' : method === 'none' ? '（未找到表格）' : ''}`,
    en: (page: number, method: string) => `Page ${page}${method === 'words' ? ' (no ruling lines: laid out from word positions)' : method === 'none' ? ' (no table found)' : ''}`,
  },
  cellImage: { zh: (text: string) => `原图：${text}`, en: (text: string) => `image: ${text}` },
  mayBeMisread: { zh: (confidence: number) => `可能识别有误（把握 ${confidence}%）`, en: (confidence: number) => `may be misread (${confidence}%)` },
  progressPage: { zh: (page: number, pages: number) => `第 ${page}/${pages} 页：`, en: (page: number, pages: number) => `page ${page}/${pages}: ` },
  progressRender: { zh: (page: number) => `正在渲染 PDF 第 ${page} 页…`, en: (page: number) => `Rendering PDF page ${page}…` },
  progressCells: { zh: (done: number, total: number) => `正在识别单元格 ${done}/${total}`, en: (done: number, total: number) => `reading cells ${done}/${total}` },
  progressProse: { zh: (done: number, total: number) => `正在识别正文 ${done}/${total} 行`, en: (done: number, total: number) => `reading text lines ${done}/${total}` },
  progressWords: {
    zh: (done: number, total: number) => `无表格线，正在按文字位置识别 ${done}/${total}`,
    en: (done: number, total: number) => `no ruling lines: reading words ${done}/${total}`,
  },
  ocrNote: {
    zh: (o: OcrNote) =>
      `文字识别：读取 ${o.cellsRead} 个单元格（数字 ${o.numbers} 个）${o.grid ? '，按表格线定位' : ''}${o.fallback ? '；无表格线的页面按文字位置排成行列，结果请核对' : ''}${o.doubtful ? `；${o.doubtful} 个数字可能识别有误` : ''}${o.corrected ? `；已手工更正 ${o.corrected} 个` : ''}`,
    en: (o: OcrNote) =>
      `OCR: ${o.cellsRead} cells read (${o.numbers} numbers)${o.grid ? ', located by the ruling lines' : ''}${o.fallback ? '; pages without ruling lines were laid out from word positions: check them' : ''}${o.doubtful ? `; ${o.doubtful} numbers may be misread` : ''}${o.corrected ? `; ${o.corrected} corrected by hand` : ''}`,
  },
  /** table C's blocks of 第二十条 */
  pdfPagesNote: {
    zh: (pages: number) => `PDF 文字层：共 ${pages} 页，问题格标在页面上`,
    en: (pages: number) => `PDF text layer: ${pages} pages, the cells in question boxed on them`,
  },
} satisfies Record<string, Record<Lang, (...args: never[]) => string>>;

/** What the OCR note above the page images counts. */
type OcrNote = { cellsRead: number; numbers: number; grid: boolean; fallback: boolean; doubtful: number; corrected: number };

export type FormatKey = keyof typeof FORMATS;

export function tf<K extends FormatKey>(key: K, lang: Lang, ...args: Parameters<(typeof FORMATS)[K]['zh']>): string {
  return (FORMATS[key][lang] as (...a: typeof args) => string)(...args);
}
