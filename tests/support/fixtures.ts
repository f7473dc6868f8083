// Reading the real fixtures and their expectations.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHtmlBytes } from '../../core/adapters/html/index.ts';
import type { CheckInput } from '../../core/pipeline/check.ts';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export function fixtureFiles(): string[] {
  return readdirSync(FIXTURES).filter((f) => /\.(txt|html)$/.test(f) && !f.includes('.gbk.') && !f.includes('excerpt')).sort();
}

export function fixtureInput(file: string): CheckInput {
  const bytes = readFileSync(join(FIXTURES, file));
  return file.endsWith('.html')
    ? { kind: 'html', html: decodeHtmlBytes(bytes), name: file }
    : { kind: 'text', text: new TextDecoder().decode(bytes), name: file };
}

export type Expected = { file: string; kind: 'finding' | 'coverage'; key: string; value: string; severity: string };

export function expectations(): Expected[] {
  return readFileSync(join(FIXTURES, 'EXPECTED.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#') && !l.startsWith('file\t'))
    .map((l) => {
      const [file, kind, key, value, severity] = l.split('\t');
      return { file: file!, kind: kind as Expected['kind'], key: key!, value: value!, severity: severity! };
    });
}
