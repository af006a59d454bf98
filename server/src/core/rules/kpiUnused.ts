import { defineRule } from './rule.js';

export const kpiUnused = defineRule({
  name: 'kpi-unused',
  area: 'trace',
  defaultSeverity: 'warning',
  summary: 'A KPI no channel reports against.',
  check({ model, facts, report }) {
    const tracedThrough = new Set<string>();
    for (const kpi of model.kpis.values()) if (kpi.tracesTo) tracedThrough.add(kpi.tracesTo.value);
    for (const kpi of model.kpis.values()) {
      // A KPI that others roll up into is used through them.
      if (facts.kpiUsers.has(kpi.id) || tracedThrough.has(kpi.id)) continue;
      report({ range: kpi.keyRange, message: `No channel reports against KPI \`${kpi.id}\`. Add it to a channel's \`kpis\`, or remove it.` });
    }
  },
});
