// The one place the site runs the core: an input (pasted text, pasted or opened HTML) → SiteViews.
// Synchronous and pure, so it runs unchanged in the worker and, where workers are missing, in the page.
import { check, htmlToDoc } from '../../core/index.ts';
import type { CheckResult } from '../../core/index.ts';
import { buildViews, type SiteViews } from './view.ts';

export type SiteInput = { kind: 'text'; text: string } | { kind: 'html'; html: string };

export function runCheck(input: SiteInput, name: string): { views: SiteViews; result: CheckResult } {
  // HTML goes through the string parser (htmlparser2): it works in a worker, where there is no DOMParser.
  const result = input.kind === 'text' ? check({ kind: 'text', text: input.text }) : check({ kind: 'doc', doc: htmlToDoc(input.html, { name }) });
  return { views: buildViews(result, name, input.kind === 'text' ? input.text : undefined), result };
}
