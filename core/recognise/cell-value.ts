// Cell text → value, under domain.md §2.0: full-width digits, thousands separators, units, signs;
// EMPTY tokens are not zero; anything else is unreadable (never guessed).
import type { CellValue } from '../types.ts';
import { stripWordResidue, toHalfWidth } from '../text/compact.ts';

const EMPTY_TOKENS = new Set(['', '—', '——', '–', '-', '－', '/', '／', '无', '空', '\\', '、', '...', '…']);
const UNITS = ['万元', '元', '件', '条', '个', '项', '次'];
const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

const VALUES = new Map<string, CellValue>();

/** Memoised (values repeat: most cells are 0); a copy is returned so callers may keep or change it. */
export function parseCellValue(raw: string, opts: { signed?: boolean; money?: boolean } = {}): CellValue {
  const key = (opts.signed ? '1' : '0') + raw;
  let v = VALUES.get(key);
  if (!v) {
    if (VALUES.size > 20_000) VALUES.clear();
    v = parseValue(raw, opts);
    VALUES.set(key, v);
  }
  return { ...v };
}

function parseValue(raw: string, opts: { signed?: boolean; money?: boolean }): CellValue {
  let s = toHalfWidth(stripWordResidue(raw)).replace(/[\s\u00a0]+/g, '');
  if (EMPTY_TOKENS.has(s)) return { kind: 'empty' };
  let unit: string | undefined;
  for (const u of UNITS) {
    if (s.length > u.length && s.endsWith(u)) {
      unit = u;
      s = s.slice(0, -u.length);
      break;
    }
  }
  // Thousands separators: 12,581 / 12，581 (the full-width one was made half-width above).
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  const m = /^([+-]?)(\d+(?:\.\d+)?)$/.exec(s);
  if (m) {
    const n = Number(m[2]) * (m[1] === '-' ? -1 : 1);
    // A leading '+' is only usual in 2019 本年增/减; elsewhere it is accepted but non-standard.
    const nonstandard = m[1] === '+' && !opts.signed ? true : undefined;
    return { kind: 'number', n, ...(unit ? { unit } : {}), ...(nonstandard ? { nonstandard } : {}) };
  }
  const cn = parseChineseNumeral(s);
  if (cn !== null) return { kind: 'number', n: cn, nonstandard: true, ...(unit ? { unit } : {}) };
  return { kind: 'unreadable' };
}

/** 零, 三, 十二, 二十, 一百零五, 三千二百 … (no decimals). Returns null when s is not a numeral. */
export function parseChineseNumeral(s: string): number | null {
  if (!s || !/^[零〇一二两三四五六七八九十百千万]+$/.test(s)) return null;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      digit = CN_DIGITS[ch]!;
    } else {
      const unit = CN_UNITS[ch]!;
      if (unit === 10000) {
        section = (section + Math.max(digit, 0)) * unit;
        total += section;
        section = 0;
      } else {
        section += (digit < 0 ? 1 : digit) * unit;
      }
      digit = -1;
    }
  }
  return total + section + Math.max(digit, 0);
}

/** Whether a cell's text reads as a value (number or an EMPTY token) rather than a label. */
export function isValueText(raw: string): boolean {
  const v = parseCellValue(raw, { signed: true, money: true });
  if (v.kind === 'empty') return true;
  if (v.kind !== 'number') return false;
  // A lone Chinese numeral such as 「三」 is far more often a heading fragment than a cell value.
  return /[\d\uff10-\uff19]/.test(raw);
}
