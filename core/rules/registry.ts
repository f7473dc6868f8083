// Every rule, in the order they run. A test checks each is registered here, documented in
// docs/domain.md §2 (the rule catalogue) and carries examples that pass and fail.
import type { Rule } from './rule.ts';
import { appRules } from './app.ts';
import { rlRules } from './rl.ts';
import { actRules } from './act.ts';
import { act19Rules } from './act19.ts';
import { yearRules } from './year.ts';
import { structRules } from './struct.ts';
import { parseRules } from './parse.ts';
import { txtRules } from './txt.ts';
import { txtPartsRules } from './txt-parts.ts';
import { txtFlowRules } from './txt-flow.ts';
import { txtCaseRules } from './txt-cases.ts';
import { txtDocsRules } from './txt-docs.ts';
import { txtFeeRules } from './txt-fee.ts';
import { xyearRules } from './xyear.ts';

export const RULES: readonly Rule[] = [
  ...appRules,
  ...rlRules,
  ...actRules,
  ...act19Rules,
  ...yearRules,
  ...structRules,
  ...parseRules,
  ...txtRules,
  ...txtPartsRules,
  ...txtFlowRules,
  ...txtCaseRules,
  ...txtDocsRules,
  ...txtFeeRules,
  // silent unless the caller supplies last year's report (model.previous)
  ...xyearRules,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
