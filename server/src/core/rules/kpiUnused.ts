import { importedOnly } from '../library/imports.js';
import type { PlanModel } from '../model/planModel.js';
import { quote, quoteList } from '../text/quote.js';
import { defineRule } from './rule.js';

/**
 * A KPI is used when a channel lists it in `kpis`, or when a used KPI traces to it: the walk
 * starts at every KPI a channel lists and follows `traces_to` upward. Nothing else makes a KPI
 * used, so KPIs that only trace to each other (a loop no channel's KPI reaches) are unused too.
 */
export function usedKpis(model: PlanModel, listedByChannels: Iterable<string>, onTheWay?: (id: string) => void): Set<string> {
  const used = new Set<string>();
  for (const listed of listedByChannels) {
    // Each KPI is entered once, so the whole walk is linear however long the chains are.
    for (let id: string | undefined = listed; id !== undefined && model.kpis.has(id) && !used.has(id); id = model.kpis.get(id)!.tracesTo?.value) {
      used.add(id);
      onTheWay?.(id);
    }
  }
  return used;
}

export const kpiUnused = defineRule({
  name: 'kpi-unused',
  area: 'trace',
  defaultSeverity: 'warning',
  waitsForImports: true,
  summary: 'A KPI no channel reports against, directly or through the KPIs that trace to it.',
  check({ model, facts, invalid, report }) {
    // A `kpis` list the schema rejects may name any KPI, and so may a `traces_to` on the way up: which KPIs are used is then unknown.
    if (invalid.inAnyEntry('channels', 'kpis')) return;
    let unknownWay = false;
    const used = usedKpis(model, facts.kpiUsers.keys(), (id) => {
      if (invalid.at('kpis', id, 'traces_to')) unknownWay = true;
    });
    if (unknownWay) return;
    // The unused KPIs that trace straight to each unused KPI, named in its message.
    const feeders = new Map<string, string[]>();
    for (const kpi of model.kpis.values()) {
      const target = kpi.tracesTo?.value;
      if (target === undefined || target === kpi.id || used.has(kpi.id) || !model.kpis.has(target)) continue;
      const list = feeders.get(target);
      if (list) list.push(kpi.id);
      else feeders.set(target, [kpi.id]);
    }
    for (const kpi of model.kpis.values()) {
      // A library KPI this plan does not refine is placed in the library: the library is checked on its own.
      if (used.has(kpi.id) || importedOnly(model, kpi.id)) continue;
      const from = feeders.get(kpi.id);
      report({
        range: kpi.keyRange,
        message: from
          ? `No channel reports against KPI ${quote(kpi.id)}, nor against ${quoteList(from)}, which ${from.length === 1 ? 'traces' : 'trace'} to it. Add one of them to a channel's \`kpis\`, or remove them.`
          : `No channel reports against KPI ${quote(kpi.id)}. Add it to a channel's \`kpis\`, or remove it.`,
      });
    }
  },
});
