// What the real fixtures' narratives state about the tables: per fixture, how many numbers a TXT rule
// compared and how many it did not, by reason (issue 19's note). Used by tests/narrative.test.ts; run
// `npx tsx tests/support/narrative-figures.ts` for the table as markdown.
import type { CheckResult, CoverageReason, NarrativeSkip, NarrativeSkipReason } from '../../core/types.ts';
import { allFixtureFiles, checkFixture } from './fixtures.ts';

export const SKIP_REASONS: NarrativeSkipReason[] = ['ambiguous-subject', 'agency-wide-cases', 'cell-not-read', 'no-table-cell'];

export type NarrativeFigures = { file: string; compared: number; skipped: number; skips: NarrativeSkip[]; byReason: Record<NarrativeSkipReason, number> };

export function narrativeFigures(file: string, r: CheckResult): NarrativeFigures {
  const code = r.coverage.text.codes.find((c): c is Extract<CoverageReason, { code: 'narrative-numbers' }> => c.code === 'narrative-numbers');
  const skips = code?.skips ?? [];
  const byReason = Object.fromEntries(SKIP_REASONS.map((k) => [k, skips.filter((s) => s.reason === k).length])) as Record<NarrativeSkipReason, number>;
  return { file, compared: code?.compared ?? 0, skipped: code?.skipped ?? 0, skips, byReason };
}

async function main(): Promise<void> {
  const rows = ['| fixture | compared (all agree) | skipped | ' + SKIP_REASONS.join(' | ') + ' |', '|---|---|---|' + SKIP_REASONS.map(() => '---').join('|') + '|'];
  for (const file of allFixtureFiles()) {
    const f = narrativeFigures(file, await checkFixture(file));
    rows.push(`| ${file} | ${f.compared} | ${f.skipped} | ${SKIP_REASONS.map((k) => f.byReason[k]).join(' | ')} |`);
  }
  process.stdout.write(rows.join('\n') + '\n');
}

if (process.argv[1] && /narrative-figures\.ts$/.test(process.argv[1])) await main();
