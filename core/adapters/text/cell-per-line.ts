// One cell per tab-indented line, rows separated by blank lines (seeds 000, 003, 004: Word → text).
// A cell's text may run on over following unindented lines (「（本列数据的勾稽关系为：…，\n等于第三项…）」,
// seed 003), even across a blank line (「\t结果\n\n维持」, seed 004).
import type { Block, GridCell } from '../../types.ts';
import type { Line } from './lines.ts';
import { trimmedSpan } from './lines.ts';

const HEADING = /^\s*(#+\s*)?([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章部分])/;

export function readCellPerLine(input: string, lines: Line[], i: number): { block: Block; next: number } {
  const rows: GridCell[][] = [];
  let row: GridCell[] = [];
  let lastCell: GridCell | undefined;
  let j = i;
  let last = i;
  const endRow = () => {
    if (row.length) rows.push(row);
    row = [];
  };
  while (j < lines.length) {
    const line = lines[j]!;
    if (line.kind === 'cell' || line.kind === 'tsv') {
      // Inside this layout a tab after text is still one cell (seed 000's 「\t \t第二十条第（五）项」).
      const span = trimmedSpan(input, line.start, line.end);
      const cell: GridCell = {
        text: span.text.replace(/\t+/g, ' '),
        rowSpan: 1,
        colSpan: 1,
        source: { kind: 'text', start: span.start, end: span.end },
      };
      row.push(cell);
      lastCell = cell;
      last = j;
      j++;
      continue;
    }
    if (line.kind === 'text' && lastCell && j === last + 1 && isContinuation(line)) {
      extend(input, lastCell, line);
      last = j;
      j++;
      continue;
    }
    if (line.kind === 'blank') {
      let k = j;
      while (k < lines.length && lines[k]!.kind === 'blank') k++;
      const after = lines[k];
      if (after && after.kind === 'text' && lastCell && isContinuation(after) && lines[k + 1]?.kind === 'cell') {
        // 「\t结果」 ⏎ ⏎ 「维持」 ⏎ 「\t结果纠正」: the fragment belongs to the cell above.
        extend(input, lastCell, after);
        last = k;
        j = k + 1;
        continue;
      }
      if (after && (after.kind === 'cell' || after.kind === 'tsv')) {
        endRow();
        lastCell = undefined;
        j = k;
        continue;
      }
    }
    break;
  }
  endRow();
  const first = lines[i]!;
  return {
    block: { kind: 'grid', rows, source: { kind: 'text', start: first.start, end: lines[last]!.end }, layout: 'cell-per-line' },
    next: last + 1,
  };
}

function isContinuation(line: Line): boolean {
  const t = line.text.trim();
  return t.length > 0 && t.length <= 24 && !HEADING.test(t) && !/[。；]$/.test(t);
}

function extend(input: string, cell: GridCell, line: Line): void {
  const span = trimmedSpan(input, line.start, line.end);
  cell.text = cell.text + span.text;
  if (cell.source.kind === 'text') cell.source = { kind: 'text', start: cell.source.start, end: span.end };
}
