import { blackoutsFor, firstAllowedStart, type PlanCalendar } from '../../model/calendar.js';
import { earliestStart } from '../../model/dependencyBounds.js';
import type { DependencyGraph } from '../../model/dependencyGraph.js';
import type { PlanFacts } from '../../model/planFacts.js';
import type { ChannelModel, PlanModel } from '../../model/planModel.js';
import { datesOf, lagOf } from '../../model/schedule.js';
import { formatDay, parseIsoDate, type Day } from '../../text/dates.js';

// Rescheduling: which channels move where, as plain dates. Three ways in, one walk in
// dependency order over the channels it may move, each placed from its dependencies' final
// dates, so no dependency into a moved channel is left broken:
//
// - `moveChannel` (a drag in the timeline, "Shift Channel…"): the channel takes the dates
//   the user gave. With the cascade, every channel downstream of it moves to the earliest
//   start its dependencies allow — never earlier than it was, unless it was *pulled in*: it
//   started exactly when (or before) its dependencies allowed, so it keeps following them
//   when they move earlier. A dependant with room to spare keeps its dates until pushed.
// - `rescheduleDependants`: every channel downstream of one moves to its earliest allowed
//   start, earlier or later.
// - `rescheduleWholePlan`: every channel with a dated dependency moves to its earliest
//   allowed start; channels that depend on nothing stay (nothing says where they go).
//
// Every moved channel keeps its length. A `bd` lag counts working days. A channel the
// rescheduler places (not the one the user moved) never starts inside a blackout that
// applies to it: it starts on the first day after. The user's own channel keeps the dates
// the user chose; `launch-in-blackout` says so if they fall in a blackout.

export interface ChannelDates {
  start: Day;
  end: Day;
}

export interface ChannelMove {
  id: string;
  from: ChannelDates;
  to: ChannelDates;
}

export type Reschedule = { moves: ChannelMove[] } | { refused: string };

const FIRST_DAY = parseIsoDate('0000-01-01')!;
const LAST_DAY = parseIsoDate('9999-12-31')!;

interface Context {
  model: PlanModel;
  graph: DependencyGraph;
  calendar: PlanCalendar;
}

type Placement = 'push' | 'earliest';

export function moveChannel(model: PlanModel, facts: PlanFacts, id: string, to: ChannelDates, cascade: boolean): Reschedule {
  const channel = model.channels.get(id);
  const from = channel && datesOf(channel);
  if (!channel || !from) return { refused: `\`${id}\` has no start and end dates to move.` };
  if (to.end < to.start) return { refused: `\`${id}\` would end (${formatDay(to.end)}) before it starts (${formatDay(to.start)}).` };
  const context = { model, graph: facts.graph, calendar: facts.calendar };
  const fixed = new Map([[id, to]]);
  if (!cascade) return finish(context, fixed);
  const dependants = downstreamOf(context.graph, id);
  const cycle = cycleAmong(context.graph, new Set([id, ...dependants]));
  if (cycle) return refuseCycle(cycle, `move \`${id}\`'s dependants`);
  return finish(context, place(context, dependants, 'push', fixed));
}

export function rescheduleDependants(model: PlanModel, facts: PlanFacts, id: string): Reschedule {
  if (!model.channels.has(id)) return { refused: `There is no channel \`${id}\`.` };
  const context = { model, graph: facts.graph, calendar: facts.calendar };
  const dependants = downstreamOf(context.graph, id);
  const cycle = cycleAmong(context.graph, new Set([id, ...dependants]));
  if (cycle) return refuseCycle(cycle, `reschedule \`${id}\`'s dependants`);
  return finish(context, place(context, dependants, 'earliest', new Map()));
}

export function rescheduleWholePlan(model: PlanModel, facts: PlanFacts): Reschedule {
  const context = { model, graph: facts.graph, calendar: facts.calendar };
  const cycle = context.graph.cycles[0];
  if (cycle) return refuseCycle(cycle, 'reschedule the plan');
  const constrained = new Set<string>();
  for (const edge of context.graph.edges) constrained.add(edge.to.id);
  return finish(context, place(context, constrained, 'earliest', new Map()));
}

/**
 * New dates for `targets` (and the `fixed` channels), walking the channels in dependency
 * order so each is placed after everything it depends on.
 */
function place(context: Context, targets: Set<string>, placement: Placement, fixed: Map<string, ChannelDates>): Map<string, ChannelDates> {
  const { model, graph, calendar } = context;
  const placed = new Map(fixed);
  const current = (channel: ChannelModel) => placed.get(channel.id) ?? datesOf(channel);
  for (const id of graph.order) {
    if (!targets.has(id) || placed.has(id)) continue;
    const channel = model.channels.get(id)!;
    const before = datesOf(channel);
    if (!before) continue;
    const length = before.end - before.start;
    let allowedNow: Day | undefined;
    let allowedBefore: Day | undefined;
    for (const edge of graph.upstream.get(id) ?? []) {
      const upstream = current(edge.from);
      const original = datesOf(edge.from);
      if (!upstream || !original) continue;
      const lag = lagOf(edge.dependency);
      allowedNow = Math.max(allowedNow ?? -Infinity, earliestStart(edge.dependency.kind, lag, upstream, length, calendar.working));
      allowedBefore = Math.max(allowedBefore ?? -Infinity, earliestStart(edge.dependency.kind, lag, original, length, calendar.working));
    }
    if (allowedNow === undefined || allowedBefore === undefined) continue;
    const pulledIn = before.start <= allowedBefore;
    let start = placement === 'earliest' || pulledIn ? allowedNow : Math.max(before.start, allowedNow);
    if (placement === 'earliest' || start !== before.start) start = firstAllowedStart(blackoutsFor(calendar, channel), start);
    if (start !== before.start) placed.set(id, { start, end: start + length });
  }
  return placed;
}

function finish(context: Context, placed: Map<string, ChannelDates>): Reschedule {
  const moves: ChannelMove[] = [];
  for (const channel of context.model.channels.values()) {
    const to = placed.get(channel.id);
    const from = datesOf(channel);
    if (!to || !from || (to.start === from.start && to.end === from.end)) continue;
    if (to.start < FIRST_DAY || to.end > LAST_DAY) {
      return { refused: `\`${channel.id}\` would move outside the years 0000–9999 (to ${to.start < FIRST_DAY ? 'before 0000-01-01' : 'after 9999-12-31'}).` };
    }
    moves.push({ id: channel.id, from, to });
  }
  return { moves };
}

/** Every channel reachable downstream of `id` (not `id` itself), cycles included. */
function downstreamOf(graph: DependencyGraph, id: string): Set<string> {
  const seen = new Set<string>();
  const queue = [id];
  for (let head = 0; head < queue.length; head++) {
    for (const edge of graph.downstream.get(queue[head]!) ?? []) {
      if (seen.has(edge.to.id) || edge.to.id === id) continue;
      seen.add(edge.to.id);
      queue.push(edge.to.id);
    }
  }
  return seen;
}

/** A cycle that the channels lie on or behind (the graph leaves them out of its order), named as the graph found it. */
function cycleAmong(graph: DependencyGraph, ids: Set<string>): string[] | undefined {
  const ordered = new Set(graph.order);
  if ([...ids].every((id) => ordered.has(id))) return undefined;
  return graph.cycles.find((cycle) => cycle.some((id) => ids.has(id))) ?? graph.cycles[0] ?? [...ids].filter((id) => !ordered.has(id));
}

function refuseCycle(cycle: string[], what: string): Reschedule {
  return {
    refused: `Cannot ${what}: ${cycle.map((id) => `\`${id}\``).join(' → ')} depend on each other in a cycle, so no date satisfies them. Remove one dependency of the cycle first.`,
  };
}
