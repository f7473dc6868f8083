// The narrative's key numbers written from the tables (issue 22): sentences the template's text is
// expected to hold, to paste into sections 三 and 四, so the text cannot disagree with the tables. They
// are phrased as the core's TXT-* rules read real reports (tests/site-form.test.ts puts them into 沭阳县
// 2025 and checks that every one is compared and agrees).
import type { Lang } from '../../../core/index.ts';
import type { FormValues } from './state.ts';

const WORDS = {
  zh: {
    received: (n: number, carry: number) => `本年新收政府信息公开申请${n}件，上年结转政府信息公开申请${carry}件。`,
    handled: (n: number) => `本年度共办结${n}件。`,
    carryOut: (n: number) => `结转下年度继续办理${n}件。`,
    cases: (review: number, suits: number) => `本年度发生政府信息公开行政复议${review}件，行政诉讼${suits}件。`,
  },
  en: {
    received: (n: number, carry: number) => `${n} new applications this year; ${carry} carried over from last year.`,
    handled: (n: number) => `${n} handled this year.`,
    carryOut: (n: number) => `${n} carried over to next year.`,
    cases: (review: number, suits: number) => `${review} administrative reviews and ${suits} lawsuits this year.`,
  },
};

/** The sentences whose numbers are all filled in, in the order of the report's sections. */
export function keySentences(values: FormValues, lang: Lang): string[] {
  const n = (ref: string): number | undefined => {
    const s = values[ref]?.trim().replace(/[,，]/g, '');
    return s && /^\d+$/.test(s) ? Number(s) : undefined;
  };
  const w = WORDS[lang];
  const out: string[] = [];
  // an outcome list after 「其中」 would have to name every outcome (TXT-PARTS-SHORT reads a partial one as short)
  const [nw, ci, tot, co, rev, litd, lita] = ['B.new.tot', 'B.carry_in.tot', 'B.total.tot', 'B.carry_out.tot', 'C.rev.total', 'C.litd.total', 'C.lita.total'].map(n);
  if (nw !== undefined && ci !== undefined) out.push(w.received(nw, ci));
  if (tot !== undefined) out.push(w.handled(tot));
  if (co !== undefined) out.push(w.carryOut(co));
  if (rev !== undefined && litd !== undefined && lita !== undefined) out.push(w.cases(rev, litd + lita));
  return out;
}
