import { number } from '../../actuals/describe.js';
import { staleness, type KpiPace, type PaceStatus, type Tracking } from '../../actuals/tracking.js';
import type { Analysis } from '../../analyze.js';
import { factsOf } from '../../model/planFacts.js';
import type { ChannelModel, PlanModel } from '../../model/planModel.js';
import { earliestStartAllowed } from '../../model/schedule.js';
import { formatDay, type Day } from '../../text/dates.js';
import { formatMoney } from '../../text/money.js';

// The review pack: the seeds' review rhythm, generated from the plan and its actuals. Weekly —
// blockers; monthly — tracking to the objective; quarterly — investment. Plain data (this is
// the documented JSON); the Markdown and HTML renderers only lay it out.

export const REVIEW_CADENCES = ['weekly', 'monthly', 'quarterly'] as const;
export type ReviewCadence = (typeof REVIEW_CADENCES)[number];

/** How far ahead the weekly review looks for channels about to start. */
export const BLOCKER_WINDOW_DAYS = 14;

export interface Blocker {
  kind: 'dependency' | 'measurement' | 'stale-actuals';
  /** A sentence saying what blocks the channel. */
  text: string;
}

export interface UpcomingChannel {
  channel: string;
  owner: string | null;
  start: string;
  blockers: Blocker[];
}

export interface KpiTracking {
  kpi: string;
  owner: string | null;
  /** The `traces_to` chain, the KPI first, ending at the objective when it reaches it. */
  trace: string[];
  reachesObjective: boolean;
  aggregation: 'cumulative' | 'per-period';
  latest: { date: string; value: number } | null;
  expected: number | null;
  target: number | null;
  /** The actuals' trend extended to the deadline. */
  forecast: number | null;
  deadline: string | null;
  status: PaceStatus | 'no-actuals' | 'no-pace-line';
}

export interface ChannelInvestment {
  channel: string;
  type: string | null;
  owner: string | null;
  budget: number | null;
  planned: number;
  /** Phased up to the as-of date: the months before it, and the as-of month by its days gone. */
  plannedToDate: number;
  committed: number;
  actual: number;
  /** Per month the larger of committed and actual, summed. */
  out: number;
  spending: 'over' | 'under' | 'to plan' | 'unphased';
  kpis: { kpi: string; status: KpiTracking['status'] }[];
}

export interface ReviewPack {
  plan: string;
  asOf: string;
  /** Where the as-of date came from: `--as-of`, the plan's `as_of`, or today. */
  asOfSource: 'option' | 'plan' | 'today';
  currency: string | null;
  tolerance: number;
  weekly?: { from: string; to: string; channels: UpcomingChannel[] };
  monthly?: { objective: { id: string | null; statement: string | null; target: number | null; deadline: string | null }; kpis: KpiTracking[] };
  quarterly?: {
    channels: ChannelInvestment[];
    byType: { type: string; budget: number; planned: number; plannedToDate: number; out: number }[];
    total: { budget: number | null; planned: number; plannedToDate: number; out: number };
    /** Questions for the meeting, not verdicts. */
    questions: string[];
  };
}

export function buildReviewPack(analysis: Analysis, cadences: readonly ReviewCadence[] = REVIEW_CADENCES): ReviewPack {
  const { model, tracking } = analysis;
  const pack: ReviewPack = {
    plan: model.title?.value ?? '(untitled plan)',
    asOf: formatDay(tracking.asOf),
    asOfSource: tracking.asOfSource,
    currency: factsOf(model).budget.currency ?? null,
    tolerance: tracking.tolerance,
  };
  const kpis = [...tracking.kpis.values()].map((pace) => kpiTracking(model, pace));
  if (cadences.includes('weekly')) pack.weekly = weekly(model, tracking);
  if (cadences.includes('monthly')) {
    const objective = model.objectives[0];
    pack.monthly = {
      objective: {
        id: objective?.id?.value ?? null,
        statement: objective?.statement?.value ?? null,
        target: objective?.target?.value ?? null,
        deadline: objective?.deadline?.value ?? null,
      },
      kpis,
    };
  }
  if (cadences.includes('quarterly')) pack.quarterly = quarterly(model, tracking, new Map(kpis.map((kpi) => [kpi.kpi, kpi])), pack.currency ?? undefined);
  return pack;
}

function weekly(model: PlanModel, tracking: Tracking): NonNullable<ReviewPack['weekly']> {
  const facts = factsOf(model);
  const to = tracking.asOf + BLOCKER_WINDOW_DAYS;
  const channels: UpcomingChannel[] = [];
  for (const channel of model.channels.values()) {
    const start = channel.start?.day;
    if (start === undefined || start < tracking.asOf || start > to) continue;
    const blockers: Blocker[] = [];
    for (const edge of facts.graph.upstream.get(channel.id) ?? []) {
      const upstream = edge.from;
      const allowed = earliestStartAllowed(edge, facts.calendar.working);
      if (allowed !== undefined && start < allowed)
        blockers.push({
          kind: 'dependency',
          text: `${tick(upstream.id)} (${edge.dependency.kind}) allows a start from ${formatDay(allowed)}: it starts too early.`,
        });
      else if (edge.dependency.kind === 'finish-to-start' && upstream.end?.day !== undefined && upstream.end.day >= tracking.asOf)
        blockers.push({ kind: 'dependency', text: `${tick(upstream.id)} is not finished: it ends on ${formatDay(upstream.end.day)}.` });
      else if (edge.dependency.kind === 'start-to-start' && upstream.start?.day !== undefined && upstream.start.day > tracking.asOf)
        blockers.push({ kind: 'dependency', text: `${tick(upstream.id)} has not started: it starts on ${formatDay(upstream.start.day)}.` });
    }
    for (const { value: id } of channel.kpis) {
      const kpi = model.kpis.get(id);
      const readyBy = kpi?.measure?.readyBy?.day;
      if (!kpi?.measure) blockers.push({ kind: 'measurement', text: `${tick(id)} has no measure agreed.` });
      else if (readyBy === undefined) blockers.push({ kind: 'measurement', text: `${tick(id)} has no \`ready_by\`: is its tracking live?` });
      else if (readyBy > tracking.asOf)
        blockers.push({ kind: 'measurement', text: `${tick(id)} is measured from ${formatDay(readyBy)}: is its tracking live by then?` });
      const pace = tracking.kpis.get(id);
      const stale = pace && staleness(pace, tracking);
      if (stale) blockers.push({ kind: 'stale-actuals', text: `${tick(id)} has no actual since ${formatDay(stale.since)} (reported ${stale.cadence}).` });
    }
    if (blockers.length > 0) channels.push({ channel: channel.id, owner: channel.owner?.value ?? null, start: formatDay(start), blockers });
  }
  channels.sort((a, b) => a.start.localeCompare(b.start) || a.channel.localeCompare(b.channel));
  return { from: formatDay(tracking.asOf), to: formatDay(to), channels };
}

function kpiTracking(model: PlanModel, pace: KpiPace): KpiTracking {
  const trace = factsOf(model).traces.get(pace.kpi.id);
  const status: KpiTracking['status'] = pace.status ?? (!pace.pace ? 'no-pace-line' : 'no-actuals');
  return {
    kpi: pace.kpi.id,
    owner: pace.kpi.owner?.value ?? pace.kpi.measure?.owner?.value ?? null,
    trace: trace?.chain ?? [pace.kpi.id],
    reachesObjective: trace?.status === 'reaches',
    aggregation: pace.aggregation,
    latest: pace.latest ? { date: pace.latest.date, value: pace.latest.value } : null,
    expected: round(pace.expected),
    target: pace.pace?.target ?? pace.kpi.measure?.target?.value ?? null,
    forecast: round(pace.forecast),
    deadline: pace.pace ? formatDay(pace.pace.endDay) : null,
    status,
  };
}

function round(value: number | undefined): number | null {
  return value === undefined ? null : Math.round(value * 100) / 100;
}

/** Phasing up to the as-of date, in whole units: the months before its month in full, its month by the days gone (the as-of day included). */
export function plannedToDate(channel: ChannelModel, asOf: Day): number {
  const today = formatDay(asOf);
  const month = today.slice(0, 7);
  const day = Number(today.slice(8, 10));
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const daysInMonth = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  let sum = 0;
  for (const phased of channel.phasing) {
    if (phased.month < month) sum += phased.amount.value;
    else if (phased.month === month) sum += (phased.amount.value * day) / daysInMonth;
  }
  // Whole units: the days-gone share of a month is an estimate, its pence would be noise.
  return Math.round(sum);
}

function quarterly(model: PlanModel, tracking: Tracking, kpis: Map<string, KpiTracking>, currency: string | undefined): NonNullable<ReviewPack['quarterly']> {
  const tolerance = tracking.tolerance;
  const channels: ChannelInvestment[] = [];
  const questions: string[] = [];
  const money = (amount: number) => formatMoney(amount, currency);
  for (const channel of model.channels.values()) {
    const spent = tracking.channels.get(channel.id)!;
    const toDate = plannedToDate(channel, tracking.asOf);
    const budget = channel.budget?.value ?? null;
    const spending: ChannelInvestment['spending'] =
      (budget !== null && spent.out > budget) || (toDate > 0 && spent.out > (1 + tolerance) * toDate)
        ? 'over'
        : toDate <= 0
          ? 'unphased'
          : spent.out < (1 - tolerance) * toDate
            ? 'under'
            : 'to plan';
    const statuses = channel.kpis.map(({ value }) => ({ kpi: value, status: kpis.get(value)?.status ?? ('no-pace-line' as const) }));
    channels.push({
      channel: channel.id,
      type: channel.type?.value ?? null,
      owner: channel.owner?.value ?? null,
      budget,
      planned: spent.planned,
      plannedToDate: toDate,
      committed: spent.committed,
      actual: spent.actual,
      out: spent.out,
      spending,
      kpis: statuses,
    });
    const spentText = `${money(spent.out)} out against ${money(toDate)} phased to date`;
    for (const { kpi, status } of statuses) {
      if (status === 'behind' && (spending === 'to plan' || spending === 'over'))
        questions.push(
          `${tick(channel.id)} is spending ${spending === 'over' ? 'above' : 'to'} plan (${spentText}) while ${tick(kpi)} is behind pace: is this money working, or should some of it move to a channel that is ahead?`,
        );
      if (status === 'ahead' && spending === 'under')
        questions.push(
          `${tick(channel.id)} is ahead of pace on ${tick(kpi)} while under-spent (${spentText}): would more budget here move the objective faster?`,
        );
    }
    if (spending === 'over' && budget !== null && spent.out > budget)
      questions.push(
        `${tick(channel.id)} has ${money(spent.out)} out, over its budget of ${money(budget)}: who approved the difference, and where does it come from?`,
      );
  }
  const byType = new Map<string, { type: string; budget: number; planned: number; plannedToDate: number; out: number }>();
  for (const item of channels) {
    const type = item.type ?? 'untyped';
    const sum = byType.get(type) ?? { type, budget: 0, planned: 0, plannedToDate: 0, out: 0 };
    sum.budget += item.budget ?? 0;
    sum.planned += item.planned;
    sum.plannedToDate += item.plannedToDate;
    sum.out += item.out;
    byType.set(type, sum);
  }
  const total = {
    budget: model.budget?.total?.value ?? null,
    planned: tracking.plan.planned,
    plannedToDate: channels.reduce((sum, item) => sum + item.plannedToDate, 0),
    out: tracking.plan.out,
  };
  return { channels, byType: [...byType.values()], total, questions };
}

/** An id as a code span in a sentence: backticks and line breaks cannot break it (the renderers split on backticks). */
export function tick(id: string): string {
  return `\`${id.replace(/[`\r\n]/g, "'")}\``;
}

/** `1,171` or `—`. */
export function shownNumber(value: number | null): string {
  return value === null ? '—' : number(value);
}
