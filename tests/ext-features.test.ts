// The registry of extension features (STYLE.md: one feature per file under extension/features/, and a
// registry test per kind of unit that names what was forgotten): every feature file is described in
// extension/README.md's layout table, and every file the table names exists.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const EXT = join(import.meta.dirname, '..', 'extension');
const README = readFileSync(join(EXT, 'README.md'), 'utf8');
const table = README.split('\n').filter((l) => l.startsWith('| `'));
const named = table.flatMap((l) => [...l.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));

describe('extension features', () => {
  it('every file under features/ has a row in the README table', () => {
    const files = readdirSync(join(EXT, 'features')).filter((f) => /\.tsx?$/.test(f));
    const unlisted = files.filter((f) => !named.some((n) => n === `features/${f}` || n === f));
    expect(unlisted).toEqual([]);
  });

  it('every file the table names exists', () => {
    const missing = named.map((n) => (n.startsWith('features/') || n.startsWith('entrypoints/') ? n : `features/${n}`)).filter((n) => !existsSync(join(EXT, n)));
    expect(missing).toEqual([]);
  });
});
