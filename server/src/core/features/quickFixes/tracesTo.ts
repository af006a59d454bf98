import { closestMatch } from '../../text/didYouMean.js';
import { replaceScalar } from '../../yaml/edits/replaceScalar.js';
import { setScalar } from '../../yaml/edits/setScalar.js';
import type { KpiModel } from '../../model/planModel.js';
import { code, kpiWithKeyAt, objectiveIdOf, proposal, sameRange, writableIds, writtenRange, type FixProposal, type QuickFix } from './quickFix.js';

/**
 * `kpi-untraced`: a KPI with no `traces_to` gets one naming the objective; a chain that stops
 * at a KPI without `traces_to` gets it there; a dangling or circular `traces_to` is pointed
 * at the objective, or at the near KPI id that was meant.
 */
export const traceToObjective: QuickFix<'kpi-untraced'> = ({ model, facts, yaml }, diagnostic) => {
  const objectiveId = objectiveIdOf(model);
  if (!objectiveId) return [];
  // `traces_to:` may be there with nothing (or no text) in it: fill it rather than add a second one.
  const addTo = (kpiId: string) => setScalar(yaml, ['kpis', kpiId, 'traces_to'], objectiveId);
  // A `traces_to` merged in with `<<` is shared: the KPI gets its own instead, which wins over it.
  const retrace = (traced: KpiModel) => (traced.tracesTo?.origin ? addTo(traced.id) : [replaceScalar(yaml, traced.tracesTo!.range, objectiveId)]);

  const untraced = kpiWithKeyAt(model, diagnostic.range);
  if (untraced && !untraced.tracesTo) {
    return proposal(`Trace ${code(untraced.id)} to the objective ${code(objectiveId)}`, addTo(untraced.id), true);
  }
  const kpi = [...model.kpis.values()].find((item) => sameRange(item.tracesTo?.range, diagnostic.range));
  const trace = kpi && facts.traces.get(kpi.id);
  if (!kpi?.tracesTo || !trace) return [];
  switch (trace.status) {
    case 'missing': {
      const last = model.kpis.get(trace.last);
      if (!last || last.tracesTo) return [];
      return proposal(`Trace ${code(last.id)} to the objective ${code(objectiveId)}`, addTo(last.id), true);
    }
    case 'dangling': {
      const reaching = writableIds(model.kpis.keys()).filter((id) => id !== kpi.id && facts.traces.get(id)?.status === 'reaches');
      const near = closestMatch(trace.unknownId, [objectiveId, ...reaching]);
      const fixes: FixProposal[] = [];
      if (near && near !== objectiveId)
        fixes.push({ title: `Change to ${code(near)}`, edits: [replaceScalar(yaml, writtenRange(kpi.tracesTo), near)], isPreferred: true });
      fixes.push(...proposal(`Trace ${code(kpi.id)} to the objective ${code(objectiveId)}`, retrace(kpi), fixes.length === 0));
      return fixes;
    }
    case 'cycle':
      return proposal(`Trace ${code(kpi.id)} to the objective ${code(objectiveId)}`, retrace(kpi));
    default:
      return [];
  }
};
