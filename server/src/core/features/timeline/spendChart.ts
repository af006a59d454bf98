import { formatMoney, formatMoneyCompact } from '../../text/money.js';
import { longDate, shortDate } from './axis.js';
import { escapeXml, truncate } from './escape.js';
import { BAR_HEIGHT, CHART_LEFT, MARKERS_TOP, ROW, round, SPEND_CHART_HEIGHT, type Layout } from './layout.js';
import { SPEND_SERIES, SPEND_TYPES, type SpendMonth } from './trackingModel.js';
import type { TimelineModel } from './types.js';

// The timeline of a plan after launch: the as-of line, each bar filled to its burn with the
// pace of its KPIs beside it, and under the lanes a chart of spend by month — planned,
// committed and actual side by side, cumulative to each month's end, stacked by channel type,
// with the plan budget as a line. Every plan string is escaped; colours come from the
// timeline's theme variables.

const PLOT_TOP = 34;
const PLOT_HEIGHT = SPEND_CHART_HEIGHT - PLOT_TOP - 34;
const SERIES_LABEL = { planned: 'planned', committed: 'committed', actual: 'actual' } as const;

export const trackingCss = `
.tl .as-of line { stroke: var(--tl-today); stroke-width: 1.5; stroke-dasharray: 2 2; }
.tl .as-of text { fill: var(--tl-today); font-weight: 600; }
.tl .bar-unburnt { fill: var(--tl-bg); fill-opacity: 0.55; }
.tl .bar-over { fill: none; stroke: var(--tl-error); stroke-width: 2; }
.tl .pace { stroke: var(--tl-bg); stroke-width: 1; }
.tl .pace.behind { fill: var(--tl-error); }
.tl .pace.on-pace { fill: var(--tl-earned); }
.tl .pace.ahead { fill: var(--tl-info); }
.tl .pace.unknown { fill: var(--tl-muted); }
.tl .spend-title { font-weight: 600; }
.tl .spend-axis { stroke: var(--tl-lines); stroke-opacity: 0.6; }
.tl .spend.paid { fill: var(--tl-paid); }
.tl .spend.owned { fill: var(--tl-owned); }
.tl .spend.earned { fill: var(--tl-earned); }
.tl .spend.untyped { fill: var(--tl-untyped); }
.tl .spend.planned { fill-opacity: 0.3; }
.tl .spend.committed { fill-opacity: 0.65; }
.tl .spend-budget line { stroke: var(--tl-critical); stroke-width: 1.5; stroke-dasharray: 6 3; }
.tl .spend-budget text { fill: var(--tl-critical); font-weight: 600; }
.tl .spend-month, .tl .spend-scale { font-size: 10px; fill: var(--tl-muted); }
`;

/** The as-of line (when it is not simply today), burn fills and pace dots on the bars. */
export function renderTrackingMarks(model: TimelineModel, layout: Layout): string {
  const tracking = model.tracking;
  if (!tracking) return '';
  const parts: string[] = [];
  for (const bar of model.bars) {
    const channel = tracking.channels[bar.id];
    const top = layout.rowTop.get(bar.id);
    if (!channel || top === undefined) continue;
    const y = round(top + (ROW - BAR_HEIGHT) / 2);
    const left = layout.x(bar.start.day);
    const right = Math.max(left + 3, layout.x(bar.end.day + 1));
    if (channel.burn !== undefined) {
      const burnt = round(left + (right - left) * Math.min(1, channel.burn));
      const title = `<title>${escapeXml(`${truncate(bar.id, 120)}: ${channel.label ?? ''}`)}</title>`;
      const over = channel.burn > 1 ? ' over-budget' : '';
      parts.push(
        `<g class="burn${over}" data-burn="${round(channel.burn * 100)}">${title}` +
          (burnt < right ? `<rect class="bar-unburnt" x="${burnt}" y="${y}" width="${round(right - burnt)}" height="${BAR_HEIGHT}"/>` : '') +
          (over ? `<rect class="bar-over" x="${left}" y="${y}" width="${round(right - left)}" height="${BAR_HEIGHT}"/>` : '') +
          `</g>`,
      );
    }
    if (channel.pace.length > 0) {
      const worst = channel.pace.find((pace) => pace.status === 'behind') ?? channel.pace.find((pace) => pace.status === 'on-pace') ?? channel.pace[0]!;
      const status = worst.status ?? 'unknown';
      const text = channel.pace.map((pace) => `${truncate(pace.kpi, 120)}: ${pace.label}`).join('\n');
      parts.push(
        `<circle class="pace ${status}" data-kpi-pace="${status}" cx="${round(Math.max(CHART_LEFT + 4, left - 7))}" cy="${round(y + BAR_HEIGHT / 2)}" r="4"><title>${escapeXml(text)}</title></circle>`,
      );
    }
  }
  if (tracking.asOf.source !== 'today' && tracking.asOf.day >= layout.first && tracking.asOf.day <= layout.last + 1) {
    const x = round(layout.x(tracking.asOf.day) + layout.pxPerDay / 2);
    const bottom = tracking.months.length > 0 ? layout.spendTop + PLOT_TOP + PLOT_HEIGHT : layout.lanesBottom;
    parts.push(
      `<g class="as-of"><title>${escapeXml(`As of ${longDate(tracking.asOf.day)}: actuals are read up to this day`)}</title>` +
        `<line x1="${x}" y1="${MARKERS_TOP + 2}" x2="${x}" y2="${bottom}"/>` +
        `<text x="${round(x + 4)}" y="${round(layout.lanesBottom + 12)}">${escapeXml(`As of ${shortDate(tracking.asOf.day)}`)}</text></g>`,
    );
  }
  return parts.join('');
}

/** The monthly spend chart under the lanes. */
export function renderSpendChart(model: TimelineModel, layout: Layout): string {
  const tracking = model.tracking;
  if (!tracking || tracking.months.length === 0) return '';
  const currency = model.currency && truncate(model.currency, 6);
  const top = layout.spendTop;
  const plotTop = top + PLOT_TOP;
  const plotBottom = plotTop + PLOT_HEIGHT;
  const last = tracking.months[tracking.months.length - 1]!;
  const peak = Math.max(tracking.budget ?? 0, ...SPEND_SERIES.map((series) => sum(last.cumulative[series])), 1);
  const scale = (amount: number) => (amount / (peak * 1.08)) * PLOT_HEIGHT;
  const left = CHART_LEFT;
  const right = layout.x(layout.last + 1);
  const parts = [
    `<g class="spend-chart" data-months="${tracking.months.length}">`,
    `<text class="spend-title" x="8" y="${top + 16}">Spend by month</text>`,
    `<text class="muted" x="8" y="${top + 30}">cumulative: planned · committed · actual, by type</text>`,
    `<line class="spend-axis" x1="${left}" y1="${plotBottom}" x2="${right}" y2="${plotBottom}"/>`,
    `<text class="spend-scale" x="${left - 4}" y="${plotBottom}" text-anchor="end">0</text>`,
    `<text class="spend-scale" x="${left - 4}" y="${round(plotBottom - scale(peak) + 4)}" text-anchor="end">${escapeXml(formatMoneyCompact(peak, currency))}</text>`,
  ];
  for (const month of tracking.months) parts.push(monthBars(month, layout, plotBottom, scale, currency));
  if (tracking.budget !== undefined && tracking.budget > 0) {
    const y = round(plotBottom - scale(tracking.budget));
    parts.push(
      `<g class="spend-budget"><title>${escapeXml(`Plan budget ${formatMoney(tracking.budget, currency)}`)}</title><line x1="${left}" y1="${y}" x2="${right}" y2="${y}"/>` +
        `<text x="${round(right + 4)}" y="${y + 4}">${escapeXml(`budget ${formatMoneyCompact(tracking.budget, currency)}`)}</text></g>`,
    );
  }
  parts.push('</g>');
  return parts.join('');
}

function monthBars(month: SpendMonth, layout: Layout, bottom: number, scale: (amount: number) => number, currency: string | undefined): string {
  const x0 = layout.x(month.startDay);
  const x1 = layout.x(month.endDay + 1);
  const width = Math.max(3, (x1 - x0 - 6) / 3);
  const parts = [`<g class="spend-month-group" data-month="${month.month}">`];
  SPEND_SERIES.forEach((series, index) => {
    const x = round(x0 + 3 + index * width);
    let y = bottom;
    const total = sum(month.cumulative[series]);
    const byType = SPEND_TYPES.filter((type) => month.cumulative[series][type] > 0)
      .map((type) => `${type} ${formatMoney(month.cumulative[series][type], currency)}`)
      .join(', ');
    const title = `${month.month}, ${SERIES_LABEL[series]} to the month's end: ${formatMoney(total, currency)}${byType ? ` (${byType})` : ''}; in the month ${formatMoney(month.monthly[series], currency)}`;
    parts.push(`<g class="spend-stack" data-series="${series}"><title>${escapeXml(title)}</title>`);
    for (const type of SPEND_TYPES) {
      const height = scale(month.cumulative[series][type]);
      if (height <= 0) continue;
      y -= height;
      parts.push(
        `<rect class="spend ${type} ${series}" x="${x}" y="${round(y)}" width="${round(Math.max(1, width - 1))}" height="${round(Math.max(0.5, height))}"/>`,
      );
    }
    parts.push('</g>');
  });
  parts.push(`<text class="spend-month" x="${round(x0 + 3)}" y="${bottom + 12}">${escapeXml(month.month)}</text></g>`);
  return parts.join('');
}

function sum(values: Record<string, number>): number {
  return Object.values(values).reduce((a, b) => a + b, 0);
}
