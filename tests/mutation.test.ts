// Mutation test: start from each consistent real report, change one numeric cell of tables B and C
// (+1, −1, a digit dropped), and expect an error that points at that cell. The catch rate is printed.
// One policy exception (domain.md §2.0.3): dropping the only digit of a total leaves it blank, and a
// blank total is TOTAL-EMPTY (a warning), not an arithmetic error. Such a mutation counts as caught only
// if a finding names the cell AND the table is no longer "checked" (so the verdict can never be clean).
import { describe, expect, it } from 'vitest';
import { check, toDoc } from '../core/index.ts';
import type { CheckInput, Doc, SourceRef } from '../core/index.ts';
import { fixtureInput } from './support/fixtures.ts';

/** Real reports whose tables B and C are complete and consistent (EXPECTED.tsv: no error, B/C checked). */
const CONSISTENT = ['baoshan-health-2021.txt', 'taishan-health-2022.txt', 'shuyang-county-gov-2025.txt', 'shuyang-drc-2023.html'];

function mutations(raw: string): { name: string; text: string }[] {
  const n = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim())) return [];
  const out = [
    { name: '+1', text: String(n + 1) },
    { name: '-1', text: String(n - 1) },
  ];
  // Dropping the only digit of a 0 leaves a blank, which the policy reads as 0: not a change.
  if (n !== 0) out.push({ name: 'digit dropped', text: raw.trim().slice(0, -1) });
  return out;
}

function applyText(input: Extract<CheckInput, { kind: 'text' }>, src: SourceRef, text: string): CheckInput {
  if (src.kind !== 'text') throw new Error('text source expected');
  return { kind: 'text', text: input.text.slice(0, src.start) + text + input.text.slice(src.end) };
}

function applyDoc(doc: Doc, src: SourceRef, text: string): CheckInput {
  const copy = structuredClone(doc);
  for (const b of copy.blocks) {
    if (b.kind !== 'grid') continue;
    for (const row of b.rows) for (const cell of row) if (JSON.stringify(cell.source) === JSON.stringify(src)) cell.text = text;
  }
  return { kind: 'doc', doc: copy };
}

describe('mutation', () => {
  const summary: string[] = [];
  for (const file of CONSISTENT) {
    it(`${file}: every changed B/C cell is caught at that cell`, () => {
      const input = fixtureInput(file);
      const base = check(input);
      expect(base.findings.filter((f) => f.severity === 'error')).toEqual([]);
      const doc = input.kind === 'text' ? undefined : toDoc(input);
      let total = 0;
      const missed: string[] = [];
      const cells = [...Object.values(base.model.tables.B?.cells ?? {}), ...Object.values(base.model.tables.C?.cells ?? {})];
      expect(cells.length).toBeGreaterThanOrEqual(15);
      for (const cell of cells) {
        for (const m of mutations(cell.raw)) {
          total++;
          const mutated = input.kind === 'text' ? applyText(input, cell.source, m.text) : applyDoc(doc!, cell.source, m.text);
          const r = check(mutated);
          const table = cell.ref[0] as 'B' | 'C';
          const caught =
            r.findings.some((f) => f.severity === 'error' && f.cells.includes(cell.ref)) ||
            (m.text === '' &&
              r.findings.some((f) => f.cells.includes(cell.ref)) &&
              r.coverage[table].status !== 'checked' &&
              r.verdict !== 'clean');
          if (!caught) missed.push(`${cell.ref} ${cell.raw}→${m.text} (${m.name})`);
        }
      }
      summary.push(`${file}: ${total - missed.length}/${total} caught`);
      console.log(`[mutation] ${file}: ${total - missed.length}/${total} mutations caught${missed.length ? `; missed: ${missed.slice(0, 10).join(', ')}` : ''}`);
      expect(missed).toEqual([]);
    });
  }
});
