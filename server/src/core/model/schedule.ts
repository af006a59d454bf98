import type { Day } from '../text/dates.js';
import { earliestStart, latestUpstreamEnd, type Lag } from './dependencyBounds.js';
import type { DependencyEdge, DependencyGraph } from './dependencyGraph.js';
import type { ChannelModel, DependencyModel, PlanModel } from './planModel.js';
import type { WorkingCalendar } from './workingDays.js';

export interface ChannelSchedule {
  id: string;
  start: Day;
  end: Day;
  /** The earliest start its dependencies allow, given their planned dates. */
  earliestStart: Day | undefined;
  /** The edge that sets `earliestStart`. */
  drivingEdge: DependencyEdge | undefined;
  /** Days the channel could slip without moving a dependant past its own slack or the last end date. */
  slack: number;
  critical: boolean;
}

export interface Schedule {
  channels: Map<string, ChannelSchedule>;
  /** The last end date of any dated channel. */
  finish: Day | undefined;
  /** The critical chain, first to last. */
  criticalPath: string[];
}

export function datesOf(channel: ChannelModel): { start: Day; end: Day } | undefined {
  const start = channel.start?.day;
  const end = channel.end?.day;
  return start !== undefined && end !== undefined && end >= start ? { start, end } : undefined;
}

export function lagOf(dependency: DependencyModel): Lag {
  return { amount: dependency.lagDays, businessDays: dependency.lagInBusinessDays };
}

/**
 * The earliest start the edge allows the dependant, or undefined when a date is missing
 * (`dependencyBounds.ts` says what each kind allows; a `bd` lag counts working days of `calendar`).
 */
export function earliestStartAllowed(edge: DependencyEdge, calendar: WorkingCalendar): Day | undefined {
  const upstream = datesOf(edge.from);
  const downstream = datesOf(edge.to);
  if (!upstream) return undefined;
  if (edge.dependency.kind === 'finish-to-finish' && !downstream) return undefined;
  return earliestStart(edge.dependency.kind, lagOf(edge.dependency), upstream, downstream ? downstream.end - downstream.start : 0, calendar);
}

/** Critical path method over planned dates: a forward view (earliest start) and a backward pass (slack). Linear. */
export function computeSchedule(model: PlanModel, graph: DependencyGraph, calendar: WorkingCalendar): Schedule {
  const channels = new Map<string, ChannelSchedule>();
  let finish: Day | undefined;
  for (const channel of model.channels.values()) {
    const dates = datesOf(channel);
    if (!dates) continue;
    finish = finish === undefined ? dates.end : Math.max(finish, dates.end);
    let earliestStart: Day | undefined;
    let drivingEdge: DependencyEdge | undefined;
    for (const edge of graph.upstream.get(channel.id) ?? []) {
      const allowed = earliestStartAllowed(edge, calendar);
      if (allowed !== undefined && (earliestStart === undefined || allowed > earliestStart)) {
        earliestStart = allowed;
        drivingEdge = edge;
      }
    }
    channels.set(channel.id, { id: channel.id, ...dates, earliestStart, drivingEdge, slack: 0, critical: false });
  }
  if (finish === undefined) return { channels, finish, criticalPath: [] };

  const latestEnd = new Map<string, Day>();
  for (let i = graph.order.length - 1; i >= 0; i--) {
    const item = channels.get(graph.order[i]!);
    if (!item) continue;
    const length = item.end - item.start;
    let bound = finish;
    for (const edge of graph.downstream.get(item.id) ?? []) {
      const next = channels.get(edge.to.id);
      const nextLatestEnd = latestEnd.get(edge.to.id);
      if (!next || nextLatestEnd === undefined) continue;
      const nextLatestStart = nextLatestEnd - (next.end - next.start);
      bound = Math.min(bound, latestUpstreamEnd(edge.dependency.kind, lagOf(edge.dependency), length, nextLatestStart, nextLatestEnd, calendar));
    }
    latestEnd.set(item.id, bound);
    item.slack = bound - item.end;
    item.critical = item.slack <= 0;
  }
  return { channels, finish, criticalPath: criticalChain(channels, graph, finish, calendar) };
}

/**
 * The longest chain of tight edges between critical channels that ends on the finish day.
 * Several channels often end that day (every one of them critical); the chain that explains
 * the finish is the one with the most dependencies behind it, not the one that starts first.
 * Lengths are counted in dependency order, so this stays linear.
 */
function criticalChain(channels: Map<string, ChannelSchedule>, graph: DependencyGraph, finish: Day, calendar: WorkingCalendar): string[] {
  const chains = new Map<string, { length: number; firstStart: Day; previous: ChannelSchedule | undefined }>();
  for (const id of graph.order) {
    const item = channels.get(id);
    if (!item?.critical) continue;
    let best = { length: 1, firstStart: item.start, previous: undefined as ChannelSchedule | undefined };
    for (const edge of graph.upstream.get(id) ?? []) {
      const before = chains.get(edge.from.id);
      if (!before || earliestStartAllowed(edge, calendar) !== item.start) continue;
      const candidate = { length: before.length + 1, firstStart: before.firstStart, previous: channels.get(edge.from.id) };
      if (longer(candidate, best)) best = candidate;
    }
    chains.set(id, best);
  }
  let last: string | undefined;
  for (const [id, chain] of chains) {
    if (channels.get(id)!.end === finish && (last === undefined || longer(chain, chains.get(last)!))) last = id;
  }
  const path: string[] = [];
  for (let current = last; current !== undefined; current = chains.get(current)!.previous?.id) path.unshift(current);
  return path;
}

/** More channels first; on a tie, the chain that starts earlier. */
function longer(a: { length: number; firstStart: Day }, b: { length: number; firstStart: Day }): boolean {
  return a.length > b.length || (a.length === b.length && a.firstStart < b.firstStart);
}
