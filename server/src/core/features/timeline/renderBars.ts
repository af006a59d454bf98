import { plural } from '../../text/dates.js';
import { messageCount } from './channelDiagnostics.js';
import { routeEdge, STUB, type BarBox } from './arrows.js';
import { longDate } from './axis.js';
import { escapeXml, truncate } from './escape.js';
import { formatMoney, formatMoneyCompact, formatPercent } from '../../text/money.js';
import { BAR_HEIGHT, CHART_LEFT, LANE_LABEL_WIDTH, NAME_WIDTH, ROW, round, type Layout } from './layout.js';
import { problemBadge, type BadgeSeverity } from './marks.js';
import { movedIds } from './renderBaseline.js';
import type { ChannelDiagnostics, TimelineBar, TimelineChannel, TimelineEdge, TimelineModel } from './types.js';

const CHAR_WIDTH = 6.6;
const NAME_CHARS = Math.floor((NAME_WIDTH - 22) / CHAR_WIDTH);

export function badgeSeverity(diagnostics: ChannelDiagnostics): BadgeSeverity | undefined {
  if (diagnostics.errors > 0) return 'error';
  if (diagnostics.warnings > 0) return 'warning';
  return diagnostics.infos + diagnostics.hints > 0 ? 'info' : undefined;
}

function problemLines(diagnostics: ChannelDiagnostics): string[] {
  const icon = { error: '✖', warning: '⚠', info: 'ℹ', hint: 'ℹ' };
  const lines = diagnostics.messages.map((message) => `${icon[message.severity]} ${truncate(message.message, 200)} (${message.code})`);
  const total = messageCount(diagnostics);
  if (total > diagnostics.messages.length) lines.push(`… and ${total - diagnostics.messages.length} more`);
  return lines;
}

function channelTooltip(channel: TimelineChannel, model: TimelineModel, extra: string[]): string {
  const kind = [channel.type, channel.mode, channel.medium && truncate(channel.medium, 60)].filter(Boolean).join(' · ');
  const lines = [
    channel.name === channel.id ? truncate(channel.id, 120) : `${truncate(channel.name, 120)} (${truncate(channel.id, 120)})`,
    kind,
    channel.owner ? `Owner: ${truncate(channel.owner, 120)}` : 'No owner',
    ...extra,
    channel.budget === undefined
      ? 'No budget'
      : `Budget ${formatMoney(channel.budget, model.currency)}${channel.budgetShare === undefined ? '' : ` (${formatPercent(channel.budgetShare, 1)} of ${model.budgetShareOf})`}`,
    channel.stages.length > 0 ? `Stages: ${truncate(channel.stages.join(', '), 200)}` : 'No journey stage',
    ...problemLines(channel.diagnostics),
  ];
  return escapeXml(lines.filter(Boolean).join('\n'));
}

function barTooltip(bar: TimelineBar, model: TimelineModel): string {
  const schedule = [
    `${longDate(bar.start.day)} – ${longDate(bar.end.day)} (${plural(bar.days, 'day')})`,
    bar.critical ? 'On the critical path' : `Slack: ${plural(bar.slack, 'day')}`,
    bar.earliestStart ? `Dependencies allow a start from ${longDate(bar.earliestStart.day)}` : '',
  ];
  return channelTooltip(bar, model, schedule);
}

function barBox(bar: TimelineBar, layout: Layout): BarBox & { top: number } {
  const top = layout.rowTop.get(bar.id)! + (ROW - BAR_HEIGHT) / 2;
  const left = layout.x(bar.start.day);
  const right = Math.max(left + 3, layout.x(bar.end.day + 1));
  return { left, right, top, middle: round(top + BAR_HEIGHT / 2) };
}

/** Bars that an arrow leaves or enters at the right end: their labels start after the arrow's turn. */
function barsWithRightEndArrows(model: TimelineModel): Set<string> {
  const ids = new Set<string>();
  for (const edge of model.edges) {
    if (edge.kind !== 'start-to-start') ids.add(edge.from);
    if (edge.kind === 'finish-to-finish') ids.add(edge.to);
  }
  return ids;
}

export function renderBars(model: TimelineModel, layout: Layout): string {
  const parts: string[] = [];
  const rightEndArrows = barsWithRightEndArrows(model);
  const moved = movedIds(model);
  for (const bar of model.bars) {
    const box = barBox(bar, layout);
    const classes = ['bar', bar.type ?? 'untyped', bar.critical ? 'critical' : '', moved.has(bar.id) ? 'moved' : ''].filter(Boolean).join(' ');
    const items = [`<title>${barTooltip(bar, model)}</title>`];
    if (!bar.critical && bar.slack > 0) {
      items.push(`<rect class="bar-slack" x="${box.right}" y="${round(box.top + BAR_HEIGHT + 1)}" width="${round(bar.slack * layout.pxPerDay)}" height="3"/>`);
    }
    items.push(`<rect class="bar-body" x="${box.left}" y="${round(box.top)}" width="${round(box.right - box.left)}" height="${BAR_HEIGHT}" rx="3"/>`);
    let labelX = box.right + (rightEndArrows.has(bar.id) ? STUB + 8 : 6);
    const severity = badgeSeverity(bar.diagnostics);
    if (severity) {
      items.push(problemBadge(severity, labelX + 7, box.middle));
      labelX += 18;
    }
    if (bar.budget !== undefined) {
      const share = bar.budgetShare === undefined ? '' : ` · ${formatPercent(bar.budgetShare, 1)}`;
      items.push(
        `<text class="budget" x="${round(labelX)}" y="${round(box.middle + 4)}">${escapeXml(formatMoneyCompact(bar.budget, truncate(model.currency ?? '', 6)) + share)}</text>`,
      );
    }
    parts.push(`<g class="${classes}" data-channel="${escapeXml(bar.id)}">${items.join('')}</g>`);
  }
  return `<g class="bars">${parts.join('')}</g>`;
}

function edgeTooltip(edge: TimelineEdge): string {
  const lag = edge.lag > 0 ? `, lag ${plural(edge.lag, edge.lagUnit === 'bd' ? 'business day' : 'day')}` : '';
  const lines = [`${truncate(edge.from, 120)} → ${truncate(edge.to, 120)}: ${edge.kind}${lag}`];
  if (edge.violated) lines.push(`Violated by ${plural(edge.violationDays, 'day')}`);
  if (edge.critical) lines.push('On the critical path');
  if (edge.why) lines.push(truncate(edge.why, 300));
  return escapeXml(lines.join('\n'));
}

export function renderEdges(model: TimelineModel, layout: Layout): string {
  const bars = new Map(model.bars.map((bar) => [bar.id, bar]));
  const parts: string[] = [];
  // Critical arrows last, so they are drawn over the others.
  const ordered = [...model.edges.filter((edge) => !edge.critical), ...model.edges.filter((edge) => edge.critical)];
  for (const edge of ordered) {
    const from = bars.get(edge.from);
    const to = bars.get(edge.to);
    if (!from || !to) continue;
    const style = edge.violated ? 'violated' : edge.critical ? 'critical' : '';
    const d = routeEdge(edge.kind, barBox(from, layout), barBox(to, layout), ROW);
    const marker = style ? `tl-arrow-${style}` : 'tl-arrow';
    parts.push(
      `<path class="edge ${style}" d="${d}" marker-end="url(#${marker})" data-from="${escapeXml(edge.from)}" data-to="${escapeXml(edge.to)}"><title>${edgeTooltip(edge)}</title></path>`,
    );
  }
  return `<g class="edges">${parts.join('')}</g>`;
}

/** The name column (clipped), one clickable label per dated channel. */
export function renderNames(model: TimelineModel, layout: Layout): string {
  const parts: string[] = [];
  for (const bar of model.bars) {
    const y = layout.rowTop.get(bar.id)! + ROW / 2 + 4;
    parts.push(
      `<g class="channel-label" data-channel="${escapeXml(bar.id)}"><title>${escapeXml(truncate(`${bar.name} (${bar.id})`, 300))}</title>` +
        `<text x="${LANE_LABEL_WIDTH + 6}" y="${round(y)}">${escapeXml(truncate(bar.name, NAME_CHARS))}</text></g>`,
    );
  }
  return `<g class="names" clip-path="url(#tl-clip-names)">${parts.join('')}</g>`;
}

/** Channels with missing or broken dates, listed under the lanes with the reason. */
export function renderUndated(model: TimelineModel, layout: Layout): string {
  if (model.undated.length === 0) return '';
  const parts = [`<text class="undated-heading" x="8" y="${layout.undatedTop + 16}">${escapeXml(`Not on the timeline (${model.undated.length})`)}</text>`];
  model.undated.forEach((channel, index) => {
    const y = layout.undatedTop + ROW * (index + 1) + 16;
    const severity = badgeSeverity(channel.diagnostics);
    parts.push(
      `<g class="undated ${channel.type ?? 'untyped'}" data-channel="${escapeXml(channel.id)}"><title>${channelTooltip(channel, model, [channel.reason])}</title>` +
        (severity ? problemBadge(severity, LANE_LABEL_WIDTH - 10, y - 4) : '') +
        `<text x="${LANE_LABEL_WIDTH + 6}" y="${y}">${escapeXml(truncate(channel.name, NAME_CHARS))}</text>` +
        `<text class="reason" x="${CHART_LEFT}" y="${y}">${escapeXml(truncate(channel.reason, 160))}</text></g>`,
    );
  });
  return `<g class="undated-list">${parts.join('')}</g>`;
}
