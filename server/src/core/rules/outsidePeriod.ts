import { formatDay } from '../text/dates.js';
import { defineRule } from './rule.js';
import { quote } from '../text/quote.js';

export const outsidePeriod = defineRule({
  name: 'outside-period',
  area: 'sequencing',
  defaultSeverity: 'warning',
  summary: 'A channel runs outside the plan period.',
  check({ model, report }) {
    const periodStart = model.period?.start?.day;
    const periodEnd = model.period?.end?.day;
    if (periodStart === undefined && periodEnd === undefined) return;
    const window = `${periodStart !== undefined ? formatDay(periodStart) : '…'} to ${periodEnd !== undefined ? formatDay(periodEnd) : '…'}`;
    for (const channel of model.channels.values()) {
      const start = channel.start;
      const end = channel.end;
      if (start?.day !== undefined && periodStart !== undefined && start.day < periodStart) {
        report({
          range: start.range,
          message: `${quote(channel.id)} starts before the plan period (${window}). Start it on ${formatDay(periodStart)} or later, or widen \`period\`.`,
        });
      }
      if (end?.day !== undefined && periodEnd !== undefined && end.day > periodEnd) {
        report({
          range: end.range,
          message: `${quote(channel.id)} ends after the plan period (${window}). End it on ${formatDay(periodEnd)} or earlier, or widen \`period\`.`,
        });
      }
    }
  },
});
