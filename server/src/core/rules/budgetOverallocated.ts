import { budgetTotals, money, sumsUnknown } from './budgetTotals.js';
import type { Rule } from './rule.js';

export const budgetOverallocated: Rule = {
  name: 'budget-overallocated',
  area: 'budget',
  defaultSeverity: 'error',
  summary: 'Channel budgets sum above the total.',
  check({ model, invalid, report }) {
    const totals = budgetTotals(model);
    if (!totals || sumsUnknown(invalid) || totals.allocated <= totals.available) return;
    report({
      range: model.budget!.total!.range,
      message: `Channel budgets add up to ${money(totals.allocated, totals.currency)}, ${money(totals.allocated - totals.available, totals.currency)} more than the ${money(totals.available, totals.currency)} available. Cut channel budgets or raise \`total\`.`,
    });
  },
};
