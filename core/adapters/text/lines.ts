// Lines of a pasted text with their offsets, and what each line looks like. Layout detection works per
// region of lines (per table), never per document: one report can mix layouts.

export type LineKind =
  | 'blank' // nothing but spaces: a row separator in cell-per-line text, a paragraph break elsewhere
  | 'pipe' // a markdown/pipe table row start: 「| 规章 | 0 |」 or 「规章 | 0 | 0 | 0 |」 (龙岗)
  | 'pipe-cont' // indented continuation of a pipe row whose cells were broken over lines (seed 002)
  | 'tsv' // tab-separated cells with text between tabs (seed 001, PDF/Word → text)
  | 'cell' // one cell on a tab-indented line (seeds 000, 003, 004, Word → text)
  | 'text';

export type Line = { text: string; start: number; end: number; kind: LineKind };

export function splitLines(input: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = input.length;
  while (start <= n) {
    let end = input.indexOf('\n', start);
    if (end < 0) end = n;
    let textEnd = end;
    if (textEnd > start && input.charCodeAt(textEnd - 1) === 13) textEnd--; // \r\n
    const text = input.slice(start, textEnd);
    lines.push({ text, start, end: textEnd, kind: 'text' });
    if (end >= n) break;
    start = end + 1;
  }
  classify(lines);
  return lines;
}

const PIPE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/**
 * The one-cell-per-line layout with its tabs turned into spaces (Word's text pasted through an e-mail or
 * a chat that drops tabs): every cell on a line indented by the same spaces, a blank cell a line of just
 * those spaces, rows apart by empty lines. The blank cells' lines are what tells it from indented prose:
 * none of the real texts has a line of only spaces (普陀区卫健委 2021, whose table B is all blank cells,
 * read as rows with no cells at all without this). The indentation, or undefined.
 */
const SPACE_CELLS_MIN = 7;
function spaceCellIndent(lines: Line[]): string | undefined {
  const counts = new Map<string, number>();
  for (const { text } of lines) {
    if (text.includes('\t') || !/^ +$/.test(text)) continue;
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const [indent, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  return indent !== undefined && n! >= SPACE_CELLS_MIN ? indent : undefined;
}

function classify(lines: Line[]): void {
  let inPipe = false;
  const indent = spaceCellIndent(lines);
  for (const line of lines) {
    const t = line.text;
    if (indent !== undefined && t.startsWith(indent) && !t.includes('\t') && !t.includes('|')) {
      line.kind = 'cell';
      continue;
    }
    if (/^[\s\u3000]*$/.test(t) && !t.includes('\t')) {
      line.kind = 'blank';
      inPipe = false;
      continue;
    }
    if (inPipe && /^\s{4,}\S/.test(t)) {
      line.kind = 'pipe-cont';
      continue;
    }
    if (/^ {0,3}\|/.test(t) || PIPE_SEPARATOR.test(t) || (!t.includes('\t') && countPipes(t) >= 2 && /\S\s*\|/.test(t))) {
      line.kind = 'pipe';
      inPipe = true;
      continue;
    }
    inPipe = false;
    if (t.includes('\t')) {
      // Text followed by a tab anywhere ⇒ several cells on one line. A line that is only indentation
      // plus one cell (「\t0」, 「\t \t第二十条…」 in seed 000) is the one-cell-per-line layout.
      line.kind = /[^\s]\t/.test(t) ? 'tsv' : 'cell';
      continue;
    }
    line.kind = 'text';
  }
}

function countPipes(t: string): number {
  let c = 0;
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 124) c++;
  return c;
}

/** Trimmed slice [from, to) of the input with the offsets of the trimmed text. */
export function trimmedSpan(input: string, from: number, to: number): { text: string; start: number; end: number } {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(input[s]!)) s++;
  while (e > s && /\s/.test(input[e - 1]!)) e--;
  return { text: input.slice(s, e), start: s, end: e };
}
