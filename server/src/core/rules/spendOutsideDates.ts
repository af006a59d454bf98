import { pathOf } from '../actuals/describe.js';
import { formatDay } from '../text/dates.js';
import { formatMoney } from '../text/money.js';
import { defineRule } from './rule.js';
import { quote } from '../text/quote.js';

export const spendOutsideDates = defineRule({
  name: 'spend-outside-dates',
  area: 'budget',
  defaultSeverity: 'warning',
  summary: 'Phased, committed or actual money in a month the channel does not run in.',
  check({ model, facts, tracking, report }) {
    const currency = facts.budget.currency;
    for (const channel of model.channels.values()) {
      const start = channel.start?.day;
      const end = channel.end?.day;
      if (start === undefined || end === undefined || end < start) continue;
      const [first, last] = [formatDay(start).slice(0, 7), formatDay(end).slice(0, 7)];
      const outside = (month: string) => month < first || month > last;
      // Worded only when something is reported: most channels of a big plan have nothing outside their dates.
      const runs = () => `${quote(channel.id)} runs ${formatDay(start)} → ${formatDay(end)}`;
      const fix = 'Move it into a month the channel runs in, or change its dates.';
      for (const phased of channel.phasing) {
        if (phased.amount.value > 0 && outside(phased.month))
          report({ range: phased.keyRange, message: `${runs()}, but ${formatMoney(phased.amount.value, currency)} is phased in ${phased.month}. ${fix}` });
      }
      for (const spent of channel.spend) {
        const amount = Math.max(spent.committed?.value ?? 0, spent.actual?.value ?? 0);
        if (amount > 0 && outside(spent.month))
          report({ range: spent.keyRange, message: `${runs()}, but ${formatMoney(amount, currency)} is committed or spent in ${spent.month}. ${fix}` });
      }
      const fromCsv = new Map<string, { amount: number; line: number; uri: string }>();
      for (const { row, uri } of tracking.channels.get(channel.id)?.csvRows ?? []) {
        if (row.value <= 0 || !outside(row.month)) continue;
        const known = fromCsv.get(row.month);
        if (known) known.amount += row.value;
        else fromCsv.set(row.month, { amount: row.value, line: row.line, uri });
      }
      for (const [month, { amount, line, uri }] of fromCsv) {
        report({
          range: channel.keyRange,
          message: `${runs()}, but ${formatMoney(amount, currency)} is committed or spent in ${month} (from line ${line + 1} of ${quote(pathOf(tracking, uri))}). ${fix}`,
        });
      }
    }
  },
});
