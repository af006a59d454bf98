import type { PlanModel } from './planModel.js';

/**
 * The plan's money, computed once per model (`factsOf(model).budget`): what the rules check,
 * what the hover, the code lens and the timeline show a channel's budget as a share of.
 */
export interface BudgetFacts {
  /** `budget.total` as written; undefined when the plan sets none. */
  readonly total: number | undefined;
  readonly currency: string | undefined;
  /** `budget.contingency`: held back from the total, not for channels (0 when not set). */
  readonly contingency: number;
  /** The sum of the channels' budgets. */
  readonly allocated: number;
  /** What the total leaves for channels once the contingency is held back; undefined without a total. */
  readonly available: number | undefined;
  /**
   * What a channel's budget is a share of: the total when the plan sets one, otherwise the
   * sum of channel budgets. 0 — a total of 0, or no total and no channel budgets — is the
   * zero case: there is nothing to share, so no share is shown anywhere.
   */
  readonly base: number;
  /** How the base is named next to a share: `66.7% of the total`. */
  readonly baseLabel: 'the total' | 'channel budgets';
}

export function budgetFacts(model: PlanModel): BudgetFacts {
  const total = model.budget?.total?.value;
  const contingency = model.budget?.contingency ?? 0;
  let allocated = 0;
  for (const channel of model.channels.values()) allocated += channel.budget?.value ?? 0;
  return {
    total,
    currency: model.budget?.currency,
    contingency,
    allocated,
    available: total === undefined ? undefined : total - contingency,
    base: total ?? allocated,
    baseLabel: total === undefined ? 'channel budgets' : 'the total',
  };
}

/** A budget's share of the base (0..1, above 1 when it is larger); undefined in the zero case. */
export function budgetShare(budget: BudgetFacts, amount: number): number | undefined {
  return budget.base > 0 ? amount / budget.base : undefined;
}
