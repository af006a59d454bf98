import { daysBefore } from '../actuals/describe.js';
import { staleness } from '../actuals/tracking.js';
import { formatDay } from '../text/dates.js';
import { defineRule } from './rule.js';
import { quote } from '../text/quote.js';

export const actualsStale = defineRule({
  name: 'actuals-stale',
  area: 'tracking',
  defaultSeverity: 'warning',
  summary: 'In a plan that records actuals, a KPI whose channel has started has no actual within its last cadence period.',
  check({ facts, tracking, report }) {
    for (const pace of tracking.kpis.values()) {
      const stale = staleness(pace, tracking);
      if (!stale) continue;
      const { kpi, latest, firstStart } = pace;
      const cadence = stale.cadence;
      const where = 'Add the actuals since then, in `actuals` or the actuals file.';
      const starter = (facts.kpiUsers.get(kpi.id) ?? []).find((channel) => channel.start?.day === firstStart);
      report({
        range: kpi.actualsSection?.keyRange ?? kpi.keyRange,
        message: latest
          ? `The latest actual of ${quote(kpi.id)} is from ${latest.date}, ${daysBefore(latest.day, tracking.asOf)}; it is reported ${cadence}. ${where}`
          : `${quote(kpi.id)} has no actual yet, though ${quote(starter?.id ?? '?')} started on ${formatDay(firstStart!)}, ${daysBefore(firstStart!, tracking.asOf)}; it is reported ${cadence}. ${where.replace(' since then', '')}`,
      });
    }
  },
});
