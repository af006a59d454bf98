import { defineRule } from './rule.js';

export const measurementMissing = defineRule({
  name: 'measurement-missing',
  area: 'measurement',
  defaultSeverity: 'warning',
  summary: 'A KPI with no `measure` definition.',
  check({ model, report }) {
    for (const kpi of model.kpis.values()) {
      if (kpi.measure) continue;
      report({
        range: kpi.keyRange,
        message: `KPI \`${kpi.id}\` has no \`measure\`. Agree before launch what is counted, from which source, the baseline and the target.`,
      });
    }
  },
});
