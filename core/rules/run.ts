// Runs rules over a ReportModel: collects findings (stamped with the rule's id, severity, certainty)
// and the reasons rules gave for skipping parts of a table (they feed the coverage verdict).
import type { CellRef, Finding, NarrativeSentence, NarrativeSkipReason, ReportModel, TableId } from '../types.ts';
import type { Rule, RuleContext } from './rule.ts';
import { tableOf } from '../model/cells.ts';
import { sumEquation } from './equation.ts';

export type RunOutput = {
  findings: Finding[];
  skipped: { table: TableId | 'text'; ruleId: string; reason: string }[];
  /** cells that took part in at least one evaluated equation */
  evaluated: Set<CellRef>;
  /** the ids of the rules run (a caller may give its own list: the share link runs the table rules only) */
  ran: string[];
  /** the narrative's numbers the TXT-* rules compared with a table: sentence → offsets of the numbers */
  compared: Map<NarrativeSentence, Set<number>>;
  /** the numbers a TXT-* rule read and did not compare: sentence → offset of the number → why */
  notCompared: Map<NarrativeSentence, Map<number, { reason: NarrativeSkipReason; subject?: string }>>;
};

export function runRules(model: ReportModel, rules: readonly Rule[]): RunOutput {
  const findings: Finding[] = [];
  const skipped: RunOutput['skipped'] = [];
  const evaluated = new Set<CellRef>();
  const compared: RunOutput['compared'] = new Map();
  const notCompared: RunOutput['notCompared'] = new Map();
  for (const rule of rules) {
    const { meta } = rule;
    const ctx: RuleContext = {
      model,
      report(r) {
        const messageId = r.messageId ?? Object.keys(meta.messages)[0]!;
        findings.push({
          ruleId: meta.id,
          severity: r.severity ?? meta.severity,
          certainty: meta.certainty,
          messageId,
          data: r.data,
          cells: r.cells,
          ...(r.equation ? { equation: r.equation } : {}),
          ...(r.span ? { span: r.span } : {}),
          table: r.table ?? (r.cells.length ? tableOf(r.cells[0]!) : meta.table),
        });
      },
      skip(table, reason) {
        skipped.push({ table, ruleId: meta.id, reason });
      },
      sum(left, right, totals) {
        const out = sumEquation(model, left, right, totals);
        if (out.status === 'ok' || out.status === 'fail') {
          for (const ref of left) evaluated.add(ref);
          for (const ref of right) evaluated.add(ref);
        } else if (out.status === 'total-empty') {
          // The parts were read; the blank total was not checked by this equation.
          for (const ref of [...left, ...right]) if (!out.totals.includes(ref)) evaluated.add(ref);
        }
        return out;
      },
      compared(s, q) {
        let at = compared.get(s);
        if (!at) compared.set(s, (at = new Set()));
        at.add(q.start);
      },
      notCompared(s, q, reason, subject) {
        let at = notCompared.get(s);
        if (!at) notCompared.set(s, (at = new Map()));
        // the first reason given stands: each rule binds its own nouns, so two rarely read the same number
        if (!at.has(q.start)) at.set(q.start, { reason, ...(subject ? { subject } : {}) });
      },
    };
    rule.check(ctx);
  }
  return { findings, skipped, evaluated, ran: rules.map((r) => r.meta.id), compared, notCompared };
}
