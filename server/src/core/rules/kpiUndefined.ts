import { closestMatch } from '../text/didYouMean.js';
import { defineRule } from './rule.js';
import { quote } from '../text/quote.js';

export const kpiUndefined = defineRule({
  name: 'kpi-undefined',
  area: 'trace',
  defaultSeverity: 'error',
  waitsForImports: true,
  summary: 'A channel names a KPI that is not defined.',
  check({ model, invalid, report }) {
    // With `kpis` rejected as a whole, no KPI is defined: that is one mistake, reported by the schema check.
    if (invalid.value('kpis')) return;
    for (const channel of model.channels.values()) {
      for (const kpi of channel.kpis) {
        if (model.kpis.has(kpi.value) || invalid.covers(kpi)) continue;
        const suggestion = closestMatch(kpi.value, model.kpis.keys());
        report({
          range: kpi.range,
          message: suggestion
            ? `Channel ${quote(channel.id)} reports against KPI ${quote(kpi.value)}, which is not defined. Did you mean ${quote(suggestion)}?`
            : `Channel ${quote(channel.id)} reports against KPI ${quote(kpi.value)}, which is not defined. Define it under \`kpis\` with \`traces_to\`, an owner and a \`measure\`.`,
        });
      }
    }
  },
});
