// Hostile inputs built at test (and bench) time from the real fixtures, so nothing large is committed.

/** A page's body wrapped in `depth` nested <div>s (a real report page, as some CMS exports nest them). */
export function nestedPage(html: string, depth: number): string {
  const open = html.search(/<body[^>]*>/i);
  if (open < 0) return '<div>'.repeat(depth) + html + '</div>'.repeat(depth);
  const bodyStart = html.indexOf('>', open) + 1;
  const bodyEnd = html.search(/<\/body>/i);
  const end = bodyEnd < 0 ? html.length : bodyEnd;
  return html.slice(0, bodyStart) + '<div>'.repeat(depth) + html.slice(bodyStart, end) + '</div>'.repeat(depth) + html.slice(end);
}
