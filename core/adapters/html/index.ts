// HTML → Doc. htmlToDoc parses a string (CLI, tests, the site's pasted clipboard HTML); domToDoc reads a
// live DOM (content script, site) through the same walker, so both give the same Doc for the same page.
import type { Doc, SourceRef } from '../../types.ts';
import type { MinimalNode, MinimalParentNode } from './node.ts';
import { parseHtml } from './parse.ts';
import { allTables, rowCells, tableRows, walkPage } from './walk.ts';

export type { MinimalNode, MinimalParentNode } from './node.ts';
export { decodeHtmlBytes, sniffCharset } from './charset.ts';

export function domToDoc(root: MinimalParentNode, opts: { name?: string } = {}): Doc {
  return { blocks: walkPage(root), origin: 'html', ...(opts.name ? { name: opts.name } : {}) };
}

export function htmlToDoc(html: string, opts: { name?: string } = {}): Doc {
  return domToDoc(parseHtml(html), opts);
}

/** The <td>/<th> a `dom` source points at, under the same root the Doc was read from. */
export function findDomCell<T extends MinimalNode>(root: T, source: SourceRef): T | undefined {
  if (source.kind !== 'dom') return undefined;
  const table = allTables(root)[source.table];
  const tr = table && tableRows(table)[source.row];
  return (tr && rowCells(tr)[source.cell]) as T | undefined;
}
