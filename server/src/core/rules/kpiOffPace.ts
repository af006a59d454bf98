import { number, paceLineText, whereFrom } from '../actuals/describe.js';
import { formatDay } from '../text/dates.js';
import { defineRule } from './rule.js';
import { quote } from '../text/quote.js';

export const kpiOffPace = defineRule({
  name: 'kpi-off-pace',
  area: 'tracking',
  defaultSeverity: 'warning',
  summary: 'The latest actual is below its pace line by more than the tolerance (10 % by default).',
  check({ tracking, report }) {
    if (!tracking.started) return;
    for (const pace of tracking.kpis.values()) {
      const { latest, expected, forecast, kpi } = pace;
      if (pace.status !== 'behind' || !latest || expected === undefined || !pace.pace) continue;
      const forecastText =
        forecast === undefined
          ? ''
          : ` At this trend it reaches ${number(forecast)} by ${formatDay(pace.pace.endDay)}, against a target of ${number(pace.pace.target)}.`;
      report({
        range: latest.source.kind === 'plan' ? latest.source.range : kpi.keyRange,
        message: `${quote(kpi.id)} is behind pace: ${number(latest.value)} on ${latest.date}${whereFrom(tracking, latest.source)}, more than ${Math.round(tracking.tolerance * 100)} % ${pace.pace.target < pace.pace.baseline ? 'above' : 'below'} the ${number(expected)} its pace line expects (${paceLineText(pace.pace)}).${forecastText} Ask the owners of the channels reporting it what is holding it back, or revise the target.`,
      });
    }
  },
});
