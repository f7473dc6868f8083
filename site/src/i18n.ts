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
  navHistory: { zh: '历史记录', en: 'History' },
  pasteLabel: { zh: '粘贴报告全文或表格', en: 'Paste the report or its tables' },
  pastePlaceholder: {
    zh: '在此粘贴年度报告（纯文本、从网页或 Word/WPS 复制的表格均可），或把 .txt / .html / .pdf / .docx 文件拖到这里',
    en: 'Paste the annual report here (plain text, or tables copied from a web page or Word/WPS), or drop a .txt / .html / .pdf / .docx file',
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
  noFindings: { zh: '已核对的部分没有发现问题。', en: 'No problems in what was checked.' },
  tables: { zh: '识别出的表格', en: 'Tables as recognised' },
  notFound: { zh: '未找到此表，未检查', en: 'Table not found: not checked' },
  unreadable: { zh: '此表无法读取，未检查', en: 'Table could not be read: not checked' },
  partial: { zh: '部分核对', en: 'Partly checked' },
  checked: { zh: '已核对', en: 'Checked' },
  item: { zh: '项目', en: 'Item' },
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
} satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, lang: Lang): string {
  return STRINGS[key][lang];
}

/** Words with numbers or names in them: one function per language. */
const FORMATS = {
  pastedSize: {
    zh: (mb: string) => `已粘贴 ${mb} MB 文本（过大，不在输入框中显示）`,
    en: (mb: string) => `${mb} MB of text pasted (too large to show in the box)`,
  },
} satisfies Record<string, Record<Lang, (...args: never[]) => string>>;

export type FormatKey = keyof typeof FORMATS;

export function tf<K extends FormatKey>(key: K, lang: Lang, ...args: Parameters<(typeof FORMATS)[K]['zh']>): string {
  return (FORMATS[key][lang] as (...a: typeof args) => string)(...args);
}
