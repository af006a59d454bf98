import { budgetSumsUnknown } from '../schema/invalidValues.js';
import { formatMoney } from '../text/money.js';
import { defineRule } from './rule.js';

export const budgetOverallocated = defineRule({
  name: 'budget-overallocated',
  area: 'budget',
  defaultSeverity: 'error',
  summary: 'Channel budgets sum above the total.',
  check({ model, facts, invalid, report }) {
    const { allocated, available, currency } = facts.budget;
    if (available === undefined || budgetSumsUnknown(invalid) || allocated <= available) return;
    report({
      range: model.budget!.total!.range,
      message: `Channel budgets add up to ${formatMoney(allocated, currency)}, ${formatMoney(allocated - available, currency)} more than the ${formatMoney(available, currency)} available. Cut channel budgets or raise \`total\`.`,
    });
  },
});
