// The state of the fill-in form (「填报自查」, issue 22), outside any component: the cells as typed, the
// check of them by the core after every change, and each cell's mark with the value the mistake says it
// should hold (「此格应为 12」). Totals are filled from their parts only when asked (computeTotal).
import { cellMarks, checkModel, formLayout, locateMistakes, modelFromCells, totalParts, type CellRef, type CheckResult, type FormTemplate, type ReportModel, type Severity } from '../../../core/index.ts';
import { signal, type ReadonlySignal } from '../store.ts';

/** what the clerk typed in each cell, '' for blank */
export type FormValues = Record<CellRef, string>;
/**
 * `expected`: the value one mistake says this cell should hold; absent when the finding names no single fix.
 * `fixes`: when the mistake has tied alternatives (seed 004: four leaf rows could each be the wrong one),
 * how many ways there are to mend it; this cell is one of them.
 */
export type FormMark = { ref: CellRef; severity: Severity; findings: number[]; expected?: number; fixes?: number };

/** Where a draft is kept between visits (IndexedDB on the site: form/draft.ts). */
export type DraftStore = { load(): Promise<FormValues | undefined>; save(values: FormValues): Promise<void> };

export type FormState = {
  values: ReadonlySignal<FormValues>;
  /** the check of the cells as typed, without what waits for cells not typed yet (typedOnly) */
  result: ReadonlySignal<CheckResult & { waiting: number }>;
  marks: ReadonlySignal<Map<CellRef, FormMark>>;
  /** which template's tables the form holds (〔2021〕30号 unless switched) */
  template: ReadonlySignal<FormTemplate>;
  /** every number cell of the form, in reading order (table by table, row by row) */
  refs(): readonly CellRef[];
  /** another template's tables: the cells both templates share (tables B and C, but （六）; table A between 2021 and mixed) keep their numbers */
  setTemplate(template: FormTemplate): void;
  setCell(ref: CellRef, text: string): void;
  /** a block copied from Excel/WPS (tabs between cells, newlines between rows) laid over the form from `ref` */
  paste(ref: CellRef, block: string): CellRef[];
  /** 「将空白格填为 0」 */
  fillBlanks(): void;
  /** 「按分项计算」: the total set to the sum of its parts (blank parts count as 0); false when it is no total */
  computeTotal(ref: CellRef): boolean;
  /** the cells filled from last year's report and not typed over since */
  prefilled: ReadonlySignal<ReadonlySet<CellRef>>;
  /**
   * Last year's report (its model, as the history's check gives it): blank 二、上年结转 cells take its
   * 四、结转下年度继续办理, blank 现行有效件数 its own, each marked as prefilled; the form is then checked
   * as the year after it, so the XYEAR-* rules compare the two.
   */
  usePrevious(previous: ReportModel): CellRef[];
  /** the draft replaced by the stored one, if any */
  restore(): Promise<void>;
  /** replaces every cell (a JSON draft opened again, a report's cells: formValuesOf), in `template` or the one the cells belong to */
  load(values: FormValues, template?: FormTemplate): void;
  /** runs the pending check now (the UI's debounce) */
  flush(): void;
};

export type FormOptions = {
  /** delay of the check after a change; 0 (default) checks at once, synchronously */
  debounceMs?: number;
  store?: DraftStore;
};

/** The form's grid of cells per section, so a pasted block knows what is right of and below a cell. */
function sectionGrids(template: FormTemplate): CellRef[][][] {
  return formLayout('zh', template).flatMap((t) => t.sections.map((s) => s.rows.filter((r) => !r.heading).map((r) => r.cells.map((c) => c.ref))));
}

const GRIDS: Record<FormTemplate, CellRef[][][]> = { 2021: sectionGrids('2021'), 2019: sectionGrids('2019'), mixed: sectionGrids('mixed') };
const REFS: Record<FormTemplate, CellRef[]> = { 2021: GRIDS[2021].flat(2), 2019: GRIDS[2019].flat(2), mixed: GRIDS.mixed.flat(2) };
/** the cells of a template's form */
export const formRefs = (template: FormTemplate): readonly CellRef[] => REFS[template];
/** the cells of the 2021 template's form */
export const FORM_REFS: readonly CellRef[] = REFS[2021];

/**
 * The template a set of cells belongs to, chosen so that none of them is dropped: 2019's table A (A19.*)
 * is the 2019 form; 2021's table A (A.*) with the single （六）其他处理 row is the mixed form (鄞州区卫健局
 * 2021, seed 004, had opened as the 2019 form and lost its ten table-A numbers). When the cells do not say
 * (no table A), the report's year does, as the user expects it: 〔2021〕30号 from 2021 on (domain.md §1.3),
 * a single （六） row then kept as the mixed form's; before 2021 the 2019 template.
 */
export function templateOfValues(values: FormValues, year?: number): FormTemplate {
  const refs = Object.keys(values);
  if (refs.some((r) => r.startsWith('A19.'))) return '2019';
  const single = refs.some((r) => r.startsWith('B.other.'));
  if (refs.some((r) => r.startsWith('A.'))) return single ? 'mixed' : '2021';
  if (year !== undefined && year >= 2021) return single ? 'mixed' : '2021';
  if (year !== undefined) return refs.some((r) => /^B\.other\d\./.test(r)) ? '2021' : '2019';
  return single ? '2019' : '2021';
}

/** A report's cells as the form holds them (as written), in the template its cells and year ask for (templateOfValues). */
export function formValuesOf(model: ReportModel): { template: FormTemplate; values: FormValues } {
  const values: FormValues = {};
  for (const t of ['A', 'B', 'C'] as const) for (const c of Object.values(model.tables[t]?.cells ?? {})) values[c.ref] = c.raw;
  return { template: templateOfValues(values, model.year), values };
}

export function checkValues(values: FormValues, previous?: ReportModel, template: FormTemplate = templateOfValues(values)): CheckResult {
  // Every cell of the form goes to the core, a blank one as a blank cell (''), the way a report whose cells
  // are empty is read (普陀区卫健委 2021, table B blank but 一 and 二): the rows are there, the blank cells
  // are EMPTY-CELLS' one notice per table, an identity whose cells are all blank is not checked, and a blank
  // beside a number counts as 0 (domain.md §2.0.3). Leaving blank cells out made a half-typed table B read
  // as a table without its rows (APP-ROWS-MISSING on each row not yet typed).
  const cells: Record<string, string> = {};
  for (const ref of REFS[template]) cells[ref] = values[ref]?.trim() ?? '';
  for (const [ref, text] of Object.entries(values)) if (text.trim() !== '') cells[ref] = text.trim();
  // with last year's report the form is its next year's, so the cross-year rules have a year to compare
  const year = previous?.year !== undefined ? { year: previous.year + 1 } : {};
  const model = modelFromCells({ cells, template, templateParts: { A: template === '2019' ? '2019' : '2021', Bother: template === '2021' ? 'split' : 'single' }, ...year });
  return checkModel(model, previous ? { previous } : {});
}

/**
 * The findings of tables still being typed: an identity with one side all blank in the form (a column's
 * outcome rows and 四 before they are typed; 二 prefilled from last year with nothing else yet) is not
 * checked until something is typed there. On a published report a blank beside numbers counts as 0
 * (domain.md §2.0.3) and such a finding stands; in a form being filled it would mark 「（七）总计 此格应为
 * 31」 on an empty total right after the prefill. Those findings, and the mistakes built on them, wait;
 * `waiting` counts them for the status line.
 */
export function typedOnly(result: CheckResult, values: FormValues): CheckResult & { waiting: number } {
  const blank = (ref: CellRef) => (values[ref] ?? '').trim() === '';
  // the cells of every equation side not typed yet: a finding with one waits
  const untyped = new Set<CellRef>();
  const findings = result.findings.filter((f) => {
    const sides = f.equation ? [f.equation.left, f.equation.right].filter((side) => side.length > 0 && side.every((t) => blank(t.ref))) : [];
    for (const side of sides) for (const t of side) untyped.add(t.ref);
    return !sides.length;
  });
  const waiting = result.findings.length - findings.length;
  if (!waiting) return { ...result, waiting };
  // The mistakes again, over a model without the blank sides that wait: the core's solver reads every
  // identity of the model, and a balance whose outcome side is blank would pull a typed row's tie toward
  // 「或应为 0」 (3 + 1 ≠ 3 typed in row 一 alone: 自然人 2, 商业企业 0 or 总计 4, as on a full table).
  const tables = Object.fromEntries(
    Object.entries(result.model.tables).map(([id, t]) => [id, t && { ...t, cells: Object.fromEntries(Object.entries(t.cells).filter(([ref]) => !untyped.has(ref))) }]),
  ) as CheckResult['model']['tables'];
  return { ...result, findings, mistakes: locateMistakes({ ...result.model, tables }, findings), waiting };
}

/** What last year's report gives this year's form: its carry-over out as this year's carry-over in, its documents in force. */
export function prefillFrom(previous: ReportModel): [CellRef, string][] {
  const out: [CellRef, string][] = [];
  const raw = (ref: CellRef) => {
    const c = previous.tables[ref[0] as 'A' | 'B']?.cells[ref];
    return c && c.value.kind === 'number' ? String(c.value.n) : undefined;
  };
  for (const col of ['np', 'biz', 'sci', 'ngo', 'law', 'oth', 'tot']) {
    const v = raw(`B.carry_out.${col}`);
    if (v !== undefined) out.push([`B.carry_in.${col}`, v]);
  }
  for (const row of ['reg', 'norm']) {
    const v = raw(`A.${row}.valid`);
    if (v !== undefined) out.push([`A.${row}.valid`, v]);
  }
  return out;
}

/**
 * The cells the checker marks (core's cellMarks: a located mistake on its cell and on each tied
 * alternative's, a finding no mistake explains on its first cell), each with the value its mistake says
 * it should hold. Every cell of the form is a place to mark, typed or blank: cellMarks skips a cell without a
 * location, so a ref the model lacks (cells of a template other than the one checked) is given one.
 */
export function formMarks(result: CheckResult, refs: readonly CellRef[] = FORM_REFS): Map<CellRef, FormMark> {
  const everywhere = { ...result.locations };
  for (const ref of refs) everywhere[ref] ??= { kind: 'text', start: 0, end: 0 };
  const fixes = new Map<CellRef, { expected: number; fixes: number }>();
  for (const m of result.mistakes) {
    for (const fix of [m, ...m.alternatives])
      fix.cells.forEach((ref, k) => {
        // the core's solver may give -0
        if (!fixes.has(ref)) fixes.set(ref, { expected: fix.values[k]! + 0, fixes: m.alternatives.length + 1 });
      });
  }
  const marks = new Map<CellRef, FormMark>();
  for (const [ref, mark] of cellMarks({ ...result, locations: everywhere })) {
    const fix = fixes.get(ref);
    marks.set(ref, { ref, severity: mark.severity, findings: mark.findings, ...(fix ? { expected: fix.expected, ...(fix.fixes > 1 ? { fixes: fix.fixes } : {}) } : {}) });
  }
  return marks;
}

function blankValues(template: FormTemplate): FormValues {
  return Object.fromEntries(REFS[template].map((r) => [r, '']));
}

export function createFormState(options: FormOptions = {}): FormState {
  const template = signal<FormTemplate>('2021');
  const values = signal<FormValues>(blankValues('2021'));
  const first = typedOnly(checkValues(values.peek(), undefined, '2021'), values.peek());
  const result = signal<CheckResult & { waiting: number }>(first);
  const marks = signal<Map<CellRef, FormMark>>(formMarks(first, REFS['2021']));
  const prefilled = signal<ReadonlySet<CellRef>>(new Set());
  let previous: ReportModel | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const recheck = () => {
    timer = undefined;
    const r = typedOnly(checkValues(values.peek(), previous, template.peek()), values.peek());
    result.value = r;
    marks.value = formMarks(r, REFS[template.peek()]);
  };
  const changed = (next: FormValues) => {
    values.value = next;
    void options.store?.save(next);
    if (!options.debounceMs) return recheck();
    if (timer) clearTimeout(timer);
    timer = setTimeout(recheck, options.debounceMs);
  };
  const set = (edits: [CellRef, string][]) => {
    const next = { ...values.peek() };
    for (const [ref, text] of edits) if (ref in next) next[ref] = text;
    if (edits.some(([ref]) => prefilled.peek().has(ref))) prefilled.value = new Set([...prefilled.peek()].filter((r) => !edits.some(([e]) => e === r)));
    changed(next);
  };

  const load = (saved: FormValues, as: FormTemplate = templateOfValues(saved)) => {
    const next = blankValues(as);
    for (const r of REFS[as]) if (typeof saved[r] === 'string') next[r] = saved[r];
    template.value = as;
    values.value = next;
    prefilled.value = new Set();
    recheck();
  };

  return {
    values,
    result,
    marks,
    prefilled,
    template,
    refs: () => REFS[template.peek()],
    setTemplate(to) {
      if (to === template.peek()) return;
      load(values.peek(), to);
      void options.store?.save(values.peek());
    },
    usePrevious(prev) {
      previous = prev;
      // a cell the template lacks (2019 has no 现行有效件数) is not prefilled
      const blank = prefillFrom(prev).filter(([ref]) => values.peek()[ref]?.trim() === '');
      set(blank);
      prefilled.value = new Set([...prefilled.peek(), ...blank.map(([r]) => r)]);
      return blank.map(([r]) => r);
    },
    setCell: (ref, text) => set([[ref, text]]),
    paste(ref, block) {
      const grid = GRIDS[template.peek()].find((g) => g.some((row) => row.includes(ref)));
      if (!grid) return [];
      const r0 = grid.findIndex((row) => row.includes(ref));
      const c0 = grid[r0]!.indexOf(ref);
      const lines = block.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
      const edits: [CellRef, string][] = [];
      lines.forEach((line, i) => {
        line.split('\t').forEach((text, j) => {
          const target = grid[r0 + i]?.[c0 + j];
          if (target) edits.push([target, text.trim()]);
        });
      });
      set(edits);
      return edits.map(([r]) => r);
    },
    fillBlanks() {
      set(REFS[template.peek()].filter((r) => values.peek()[r]!.trim() === '').map((r) => [r, '0']));
    },
    computeTotal(ref) {
      const parts = totalParts(ref, template.peek());
      if (!parts) return false;
      const v = values.peek();
      const sum = parts.reduce((s, p) => s + (Number(v[p]!.replace(/[,，\s]/g, '')) || 0), 0);
      set([[ref, String(sum)]]);
      return true;
    },
    async restore() {
      const saved = await options.store?.load();
      if (saved) load(saved);
    },
    load,
    flush() {
      if (timer) {
        clearTimeout(timer);
        recheck();
      }
    },
  };
}
