// Renders findings and a whole result as text, Chinese first, English available. Message templates
// live in each rule's meta; this is the one place they are filled in.
import type { CheckResult, CoverageKey, Finding, Lang } from './types.ts';
import { ruleById } from './rules/registry.ts';
import { templateLabel } from './template/labels.ts';

export function fill(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

export function formatFinding(f: Finding, lang: Lang = 'zh'): string {
  const rule = ruleById(f.ruleId);
  const msg = rule?.meta.messages[f.messageId] ?? rule?.meta.messages[Object.keys(rule.meta.messages)[0]!];
  if (!msg) return `${f.ruleId} ${JSON.stringify(f.data)}`;
  return fill(msg[lang], f.data);
}

const SEVERITY: Record<Lang, Record<Finding['severity'], string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};
const STATUS: Record<Lang, Record<string, string>> = {
  zh: { checked: '已核对', partial: '部分核对', 'not-found': '未找到', unreadable: '无法读取' },
  en: { checked: 'checked', partial: 'partly checked', 'not-found': 'not found', unreadable: 'unreadable' },
};
const VERDICT: Record<Lang, Record<CheckResult['verdict'], string>> = {
  zh: { errors: '发现错误', clean: '已核对部分未发现错误', incomplete: '未发现错误，但有表格未完整核对', unreadable: '未能识别出年度报告表格，未检查' },
  en: { errors: 'errors found', clean: 'no errors in what was checked', incomplete: 'no errors found, but some tables were not fully checked', unreadable: 'no report tables recognised: nothing checked' },
};
const TABLES: Record<Lang, Record<CoverageKey, string>> = {
  zh: { A: '表一 主动公开', B: '表二 依申请', C: '表三 复议诉讼', text: '正文' },
  en: { A: 'Table A', B: 'Table B', C: 'Table C', text: 'Narrative' },
};

export function verdictText(result: CheckResult, lang: Lang = 'zh'): string {
  return VERDICT[lang][result.verdict];
}

/** A plain-text report: verdict, coverage per table, findings grouped by table with cells and numbers. */
export function format(result: CheckResult, lang: Lang = 'zh'): string {
  const { model } = result;
  const lines: string[] = [];
  const head = [model.agency, model.year ? (lang === 'zh' ? `${model.year}年度` : `${model.year}`) : undefined, model.template !== 'unknown' ? (lang === 'zh' ? `${model.template}版格式` : `${model.template} template`) : undefined]
    .filter(Boolean)
    .join(' · ');
  if (head) lines.push(head);
  const counts = countBySeverity(result.findings);
  lines.push(
    lang === 'zh'
      ? `结论：${VERDICT.zh[result.verdict]}（错误 ${counts.error} · 警告 ${counts.warning} · 提示 ${counts.info}）`
      : `Verdict: ${VERDICT.en[result.verdict]} (${counts.error} errors · ${counts.warning} warnings · ${counts.info} info)`,
  );
  for (const key of ['A', 'B', 'C', 'text'] as const) {
    const cov = result.coverage[key];
    const reasons = lang === 'zh' ? cov.reasons : cov.reasonsEn;
    lines.push(`  ${TABLES[lang][key]}：${STATUS[lang][cov.status]}${reasons.length ? `（${reasons.join('；')}）` : ''}`);
  }
  for (const key of ['A', 'B', 'C', 'text'] as const) {
    const fs = result.findings.filter((f) => f.table === key);
    if (!fs.length) continue;
    lines.push('', `【${TABLES[lang][key]}】`);
    for (const f of fs) {
      const where = f.cells[0] ? ` [${templateLabel(f.cells[0], lang)}]` : '';
      lines.push(`  ${SEVERITY[lang][f.severity]} ${f.ruleId}${where}：${formatFinding(f, lang)}`);
    }
  }
  return lines.join('\n');
}

export function countBySeverity(findings: Finding[]): Record<Finding['severity'], number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
