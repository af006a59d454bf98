import { importedOnly } from '../library/imports.js';
import { uriBasename } from '../workspace/uris.js';
import { defineRule } from './rule.js';
import { excerpt, quote } from '../text/quote.js';

export const kpiUntraced = defineRule({
  name: 'kpi-untraced',
  area: 'trace',
  defaultSeverity: 'error',
  waitsForImports: true,
  summary: "A KPI's `traces_to` chain does not reach the objective.",
  check({ model, facts, invalid, report }) {
    const objectiveId = model.objectives[0]?.id?.value;
    // Without a valid objective id, no chain can be said to miss it.
    const objectiveUnknown = invalid.value('objective') || invalid.at('objective', 'id') || invalid.at('objective', 0, 'id');
    for (const kpi of model.kpis.values()) {
      const trace = facts.traces.get(kpi.id);
      if (!trace || trace.status === 'reaches' || invalid.value('kpis', kpi.id)) continue;
      // A chain that stops at, or leaves through, a `traces_to` the schema rejects is that one mistake.
      if (trace.status !== 'cycle' && invalid.at('kpis', trace.last, 'traces_to')) continue;
      if (trace.status === 'dangling' && objectiveUnknown) continue;
      const target = objectiveId ? `the objective ${quote(objectiveId)}` : 'the objective';
      if (importedOnly(model, kpi.id)) {
        // Written in a library: the plan that uses it gives it its trace, so it is reported on the plan's first use.
        const use = facts.kpiUsers.get(kpi.id)?.[0]?.kpis.find((written) => written.value === kpi.id);
        if (use)
          report({
            range: use.range,
            message: `KPI ${quote(kpi.id)}, imported from ${quote(uriBasename(kpi.library ?? ''))}, does not reach ${target} in this plan. Refine it under \`kpis:\` with \`traces_to: ${excerpt(objectiveId ?? '<objective id>')}\` (or a KPI that does).`,
          });
        continue;
      }
      switch (trace.status) {
        case 'missing':
          if (trace.chain.length === 1) {
            report({
              range: kpi.keyRange,
              message: `KPI ${quote(kpi.id)} does not trace to anything. Add \`traces_to: ${excerpt(objectiveId ?? '<objective id>')}\` (or a KPI that does).`,
            });
          } else {
            report({
              range: kpi.tracesTo!.range,
              message: `KPI ${quote(kpi.id)} traces through ${chainText(trace.chain.slice(1), trace.length - 1)}, which stops without reaching ${target}. Give ${quote(trace.last)} a \`traces_to\`.`,
            });
          }
          break;
        case 'dangling':
          report({
            range: kpi.tracesTo!.range,
            message:
              trace.last === kpi.id
                ? `KPI ${quote(kpi.id)} traces to ${quote(trace.unknownId)}, which is neither the objective nor a KPI. Point it at ${target} or a defined KPI.`
                : `KPI ${quote(kpi.id)} traces through ${chainText(trace.chain.slice(1), trace.length - 1)} to ${quote(trace.unknownId)}, which is neither the objective nor a KPI. Point ${quote(trace.last)} at ${target} or a defined KPI.`,
          });
          break;
        case 'cycle':
          report({
            range: kpi.tracesTo!.range,
            message: `KPI ${quote(kpi.id)} traces ${trace.cycle.includes(kpi.id) ? 'in' : 'into'} a circle (${chainText(trace.cycle)}) and never reaches ${target}. Break the circle by pointing one of them at the objective.`,
          });
          break;
      }
    }
  },
});

function chainText(chain: string[], length = chain.length): string {
  const shown = chain.slice(0, 6).map(quote).join(' → ');
  return length > 6 ? `${shown} → … (${length} in all)` : shown;
}
