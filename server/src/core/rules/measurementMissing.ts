import { defineRule } from './rule.js';
import { quote } from '../text/quote.js';

export const measurementMissing = defineRule({
  name: 'measurement-missing',
  area: 'measurement',
  defaultSeverity: 'warning',
  waitsForImports: true,
  summary: 'A KPI with no `measure` definition.',
  check({ model, invalid, report }) {
    for (const kpi of model.kpis.values()) {
      if (kpi.measure || invalid.value('kpis', kpi.id)) continue;
      report({
        range: kpi.keyRange,
        message: `KPI ${quote(kpi.id)} has no \`measure\`. Agree before launch what is counted, from which source, the baseline and the target.`,
      });
    }
  },
});
