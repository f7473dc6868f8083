// The card for a marked cell: rule, the reviewer's note, the equation with its numbers and the
// difference, and why it might still be right. Shown on hover or focus; Esc closes it (WCAG 1.4.13).
import type { Lang } from '../../../core/index.ts';
import type { ViewFinding } from '../view.ts';
import { t } from '../i18n.ts';

type Props = {
  findings: ViewFinding[];
  lang: Lang;
  position: { top: number; left: number };
  onPointer(inside: boolean): void;
  onClose(): void;
};

export function FindingCard({ findings, lang, position, onPointer, onClose }: Props) {
  return (
    <div
      id="gkc-card"
      class="card"
      role="dialog"
      aria-label={findings[0]?.card.cellLabel ?? findings[0]?.ruleId}
      style={{ top: `${position.top}px`, left: `${position.left}px` }}
      onMouseEnter={() => onPointer(true)}
      onMouseLeave={() => onPointer(false)}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <button type="button" class="card-close" aria-label={t('close', lang)} onClick={onClose}>
        ×
      </button>
      {findings.map((f) => (
        <FindingBody key={f.index} finding={f} lang={lang} />
      ))}
    </div>
  );
}

export function FindingBody({ finding, lang }: { finding: ViewFinding; lang: Lang }) {
  const c = finding.card;
  return (
    <div class={`card-body sev-${c.severity}`}>
      <p class="card-head">
        <span class={`sev-badge sev-${c.severity}`}>{c.severityLabel}</span> <code>{c.ruleId}</code>
        {c.cellLabel && <span class="card-cell">{c.cellLabel}</span>}
      </p>
      {c.fix && (
        <p class="card-fix" data-testid="card-fix">
          {c.fix}
        </p>
      )}
      <p class="card-message">{c.message}</p>
      {c.equation && (
        <dl class="card-equation">
          <dt>{t('equation', lang)}</dt>
          <dd>
            <span class="eq-side">
              {c.equation.left} = <strong>{c.equation.leftSum}</strong>
            </span>
            <span class="eq-ne" aria-label={t('isNot', lang)}>
              ≠
            </span>
            <span class="eq-side">
              {c.equation.right} = <strong>{c.equation.rightSum}</strong>
            </span>
          </dd>
          <dt>{t('difference', lang)}</dt>
          <dd class="eq-diff">{c.equation.diff > 0 ? `+${c.equation.diff}` : c.equation.diff}</dd>
        </dl>
      )}
      {finding.doubtful && (
        <p class="card-doubtful" data-testid="rests-on-doubtful">
          {t('cardDoubtful', lang)}
        </p>
      )}
      {c.caveat && (
        <p class="card-caveat">
          <strong>{t('mightBeRight', lang)}：</strong>
          {c.caveat}
        </p>
      )}
    </div>
  );
}
