import { defineRule } from './rule.js';
import { quote } from '../text/quote.js';

export const channelWithoutKpi = defineRule({
  name: 'channel-without-kpi',
  area: 'trace',
  defaultSeverity: 'warning',
  summary: 'A channel with no KPI.',
  check({ model, invalid, report }) {
    for (const channel of model.channels.values()) {
      if (channel.kpis.length > 0 || invalid.at('channels', channel.id, 'kpis')) continue;
      report({
        range: channel.keyRange,
        message: `Channel ${quote(channel.id)} has no KPI, so nobody can tell whether it works. Add \`kpis: [<kpi id>]\` with a KPI that traces to the objective.`,
      });
    }
  },
});
