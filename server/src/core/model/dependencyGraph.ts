import type { ChannelModel, DependencyModel, PlanModel } from './planModel.js';

export interface DependencyEdge {
  from: ChannelModel; // the dependency (upstream)
  to: ChannelModel; // the dependant (downstream)
  dependency: DependencyModel;
}

export interface DependencyGraph {
  edges: DependencyEdge[];
  upstream: Map<string, DependencyEdge[]>;
  downstream: Map<string, DependencyEdge[]>;
  unknown: { channel: ChannelModel; dependency: DependencyModel }[];
  /** Channel ids in dependency order; channels on cycles are left out. */
  order: string[];
  /** Each cycle as the ids walked, first id repeated at the end. */
  cycles: string[][];
}

export function buildDependencyGraph(model: PlanModel): DependencyGraph {
  const edges: DependencyEdge[] = [];
  const upstream = new Map<string, DependencyEdge[]>();
  const downstream = new Map<string, DependencyEdge[]>();
  const unknown: DependencyGraph['unknown'] = [];
  for (const id of model.channels.keys()) {
    upstream.set(id, []);
    downstream.set(id, []);
  }
  for (const channel of model.channels.values()) {
    for (const dependency of channel.dependsOn) {
      const from = model.channels.get(dependency.on.value);
      if (!from) {
        unknown.push({ channel, dependency });
        continue;
      }
      const edge = { from, to: channel, dependency };
      edges.push(edge);
      upstream.get(channel.id)!.push(edge);
      downstream.get(from.id)!.push(edge);
    }
  }
  const order = topologicalOrder(model, upstream, downstream);
  const cycles = findCycles(model, downstream, new Set(order));
  return { edges, upstream, downstream, unknown, order, cycles };
}

/** Kahn's algorithm: linear; what is left over lies on or behind a cycle. */
function topologicalOrder(model: PlanModel, upstream: Map<string, DependencyEdge[]>, downstream: Map<string, DependencyEdge[]>): string[] {
  const remaining = new Map<string, number>();
  const queue: string[] = [];
  for (const id of model.channels.keys()) {
    const count = upstream.get(id)!.length;
    remaining.set(id, count);
    if (count === 0) queue.push(id);
  }
  for (let head = 0; head < queue.length; head++) {
    for (const edge of downstream.get(queue[head]!)!) {
      const left = remaining.get(edge.to.id)! - 1;
      remaining.set(edge.to.id, left);
      if (left === 0) queue.push(edge.to.id);
    }
  }
  return queue;
}

/**
 * One named cycle per strongly connected group of the channels Kahn could not order.
 * Iterative depth-first search, so a 5,000-long chain cannot overflow the stack.
 */
function findCycles(model: PlanModel, downstream: Map<string, DependencyEdge[]>, ordered: Set<string>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>(ordered);
  for (const start of model.channels.keys()) {
    if (done.has(start)) continue;
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    const onStack = new Map<string, number>([[start, 0]]);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const edges = downstream.get(frame.id)!;
      if (frame.next < edges.length) {
        const target = edges[frame.next++]!.to.id;
        if (onStack.has(target)) {
          const cycle = stack.slice(onStack.get(target)!).map((f) => f.id);
          cycles.push([...cycle, target]);
          for (const id of cycle) done.add(id);
        } else if (!done.has(target)) {
          onStack.set(target, stack.length);
          stack.push({ id: target, next: 0 });
        }
      } else {
        stack.pop();
        onStack.delete(frame.id);
        done.add(frame.id);
      }
    }
  }
  return cycles;
}
