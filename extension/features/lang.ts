// The extension's own words (launcher, panel, card, popup) in Chinese first and English, and the
// language setting in storage.local (set in the popup; every checked page follows it at once).
// The findings' own text comes from the core in both languages (wire-check.ts).
import { browser } from 'wxt/browser';
import type { CoverageKey, Lang, Severity } from '../../core/index.ts';
import { SEVERITY_LABEL, TABLE_LABEL } from '../../core/light.ts';
import type { Counts } from './messages.ts';
import type { Reason } from './dismiss.ts';

export type { Lang };

export const LANG_KEY = 'lang';

export async function loadLang(): Promise<Lang> {
  const got = (await browser.storage.local.get(LANG_KEY)) as Record<string, unknown>;
  return got[LANG_KEY] === 'en' ? 'en' : 'zh';
}

export async function setLang(lang: Lang): Promise<void> {
  await browser.storage.local.set({ [LANG_KEY]: lang });
}

type Words = {
  app: string;
  sev: Record<Severity, string>;
  table: Record<CoverageKey, string>;
  reason: Record<Reason, string>;
  counts(c: Counts): string;
  launcherLabel(c: Counts): string;
  launcher: string;
  panelLabel: string;
  closePanel: string;
  notEqual: string;
  diff(d: number): string;
  caveat: string;
  dismiss: string;
  reasonGroup: string;
  reasonPrefix: string;
  cancel: string;
  restore: string;
  dismissed: string;
  nothingLeft: string;
  notChecked: string;
  headlineErrors(n: number): string;
  /** the pill of a page checked in full with nothing to fix (warnings and notes still said) */
  cleanPill(c: Counts): string;
  /** a mistake's card on its own cell (issue 17) */
  cellShouldBe(value: number, now: string): string;
  /** a cell of a mistake named from elsewhere (the list, a tied alternative) */
  fixText(label: string, value: number, now: string): string;
  /** tied alternatives: nothing decides which cell is wrong */
  oneOf: string;
  /** between the cells of one fix */
  listSep: string;
  /** a mistake of two or three cells */
  together: string;
  breaks(n: number): string;
  headlinePartial: string;
  headlineClean: string;
  failed(why: string): string;
  template: string;
  copy: string;
  copyAll: string;
  copied: string;
  copyFailed: string;
  showInList: string;
  /** the first line of "copy all": what was checked, where */
  copyHeader(o: { title: string; url: string; template: string; counts: Counts }): string;
  copyDismissed(n: number): string;
  offerText: string;
  offerOpen: string;
  /** the report's tables are pictures in the article (features/pictures.ts) */
  offerPicturesText: string;
  offerPictures: string;
  pictureCount(n: number): string;
  picturesFailed: string;
  closeOffer: string;
  // popup
  cannotCheck: string;
  cannotRun: string;
  checking: string;
  checkPage: string;
  showList: string;
  autoCheck(host: string): string;
  local: string;
  siteOff: string;
  siteOffHint: string;
  notYet: string;
  noTables: string;
  notReport: string;
  language: string;
};

const sign = (d: number) => (d > 0 ? `+${d}` : String(d));

export const WORDS: Record<Lang, Words> = {
  zh: {
    app: '公开年报核数',
    sev: SEVERITY_LABEL.zh,
    table: TABLE_LABEL.zh,
    reason: { ok: '数据无误', fixed: '已更正', na: '规则不适用' },
    counts: (c) => `错误 ${c.error} · 警告 ${c.warning} · 提示 ${c.info}${c.dismissed ? ` · 已忽略 ${c.dismissed}` : ''}`,
    launcherLabel: (c) => `公开年报核数：${WORDS.zh.counts(c)}，打开问题列表`,
    launcher: '核数',
    panelLabel: '公开年报核数：问题列表',
    closePanel: '关闭列表',
    notEqual: '不等于',
    diff: (d) => `相差 ${sign(d)}`,
    caveat: '可能的合理原因：',
    dismiss: '忽略…',
    reasonGroup: '忽略的理由',
    reasonPrefix: '理由：',
    cancel: '取消',
    restore: '恢复',
    dismissed: '已忽略',
    nothingLeft: '没有待处理的问题。',
    notChecked: '未检查',
    headlineErrors: (n) => `发现 ${n} 处错误，请核对标记的单元格`,
    cleanPill: (c) => `已核对，未发现错误${c.warning ? ` · 警告 ${c.warning}` : ''}${c.info ? ` · 提示 ${c.info}` : ''}`,
    cellShouldBe: (v, now) => `此格应为 ${v}（表中为 ${now || '空'}）`,
    fixText: (label, v, now) => `「${label}」应为 ${v}（表中为 ${now || '空'}）`,
    oneOf: '以下之一有误：',
    listSep: '，',
    together: '以下各格需一并改正：',
    breaks: (n) => `因此不成立的 ${n} 个等式：`,
    headlinePartial: '已核对部分未发现错误，但有表格未检查或只检查了一部分',
    headlineClean: '已核对部分未发现错误',
    failed: (why) => `未能核对此页面（${why}），表格未检查。`,
    template: '格式：',
    copy: '复制说明',
    copyAll: '复制全部',
    copied: '已复制',
    copyFailed: '未能复制',
    showInList: '在列表中查看',
    copyHeader: ({ title, url, template, counts }) =>
      [title, url, `${template}；公开年报核数（本机核对）：错误 ${counts.error} · 警告 ${counts.warning} · 提示 ${counts.info}`].filter(Boolean).join('\n'),
    copyDismissed: (n) => `另有 ${n} 条已忽略，未列出。`,
    offerText: '本页的年度报告是附件，表格不在网页上，未检查。可在核数页中打开附件检查（在本机读取，扫描件会做文字识别）。',
    offerOpen: '在核数页中检查',
    offerPicturesText: '本页年度报告的表格是图片，未检查。可在核数页中识别图片中的表格，连同本页正文一起核对（在本机识别，不上传）。',
    offerPictures: '识别本页图片中的年报表格',
    pictureCount: (n) => `（${n} 张图片）`,
    picturesFailed: '未能读取本页图片：',
    closeOffer: '关闭',
    cannotCheck: '无法检查此页面。',
    cannotRun: '无法在此页面运行（浏览器内部页面或扩展商店）。',
    checking: '正在检查…',
    checkPage: '检查此页面',
    showList: '显示问题列表',
    autoCheck: (host) => `在 ${host} 上自动检查`,
    local: '核对全部在本机完成，不上传任何内容。',
    siteOff: '已在此网站关闭自动检查。',
    siteOffHint: '已在此网站关闭自动检查。可点“检查此页面”单独检查。',
    notYet: '此页面尚未检查。',
    noTables: '此页面没有找到政府信息公开年报的表格。',
    notReport: '此页面不像政府信息公开年度报告，未检查。',
    language: '语言',
  },
  en: {
    app: 'Disclosure report check',
    sev: SEVERITY_LABEL.en,
    table: TABLE_LABEL.en,
    reason: { ok: 'Data is right', fixed: 'Corrected', na: 'Rule does not apply' },
    counts: (c) => `${c.error} error${c.error === 1 ? '' : 's'} · ${c.warning} warning${c.warning === 1 ? '' : 's'} · ${c.info} info${c.dismissed ? ` · ${c.dismissed} dismissed` : ''}`,
    launcherLabel: (c) => `Disclosure report check: ${WORDS.en.counts(c)}, open the list`,
    launcher: 'Check',
    panelLabel: 'Disclosure report check: findings',
    closePanel: 'Close the list',
    notEqual: 'does not equal',
    diff: (d) => `difference ${sign(d)}`,
    caveat: 'Possible good reason: ',
    dismiss: 'Dismiss…',
    reasonGroup: 'Why dismiss',
    reasonPrefix: 'Reason: ',
    cancel: 'Cancel',
    restore: 'Restore',
    dismissed: 'Dismissed',
    nothingLeft: 'Nothing left to look at.',
    notChecked: 'Not checked',
    headlineErrors: (n) => `${n} error${n === 1 ? '' : 's'} found: check the marked cells`,
    cleanPill: (c) => `Checked, no errors found${c.warning ? ` · ${c.warning} warning${c.warning === 1 ? '' : 's'}` : ''}${c.info ? ` · ${c.info} info` : ''}`,
    cellShouldBe: (v, now) => `This cell should be ${v} (${now ? `the table says ${now}` : 'the table leaves it blank'})`,
    fixText: (label, v, now) => `"${label}" should be ${v} (${now ? `the table says ${now}` : 'the table leaves it blank'})`,
    oneOf: 'One of these cells is wrong:',
    listSep: ', ',
    together: 'These cells should change together:',
    breaks: (n) => `The ${n === 1 ? 'equation' : `${n} equations`} it breaks:`,
    headlinePartial: 'No errors in what was checked, but a table was not checked or only partly',
    headlineClean: 'No errors in what was checked',
    failed: (why) => `This page could not be checked (${why}): its tables were not checked.`,
    template: 'Template: ',
    copy: 'Copy',
    copyAll: 'Copy all',
    copied: 'Copied',
    copyFailed: 'Could not copy',
    showInList: 'Show in the list',
    copyHeader: ({ title, url, template, counts }) =>
      [title, url, `${template}; checked on this computer by gongkai-check: ${counts.error} errors · ${counts.warning} warnings · ${counts.info} info`].filter(Boolean).join('\n'),
    copyDismissed: (n) => `${n} dismissed finding${n === 1 ? '' : 's'} not listed.`,
    offerText: 'This page’s annual report is an attachment: its tables are not on the page, so nothing was checked. Open the attachment in the checker (read on this computer; scans go through OCR).',
    offerOpen: 'Check in the checker',
    offerPicturesText: 'This page’s report tables are pictures, so nothing was checked. The checker can read the tables in the pictures and check them with the page’s text (on this computer, nothing is uploaded).',
    offerPictures: 'Read the report tables in this page’s pictures',
    pictureCount: (n) => ` (${n} picture${n === 1 ? '' : 's'})`,
    picturesFailed: 'Could not read the page’s pictures: ',
    closeOffer: 'Close',
    cannotCheck: 'This page cannot be checked.',
    cannotRun: 'Cannot run on this page (a browser page or the extension store).',
    checking: 'Checking…',
    checkPage: 'Check this page',
    showList: 'Show the list',
    autoCheck: (host) => `Check ${host} automatically`,
    local: 'Everything is checked on this computer; nothing is uploaded.',
    siteOff: 'Automatic checks are off on this site.',
    siteOffHint: 'Automatic checks are off on this site. “Check this page” still checks it once.',
    notYet: 'This page has not been checked.',
    noTables: 'No disclosure-report tables were found on this page.',
    notReport: 'This page does not look like a disclosure annual report: not checked.',
    language: 'Language',
  },
};
