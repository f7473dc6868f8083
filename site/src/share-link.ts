// Share links, the part that needs the core (built in the worker, opened lazily). A link carries the table numbers and the finding ids in the URL #fragment
// (browsers never send the fragment to a server); opening it rebuilds the tables and runs the table
// rules again, so the same findings appear.
import { checkModel, modelFromCells, RULES } from '../../core/index.ts';
import type { CheckResult, TemplateId } from '../../core/index.ts';

export type SharePayload = {
  v: 1;
  /** file name or 「粘贴的文本」 */
  n: string;
  a?: string;
  y?: number;
  t: TemplateId;
  p: CheckResult['model']['templateParts'];
  /** every table cell as written: `ref:raw` joined by `;` */
  c: string;
  /** the findings of the original check, `ruleId@cell` */
  f: string[];
};

/** The rules a link can re-run: those that read the tables alone (narrative and structure need the text). */
const TABLE_RULE = /^(APP|REVIEW|LITIGATION|RL|ACT|ACT19|PARSE-SPLIT|PARSE-CELL|TOTAL-EMPTY|EMPTY-CELLS)/;
export const LINK_RULES = RULES.filter((r) => TABLE_RULE.test(r.meta.id));

export function findingKey(f: { ruleId: string; cells: string[] } | { ruleId: string; cell?: string | undefined }): string {
  const cell = 'cells' in f ? f.cells[0] : f.cell;
  return `${f.ruleId}@${cell ?? ''}`;
}

export function payloadOf(result: CheckResult, name: string): SharePayload {
  const m = result.model;
  const cells: string[] = [];
  for (const t of ['A', 'B', 'C'] as const) for (const c of Object.values(m.tables[t]?.cells ?? {})) cells.push(`${c.ref}:${c.raw.replace(/[;:]/g, ' ')}`);
  return {
    v: 1,
    n: name,
    ...(m.agency ? { a: m.agency } : {}),
    ...(m.year !== undefined ? { y: m.year } : {}),
    t: m.template,
    p: m.templateParts,
    c: cells.join(';'),
    f: result.findings.map(findingKey),
  };
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
}

export function encodePayload(p: SharePayload): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(p)));
}

export function decodePayload(s: string): SharePayload | undefined {
  try {
    const p = JSON.parse(new TextDecoder().decode(fromBase64Url(s))) as SharePayload;
    return p && p.v === 1 && typeof p.c === 'string' && Array.isArray(p.f) ? p : undefined;
  } catch {
    return undefined;
  }
}

/** The check a link stands for: its tables rebuilt, the table rules run again. */
export function resultFromPayload(p: SharePayload): { result: CheckResult; missing: string[] } {
  const cells: Record<string, string> = {};
  for (const pair of p.c.split(';')) {
    const i = pair.indexOf(':');
    if (i > 0) cells[pair.slice(0, i)] = pair.slice(i + 1);
  }
  const model = modelFromCells({
    ...(p.y !== undefined ? { year: p.y } : {}),
    ...(p.a ? { agency: p.a } : {}),
    template: p.t,
    templateParts: p.p,
    cells,
  });
  const result = checkModel(model, { rules: LINK_RULES });
  const found = new Set(result.findings.map(findingKey));
  // findings of the original that need the text (narrative, structure, year) cannot come back from numbers
  const missing = p.f.filter((k) => !found.has(k));
  return { result, missing };
}

