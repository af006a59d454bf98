import { daysBefore } from '../actuals/describe.js';
import { CADENCE_DAYS } from '../actuals/tracking.js';
import { defineRule } from './rule.js';

export const reviewOverdue = defineRule({
  name: 'review-overdue',
  area: 'rhythm',
  defaultSeverity: 'warning',
  summary: 'The latest date a review was `held` is older than its cadence.',
  check({ model, tracking, report }) {
    if (!tracking.started) return;
    for (const review of model.reviews.values()) {
      const period = CADENCE_DAYS[review.cadence];
      if (period === undefined) continue;
      let latest: (typeof review.held)[number] | undefined;
      for (const held of review.held) if (held.day !== undefined && held.day <= tracking.asOf && (!latest || held.day > latest.day!)) latest = held;
      if (!latest || tracking.asOf - latest.day! <= period) continue;
      report({
        range: latest.range,
        message: `The ${review.cadence} review was last held on ${latest.value}, ${daysBefore(latest.day!, tracking.asOf)}; it is due every ${period === 1 ? 'day' : `${period} days`}. Hold it, then add the date to \`held\`.`,
      });
    }
  },
});
