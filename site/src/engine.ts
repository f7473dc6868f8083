// The one place the site runs the core: an input (pasted text, pasted or opened HTML) → SiteViews.
// Synchronous and pure, so it runs unchanged in the worker and, where workers are missing, in the page.
import { check, htmlToDoc } from '../../core/index.ts';
import type { CheckResult } from '../../core/index.ts';
import { buildViews, type SiteViews } from './view.ts';

export type SiteInput = { kind: 'text'; text: string } | { kind: 'html'; html: string };

export type PreviousInput = { input: SiteInput; name: string };

function checkOne(input: SiteInput, name: string, previous?: CheckResult['model']): CheckResult {
  // HTML goes through the string parser (htmlparser2): it works in a worker, where there is no DOMParser.
  const options = previous ? { previous } : {};
  return input.kind === 'text' ? check({ kind: 'text', text: input.text }, options) : check({ kind: 'doc', doc: htmlToDoc(input.html, { name }) }, options);
}

/** One report; with `previous` (the same agency's report for the year before) the XYEAR-* rules run too. */
export function runCheck(input: SiteInput, name: string, previous?: PreviousInput): { views: SiteViews; result: CheckResult } {
  const prev = previous ? checkOne(previous.input, previous.name).model : undefined;
  const result = checkOne(input, name, prev);
  const views = buildViews(result, name, input.kind === 'text' ? input.text : undefined);
  if (previous && prev) {
    const info = { name: previous.name, ...(prev.agency ? { agency: prev.agency } : {}), ...(prev.year !== undefined ? { year: prev.year } : {}) };
    views.zh.previous = views.en.previous = info;
  }
  return { views, result };
}
