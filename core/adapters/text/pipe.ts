// Pipe tables: markdown (「| 规章 | 0 | 0 | 0 |」, shuyang-county 2025), markdown whose cells were broken
// over indented lines by a converter (seed 002: 「| 自 ⏎ 然 ⏎ 人 ⏎ | 法人或其他组织」), and pipe-delimited
// rows without the leading bar (「规章 | 0 | 0 | 0 |」, 龙岗). Separator rows (|---|) carry no cells.
import type { Block, GridCell } from '../../types.ts';
import type { Line } from './lines.ts';
import { trimmedSpan } from './lines.ts';

const SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

export function readPipe(input: string, lines: Line[], i: number): { block: Block; next: number } {
  const rows: GridCell[][] = [];
  let j = i;
  while (j < lines.length && lines[j]!.kind === 'pipe') {
    let k = j + 1;
    while (k < lines.length && lines[k]!.kind === 'pipe-cont') k++;
    const from = lines[j]!.start;
    const to = lines[k - 1]!.end;
    if (!SEPARATOR.test(input.slice(from, to))) {
      const row = splitRow(input, from, to);
      if (row.length) rows.push(row);
    }
    j = k;
  }
  return {
    block: { kind: 'grid', rows, source: { kind: 'text', start: lines[i]!.start, end: lines[j - 1]!.end }, layout: 'pipe' },
    next: j,
  };
}

function splitRow(input: string, from: number, to: number): GridCell[] {
  const bars: number[] = [];
  for (let p = from; p < to; p++) if (input.charCodeAt(p) === 124) bars.push(p);
  const bounds = [from - 1, ...bars, to];
  const cells: GridCell[] = [];
  for (let b = 0; b + 1 < bounds.length; b++) {
    const span = trimmedSpan(input, bounds[b]! + 1, bounds[b + 1]!);
    cells.push({
      // A cell broken over lines (「自 ⏎ 然 ⏎ 人」) is one label: line breaks inside it become spaces.
      text: span.text.replace(/\s*\n\s*/g, ' '),
      rowSpan: 1,
      colSpan: 1,
      source: { kind: 'text', start: span.start, end: span.end },
    });
  }
  // The text before the first bar and after the last one is empty in markdown rows: not a cell.
  if (cells.length && cells[0]!.text === '' && input.slice(from, bars[0] ?? from).trim() === '') cells.shift();
  if (cells.length && cells[cells.length - 1]!.text === '' && bars.length && input.slice(bars[bars.length - 1]! + 1, to).trim() === '') cells.pop();
  return cells;
}
