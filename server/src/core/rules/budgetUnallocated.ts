import { budgetTotals, money, sumsUnknown } from './budgetTotals.js';
import type { Rule } from './rule.js';

export const budgetUnallocated: Rule = {
  name: 'budget-unallocated',
  area: 'budget',
  defaultSeverity: 'warning',
  summary: 'Channel budgets sum below the total.',
  check({ model, invalid, report }) {
    const totals = budgetTotals(model);
    if (!totals || sumsUnknown(invalid) || totals.allocated >= totals.available) return;
    report({
      range: model.budget!.total!.range,
      message: `Channel budgets add up to ${money(totals.allocated, totals.currency)}, leaving ${money(totals.available - totals.allocated, totals.currency)} of the ${money(totals.available, totals.currency)} unallocated. Give it to the channels that move the objective, or hold it as \`contingency\`.`,
    });
  },
};
