import { budgetTotals, money } from './budgetTotals.js';
import { defineRule } from './rule.js';

export const budgetUnallocated = defineRule({
  name: 'budget-unallocated',
  area: 'budget',
  defaultSeverity: 'warning',
  summary: 'Channel budgets sum below the total.',
  check({ model, report }) {
    const totals = budgetTotals(model);
    if (!totals || totals.allocated >= totals.available) return;
    report({
      range: model.budget!.total!.range,
      message: `Channel budgets add up to ${money(totals.allocated, totals.currency)}, leaving ${money(totals.available - totals.allocated, totals.currency)} of the ${money(totals.available, totals.currency)} unallocated. Give it to the channels that move the objective, or hold it as \`contingency\`.`,
    });
  },
});
