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

  it('covers the whole catalogue of domain.md §2.0–2.7', () => {
    const wanted = [
      'APP-ROW-TOTAL', 'APP-COL-OUTCOME-TOTAL', 'APP-BALANCE', 'APP-BALANCE-DERIVED', 'APP-INT-NONNEG', 'APP-SUBTOTAL',
      'APP-OTHER-SPLIT', 'APP-ROWS-MISSING', 'APP-CARRYOUT-LE-AVAILABLE', 'APP-ALL-ZERO-BUT-TEXT',
      'REVIEW-TOTAL', 'LITIGATION-DIRECT-TOTAL', 'LITIGATION-AFTER-REVIEW-TOTAL', 'RL-INT-NONNEG', 'RL-CELLCOUNT',
      'RL-AFTER-REVIEW-WITHOUT-REVIEW', 'RL-WITHOUT-APPLICATIONS',
      'ACT-INT-NONNEG', 'ACT-VALID-LT-NET-NEW', 'ACT-VALID-LT-MADE', 'ACT-VALID-ZERO', 'ACT19-NEWPUB-LE-TOTAL',
      'ACT19-PREV-DELTA-NONNEG', 'ACT19-PROCURE-PAIR', 'ACT-AMOUNT-UNIT', 'ACT-BLOCK-MISSING',
      'YEAR-DETECT', 'YEAR-BODY-MISMATCH', 'YEAR-STAT-PERIOD', 'YEAR-TEMPLATE', 'YEAR-SIGNOFF',
      'STRUCT-SECTIONS', 'STRUCT-TABLE-MISSING', 'STRUCT-PARTIAL-INPUT', 'STRUCT-LABEL-VARIANT', 'STRUCT-OTHER-MATTERS', 'STRUCT-FOREIGN-AGENCY',
      'PARSE-ROW-SHORT', 'PARSE-DIGIT-RUN', 'PARSE-CELL-NONSTANDARD', 'PARSE-SPLIT-DIGITS', 'TOTAL-EMPTY', 'EMPTY-CELLS',
      'TXT-APP-NEW', 'TXT-APP-NONE', 'TXT-APP-OUTCOME', 'TXT-APP-APPLICANT', 'TXT-REVIEW', 'TXT-LITIGATION', 'TXT-ACT-CROSS',
      'TXT-PARTS-WHOLE', 'TXT-PARTS-SHORT', 'TXT-TOTAL-CONFLICT',
      'XYEAR-CARRY', 'XYEAR-NORM-STOCK', 'XYEAR-IDENTICAL-TABLES', 'XYEAR-IDENTICAL-TEXT',
    ];
    expect(ids.slice().sort()).toEqual(wanted.slice().sort());
  });
});
