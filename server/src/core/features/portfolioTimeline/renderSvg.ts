import { longDate } from '../timeline/axis.js';
import { escapeXml, truncate } from '../timeline/escape.js';
import { CHART_LEFT, dayScale, LANES_TOP, LEGEND_TOP, MARKERS_TOP, paddedDays, RIGHT_MARGIN, round, ROW, type DayScale } from '../timeline/layout.js';
import { dayLine, inRange, renderAxis } from '../timeline/renderMarkers.js';
import { timelineCss } from '../timeline/style.js';
import { plural } from '../../text/dates.js';
import { formatMoney, formatMoneyCompact, formatPercent } from '../../text/money.js';
import { portfolioCss } from './style.js';
import type { PortfolioLane, PortfolioTimelineModel } from './model.js';

// The portfolio timeline as SVG: a pure function of the model, every piece of plan text
// escaped and in an element of its own (so a right-to-left override cannot reorder the rest).
// The axis and the deadline line are the plan timeline's.

const CHAR_WIDTH = 6.6;
const TITLE_CHARS = Math.floor((CHART_LEFT - 20) / 7.2);
const FACT_CHARS = Math.floor((CHART_LEFT - 20) / 6);
const LANE_PAD = 6;
const SPAN_HEIGHT = 10;
const CHANNEL_ROW = 9;
const CHANNEL_HEIGHT = 6;
const LANE_HEIGHT_NORMAL = 40;
const LANE_HEIGHT_COMPACT = ROW;

export interface PortfolioRenderOptions {
  /** Embed the stylesheet (standalone SVG and HTML); the webview adds it under its nonce instead. */
  embedStyle?: boolean;
}

export interface PortfolioLayout extends DayScale {
  width: number;
  height: number;
  /** Top and height of each lane, in lane order. */
  lanes: { top: number; height: number }[];
}

export function layoutPortfolio(model: PortfolioTimelineModel): PortfolioLayout {
  const { first, last } = paddedDays(model.span?.start.day, model.span?.end.day);
  const scale = dayScale(first, last);
  let top = LANES_TOP;
  const lanes = model.lanes.map((lane) => {
    const height = model.compact ? LANE_HEIGHT_COMPACT : Math.max(LANE_HEIGHT_NORMAL, LANE_PAD + SPAN_HEIGHT + 4 + lane.rows * CHANNEL_ROW + LANE_PAD);
    const box = { top, height };
    top += height;
    return box;
  });
  const lanesBottom = top + (model.lanes.length === 0 ? ROW : 0);
  return { ...scale, lanesBottom, lanes, width: Math.ceil(CHART_LEFT + scale.chartWidth + RIGHT_MARGIN), height: Math.ceil(lanesBottom + 16) };
}

function money(model: PortfolioTimelineModel, value: number, currency: string | undefined, compact = false): string {
  const code = currency ?? model.currency;
  return (compact ? formatMoneyCompact : formatMoney)(value, code && truncate(code, 6));
}

/** `£120,000 · 24% of total` (the tooltip: `of the portfolio total`), `£120k · 24%` in a compact lane. */
function budgetFact(model: PortfolioTimelineModel, lane: PortfolioLane, compact: boolean, long = false): string {
  if (lane.budget === undefined) return 'no budget';
  const amount = money(model, lane.budget, lane.currency, compact);
  if (lane.share === undefined || !model.shareBase) return amount;
  if (compact) return `${amount} · ${formatPercent(lane.share, 1)}`;
  return `${amount} · ${formatPercent(lane.share, 1)} of ${long ? model.shareBase.of : model.shareBase.of === 'plan budgets' ? 'plan budgets' : 'total'}`;
}

function problemsFact(lane: PortfolioLane): string | undefined {
  return lane.problems === undefined ? undefined : lane.problems === 0 ? 'no problems' : plural(lane.problems, 'problem');
}

function laneTooltip(model: PortfolioTimelineModel, lane: PortfolioLane): string {
  const lines = [truncate(lane.title, 300), truncate(lane.uri, 300)];
  if (lane.span) lines.push(`${lane.span.from === 'period' ? 'Period' : 'Channels run'} ${longDate(lane.span.start.day)} – ${longDate(lane.span.end.day)}`);
  else lines.push('No dates yet');
  lines.push(lane.budget === undefined ? 'No budget' : `Budget ${budgetFact(model, lane, false, true)}`);
  const problems = problemsFact(lane);
  if (problems) lines.push(problems[0]!.toUpperCase() + problems.slice(1));
  const drawn = lane.channels.length;
  lines.push(plural(drawn + lane.hidden + lane.undated, 'channel'));
  if (lane.hidden > 0) lines.push(`${lane.hidden} not drawn (at most ${plural(model.rowCap, 'row')} of channels per lane)`);
  if (lane.undated > 0) lines.push(`${lane.undated} without dates`);
  lines.push('Click, or Enter, to open the plan');
  return lines.join('\n');
}

function renderLane(model: PortfolioTimelineModel, layout: PortfolioLayout, lane: PortfolioLane, index: number): string {
  const { top, height } = layout.lanes[index]!;
  const parts: string[] = [
    `<title>${escapeXml(laneTooltip(model, lane))}</title>`,
    `<rect class="lane-band${index % 2 ? ' odd' : ''}" x="0" y="${top}" width="${layout.width}" height="${height}"/>`,
    `<line class="lane-rule" x1="0" y1="${top}" x2="${layout.width}" y2="${top}"/>`,
  ];
  const problems = problemsFact(lane);
  if (model.compact) {
    parts.push(`<text class="plan-title" x="8" y="${top + 16}">${escapeXml(truncate(lane.title, Math.floor(TITLE_CHARS * 0.6)))}</text>`);
    const facts = [budgetFact(model, lane, true), ...(lane.problems ? [`⚠ ${lane.problems}`] : [])].join(' · ');
    parts.push(`<text class="plan-facts" x="${CHART_LEFT - 8}" y="${top + 16}" text-anchor="end">${escapeXml(truncate(facts, 24))}</text>`);
  } else {
    parts.push(`<text class="plan-title" x="8" y="${top + 16}">${escapeXml(truncate(lane.title, TITLE_CHARS))}</text>`);
    const budget = budgetFact(model, lane, false);
    parts.push(`<text class="plan-facts" x="8" y="${top + 31}">${escapeXml(truncate(budget, FACT_CHARS - 12))}</text>`);
    if (problems)
      parts.push(
        `<text class="${lane.problems ? 'plan-problems' : 'plan-facts'}" x="${CHART_LEFT - 8}" y="${top + 31}" text-anchor="end">${escapeXml(problems)}</text>`,
      );
  }
  const spanTop = model.compact ? top + 4 : top + LANE_PAD;
  const spanHeight = model.compact ? 8 : SPAN_HEIGHT;
  if (lane.span) {
    const left = layout.x(lane.span.start.day);
    const right = layout.x(lane.span.end.day + 1);
    parts.push(
      `<rect class="plan-span from-${lane.span.from}" x="${left}" y="${spanTop}" width="${round(Math.max(1, right - left))}" height="${spanHeight}" rx="2"/>`,
    );
  } else {
    parts.push(`<text class="empty" x="${CHART_LEFT + 6}" y="${top + 16}">no dates yet</text>`);
  }
  const rowsTop = spanTop + spanHeight + (model.compact ? 2 : 4);
  for (const bar of lane.channels) {
    const left = layout.x(bar.start.day);
    const right = layout.x(bar.end.day + 1);
    const label = `${truncate(bar.name, 120)}: ${longDate(bar.start.day)} – ${longDate(bar.end.day)}`;
    parts.push(
      `<rect class="channel-bar" x="${left}" y="${round(rowsTop + bar.row * CHANNEL_ROW)}" width="${round(Math.max(1, right - left))}" height="${CHANNEL_HEIGHT}" rx="1"><title>${escapeXml(label)}</title></rect>`,
    );
  }
  if (lane.hidden > 0) {
    const x = lane.span ? layout.x(lane.span.end.day + 1) + 6 : CHART_LEFT + 90;
    parts.push(`<text class="muted" x="${round(x)}" y="${top + (model.compact ? 16 : 31)}">${escapeXml(`+${lane.hidden} not drawn`)}</text>`);
  }
  // A lane is a link to its plan for the keyboard too: Tab reaches it, Enter opens it (the webview's handler).
  const name = `Open the plan ${truncate(lane.title, 120)}`;
  return `<g class="plan-lane" data-plan="${escapeXml(lane.uri)}" tabindex="0" role="link" aria-label="${escapeXml(name)}">${parts.join('')}</g>`;
}

function budgetSummary(model: PortfolioTimelineModel): string | undefined {
  if (model.mixedCurrencies) return `mixed currencies (${model.currencies.map((code) => truncate(code, 6)).join(', ')}): budgets are not added up`;
  const parts: string[] = [];
  if (model.total !== undefined) parts.push(`budget ${money(model, model.total, undefined)}`);
  if (model.allocated !== undefined) {
    const share = model.total !== undefined && model.total > 0 ? ` (${formatPercent(model.allocated, model.total)})` : '';
    parts.push(`plans ${money(model, model.allocated, model.lanes.find((lane) => lane.currency)?.currency)}${share}`);
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function renderHeader(model: PortfolioTimelineModel, layout: PortfolioLayout): string {
  const facts: string[] = [plural(model.lanes.length + model.plansNotDrawn, 'plan')];
  if (model.span) facts.push(`${longDate(model.span.start.day)} – ${longDate(model.span.end.day)}`);
  const budget = budgetSummary(model);
  if (budget) facts.push(budget);
  const maxChars = Math.floor((layout.width - 16) / CHAR_WIDTH);
  return (
    `<g class="header"><text class="title" x="8" y="19">${escapeXml(truncate(model.title, Math.floor(maxChars * 0.8)))}</text>` +
    `<text class="subtitle" x="8" y="36">${escapeXml(truncate(facts.join(' · '), maxChars))}</text></g>`
  );
}

function renderLegend(model: PortfolioTimelineModel, layout: PortfolioLayout): string {
  const y = LEGEND_TOP + 12;
  const entries: { sample: (x: number) => string; label: string }[] = [
    { sample: (x) => `<rect class="plan-span" x="${x}" y="${y - 5}" width="16" height="10" rx="2"/>`, label: 'Plan period' },
    { sample: (x) => `<rect class="channel-bar" x="${x}" y="${y - 3}" width="16" height="6" rx="1"/>`, label: 'Channel' },
  ];
  if (model.objective?.deadline)
    entries.push({ sample: (x) => `<g class="deadline"><line x1="${x + 8}" y1="${y - 7}" x2="${x + 8}" y2="${y + 7}"/></g>`, label: 'Objective deadline' });
  let x = 8;
  const parts: string[] = [];
  for (const entry of entries) {
    parts.push(entry.sample(x), `<text x="${x + 22}" y="${y + 4}">${escapeXml(entry.label)}</text>`);
    x = round(x + 22 + entry.label.length * CHAR_WIDTH + 16);
  }
  const notes: string[] = [];
  if (model.hiddenChannels > 0) notes.push(`${plural(model.hiddenChannels, 'channel')} not drawn: at most ${plural(model.rowCap, 'row')} of channels per lane`);
  if (model.plansNotDrawn > 0) notes.push(`${plural(model.plansNotDrawn, 'more plan')} not drawn`);
  if (model.compact) notes.push('compact lanes (many plans)');
  if (notes.length > 0)
    parts.push(
      `<text class="notes" x="${x}" y="${y + 4}">${escapeXml(truncate(notes.join(' · '), Math.max(20, Math.floor((layout.width - x) / CHAR_WIDTH))))}</text>`,
    );
  return `<g class="legend">${parts.join('')}</g>`;
}

function renderObjective(model: PortfolioTimelineModel, layout: PortfolioLayout): string {
  const objective = model.objective;
  if (!objective) return '';
  const parts: string[] = [];
  const name = objective.statement ?? objective.id;
  if (name) {
    const tooltip = [
      objective.id && `Objective ${truncate(objective.id, 120)}`,
      objective.statement && truncate(objective.statement, 500),
      objective.deadline && `By ${longDate(objective.deadline.day)}`,
    ];
    parts.push(
      `<g class="objective-label"><title>${escapeXml(tooltip.filter(Boolean).join('\n'))}</title>` +
        `<text class="objective" x="8" y="${MARKERS_TOP + 13}">${escapeXml(truncate(`Objective: ${name}`, TITLE_CHARS))}</text></g>`,
    );
  }
  if (objective.deadline && inRange(layout, objective.deadline.day)) parts.push(dayLine('deadline', objective.deadline, 'Deadline', 'start', layout));
  return `<g class="markers">${parts.join('')}</g>`;
}

/** The portfolio timeline as an SVG document. */
export function renderPortfolioSvg(model: PortfolioTimelineModel, options: PortfolioRenderOptions = {}): string {
  const layout = layoutPortfolio(model);
  const { width, height } = layout;
  const style = options.embedStyle ? `<style>${timelineCss}${portfolioCss}</style>` : '';
  const empty =
    model.lanes.length === 0 ? `<text class="empty" x="${CHART_LEFT + 8}" y="${LANES_TOP + 16}">No plans yet: list plan files under \`plans:\`</text>` : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="tl portfolio" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(truncate(`Portfolio timeline of ${model.title}`, 200))}">`,
    `<title>${escapeXml(truncate(model.title, 300))}</title>`,
    style,
    `<rect class="background" x="0" y="0" width="${width}" height="${height}"/>`,
    renderAxis(layout),
    `<g class="lanes">${model.lanes.map((lane, index) => renderLane(model, layout, lane, index)).join('')}<line class="lane-rule" x1="0" y1="${layout.lanesBottom}" x2="${width}" y2="${layout.lanesBottom}"/></g>`,
    renderObjective(model, layout),
    renderHeader(model, layout),
    renderLegend(model, layout),
    empty,
    '</svg>',
  ].join('');
}
