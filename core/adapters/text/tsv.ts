// Tab-separated rows, one table row per line (seed 001: PDF/Word → text). Blank lines inside the table
// are page or layout breaks (seed 001 has them around 「定”」 and 「物」), so a region continues over blank
// lines while the next non-blank line is still tab-separated.
import type { Block, GridCell } from '../../types.ts';
import type { Line } from './lines.ts';
import { trimmedSpan } from './lines.ts';

export function readTsv(input: string, lines: Line[], i: number): { block: Block; next: number } {
  const rows: GridCell[][] = [];
  let j = i;
  let last = i;
  while (j < lines.length) {
    const line = lines[j]!;
    if (line.kind === 'tsv') {
      rows.push(splitTabs(input, line));
      last = j;
      j++;
      continue;
    }
    if (line.kind === 'blank') {
      let k = j;
      while (k < lines.length && lines[k]!.kind === 'blank') k++;
      if (k < lines.length && lines[k]!.kind === 'tsv') {
        j = k;
        continue;
      }
    }
    break;
  }
  const first = lines[i]!;
  return {
    block: { kind: 'grid', rows, source: { kind: 'text', start: first.start, end: lines[last]!.end }, layout: 'tsv' },
    next: last + 1,
  };
}

function splitTabs(input: string, line: Line): GridCell[] {
  const cells: GridCell[] = [];
  let from = line.start;
  for (let p = line.start; p <= line.end; p++) {
    if (p === line.end || input.charCodeAt(p) === 9) {
      const span = trimmedSpan(input, from, p);
      cells.push({ text: span.text, rowSpan: 1, colSpan: 1, source: { kind: 'text', start: span.start, end: span.end } });
      from = p + 1;
    }
  }
  return cells;
}
