import { addCompliance } from './complianceSection.js';
import { moveToEarliestAllowed } from './dependencyDates.js';
import { addMeasure } from './measureSkeleton.js';
import { correctDependency, correctStage } from './misspeltId.js';
import { addAttribution, addMissingReviews, addOwner } from './placeholders.js';
import type { QuickFix } from './quickFix.js';
import { fixSchemaProblem } from './schemaFixes.js';
import { traceToObjective } from './tracesTo.js';
import { defineOrCorrectKpi } from './undefinedKpi.js';

/** Rule name → the fixes offered for its diagnostics. */
export const quickFixes: Readonly<Record<string, QuickFix>> = {
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
};
