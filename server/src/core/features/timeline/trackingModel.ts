import type { Analysis } from '../../analyze.js';
import { factsOf } from '../../model/planFacts.js';
import { formatDay, parseIsoDate } from '../../text/dates.js';
import { burnLabel, paceLabel } from '../tracking/summaries.js';

// What the timeline shows of a plan after launch: the as-of marker, each bar's burn and the
// pace of the KPIs it reports, and the monthly spend chart under the lanes.

export type SpendSeries = 'planned' | 'committed' | 'actual';
export const SPEND_SERIES: readonly SpendSeries[] = ['planned', 'committed', 'actual'];
export const SPEND_TYPES = ['paid', 'owned', 'earned', 'untyped'] as const;
export type SpendType = (typeof SPEND_TYPES)[number];

export interface SpendMonth {
  /** `YYYY-MM`. */
  month: string;
  /** First and last day of the month. */
  startDay: number;
  endDay: number;
  /** Cumulative to the month's end, per series and channel type. */
  cumulative: Record<SpendSeries, Record<SpendType, number>>;
  /** The month's own amounts, per series (all types). */
  monthly: Record<SpendSeries, number>;
}

export interface TimelineTracking {
  asOf: { date: string; day: number; source: 'option' | 'plan' | 'today' };
  /** Bar id → money out as a share of its budget, and the pace of the KPIs it reports. */
  channels: Record<string, { burn: number | undefined; label: string | undefined; pace: { kpi: string; status: string | undefined; label: string }[] }>;
  /** Months with any money, in order; empty when the plan phases and spends nothing. */
  months: SpendMonth[];
  /** The plan's budget total, drawn as a line over the cumulative bars. */
  budget: number | undefined;
}

export function trackingTimeline(analysis: Analysis): TimelineTracking | undefined {
  const { model, tracking } = analysis;
  const hasMoney = tracking.plan.months.length > 0;
  const hasPace = [...tracking.kpis.values()].some((pace) => pace.latest);
  if (!tracking.tracked && !hasMoney && !hasPace) return undefined;
  const currency = factsOf(model).budget.currency;
  const channels: TimelineTracking['channels'] = Object.create(null);
  for (const [id, money] of tracking.channels) {
    const budget = money.channel.budget?.value;
    const pace = money.channel.kpis.flatMap(({ value }) => {
      const kpi = tracking.kpis.get(value);
      const label = kpi && paceLabel(kpi);
      return kpi && label ? [{ kpi: value, status: kpi.status, label }] : [];
    });
    channels[id] = { burn: budget && budget > 0 && money.out > 0 ? money.out / budget : undefined, label: burnLabel(money, currency), pace };
  }
  return {
    asOf: { date: formatDay(tracking.asOf), day: tracking.asOf, source: tracking.asOfSource },
    channels,
    months: spendMonths(analysis),
    budget: model.budget?.total?.value,
  };
}

function spendMonths(analysis: Analysis): SpendMonth[] {
  const { tracking } = analysis;
  const months = [...new Set(tracking.plan.months.map((entry) => entry.month))].sort();
  if (months.length === 0) return [];
  // Every month from the first to the last with money, so the cumulative steps have no gaps (at most 10 years).
  const all: string[] = [];
  for (let month = months[0]!; month <= months[months.length - 1]! && all.length < 120; month = nextMonth(month)) all.push(month);
  const zero = (): Record<SpendType, number> => ({ paid: 0, owned: 0, earned: 0, untyped: 0 });
  const running: Record<SpendSeries, Record<SpendType, number>> = { planned: zero(), committed: zero(), actual: zero() };
  const byMonth = new Map<string, Record<SpendSeries, Record<SpendType, number>>>();
  for (const money of tracking.channels.values()) {
    const type: SpendType = money.channel.type?.value ?? 'untyped';
    for (const entry of money.months) {
      let month = byMonth.get(entry.month);
      if (!month) byMonth.set(entry.month, (month = { planned: zero(), committed: zero(), actual: zero() }));
      month.planned[type] += entry.planned;
      month.committed[type] += entry.committed;
      month.actual[type] += entry.actual;
    }
  }
  return all.map((month) => {
    const own = byMonth.get(month);
    const monthly = { planned: 0, committed: 0, actual: 0 };
    for (const series of SPEND_SERIES) {
      for (const type of SPEND_TYPES) {
        const amount = own?.[series][type] ?? 0;
        running[series][type] += amount;
        monthly[series] += amount;
      }
    }
    const startDay = parseIsoDate(`${month}-01`)!;
    return {
      month,
      startDay,
      endDay: parseIsoDate(`${nextMonth(month)}-01`)! - 1,
      cumulative: { planned: { ...running.planned }, committed: { ...running.committed }, actual: { ...running.actual } },
      monthly,
    };
  });
}

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

/** The days the chart needs on the time axis (so the span covers every month with money). */
export function trackingDays(tracking: TimelineTracking | undefined): number[] {
  if (!tracking) return [];
  const days = [tracking.asOf.day];
  const months = tracking.months;
  if (months.length > 0) days.push(months[0]!.startDay, months[months.length - 1]!.endDay);
  return days;
}
