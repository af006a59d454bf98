import { addCompliance } from './complianceSection.js';
import { moveToEarliestAllowed } from './dependencyDates.js';
import { addMeasure } from './measureSkeleton.js';
import { correctDependency, correctStage } from './misspeltId.js';
import { addAttribution, addMissingReviews, addOwner } from './placeholders.js';
import { fixPhasing } from './phasing.js';
import type { RuleName } from '../../rules/index.js';
import type { Diagnostic } from '../../types.js';
import type { FixContext, FixProposal, QuickFix } from './quickFix.js';
import { fixSchemaProblem } from './schemaFixes.js';
import { traceToObjective } from './tracesTo.js';
import { defineOrCorrectKpi } from './undefinedKpi.js';

/** Rule name → the fixes offered for its diagnostics (a key that is not a rule, or a fix written for another rule, does not compile). */
export const quickFixes: { readonly [Name in RuleName]?: QuickFix<Name> } = {
  'measurement-missing': addMeasure,
  'compliance-missing': addCompliance,
  'kpi-untraced': traceToObjective,
  'kpi-undefined': defineOrCorrectKpi,
  'dependency-unknown': correctDependency,
  'stage-unknown': correctStage,
  'dependency-violated': moveToEarliestAllowed,
  schema: fixSchemaProblem,
  'owner-missing': addOwner,
  'attribution-missing': addAttribution,
  'review-cadence-missing': addMissingReviews,
  'phasing-mismatch': fixPhasing,
};

/** Proposes fixes for a diagnostic whose code is `code`; undefined when its rule has none. */
export type DiagnosticFix = (context: FixContext, diagnostic: Diagnostic) => FixProposal[];

/** The fix for diagnostics with this code (a client may send any code), when its rule has one. */
export function quickFixFor(code: string): DiagnosticFix | undefined {
  // Each rule's fix takes that rule's diagnostics: the caller passes a diagnostic with this code.
  return Object.hasOwn(quickFixes, code) ? (quickFixes[code as RuleName] as DiagnosticFix) : undefined;
}
