import { defineRule } from './rule.js';
import { excerpt, quote } from '../text/quote.js';

export const ownerMissing = defineRule({
  name: 'owner-missing',
  area: 'ownership',
  defaultSeverity: 'warning',
  waitsForImports: true,
  summary: 'A channel, KPI or review without an owner.',
  check({ model, invalid, report }) {
    for (const channel of model.channels.values()) {
      if (!channel.owner && !invalid.at('channels', channel.id, 'owner'))
        report({
          range: channel.keyRange,
          message: `Channel ${quote(channel.id)} has no \`owner\`. Name the person accountable for it.`,
        });
    }
    for (const kpi of model.kpis.values()) {
      if (!kpi.owner && !kpi.measure?.owner && !invalid.at('kpis', kpi.id, 'owner') && !invalid.at('kpis', kpi.id, 'measure', 'owner'))
        report({ range: kpi.keyRange, message: `KPI ${quote(kpi.id)} has no \`owner\`. Name the person accountable for the number.` });
    }
    for (const review of model.reviews.values()) {
      if (!review.owner && !invalid.at('reviews', review.cadence, 'owner'))
        report({ range: review.keyRange, message: `The ${excerpt(review.cadence)} review has no \`owner\`. Name who runs it.` });
    }
  },
});
