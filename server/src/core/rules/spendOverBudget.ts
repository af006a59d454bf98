import { formatMoney } from '../text/money.js';
import { defineRule } from './rule.js';
import { quote } from '../text/quote.js';

const ROUNDING = 0.005;

export const spendOverBudget = defineRule({
  name: 'spend-over-budget',
  area: 'budget',
  defaultSeverity: 'error',
  summary: "A channel's money out (per month the larger of committed and actual) exceeds its budget; the same for the plan total.",
  check({ model, facts, tracking, invalid, report }) {
    const currency = facts.budget.currency;
    const money = (amount: number) => formatMoney(amount, currency);
    for (const channel of model.channels.values()) {
      const out = tracking.channels.get(channel.id)?.out ?? 0;
      if (!channel.budget || invalid.at('channels', channel.id, 'budget') || out - channel.budget.value < ROUNDING) continue;
      report({
        range: channel.budget.range,
        message: `Money out of ${quote(channel.id)} is ${money(out)} (month by month the larger of committed and actual), ${money(out - channel.budget.value)} over its budget of ${money(channel.budget.value)}. Stop further commitments, or move budget to it.`,
      });
    }
    const total = model.budget?.total;
    if (total && !invalid.at('budget', 'total') && tracking.plan.out - total.value >= ROUNDING) {
      report({
        range: total.range,
        message: `Money out of the whole plan is ${money(tracking.plan.out)}, ${money(tracking.plan.out - total.value)} over the total of ${money(total.value)}. Stop further commitments, or raise \`total\`.`,
      });
    }
  },
});
