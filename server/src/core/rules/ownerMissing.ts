import { defineRule } from './rule.js';

export const ownerMissing = defineRule({
  name: 'owner-missing',
  area: 'ownership',
  defaultSeverity: 'warning',
  summary: 'A channel, KPI or review without an owner.',
  check({ model, report }) {
    for (const channel of model.channels.values()) {
      if (!channel.owner)
        report({
          range: channel.keyRange,
          message: `Channel \`${channel.id}\` has no \`owner\`. Name the person accountable for it.`,
        });
    }
    for (const kpi of model.kpis.values()) {
      if (!kpi.owner && !kpi.measure?.owner)
        report({ range: kpi.keyRange, message: `KPI \`${kpi.id}\` has no \`owner\`. Name the person accountable for the number.` });
    }
    for (const review of model.reviews.values()) {
      if (!review.owner) report({ range: review.keyRange, message: `The ${review.cadence} review has no \`owner\`. Name who runs it.` });
    }
  },
});
