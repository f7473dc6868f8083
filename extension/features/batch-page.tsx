// The summary page 「年报批量核对」 (entrypoints/batch/): opened by a list page's 「检查本页列出的全部年报」 on
// that tab. It asks the list page for its report links (following 下一页 up to a cap it shows), has the
// page fetch each report from its own origin, checks them here with the core (HTML, text PDF, .docx; a
// scan by OCR here once the rest are done), a few at a time, with progress and cancel; one row per
// report, sortable, CSV and JSON export, the cross-year checks for an agency's consecutive years.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Lang } from './lang.ts';
import { BATCH_WORDS, notCheckedWords, rowsCsv, rowsJson, sortRows, verdictWords, type BatchRow, type BatchSortKey } from './batch-rows.ts';
import { collectRows, crossYear, LIST_PAGE_CAP, runRows, type BatchDeps } from './batch-run.ts';
import type { OpenCheckerRequest } from './messages.ts';
import { fileNameOf } from './checker-files.ts';

type Stage = 'listing' | 'running' | 'done' | 'cancelled' | 'no-list';

function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function BatchPage({ deps, lang }: { deps: BatchDeps; lang: Lang }) {
  const w = BATCH_WORDS[lang];
  const [rows, setRows] = useState<BatchRow[]>([]);
  const [stage, setStage] = useState<Stage>('listing');
  const [pages, setPages] = useState<{ n: number; more: boolean }>({ n: 0, more: false });
  const [listTitle, setListTitle] = useState('');
  const [sort, setSort] = useState<{ key: BatchSortKey; dir: 1 | -1 }>({ key: 'n', dir: 1 });
  /** the file rows (PDF, .docx) and the bytes kept of them (runRows: KEEP_FILES_BYTES) */
  const [files, setFiles] = useState(new Map<number, { type: string; base64: string } | undefined>());
  const [fullProblem, setFullProblem] = useState<{ n: number; error: string } | undefined>();
  const [abort] = useState(() => new AbortController());

  useEffect(() => {
    const signal = abort.signal;
    void (async () => {
      const list = await deps.list().catch(() => undefined);
      if (!list) return setStage('no-list');
      setListTitle(list.title || list.url);
      const got = await collectRows({ ...deps, list: () => Promise.resolve(list) }, signal);
      if (!got) return setStage('no-list');
      setRows(got.rows);
      setPages({ n: got.pages, more: got.more });
      setStage('running');
      const results = await runRows(got.rows, deps, lang, signal, setRows);
      const all = crossYear(got.rows, results);
      setRows(all);
      setFiles(new Map([...results].flatMap(([n, r]) => (r.isFile ? [[n, r.file] as const] : []))));
      setStage(signal.aborted ? 'cancelled' : 'done');
    })();
    return () => abort.abort();
  }, []);

  const shown = useMemo(() => sortRows(rows, sort.key, sort.dir), [rows, sort]);
  const done = rows.filter((r) => r.state === 'done').length;
  const head = (key: BatchSortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <button type="button" data-sort={key} onClick={() => setSort((s) => ({ key, dir: s.key === key ? (-s.dir as 1 | -1) : 1 }))}>
        {label}
        {sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  const openFull = async (row: BatchRow) => {
    setFullProblem(undefined);
    // not kept (a large batch): the list page fetches it again, after this click
    const got = files.get(row.n) ?? (await deps.fetch(row.url));
    if ('ok' in got && !got.ok) return setFullProblem({ n: row.n, error: got.code ? w.failCode[got.code] : got.error });
    const file = got as { type: string; base64: string };
    const msg: OpenCheckerRequest = { type: 'gkc:open-checker', url: row.url, file: { name: fileNameOf(row.url, file.type), type: file.type, base64: file.base64 } };
    void browser.runtime.sendMessage(msg).catch(() => {});
  };
  const stamp = new Date().toISOString().slice(0, 10);

  return (
    <main lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <h1>{w.title}</h1>
      {listTitle && <p class="list-title">{listTitle}</p>}
      {stage === 'no-list' && (
        <p role="alert" class="error">
          {w.noList}
        </p>
      )}
      {stage !== 'no-list' && (
        <div class="progress" data-testid="batch-progress" data-stage={stage}>
          <progress value={done} max={rows.length || 1} />
          <span>{w.progress(done, rows.length)}</span>
          {(stage === 'running' || stage === 'listing') && (
            <button type="button" data-action="cancel" onClick={() => abort.abort()}>
              {w.cancel}
            </button>
          )}
          {stage === 'cancelled' && <span>{w.cancelled}</span>}
          {stage === 'done' && <span>{w.finished}</span>}
        </div>
      )}
      {pages.n > 0 && <p data-testid="batch-pages">{w.pages(pages.n, LIST_PAGE_CAP, pages.more)}</p>}
      {rows.length > 0 && (
        <p class="exports">
          <button type="button" data-action="export-csv" disabled={stage === 'running'} onClick={() => download(rowsCsv(shown, lang), `gongkai-check-batch-${stamp}.csv`, 'text/csv;charset=utf-8')}>
            {w.exportCsv}
          </button>
          <button type="button" data-action="export-json" disabled={stage === 'running'} onClick={() => download(rowsJson(shown, lang), `gongkai-check-batch-${stamp}.json`, 'application/json')}>
            {w.exportJson}
          </button>
        </p>
      )}
      {rows.length > 0 && (
        <table class="batch">
          <thead>
            <tr>
              {head('n', w.head.n)}
              {head('agency', w.head.agency)}
              {head('year', w.head.year)}
              {head('verdict', w.head.verdict)}
              {head('mistakes', w.head.mistakes)}
              <th scope="col">{w.head.notChecked}</th>
              <th scope="col">{w.head.link}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.url} data-n={r.n} data-state={r.state} data-verdict={r.verdict ?? ''} data-url={r.url}>
                <td>{r.n}</td>
                <td>{r.agency ?? ''}</td>
                <td>{r.year ?? ''}</td>
                <td class={r.verdict ? `verdict-${r.verdict}` : ''} title={r.reason ?? ''}>
                  {verdictWords(r, lang)}
                  {r.previousYear !== undefined && <small> · {w.previous(r.previousYear)}</small>}
                  {r.scan && r.state === 'done' && <small> · {w.scan}</small>}
                  {r.ocr && <small> · {w.ocrNote}</small>}
                  {r.state === 'ocr' && <small> · {w.state.ocr}</small>}
                </td>
                <td>{r.mistakes ?? ''}</td>
                <td>{notCheckedWords(r, lang)}</td>
                <td>
                  <a href={r.url} target="_blank" rel="noopener">
                    {r.text || w.open}
                  </a>
                  {files.has(r.n) && (
                    <>
                      {' '}
                      <button type="button" data-action="full-result" onClick={() => void openFull(r)}>
                        {w.full}
                      </button>
                      {fullProblem?.n === r.n && (
                        <small role="alert">
                          {' '}
                          {w.verdict.failed}
                          {lang === 'zh' ? '：' : ': '}
                          {fullProblem.error}
                        </small>
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
