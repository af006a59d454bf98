import { defineRule } from './rule.js';
import { quote } from '../text/quote.js';

export const paidWithoutBudget = defineRule({
  name: 'paid-without-budget',
  area: 'budget',
  defaultSeverity: 'error',
  summary: 'A paid channel with no budget.',
  check({ model, invalid, report }) {
    for (const channel of model.channels.values()) {
      if (channel.type?.value !== 'paid' || (channel.budget && channel.budget.value > 0) || invalid.at('channels', channel.id, 'budget')) continue;
      report({
        range: channel.budget?.range ?? channel.type.range,
        message: `Paid channel ${quote(channel.id)} has no budget. Give it a \`budget\` from the plan total.`,
      });
    }
  },
});
