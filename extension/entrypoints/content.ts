// Runs on every *.gov.cn page at document_idle (and, injected on request, on any page): the work is in
// features/content-main.ts. Non-report pages cost one gate and nothing else. In every frame too: a
// report served from another *.gov.cn host inside an <iframe> can only be read by a script running in
// that frame (a same-origin frame is left to the page's own script: gate.ts frameRole).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '../features/content-main.ts';

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  allFrames: true,
  main: (ctx) => startContent(ctx),
});
