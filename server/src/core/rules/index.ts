import { attributionLastClick } from './attributionLastClick.js';
import { attributionMissing } from './attributionMissing.js';
import { budgetOverallocated } from './budgetOverallocated.js';
import { budgetUnallocated } from './budgetUnallocated.js';
import { channelWithoutKpi } from './channelWithoutKpi.js';
import { complianceIncomplete } from './complianceIncomplete.js';
import { complianceMissing } from './complianceMissing.js';
import { dependencyCycle } from './dependencyCycle.js';
import { dependencyUnknown } from './dependencyUnknown.js';
import { dependencyViolated } from './dependencyViolated.js';
import { kpiUndefined } from './kpiUndefined.js';
import { kpiUntraced } from './kpiUntraced.js';
import { kpiUnused } from './kpiUnused.js';
import { measurementIncomplete } from './measurementIncomplete.js';
import { measurementLate } from './measurementLate.js';
import { measurementMissing } from './measurementMissing.js';
import { mixOneSided } from './mixOneSided.js';
import { objectiveMissing } from './objectiveMissing.js';
import { objectiveMultiple } from './objectiveMultiple.js';
import { objectiveVague } from './objectiveVague.js';
import { outsidePeriod } from './outsidePeriod.js';
import { ownerMissing } from './ownerMissing.js';
import { paidWithoutBudget } from './paidWithoutBudget.js';
import { propositionMissing } from './propositionMissing.js';
import { reviewCadenceMissing } from './reviewCadenceMissing.js';
import type { Rule } from './rule.js';
import { schema } from './schema.js';
import { simultaneousLaunch } from './simultaneousLaunch.js';
import { stageUncovered } from './stageUncovered.js';
import { stageUnknown } from './stageUnknown.js';
import { yamlSyntax } from './yamlSyntax.js';

/** Every rule, in the order of the catalogue. */
export const rules: readonly Rule[] = [
  yamlSyntax,
  schema,
  objectiveMissing,
  objectiveMultiple,
  objectiveVague,
  kpiUntraced,
  kpiUndefined,
  kpiUnused,
  channelWithoutKpi,
  measurementMissing,
  measurementIncomplete,
  measurementLate,
  dependencyUnknown,
  dependencyCycle,
  dependencyViolated,
  simultaneousLaunch,
  outsidePeriod,
  stageUnknown,
  stageUncovered,
  ownerMissing,
  budgetOverallocated,
  budgetUnallocated,
  paidWithoutBudget,
  complianceMissing,
  complianceIncomplete,
  attributionMissing,
  attributionLastClick,
  reviewCadenceMissing,
  propositionMissing,
  mixOneSided,
];

export const ruleNames: readonly string[] = rules.map((rule) => rule.name);

export function findRule(name: string): Rule | undefined {
  return rules.find((rule) => rule.name === name);
}

export type { Rule, RuleContext, RuleFinding } from './rule.js';
