import { number, paceLineText, whereFrom } from '../../actuals/describe.js';
import type { ChannelMoney, KpiPace, Tracking } from '../../actuals/tracking.js';
import type { Analysis } from '../../analyze.js';
import { factsOf } from '../../model/planFacts.js';
import { formatDay } from '../../text/dates.js';
import { escapeMarkdown } from '../../text/markdown.js';
import { formatMoney, formatMoneyCompact, formatPercent } from '../../text/money.js';

// What the hover, the code lens, the timeline and the review pack say about a channel's money
// and a KPI's pace: one wording, from the tracking facts.

export const PACE_WORDS = { 'on-pace': 'on pace', behind: 'behind pace', ahead: 'ahead of pace' } as const;

/** True when the channel has any phased, committed or actual money. */
export function hasMoney(money: ChannelMoney | undefined): money is ChannelMoney {
  return !!money && money.months.length > 0;
}

/** `burn 49% · £92,000 left` (or `£2,000 over`); undefined without a budget or money out. */
export function burnLabel(money: ChannelMoney, currency: string | undefined, compact = false): string | undefined {
  const budget = money.channel.budget?.value;
  if (budget === undefined || money.out === 0) return undefined;
  const format = compact ? formatMoneyCompact : formatMoney;
  const left = budget - money.out;
  return `burn ${formatPercent(money.out, budget)} · ${left >= 0 ? `${format(left, currency)} left` : `${format(-left, currency)} over`}`;
}

/** `62% of target · behind pace`; undefined without an actual. */
export function paceLabel(pace: KpiPace): string | undefined {
  if (!pace.latest) return undefined;
  const target = pace.pace?.target ?? pace.kpi.measure?.target?.value;
  const share =
    target !== undefined && target > 0 && pace.pace && pace.pace.target >= pace.pace.baseline
      ? `${formatPercent(pace.latest.value, target)} of target`
      : `latest ${number(pace.latest.value)}`;
  return pace.status ? `${share} · ${PACE_WORDS[pace.status]}` : share;
}

/** Hover lines for a channel's money (Markdown). */
export function channelMoneyMarkdown(analysis: Analysis, id: string): string | undefined {
  const money = analysis.tracking.channels.get(id);
  if (!hasMoney(money)) return undefined;
  const currency = factsOf(analysis.model).budget.currency;
  const shown = currency && escapeMarkdown(currency);
  const amount = (value: number) => formatMoney(value, shown);
  const budget = money.channel.budget?.value;
  const lines = [
    `**Money** (as of ${formatDay(analysis.tracking.asOf)})`,
    `${budget === undefined ? 'No budget' : `Budget ${amount(budget)}`} · phased ${amount(money.planned)} · committed ${amount(money.committed)} · actual ${amount(money.actual)}`,
    `Money out ${amount(money.out)}${budget === undefined ? '' : ` · burn ${formatPercent(money.out, budget)} · remaining ${amount(budget - money.out)}`}`,
  ];
  return lines.join('  \n');
}

/** Hover lines for a KPI's pace (Markdown). */
export function kpiPaceMarkdown(analysis: Analysis, id: string): string | undefined {
  const tracking = analysis.tracking;
  const pace = tracking.kpis.get(id);
  if (!pace || (!pace.latest && !pace.pace)) return undefined;
  const lines = [`**Pace** (as of ${formatDay(tracking.asOf)})`];
  if (pace.pace) lines.push(`Pace line: ${paceLineText(pace.pace)}`);
  if (!pace.latest) lines.push('No actual yet.');
  else {
    lines.push(`Latest actual: ${number(pace.latest.value)} on ${pace.latest.date}${escapeSource(tracking, pace)}`);
    if (pace.expected !== undefined) lines.push(`Expected on the pace line: ${number(pace.expected)}`);
    if (pace.forecast !== undefined && pace.pace)
      lines.push(`Forecast at the ${pace.pace.endLabel} (${formatDay(pace.pace.endDay)}): ${number(pace.forecast)}`);
    if (pace.status)
      lines.push(`**${PACE_WORDS[pace.status].replace(/^./, (first) => first.toUpperCase())}** (tolerance ${Math.round(tracking.tolerance * 100)} %)`);
  }
  return lines.join('  \n');
}

function escapeSource(tracking: Tracking, pace: KpiPace): string {
  // The CSV's path is plan text: it goes into Markdown escaped.
  return escapeMarkdown(whereFrom(tracking, pace.latest!.source).replace(/`/g, ''));
}
