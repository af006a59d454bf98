import { budgetSumsUnknown } from '../schema/invalidValues.js';
import { formatMoney } from '../text/money.js';
import { defineRule } from './rule.js';

export const budgetUnallocated = defineRule({
  name: 'budget-unallocated',
  area: 'budget',
  defaultSeverity: 'warning',
  summary: 'Channel budgets sum below the total.',
  check({ model, facts, invalid, report }) {
    const { allocated, available, currency } = facts.budget;
    if (available === undefined || budgetSumsUnknown(invalid) || allocated >= available) return;
    report({
      range: model.budget!.total!.range,
      message: `Channel budgets add up to ${formatMoney(allocated, currency)}, leaving ${formatMoney(available - allocated, currency)} of the ${formatMoney(available, currency)} unallocated. Give it to the channels that move the objective, or hold it as \`contingency\`.`,
    });
  },
});
