import type { Analysis } from '../../analyze.js';
import { factsOf } from '../../model/planFacts.js';
import type { ChannelModel, PlanModel } from '../../model/planModel.js';
import { datesOf } from '../../model/schedule.js';
import { plural, type Day } from '../../text/dates.js';
import { longDate } from '../timeline/axis.js';
import { formatMoney } from '../../text/money.js';
import { contentLines, escapeText, icsDate, icsTimestamp, stableUid } from './icalendar.js';

// The plan as a calendar for people outside the editor: channel launches and ends, plan
// milestones, the objective's deadline, the dates measurement must be ready by, and the
// review rhythm as recurring events inside the plan period. All-day events, marked free
// (TRANSP:TRANSPARENT), plain text only: no alarms, links or attachments from the plan.

export interface CalendarOptions {
  /**
   * What makes the UIDs of this plan unique and stable: the plan file's name by default
   * (the CLI and the server pass it), else the plan's title.
   */
  planKey?: string;
  /** The moment of export, for DTSTAMP (now by default). */
  now?: Date;
}

export interface CalendarExport {
  text: string;
  /** How many events the calendar holds. */
  events: number;
  /** What could not go in (no dates for the reviews …), one sentence each. */
  notes: string[];
}

interface CalendarEvent {
  kind: string;
  id: string;
  day: Day;
  summary: string;
  description: string[];
  category: string;
  rrule?: string;
}

const REVIEW_RULES: Record<string, string> = { weekly: 'FREQ=WEEKLY', monthly: 'FREQ=MONTHLY', quarterly: 'FREQ=MONTHLY;INTERVAL=3' };

export function planCalendar(analysis: Analysis, options: CalendarOptions = {}): CalendarExport {
  const { model } = analysis;
  const title = model.title?.value ?? 'Untitled plan';
  const planKey = options.planKey ?? title;
  const notes: string[] = [];
  const events = [...channelEvents(model), ...milestoneEvents(model), ...deadlineEvents(model), ...readyByEvents(model), ...reviewEvents(model, notes)];
  const stamp = icsTimestamp(options.now ?? new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Throughline//Throughline plan export//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(title)}`,
  ];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${stableUid(planKey, event.kind, event.id)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(event.day)}`,
      `DTEND;VALUE=DATE:${icsDate(event.day + 1)}`,
      ...(event.rrule ? [`RRULE:${event.rrule}`] : []),
      `SUMMARY:${escapeText(event.summary)}`,
      `DESCRIPTION:${escapeText([...event.description, `Plan: ${title}`].join('\n'))}`,
      `CATEGORIES:Throughline,${event.category}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return { text: contentLines(lines), events: events.length, notes };
}

function channelName(channel: ChannelModel): string {
  return channel.name?.value || channel.id;
}

function channelDescription(model: PlanModel, channel: ChannelModel, dates: { start: Day; end: Day }): string[] {
  const kind = [channel.type?.value, channel.mode?.value, channel.medium?.value].filter(Boolean).join(' · ');
  return [
    `Channel ${channel.id}${kind ? ` (${kind})` : ''}`,
    `Owner: ${channel.owner?.value ?? 'none named'}`,
    `Runs ${longDate(dates.start)} – ${longDate(dates.end)} (${plural(dates.end - dates.start + 1, 'day')})`,
    ...(channel.budget ? [`Budget: ${formatMoney(channel.budget.value, model.budget?.currency)}`] : []),
    ...(channel.stages.length > 0 ? [`Stages: ${channel.stages.map((stage) => stage.value).join(', ')}`] : []),
    ...(channel.kpis.length > 0 ? [`KPIs: ${channel.kpis.map((kpi) => kpi.value).join(', ')}`] : []),
    ...(channel.dependsOn.length > 0 ? [`Depends on: ${channel.dependsOn.map((dependency) => dependency.on.value).join(', ')}`] : []),
  ];
}

function channelEvents(model: PlanModel): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  for (const channel of model.channels.values()) {
    const dates = datesOf(channel);
    if (!dates) continue;
    const description = channelDescription(model, channel, dates);
    events.push(
      { kind: 'launch', id: channel.id, day: dates.start, summary: `Launch: ${channelName(channel)}`, description, category: 'Launch' },
      { kind: 'end', id: channel.id, day: dates.end, summary: `Ends: ${channelName(channel)}`, description, category: 'End' },
    );
  }
  return events;
}

function milestoneEvents(model: PlanModel): CalendarEvent[] {
  return [...model.milestones.values()].flatMap((milestone) =>
    milestone.date?.day === undefined
      ? []
      : [
          {
            kind: 'milestone',
            id: milestone.id,
            day: milestone.date.day,
            summary: `Milestone: ${milestone.label ?? milestone.id}`,
            description: [`Milestone ${milestone.id}`],
            category: 'Milestone',
          },
        ],
  );
}

function deadlineEvents(model: PlanModel): CalendarEvent[] {
  if (model.objectives.length !== 1) return [];
  const objective = model.objectives[0]!;
  const day = objective.deadline?.day;
  if (day === undefined) return [];
  const id = objective.id?.value ?? 'objective';
  const target = objective.target ? [`Target: ${objective.target.value}${objective.metric ? ` ${objective.metric.value}` : ''}`] : [];
  return [
    { kind: 'deadline', id, day, summary: `Deadline: ${objective.statement?.value ?? id}`, description: [`Objective ${id}`, ...target], category: 'Deadline' },
  ];
}

function readyByEvents(model: PlanModel): CalendarEvent[] {
  const users = factsOf(model).kpiUsers;
  const events: CalendarEvent[] = [];
  for (const kpi of model.kpis.values()) {
    const measure = kpi.measure;
    const day = measure?.readyBy?.day;
    if (!measure || day === undefined) continue;
    const channels = (users.get(kpi.id) ?? []).map((channel) => channel.id);
    events.push({
      kind: 'ready-by',
      id: kpi.id,
      day,
      summary: `Measurement ready: ${kpi.name?.value || kpi.id}`,
      description: [
        `KPI ${kpi.id}: tracking live and agreed`,
        ...(measure.definition ? [`Definition: ${measure.definition.value}`] : []),
        ...(measure.source ? [`Source: ${measure.source.value}`] : []),
        `Owner: ${measure.owner?.value ?? kpi.owner?.value ?? 'none named'}`,
        ...(channels.length > 0 ? [`Reported by: ${channels.join(', ')}`] : []),
      ],
      category: 'Measurement',
    });
  }
  return events;
}

/** The period the reviews recur in: the plan period, else the span of the dated channels. */
function reviewWindow(model: PlanModel): { start: Day; end: Day } | undefined {
  const start = model.period?.start?.day;
  const end = model.period?.end?.day;
  if (start !== undefined && end !== undefined && end >= start) return { start, end };
  const { schedule } = factsOf(model);
  let first: Day | undefined;
  for (const channel of schedule.channels.values()) first = first === undefined ? channel.start : Math.min(first, channel.start);
  return first !== undefined && schedule.finish !== undefined ? { start: first, end: schedule.finish } : undefined;
}

function reviewEvents(model: PlanModel, notes: string[]): CalendarEvent[] {
  if (model.reviews.size === 0) return [];
  const window = reviewWindow(model);
  if (!window) {
    notes.push('The reviews are not in the calendar: the plan has no period and no dated channel to repeat them in.');
    return [];
  }
  const events: CalendarEvent[] = [];
  for (const [cadence, review] of model.reviews) {
    const rule = REVIEW_RULES[cadence];
    if (!rule) continue;
    events.push({
      kind: 'review',
      id: cadence,
      day: window.start,
      rrule: `${rule};UNTIL=${icsDate(window.end)}`,
      summary: `${cadence[0]!.toUpperCase()}${cadence.slice(1)} review`,
      description: [
        `Owner: ${review.owner?.value ?? 'none named'}`,
        ...(review.focus ? [`Focus: ${review.focus.value}`] : []),
        `Until ${longDate(window.end)}`,
      ],
      category: 'Review',
    });
  }
  return events;
}
