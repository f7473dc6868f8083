// The content script's side of the check: the page's HTML goes to the background, which runs the core
// (wire-check.ts) and answers with plain data. The page's thread only takes the HTML and marks cells.
import { browser } from 'wxt/browser';
import type { WireResult } from './wire-check.ts';
import type { CheckAnswer, CheckRequest } from './messages.ts';

export type Checker = (html: string) => Promise<WireResult>;

export function isWireResult(a: unknown): a is WireResult {
  const r = a as WireResult | null;
  return !!r && Array.isArray(r.findings) && typeof r.cells === 'object' && typeof r.coverage === 'object';
}

/** Ask the background. A service worker that was asleep is woken by the message; one retry covers a restart. */
export const backgroundChecker: Checker = async (html) => {
  const msg: CheckRequest = { type: 'gkc:check', html };
  let answer: CheckAnswer | undefined;
  for (let attempt = 0; attempt < 2 && !isWireResult(answer); attempt++) {
    try {
      answer = (await browser.runtime.sendMessage(msg)) as CheckAnswer | undefined;
    } catch (e) {
      answer = { error: e instanceof Error ? e.message : String(e) };
    }
    if (answer && 'error' in answer && !/receiving end|context invalidated|closed|no answer/i.test(answer.error)) break; // the check itself failed: retrying cannot help
  }
  if (isWireResult(answer)) return answer;
  throw new Error(answer && 'error' in answer ? answer.error : 'no answer from the extension background');
};
