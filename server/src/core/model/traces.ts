import type { PlanModel } from './planModel.js';

/** Chains and cycles are kept to this many ids (with the full length), so a 5,000-long chain stays linear. */
export const MAX_CHAIN = 25;

export type TraceResult =
  | { status: 'reaches'; chain: string[]; length: number }
  | { status: 'missing'; chain: string[]; length: number; /** The KPI that has no `traces_to`. */ last: string }
  | { status: 'dangling'; chain: string[]; length: number; unknownId: string; /** The KPI whose `traces_to` names the unknown id. */ last: string }
  | { status: 'cycle'; chain: string[]; length: number; cycle: string[] };

/**
 * Follows every KPI's `traces_to` chain once (memoised), so the whole pass is linear.
 * `chain` lists the KPI ids walked, starting with the KPI itself, ending with the objective
 * id when the chain reaches it — at most MAX_CHAIN ids; `length` is the full count.
 */
export function resolveTraces(model: PlanModel): Map<string, TraceResult> {
  const objectiveIds = new Set(model.objectives.map((objective) => objective.id?.value).filter((id): id is string => id !== undefined));
  const results = new Map<string, TraceResult>();

  for (const start of model.kpis.keys()) {
    if (results.has(start)) continue;
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string | undefined = start;
    let outcome: TraceResult | undefined;
    while (outcome === undefined) {
      if (current === undefined) break;
      const known = results.get(current);
      if (known) {
        outcome = known;
        break;
      }
      if (onPath.has(current)) {
        const cycle = path.slice(onPath.get(current)!, onPath.get(current)! + MAX_CHAIN);
        outcome = { status: 'cycle', chain: [], length: 0, cycle: [...cycle, current] };
        break;
      }
      onPath.set(current, path.length);
      path.push(current);
      const next: string | undefined = model.kpis.get(current)!.tracesTo?.value;
      if (next === undefined) outcome = { status: 'missing', chain: [], length: 0, last: current };
      else if (objectiveIds.has(next)) outcome = { status: 'reaches', chain: [next], length: 1 };
      else if (!model.kpis.has(next)) outcome = { status: 'dangling', chain: [], length: 0, unknownId: next, last: current };
      else current = next;
    }
    // Unwind: each KPI on the path gets the outcome with its own chain prefix.
    for (let i = path.length - 1; i >= 0; i--) {
      const id = path[i]!;
      const tail = outcome!;
      const chain = [id, ...tail.chain.slice(0, MAX_CHAIN - 1)];
      outcome = { ...tail, chain, length: tail.length + 1 } as TraceResult;
      results.set(id, outcome);
    }
  }
  return results;
}
