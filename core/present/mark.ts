// One marked cell and how findings gather on it, shared by the checker's cellMarks (cards.ts) and the
// extension's content script (extension/features/marks.ts), which does not carry the rest of the core
// and takes this through core/light.ts.
import type { CellRef, Severity } from '../types.ts';

export type CellMark = { ref: CellRef; severity: Severity; findings: number[] };

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Finding `index` marks `ref`: a cell marked by several findings lists them all and takes the worst severity. */
export function addToMark(marks: Map<CellRef, CellMark>, ref: CellRef, severity: Severity, index: number): void {
  const m = marks.get(ref);
  if (!m) marks.set(ref, { ref, severity, findings: [index] });
  else {
    m.findings.push(index);
    if (RANK[severity] < RANK[m.severity]) m.severity = severity;
  }
}
