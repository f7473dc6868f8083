// Every rule's own examples: the valid ones must not fire it, the invalid ones must, with every
// {placeholder} of the message filled in both languages.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, check, fill } from '../core/index.ts';
import { runRules } from '../core/rules/run.ts';
import { modelFromExample } from '../core/model/from-example.ts';
import type { Rule, RuleExample } from '../core/rules/rule.ts';
import type { Finding } from '../core/types.ts';
import { tableB } from '../core/rules/examples.ts';

function findingsOf(rule: Rule, example: RuleExample): Finding[] {
  const input = example.input;
  if ('text' in input) return check({ kind: 'text', text: input.text }).findings.filter((f) => f.ruleId === rule.meta.id);
  return runRules(modelFromExample(input), [rule]).findings;
}

describe('rule examples', () => {
  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      for (const ex of rule.meta.examples) {
        it(`${ex.valid ? 'valid' : 'invalid'}: ${ex.name}`, () => {
          const found = findingsOf(rule, ex);
          if (ex.valid) {
            expect(found, JSON.stringify(found.map((f) => f.data))).toEqual([]);
            return;
          }
          expect(found.length).toBeGreaterThan(0);
          for (const f of found) {
            const msg = rule.meta.messages[f.messageId];
            expect(msg, `message ${f.messageId}`).toBeDefined();
            for (const lang of ['zh', 'en'] as const) expect(fill(msg![lang], f.data)).not.toMatch(/\{\w+\}/);
            expect(f.severity).toMatch(/^(error|warning|info)$/);
          }
        });
      }
    });
  }
});

describe('rule registry', () => {
  const domain = readFileSync(join(import.meta.dirname, '..', 'docs', 'domain.md'), 'utf8');
  const ids = RULES.map((r) => r.meta.id);

  it('has unique ids', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(ids)('%s is documented in docs/domain.md and exemplified', (id) => {
    expect(domain).toContain(id);
    const rule = RULES.find((r) => r.meta.id === id)!;
    expect(rule.meta.examples.some((e) => e.valid)).toBe(true);
    expect(rule.meta.examples.some((e) => !e.valid)).toBe(true);
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    for (const m of Object.values(rule.meta.messages)) {
      expect(m.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(m.en).toMatch(/[a-z]/i);
    }
  });

  it('covers the whole catalogue of domain.md §2.0–2.7, and nothing outside it', () => {
    // The catalogue is the first column of the rule tables in §2.0–2.7 (§2.8 only quotes rules).
    const catalogue = domain.slice(domain.indexOf('### 2.0 '), domain.indexOf('### 2.8 '));
    const firstCells = [...catalogue.matchAll(/^\| ([A-Z][A-Z0-9 /-]*[A-Z0-9]) \|/gm)].map((m) => m[1]!);
    const wanted = [...new Set(firstCells.flatMap((c) => c.split(' / ')))].filter((id) => /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$/.test(id));
    expect(wanted.length).toBeGreaterThan(50);
    expect(ids.slice().sort()).toEqual(wanted.slice().sort());
  });
});

describe('TOTAL-EMPTY speaks of the blank cell, never of a filled one', () => {
  it('a 2019-style table B whose 总计 column is blank in the leaf rows: the blank leaf totals are named, （七）总计/总计 (filled) is not', () => {
    const rule = RULES.find((r) => r.meta.id === 'TOTAL-EMPTY')!;
    // 予以公开 and 部分公开 filled per applicant, their 总计 cells left blank; the （七）总计 row filled.
    const cells = tableB({ new: [20, 0, 0, 0, 0, 0, 20], open: [15, 0, 0, 0, 0, 0, ''], partial: [5, 0, 0, 0, 0, 0, ''], total: [20, 0, 0, 0, 0, 0, 20] }, '2019');
    const named = runRules(modelFromExample({ year: 2020, cells }), [rule]).findings.map((f) => (f.data['cell'] as { cell: string }).cell);
    expect(named.length).toBeGreaterThan(0);
    expect(named).not.toContain('B.total.tot');
    expect(named.every((ref) => ref.endsWith('.tot') && ['B.open.tot', 'B.partial.tot'].includes(ref))).toBe(true);
  });
});
