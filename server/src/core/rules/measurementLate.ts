import { formatDay, plural } from '../text/dates.js';
import { defineRule } from './rule.js';
import { quote } from '../text/quote.js';

export const measurementLate = defineRule({
  name: 'measurement-late',
  area: 'measurement',
  defaultSeverity: 'warning',
  summary: '`ready_by` is after the first start of a channel reporting that KPI.',
  check({ model, facts, report }) {
    for (const kpi of model.kpis.values()) {
      const readyBy = kpi.measure?.readyBy;
      if (readyBy?.day === undefined) continue;
      let first: { id: string; day: number } | undefined;
      for (const channel of facts.kpiUsers.get(kpi.id) ?? []) {
        const start = channel.start?.day;
        if (start !== undefined && (!first || start < first.day)) first = { id: channel.id, day: start };
      }
      if (!first || readyBy.day <= first.day) continue;
      report({
        range: readyBy.range,
        message: `Measurement of ${quote(kpi.id)} is ready ${plural(readyBy.day - first.day, 'day')} after ${quote(first.id)} starts on ${formatDay(first.day)}. Agree the measure before launch: set \`ready_by\` on or before ${formatDay(first.day)}.`,
      });
    }
  },
});
