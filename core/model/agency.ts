// Matching one agency's reports across years: 「沭阳县发展和改革局」 in 2022 and 2023. Whitespace and
// brackets are ignored; abbreviations (「发改局」) are not guessed.
import type { ReportModel } from '../types.ts';

export function agencyKey(name: string): string {
  return name.replace(/[\s（）()·]/g, '');
}

/** The model among `candidates` that is the same agency's report for the year before, if any. */
export function previousReport<T extends Pick<ReportModel, 'agency' | 'year'>>(model: Pick<ReportModel, 'agency' | 'year'>, candidates: T[]): T | undefined {
  const { agency, year } = model;
  if (!agency || year === undefined) return undefined;
  const key = agencyKey(agency);
  return candidates.find((r) => r.year === year - 1 && !!r.agency && agencyKey(r.agency) === key);
}
