import { budgetShare, type BudgetFacts } from '../../model/budget.js';
import { factsOf } from '../../model/planFacts.js';
import type { ChannelModel, LocatedDate, PlanModel } from '../../model/planModel.js';
import { datesOf, earliestStartAllowed, type Schedule } from '../../model/schedule.js';
import { formatDay, parseIsoDate, type Day } from '../../text/dates.js';
import type { PlanDocument } from '../../planDocument.js';
import { addMessage, channelOfEachDiagnostic, emptyDiagnostics, toMessage } from './channelDiagnostics.js';
import type { PlanCalendar } from '../../model/calendar.js';
import { trackingDays, trackingTimeline } from './trackingModel.js';
import type {
  ChannelDiagnostics,
  TimelineCalendar,
  TimelineBar,
  TimelineChannel,
  TimelineDate,
  TimelineEdge,
  TimelineLane,
  TimelineMilestone,
  TimelineModel,
  TimelineReadyBy,
  TimelineUndated,
} from './types.js';

export interface TimelineOptions {
  /** Today as `YYYY-MM-DD` (the caller's local day); no today marker without it. */
  today?: string;
}

const UNSTAGED = '';

/** Plans reuse a few hundred days thousands of times; formatting one is the costly part. */
const dayTexts = new Map<Day, string>();
const MAX_DAY_TEXTS = 20_000;

function dateOf(day: Day): TimelineDate {
  let date = dayTexts.get(day);
  if (date === undefined) {
    if (dayTexts.size >= MAX_DAY_TEXTS) dayTexts.clear();
    date = formatDay(day);
    dayTexts.set(day, date);
  }
  return { date, day };
}

function locatedDate(value: LocatedDate | undefined): TimelineDate | undefined {
  return value?.day === undefined ? undefined : dateOf(value.day);
}

/** The plan's channels on a timeline: lanes by journey stage, bars, dependency edges and markers. */
/** Problems listed by the model (the count is kept whole): what a page can usefully show. */
export const MAX_PROBLEMS_LISTED = 2000;

export function buildTimeline(doc: PlanDocument, options: TimelineOptions = {}): TimelineModel {
  const { model, diagnostics, parsed } = doc.analysis;
  const { graph, schedule, budget } = factsOf(model);

  const owners = channelOfEachDiagnostic(model.channels.values(), diagnostics);
  const perChannel = new Map<string, ChannelDiagnostics>();
  const problems: TimelineModel['problems'] = [];
  diagnostics.forEach((diagnostic, index) => {
    const message = toMessage(diagnostic);
    const channel = owners[index];
    if (channel !== undefined) {
      let target = perChannel.get(channel);
      if (!target) perChannel.set(channel, (target = emptyDiagnostics()));
      addMessage(target, message);
    }
    if (problems.length < MAX_PROBLEMS_LISTED) problems.push({ ...message, channel });
  });

  const stageIds = new Set(model.journey.map((stage) => stage.value));
  const bars: TimelineBar[] = [];
  const undated: TimelineUndated[] = [];
  for (const channel of model.channels.values()) {
    const base = channelFacts(channel, stageIds, budget, perChannel.get(channel.id) ?? emptyDiagnostics());
    const planned = schedule.channels.get(channel.id);
    if (planned) {
      bars.push({
        ...base,
        start: dateOf(planned.start),
        end: dateOf(planned.end),
        days: planned.end - planned.start + 1,
        critical: planned.critical,
        slack: planned.slack,
        earliestStart: planned.earliestStart === undefined ? undefined : dateOf(planned.earliestStart),
      });
    } else {
      undated.push({ ...base, reason: undatedReason(channel) });
    }
  }

  const critical = new Set(schedule.criticalPath.slice(1).map((id, index) => `${schedule.criticalPath[index]}\u0000${id}`));
  const edges: TimelineEdge[] = [];
  for (const edge of graph.edges) {
    const to = schedule.channels.get(edge.to.id);
    if (!schedule.channels.has(edge.from.id) || !to) continue;
    const allowed = earliestStartAllowed(edge, factsOf(model).calendar.working);
    const violationDays = allowed === undefined ? 0 : Math.max(0, allowed - to.start);
    edges.push({
      from: edge.from.id,
      to: edge.to.id,
      kind: edge.dependency.kind,
      lag: edge.dependency.lagDays,
      ...(edge.dependency.lagInBusinessDays ? { lagUnit: 'bd' as const } : {}),
      why: edge.dependency.why,
      violated: violationDays > 0,
      violationDays,
      critical: critical.has(`${edge.from.id}\u0000${edge.to.id}`),
    });
  }

  const readyBy = readyByMarkers(model, schedule);
  const milestones: TimelineMilestone[] = [];
  for (const milestone of model.milestones.values()) {
    const date = locatedDate(milestone.date);
    if (date) milestones.push({ id: milestone.id, label: milestone.label ?? milestone.id, date });
  }
  const period =
    model.period?.start?.day !== undefined && model.period.end?.day !== undefined && model.period.end.day >= model.period.start.day
      ? { start: dateOf(model.period.start.day), end: dateOf(model.period.end.day) }
      : undefined;
  const deadline = model.objectives.length === 1 ? locatedDate(model.objectives[0]!.deadline) : undefined;
  const todayDay = options.today === undefined ? undefined : parseIsoDate(options.today);
  const syntaxError = parsed.problems.find((problem) => problem.severity === 'error');
  const tracking = trackingTimeline(doc.analysis);

  return {
    title: model.title?.value ?? 'Untitled plan',
    currency: budget.currency,
    budgetTotal: budget.base > 0 ? budget.base : undefined,
    budgetShareOf: budget.base > 0 ? budget.baseLabel : undefined,
    period,
    deadline,
    today: todayDay === undefined ? undefined : dateOf(todayDay),
    finish: schedule.finish === undefined ? undefined : dateOf(schedule.finish),
    span: spanOf([
      ...bars.flatMap((bar) => [bar.start.day, bar.end.day]),
      ...(period ? [period.start.day, period.end.day] : []),
      ...(deadline ? [deadline.day] : []),
      ...readyBy.map((marker) => marker.date.day),
      ...milestones.map((milestone) => milestone.date.day),
      ...trackingDays(tracking),
    ]),
    lanes: lanesOf(model, bars),
    bars,
    edges,
    criticalPath: schedule.criticalPath,
    readyBy,
    milestones,
    ...(model.calendar ? { calendar: timelineCalendar(factsOf(model).calendar) } : {}),
    undated,
    syntaxProblem: syntaxError && { severity: 'error', code: 'yaml-syntax', message: syntaxError.message, line: syntaxError.range.start.line },
    problems,
    problemCount: diagnostics.length,
    ...(tracking ? { tracking } : {}),
  };
}

function channelFacts(channel: ChannelModel, stageIds: Set<string>, budgetFacts: BudgetFacts, diagnostics: ChannelDiagnostics): TimelineChannel {
  const stages = channel.stages.map((stage) => stage.value);
  const budget = channel.budget?.value;
  return {
    id: channel.id,
    name: channel.name?.value || channel.id,
    type: channel.type?.value,
    mode: channel.mode?.value,
    medium: channel.medium?.value,
    owner: channel.owner?.value,
    budget,
    budgetShare: budget === undefined ? undefined : budgetShare(budgetFacts, budget),
    lane: stages.find((stage) => stageIds.has(stage)) ?? UNSTAGED,
    stages,
    diagnostics,
    keyRange: channel.keyRange,
    range: channel.range,
  };
}

function undatedReason(channel: ChannelModel): string {
  const problem = (label: string, date: LocatedDate | undefined) =>
    date === undefined ? `no ${label} date` : date.day === undefined ? `${label} "${date.value}" is not a date` : undefined;
  const reasons = [problem('start', channel.start), problem('end', channel.end)].filter((reason) => reason !== undefined);
  if (reasons.length > 0) return reasons.join(', ');
  if (datesOf(channel) === undefined) return `ends (${channel.end!.value}) before it starts (${channel.start!.value})`;
  return 'no usable dates';
}

function lanesOf(model: PlanModel, bars: TimelineBar[]): TimelineLane[] {
  const lanes = new Map<string, TimelineLane>();
  for (const stage of model.journey) {
    if (!lanes.has(stage.value)) lanes.set(stage.value, { id: stage.value, label: stage.value, need: stage.need, bars: [] });
  }
  const ordered = bars.map((bar, index) => ({ bar, index })).sort((a, b) => a.bar.start.day - b.bar.start.day || a.index - b.index);
  for (const { bar } of ordered) {
    let lane = lanes.get(bar.lane);
    if (!lane) lanes.set(bar.lane, (lane = { id: UNSTAGED, label: 'Unstaged', need: 'Channels without a known journey stage', bars: [] }));
    lane.bars.push(bar.id);
  }
  return [...lanes.values()];
}

function readyByMarkers(model: PlanModel, schedule: Schedule): TimelineReadyBy[] {
  const users = factsOf(model).kpiUsers;
  const markers: TimelineReadyBy[] = [];
  for (const kpi of model.kpis.values()) {
    const date = locatedDate(kpi.measure?.readyBy);
    if (!date) continue;
    const channels = (users.get(kpi.id) ?? []).map((channel) => channel.id);
    const starts = channels.map((id) => schedule.channels.get(id)?.start).filter((day) => day !== undefined);
    markers.push({ kpi: kpi.id, name: kpi.name?.value || kpi.id, date, channels, late: starts.some((start) => date.day > start) });
  }
  return markers.sort((a, b) => a.date.day - b.date.day);
}

function timelineCalendar(calendar: PlanCalendar): TimelineCalendar {
  return {
    weekends: calendar.working.weekends,
    excluded: calendar.working.holidays.map(dateOf),
    blackouts: calendar.blackouts.map((blackout) => ({
      from: dateOf(blackout.from),
      to: dateOf(blackout.to),
      why: blackout.why,
      appliesTo: blackout.appliesTo,
    })),
  };
}

function spanOf(days: Day[]): TimelineModel['span'] {
  if (days.length === 0) return undefined;
  let first = days[0]!;
  let last = days[0]!;
  for (const day of days) {
    if (day < first) first = day;
    if (day > last) last = day;
  }
  return { start: dateOf(first), end: dateOf(last) };
}
