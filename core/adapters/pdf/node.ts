// pdf.js for the command line, in a worker thread that runs it as plain Node: what `npm run check`
// costs for a PDF. An adapter at the edge, Node-aware like core/cli-ocr.ts; the rest of core sees the
// same `PdfJs` shape as everywhere.
//
// Why a thread: the CLI runs under tsx, whose loader rewrites every module that contains `import(` and
// attaches a high-resolution source map, which Node then parses. pdf.js's two modules (3.4 MB of code,
// 8 MB of maps) went through that for every run: measured on huaian-city-gov-2024.pdf (6 pages),
// 470 MB peak RSS and 3.3 s where plain Node needs 135 MB and 0.9 s, and the same ~0.5 GB for a 1 KB
// broken file (issue 15). A worker started with no execArgv has no tsx in it.
import { Worker } from 'node:worker_threads';
import type { PdfJs } from './pdfjs.ts';

// CommonJS, run by the worker as it is (no loader touches it): pdf.js answers page by page.
const HOST = `
const { parentPort, workerData } = require('node:worker_threads');
const pdfjs = import(workerData.url);
const docs = new Map();
let next = 0;
parentPort.on('message', async (m) => {
  try {
    const lib = await pdfjs;
    if (m.op === 'open') {
      const doc = await lib.getDocument(m.src).promise;
      docs.set(++next, doc);
      parentPort.postMessage({ id: m.id, doc: next, numPages: doc.numPages });
    } else if (m.op === 'page') {
      const page = await docs.get(m.doc).getPage(m.n);
      const content = await page.getTextContent();
      const items = content.items.map((it) => ('str' in it ? { str: it.str, transform: it.transform, width: it.width, height: it.height } : { type: String(it.type) }));
      parentPort.postMessage({ id: m.id, view: page.view, items });
      page.cleanup();
    } else if (m.op === 'destroy') {
      await docs.get(m.doc)?.destroy();
      docs.delete(m.doc);
      parentPort.postMessage({ id: m.id });
    }
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: { name: (e && e.name) || 'Error', message: (e && e.message) || String(e) } });
  }
});
`;

type Reply = { id: number; error?: { name: string; message: string }; [k: string]: unknown };

let host: { worker: Worker; call(msg: object, transfer?: ArrayBuffer[]): Promise<Reply> } | undefined;

function start(): NonNullable<typeof host> {
  const worker = new Worker(HOST, { eval: true, execArgv: [], workerData: { url: import.meta.resolve('pdfjs-dist/legacy/build/pdf.mjs') } });
  const pending = new Map<number, { resolve(r: Reply): void; reject(e: Error): void }>();
  let ids = 0;
  // Referenced only while a call is out: an idle host never keeps the process alive.
  worker.unref();
  const settle = (r: Reply) => {
    const p = pending.get(r.id);
    pending.delete(r.id);
    if (!pending.size) worker.unref();
    if (!p) return;
    if (r.error) p.reject(Object.assign(new Error(r.error.message), { name: r.error.name }));
    else p.resolve(r);
  };
  worker.on('message', settle);
  const fail = (e: Error) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
    host = undefined;
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`pdf.js worker exited (${code})`)));
  return {
    worker,
    call(msg, transfer = []) {
      const id = ++ids;
      if (!pending.size) worker.ref();
      return new Promise<Reply>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ ...msg, id }, transfer);
      });
    },
  };
}

/** pdf.js's text layer through the worker thread: the `PdfJs` that readPdfText needs, nothing more. */
export function nodePdfJs(): PdfJs {
  return {
    getDocument(src) {
      const h = (host ??= start());
      const data = src.data;
      const transfer = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? [data.buffer as ArrayBuffer] : [];
      const promise = h.call({ op: 'open', src }, transfer).then((r) => {
        const doc = r.doc as number;
        return {
          numPages: r.numPages as number,
          async getPage(n: number) {
            const p = await h.call({ op: 'page', doc, n });
            return { view: p.view as number[], getTextContent: async () => ({ items: p.items as { str: string; transform: number[]; width: number; height: number }[] }) };
          },
          async destroy() {
            await h.call({ op: 'destroy', doc });
          },
        };
      });
      return { promise };
    },
  };
}

/** Stops the worker (tests; the CLI leaves an idle one to exit with the process). */
export async function closeNodePdfJs(): Promise<void> {
  const h = host;
  host = undefined;
  await h?.worker.terminate();
}
