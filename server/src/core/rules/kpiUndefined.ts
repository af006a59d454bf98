import { closestMatch } from '../text/didYouMean.js';
import { defineRule } from './rule.js';

export const kpiUndefined = defineRule({
  name: 'kpi-undefined',
  area: 'trace',
  defaultSeverity: 'error',
  summary: 'A channel names a KPI that is not defined.',
  check({ model, report }) {
    for (const channel of model.channels.values()) {
      for (const kpi of channel.kpis) {
        if (model.kpis.has(kpi.value)) continue;
        const suggestion = closestMatch(kpi.value, model.kpis.keys());
        report({
          range: kpi.range,
          message: suggestion
            ? `Channel \`${channel.id}\` reports against KPI \`${kpi.value}\`, which is not defined. Did you mean \`${suggestion}\`?`
            : `Channel \`${channel.id}\` reports against KPI \`${kpi.value}\`, which is not defined. Define it under \`kpis\` with \`traces_to\`, an owner and a \`measure\`.`,
        });
      }
    }
  },
});
