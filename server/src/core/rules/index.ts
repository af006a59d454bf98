import { actualsFile } from './actualsFile.js';
import { actualsStale } from './actualsStale.js';
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
import { idShadowed } from './idShadowed.js';
import { importCycle } from './importCycle.js';
import { importUnresolved } from './importUnresolved.js';
import { kpiOffPace } from './kpiOffPace.js';
import { kpiUndefined } from './kpiUndefined.js';
import { launchInBlackout } from './launchInBlackout.js';
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
import { ownerUnknown } from './ownerUnknown.js';
import { paidWithoutBudget } from './paidWithoutBudget.js';
import { phasingMismatch } from './phasingMismatch.js';
import { portfolioBudgetOverallocated } from './portfolioBudgetOverallocated.js';
import { portfolioPlanUnresolved } from './portfolioPlanUnresolved.js';
import { portfolioUntraced } from './portfolioUntraced.js';
import { reviewOverdue } from './reviewOverdue.js';
import { spendOutsideDates } from './spendOutsideDates.js';
import { spendOverBudget } from './spendOverBudget.js';
import { propositionMissing } from './propositionMissing.js';
import { reviewCadenceMissing } from './reviewCadenceMissing.js';
import type { Rule, RuleData } from './rule.js';
import { schema } from './schema.js';
import { simultaneousLaunch } from './simultaneousLaunch.js';
import { stageUncovered } from './stageUncovered.js';
import { stageUnknown } from './stageUnknown.js';
import { yamlSyntax } from './yamlSyntax.js';

/** Every rule, in the order of the catalogue. */
export const rules = [
  yamlSyntax,
  schema,
  importUnresolved,
  importCycle,
  idShadowed,
  portfolioPlanUnresolved,
  portfolioBudgetOverallocated,
  portfolioUntraced,
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
  launchInBlackout,
  stageUnknown,
  stageUncovered,
  ownerMissing,
  ownerUnknown,
  budgetOverallocated,
  budgetUnallocated,
  paidWithoutBudget,
  phasingMismatch,
  spendOutsideDates,
  spendOverBudget,
  complianceMissing,
  complianceIncomplete,
  attributionMissing,
  attributionLastClick,
  reviewCadenceMissing,
  reviewOverdue,
  propositionMissing,
  mixOneSided,
  actualsFile,
  kpiOffPace,
  actualsStale,
] as const satisfies readonly Rule[];

/** A rule's name: a diagnostic's code, a key of the quick fixes, of the severity settings and of the docs pages. */
export type RuleName = (typeof rules)[number]['name'];

/** Any rule of the registry, typed so its findings may carry any rule's `data`. */
export type RegisteredRule = Rule<RuleName>;

/** The `data` any rule's diagnostics may carry. */
export type DiagnosticData = RuleData<RuleName>;

export const ruleNames: readonly RuleName[] = rules.map((rule) => rule.name);

const names: ReadonlySet<string> = new Set(ruleNames);

export function isRuleName(name: string): name is RuleName {
  return names.has(name);
}

export function findRule(name: string): RegisteredRule | undefined {
  return (rules as readonly RegisteredRule[]).find((rule) => rule.name === name);
}

export { defineRule } from './rule.js';
export type { Rule, RuleContext, RuleData, RuleDataMap, RuleFinding } from './rule.js';
