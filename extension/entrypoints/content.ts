// Runs on every *.gov.cn page at document_idle (and, injected on request, on any page): the work is in
// features/content-main.ts. Non-report pages cost one gate and nothing else.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '../features/content-main.ts';

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  main: (ctx) => startContent(ctx),
});
