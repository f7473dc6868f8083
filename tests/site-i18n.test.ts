// The site's words live in site/src/i18n.ts (issue 18): no component or helper picks a sentence with an
// inline `lang === 'zh' ? '…' : '…'`, and the English side of the table holds no Chinese except the
// switch that names Chinese in Chinese.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { t, tf } from '../site/src/i18n.ts';

const SITE = join(import.meta.dirname, '..', 'site', 'src');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));

describe('site words', () => {
  it('no inline language ternary picks a string outside i18n.ts', () => {
    const inline = /lang === '(?:zh|en)'\s*\?\s*(['`])(?!(?:zh|en)\1)/;
    const found = sources(SITE)
      .filter((f) => !f.endsWith('i18n.ts'))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => (inline.test(line) ? `${relative(SITE, f)}:${i + 1}` : ''))
          .filter(Boolean),
      );
    expect(found, 'move these words into site/src/i18n.ts').toEqual([]);
  });

  it('English words are English (the language switch names 中文 in Chinese on purpose)', () => {
    const src = readFileSync(join(SITE, 'i18n.ts'), 'utf8');
    const english = [...src.matchAll(/\ben: (?:\([^)]*\) =>\s*)?(['`])((?:(?!\1).)*)\1/g)].map((m) => m[2]!);
    expect(english.length).toBeGreaterThan(100);
    expect(english.filter((s) => /\p{Script=Han}/u.test(s))).toEqual(['中文', '切换到中文']);
  });

  it('formats fill in their numbers', () => {
    expect(tf('batchCounts', 'en', 2, 3, 4, 2)).toBe('2/3 files · 4 errors · 2 warnings');
    expect(tf('progressCells', 'zh', 5, 40)).toBe('正在识别单元格 5/40');
    expect(t('listSeparator', 'zh')).toBe('、');
  });
});
