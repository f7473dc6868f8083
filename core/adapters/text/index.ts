// Pasted or extracted text → Doc. Paragraph lines become para blocks; each run of table lines is read
// by the module for its layout (tsv, cell-per-line, pipe). The adapter finds cells and keeps their
// offsets; it never interprets numbers or labels.
import type { Block, Doc } from '../../types.ts';
import { splitLines } from './lines.ts';
import { readTsv } from './tsv.ts';
import { readCellPerLine } from './cell-per-line.ts';
import { readPipe } from './pipe.ts';
import { readFlatTables } from './flat/index.ts';

export function textToDoc(raw: string, opts: { name?: string } = {}): Doc {
  // Full-width digits (１２３, typed with a Chinese IME in Word) are digits: mapped one for one, so every
  // offset into the text stays the user's own.
  const input = /[\uff10-\uff19]/.test(raw) ? raw.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)) : raw;
  const lines = splitLines(input);
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    switch (line.kind) {
      case 'blank':
      case 'pipe-cont':
        i++;
        continue;
      case 'pipe': {
        const r = readPipe(input, lines, i);
        blocks.push(r.block);
        i = r.next;
        continue;
      }
      case 'tsv': {
        // A tab-separated line followed by one-cell lines is the cell-per-line layout with a stray tab.
        const r = lines[i + 1]?.kind === 'cell' ? readCellPerLine(input, lines, i) : readTsv(input, lines, i);
        blocks.push(r.block);
        i = r.next;
        continue;
      }
      case 'cell': {
        const r = readCellPerLine(input, lines, i);
        blocks.push(r.block);
        i = r.next;
        continue;
      }
      default: {
        const t = line.text.trim();
        const start = line.start + line.text.indexOf(t);
        blocks.push({ kind: 'para', text: t, source: { kind: 'text', start, end: start + t.length } });
        i++;
      }
    }
  }
  // Tables no layout above saw as cells (PDF text, spaces for tabs, a crawler's run-together cells).
  return { blocks: readFlatTables(input, blocks), origin: 'text', ...(opts.name ? { name: opts.name } : {}) };
}
