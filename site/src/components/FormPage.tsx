// 「填报自查」 (issue 22): the three tables of the 2021 template as inputs, checked as they are typed.
// The state (cells, check, marks) lives in form/state.ts; this draws it and turns keys into its actions.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatFinding, formLayout, mistakeText, TEMPLATE_LABEL, totalParts, type CellRef, type Lang, type Mammoth, type ReportModel } from '../../../core/index.ts';
import { createFormState, type FormState, type FormValues } from '../form/state.ts';
import { draftStore, FormDraftDb } from '../form/draft.ts';
import { formHtml, formJson, formTsv, readFormJson } from '../form/export.ts';
import { keySentences } from '../form/narrative.ts';
import { formDocx } from '../form/docx.ts';
import { useValue } from '../store.ts';
import { getCheck, listChecks, type HistoryDb, type HistoryEntry } from '../history.ts';
import { loadPdfJs } from '../files.ts';
import { TableHead } from './TableHead.tsx';
import { previousFromFile, type PreviousReaders } from '../form/previous.ts';
import { t, tf } from '../i18n.ts';

/** Long enough that a typed number is checked once, short enough to feel immediate. */
const CHECK_DELAY_MS = 150;

/** pdf.js and mammoth's browser build, as the checker's file reader loads them */
const BROWSER_READERS: PreviousReaders = {
  pdfjs: loadPdfJs,
  mammoth: async () => {
    const m = (await import('mammoth/mammoth.browser.js')) as unknown as { default?: Mammoth } & Mammoth;
    return m.default ?? m;
  },
};

function defaultForm(): FormState {
  const db = typeof indexedDB === 'undefined' ? undefined : new FormDraftDb();
  return createFormState({ debounceMs: CHECK_DELAY_MS, ...(db ? { store: draftStore(db) } : {}) });
}

export function FormPage({ lang, db, form: given }: { lang: Lang; db?: HistoryDb | undefined; form?: FormState }) {
  const [form] = useState(() => given ?? defaultForm());
  const values = useValue(form.values);
  const marks = useValue(form.marks);
  const result = useValue(form.result);
  const prefilled = useValue(form.prefilled);
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  const [picked, setPicked] = useState<number | undefined>();
  const template = useValue(form.template);
  const layout = useMemo(() => formLayout(lang, template), [lang, template]);
  const [focused, setFocused] = useState<CellRef | undefined>();
  // a note (prefilled, copied, refused) stands until the cells change, then the status says the check's word again
  const [noted, setNoted] = useState<{ text: string; at?: FormValues }>({ text: '' });
  const setNote = (text: string) => setNoted({ text, at: form.values.peek() });
  const note = noted.at === values ? noted.text : '';
  const root = useRef<HTMLDivElement>(null);
  const jsonInput = useRef<HTMLInputElement>(null);
  const previousInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!given) void form.restore();
    // last year's report can only come from a check that kept its input (text or HTML)
    if (db) void listChecks(db).then((all) => setEntries(all.filter((e) => e.input)), () => undefined);
  }, []);
  /** last year's report as a model: its numbers prefill the blank cells, and the status line says how many */
  const usePrevious = (model: ReportModel) => {
    const filled = form.usePrevious(model);
    setNote(filled.length ? tf('formPrefilledFrom', lang, filled.length, [model.agency, model.year].filter((x) => x !== undefined).join(' ') || '—') : t('formPreviousNothing', lang));
  };
  /** last year's report opened as a file: the text kinds, Word and a PDF's text layer (form/previous.ts) */
  const prefillFromFile = async (file: File) => {
    const read = await previousFromFile(file.name, new Uint8Array(await file.arrayBuffer()), lang, BROWSER_READERS);
    if (read.kind === 'refused') return setNote(read.message);
    usePrevious(read.model);
  };
  const prefill = async () => {
    const entry = db && picked !== undefined ? await getCheck(db, picked) : undefined;
    if (!entry?.input) return;
    // the engine stays its own chunk (client.ts loads it the same way)
    const { runCheck } = await import('../engine.ts');
    usePrevious(runCheck(entry.input, entry.name).result.model);
  };

  const inputOf = (ref: CellRef) => root.current?.querySelector<HTMLInputElement>(`input[data-gkc-cell="${ref}"]`);
  /** Enter: the cell below in the same section, else the next cell in reading order (a spreadsheet's move). */
  const below = (ref: CellRef, up: boolean): CellRef | undefined => {
    for (const table of layout) {
      for (const s of table.sections) {
        const grid = s.rows.filter((r) => !r.heading).map((r) => r.cells.map((c) => c.ref));
        const i = grid.findIndex((row) => row.includes(ref));
        if (i < 0) continue;
        const j = grid[i]!.indexOf(ref);
        const next = grid[i + (up ? -1 : 1)]?.[j];
        if (next) return next;
      }
    }
    const refs = form.refs();
    return refs[refs.indexOf(ref) + (up ? -1 : 1)];
  };
  const computeTotal = () => {
    if (focused && form.computeTotal(focused)) inputOf(focused)?.focus();
  };
  const download = (name: string, type: string, data: string | ArrayBuffer) => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([data], { type }));
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  const copyHtml = async () => {
    const html = formHtml(form.values.peek(), lang);
    try {
      const plain = formTsv(form.values.peek(), lang);
      await navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([plain], { type: 'text/plain' }) })]);
      setNote(t('formCopied', lang));
    } catch {
      download('gongkai-tables.html', 'text/html', `<!doctype html><meta charset="utf-8">${html}`);
    }
  };

  const findings = result.findings;
  // the list says what the marks say: each mistake once (with its tied alternatives), then what no mistake explains
  const explained = new Set(result.mistakes.flatMap((m) => m.findings));
  const problems = [...result.mistakes.map((m) => mistakeText(m, result, lang)), ...findings.filter((_, k) => !explained.has(k)).map((f) => formatFinding(f, lang, result.model))];
  // the status line counts what the marks show, each mistake once: a tied mistake marks several cells. With
  // no mark the numbers typed are clean: what is left in the list is about the blank cells (EMPTY-CELLS, one
  // notice per table and on no cell), which a form being filled in always has.
  const marked = new Set([...marks.values()].flatMap((m) => m.findings));
  const toFix = result.mistakes.filter((m) => m.findings.some((k) => marked.has(k))).length + [...marked].filter((k) => !explained.has(k)).length;
  // in the report's language: they are pasted into the Chinese text
  const sentences = keySentences(values, 'zh');
  return (
    <div class="form-page" ref={root}>
      <h2>{t('formTitle', lang)}</h2>
      <p class="small">{t('formIntro', lang)}</p>
      <div class="input-actions form-template">
        <label>
          {t('formTemplate', lang)}{' '}
          <select
            value={template}
            onChange={(e) => {
              const v = (e.target as HTMLSelectElement).value;
              form.setTemplate(v === '2019' || v === 'mixed' ? v : '2021');
            }}
          >
            <option value="2021">{t('formTemplate2021', lang)}</option>
            <option value="2019">{t('formTemplate2019', lang)}</option>
            {/* only while the form holds a report printed so (seed 004): the 2021 tables with a single （六） row */}
            {template === 'mixed' && <option value="mixed">{`${t('formTemplate2021', lang)} · ${TEMPLATE_LABEL[lang].mixed}`}</option>}
          </select>
        </label>
      </div>
      <div class="input-actions form-actions">
        <button type="button" onClick={() => form.fillBlanks()}>
          {t('formFillBlanks', lang)}
        </button>
        <button type="button" disabled={!focused || !totalParts(focused, template)} title={t('formComputeHint', lang)} onMouseDown={(e) => e.preventDefault()} onClick={computeTotal}>
          {t('formComputeTotal', lang)}
        </button>
        <button type="button" onClick={() => download('gongkai-form.json', 'application/json', formJson(form.values.peek()))}>
          {t('formExportJson', lang)}
        </button>
        <button type="button" onClick={() => jsonInput.current?.click()}>
          {t('formOpenJson', lang)}
        </button>
        <button type="button" onClick={() => void copyHtml()}>
          {t('formCopyHtml', lang)}
        </button>
        <button type="button" onClick={() => download('gongkai-tables.html', 'text/html', `<!doctype html><meta charset="utf-8">${formHtml(form.values.peek(), lang)}`)}>
          {t('formDownloadHtml', lang)}
        </button>
        <button type="button" onClick={() => void formDocx(form.values.peek(), lang).then((bytes) => download('gongkai-tables.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes))}>
          {t('formDownloadDocx', lang)}
        </button>
        <button type="button" onClick={() => form.load({})}>
          {t('formClear', lang)}
        </button>
        <input
          ref={jsonInput}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={async (e) => {
            const file = (e.target as HTMLInputElement).files?.[0];
            if (!file) return;
            const read = readFormJson(await file.text());
            if (read) form.load(read);
            setNote(read ? '' : t('formBadJson', lang));
          }}
        />
      </div>
      <div class="input-actions form-previous">
        {entries.length > 0 && (
          <>
            <label>
              {t('formPrevious', lang)}{' '}
              <select value={picked ?? ''} onChange={(e) => setPicked((e.target as HTMLSelectElement).value ? Number((e.target as HTMLSelectElement).value) : undefined)}>
                <option value="">{t('formPreviousNone', lang)}</option>
                {entries.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                    {e.year !== undefined ? ` (${e.year})` : ''}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" disabled={picked === undefined} onClick={() => void prefill()}>
              {t('formPrefill', lang)}
            </button>
          </>
        )}
        <button type="button" onClick={() => previousInput.current?.click()}>
          {t('formPreviousFile', lang)}
        </button>
        <input
          ref={previousInput}
          type="file"
          hidden
          accept=".txt,.md,.html,.htm,.docx,.pdf"
          data-testid="form-previous-file"
          onChange={(e) => {
            const file = (e.target as HTMLInputElement).files?.[0];
            if (file) void prefillFromFile(file);
            (e.target as HTMLInputElement).value = '';
          }}
        />
      </div>
      <p class="form-status" role="status" data-testid="form-status">
        {note || (marks.size ? tf('formMarksCount', lang, toFix) : Object.values(values).some((v) => v !== '') ? t('formClean', lang) : '')}
        {!note && result.waiting > 0 && Object.values(values).some((v) => v !== '') && <span class="small"> {tf('formWaiting', lang, result.waiting)}</span>}
      </p>
      {layout.map((table) => (
        <section class="table-block" key={table.id} aria-labelledby={`form-${table.id}`}>
          <h3 id={`form-${table.id}`}>{table.title}</h3>
          {table.sections.map((s, i) => (
            <div class="table-scroll" key={i}>
              <table class="report-table form-table" data-gkc-table={table.id}>
                {s.caption && <caption>{s.caption}</caption>}
                <TableHead columns={s.columns} columnGroup={s.columnGroup} lang={lang} />
                <tbody>
                  {s.rows.map((row) =>
                    row.heading ? (
                      <tr key={row.key} class={`group-heading${row.inGroup ? ' in-group' : ''}`}>
                        <th scope="rowgroup">{row.label}</th>
                        <td colSpan={s.columns.length} />
                      </tr>
                    ) : (
                      <tr key={row.key} class={row.inGroup ? 'in-group' : undefined}>
                        <th scope="row">{row.label}</th>
                        {row.cells.map((c) => {
                          const mark = marks.get(c.ref);
                          return (
                            <td key={c.ref} {...(mark ? { 'data-gkc': mark.severity } : {})} {...(prefilled.has(c.ref) ? { 'data-prefilled': '' } : {})}>
                              <input
                                type="text"
                                inputMode="decimal"
                                autocomplete="off"
                                data-gkc-cell={c.ref}
                                aria-label={c.name}
                                aria-invalid={mark ? 'true' : undefined}
                                aria-describedby={[prefilled.has(c.ref) ? `pre-${c.ref}` : '', mark ? `mark-${c.ref}` : ''].filter(Boolean).join(' ') || undefined}
                                value={values[c.ref] ?? ''}
                                onFocus={() => setFocused(c.ref)}
                                onInput={(e) => form.setCell(c.ref, (e.target as HTMLInputElement).value)}
                                onBlur={() => form.flush()}
                                onPaste={(e) => {
                                  const text = e.clipboardData?.getData('text/plain') ?? '';
                                  if (!/[\t\n]/.test(text.trim())) return;
                                  e.preventDefault();
                                  form.paste(c.ref, text);
                                  form.flush();
                                }}
                                onKeyDown={(e) => {
                                  if (e.key === 'Enter') {
                                    e.preventDefault();
                                    form.flush();
                                    const next = below(c.ref, e.shiftKey);
                                    if (next) inputOf(next)?.focus();
                                  } else if (e.key === '=' && e.altKey && totalParts(c.ref, template)) {
                                    e.preventDefault();
                                    form.computeTotal(c.ref);
                                  }
                                }}
                              />
                              {prefilled.has(c.ref) && <span class="form-prefilled small" id={`pre-${c.ref}`}>{t('formPrefilled', lang)}</span>}
                              {mark && (
                                <span class={`form-mark small${mark.expected === undefined ? ' form-mark-note' : ''}`} id={`mark-${c.ref}`} data-testid="form-mark">
                                  {mark.expected === undefined
                                    ? mark.findings.map((k) => formatFinding(findings[k]!, lang, result.model)).join(' ')
                                    : mark.fixes
                                      ? tf('formShouldBeTied', lang, String(mark.expected), mark.fixes)
                                      : tf('formShouldBe', lang, String(mark.expected))}
                                </span>
                              )}
                            </td>
                          );
                        })}
                      </tr>
                    ),
                  )}
                </tbody>
              </table>
            </div>
          ))}
          {table.id === 'B' && <p class="small form-note">{t('formBalanceNote', lang)}</p>}
        </section>
      ))}
      {sentences.length > 0 && (
        <section aria-labelledby="form-sentences">
          <h3 id="form-sentences">{t('formSentences', lang)}</h3>
          <p class="form-sentences" lang="zh" data-testid="form-sentences">
            {sentences.join('')}
          </p>
          <button type="button" onClick={() => void navigator.clipboard.writeText(sentences.join('')).then(() => setNote(t('formCopied', lang)))}>
            {t('formCopySentences', lang)}
          </button>
        </section>
      )}
      {problems.length > 0 && (
        <section aria-labelledby="form-findings">
          <h3 id="form-findings">{t('findings', lang)}</h3>
          <ul class="form-findings" data-testid="form-problems">
            {problems.map((p, k) => (
              <li key={k}>{p}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
