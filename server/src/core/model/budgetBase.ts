import type { PlanModel } from './planModel.js';

const cache = new WeakMap<PlanModel, { amount: number; label: string }>();

/** What a channel's budget is a share of: the plan's total, or the sum of channel budgets when no total is set. */
export function budgetBase(model: PlanModel): { amount: number; label: string } {
  let base = cache.get(model);
  if (!base) {
    const total = model.budget?.total?.value;
    if (total !== undefined) base = { amount: total, label: 'the total' };
    else {
      let sum = 0;
      for (const channel of model.channels.values()) sum += channel.budget?.value ?? 0;
      base = { amount: sum, label: 'channel budgets' };
    }
    cache.set(model, base);
  }
  return base;
}
