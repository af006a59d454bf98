import type { PlanModel } from '../model/planModel.js';
import type { InvalidValues } from '../schema/invalidValues.js';
import { excerpt } from '../text/quote.js';

/** Sum of channel budgets, and what the total leaves for channels once contingency is held back. */
export function budgetTotals(model: PlanModel): { allocated: number; available: number; currency: string } | undefined {
  const total = model.budget?.total?.value;
  if (total === undefined) return undefined;
  let allocated = 0;
  for (const channel of model.channels.values()) allocated += channel.budget?.value ?? 0;
  return { allocated, available: total - (model.budget?.contingency ?? 0), currency: model.budget?.currency ?? '' };
}

/**
 * Whether the schema rejected a value the sums read: the total, the contingency, a channel's
 * budget, or a channel or the channels as a whole. Then the sums are unknown, and saying they
 * are off would report the same mistake again.
 */
export function sumsUnknown(invalid: InvalidValues): boolean {
  return invalid.at('budget', 'total') || invalid.at('budget', 'contingency') || invalid.inAnyEntry('channels', 'budget');
}

export function money(amount: number, currency: string): string {
  return `${amount.toLocaleString('en-GB')}${currency ? ` ${excerpt(currency)}` : ''}`;
}
