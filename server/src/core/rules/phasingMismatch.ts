import { formatMoney } from '../text/money.js';
import { defineRule } from './rule.js';
import { quote } from '../text/quote.js';

/** Differences below half a penny are rounding, not a mismatch. */
const ROUNDING = 0.005;

export const phasingMismatch = defineRule({
  name: 'phasing-mismatch',
  area: 'budget',
  defaultSeverity: 'warning',
  summary: "A channel's `phasing` does not add up to its `budget`.",
  check({ model, facts, report }) {
    const currency = facts.budget.currency;
    for (const channel of model.channels.values()) {
      if (!channel.budget || channel.phasing.length === 0 || !channel.phasingSection) continue;
      const phased = channel.phasing.reduce((sum, month) => sum + month.amount.value, 0);
      const difference = phased - channel.budget.value;
      if (Math.abs(difference) < ROUNDING) continue;
      report({
        range: channel.phasingSection.keyRange,
        message: `The phasing of ${quote(channel.id)} adds up to ${formatMoney(phased, currency)}, ${formatMoney(Math.abs(difference), currency)} ${difference < 0 ? 'less' : 'more'} than its budget of ${formatMoney(channel.budget.value, currency)}. ${difference < 0 ? 'Phase the rest into its months' : 'Take the excess out of its months'}, or change \`budget\`.`,
      });
    }
  },
});
