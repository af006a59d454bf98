import { axisTicks, longDate, shortDate } from './axis.js';
import { escapeXml, truncate } from './escape.js';
import { AXIS_TOP, CHART_LEFT, LANE_LABEL_WIDTH, LANES_TOP, MARKERS_TOP, ROW, round, type DayScale, type Layout } from './layout.js';
import { diamondPath } from './marks.js';
import type { TimelineDate, TimelineModel } from './types.js';

// Everything drawn against dates rather than channels: the axis and its grid, the plan
// period, the deadline and today lines, measurement-ready diamonds and milestones.

const LABEL_ROW = MARKERS_TOP + 13;
const SYMBOL_ROW = MARKERS_TOP + 29;

export function inRange(layout: DayScale, day: number): boolean {
  return day >= layout.first && day <= layout.last + 1;
}

export function renderAxis(layout: DayScale): string {
  const axis = axisTicks(layout.first, layout.last, layout.pxPerDay);
  const bottom = layout.lanesBottom;
  const right = layout.x(layout.last + 1);
  const major = axis.major.map((tick) => {
    const x = Math.max(CHART_LEFT, layout.x(tick.day));
    return `<line class="major" x1="${x}" y1="${AXIS_TOP}" x2="${x}" y2="${bottom}"/><text x="${round(x + 4)}" y="${AXIS_TOP + 14}">${escapeXml(tick.label)}</text>`;
  });
  const minor = axis.minor.map((tick) => {
    const x = layout.x(tick.day);
    return `<line x1="${x}" y1="${AXIS_TOP + 20}" x2="${x}" y2="${bottom}"/><text x="${round(x + 3)}" y="${AXIS_TOP + 33}">${escapeXml(tick.label)}</text>`;
  });
  return (
    `<g class="axis grid" data-unit="${axis.unit}">` +
    `<line class="major" x1="${CHART_LEFT}" y1="${AXIS_TOP + 38}" x2="${right}" y2="${AXIS_TOP + 38}"/>` +
    `<g class="major">${major.join('')}</g><g class="minor">${minor.join('')}</g></g>`
  );
}

export function renderPeriod(model: TimelineModel, layout: Layout): string {
  if (!model.period) return '';
  const left = layout.x(model.period.start.day);
  const right = layout.x(model.period.end.day + 1);
  const title = `<title>${escapeXml(`Plan period: ${longDate(model.period.start.day)} – ${longDate(model.period.end.day)}`)}</title>`;
  return (
    `<g class="period-shade"><rect class="period" x="${left}" y="${MARKERS_TOP}" width="${round(right - left)}" height="${layout.lanesBottom - MARKERS_TOP}">${title}</rect>` +
    `<line class="period-edge" x1="${left}" y1="${MARKERS_TOP}" x2="${left}" y2="${layout.lanesBottom}"/>` +
    `<line class="period-edge" x1="${right}" y1="${MARKERS_TOP}" x2="${right}" y2="${layout.lanesBottom}"/></g>`
  );
}

/** A vertical line through the markers strip and the lanes, labelled in the strip. */
export function dayLine(className: string, date: TimelineDate, label: string, anchor: 'start' | 'end', layout: DayScale): string {
  // The deadline is the last day's end; today is drawn through the middle of the day.
  const x = className === 'deadline' ? layout.x(date.day + 1) : round(layout.x(date.day) + layout.pxPerDay / 2);
  const textX = anchor === 'end' ? x - 4 : x + 4;
  return (
    `<g class="${className}"><title>${escapeXml(`${label}: ${longDate(date.day)}`)}</title>` +
    `<line x1="${x}" y1="${MARKERS_TOP + 2}" x2="${x}" y2="${layout.lanesBottom}"/>` +
    `<text x="${round(textX)}" y="${LABEL_ROW}" text-anchor="${anchor}">${escapeXml(`${label} ${shortDate(date.day)}`)}</text></g>`
  );
}

export function renderDayLines(model: TimelineModel, layout: Layout): string {
  const { deadline, today } = model;
  // Labels read right of their line, except where the two would run into each other.
  const gap = deadline && today ? (deadline.day - today.day) * layout.pxPerDay : Infinity;
  const close = Math.abs(gap) < 120;
  const parts: string[] = [];
  if (deadline && inRange(layout, deadline.day)) parts.push(dayLine('deadline', deadline, 'Deadline', close && gap < 0 ? 'end' : 'start', layout));
  if (today && inRange(layout, today.day)) parts.push(dayLine('today', today, 'Today', close && gap >= 0 ? 'end' : 'start', layout));
  return parts.join('');
}

export function renderReadyAndMilestones(model: TimelineModel, layout: Layout): string {
  const parts = [`<text class="muted" x="8" y="${SYMBOL_ROW + 4}">Measurement ready</text>`];
  const byDay = new Map<number, typeof model.readyBy>();
  for (const marker of model.readyBy) {
    const list = byDay.get(marker.date.day);
    if (list) list.push(marker);
    else byDay.set(marker.date.day, [marker]);
  }
  for (const [day, markers] of byDay) {
    const x = round(layout.x(day) + layout.pxPerDay / 2);
    const late = markers.some((marker) => marker.late);
    const lines = markers.slice(0, 12).map((marker) => `${truncate(marker.name, 80)}${marker.late ? ' — after a channel reporting it starts' : ''}`);
    if (markers.length > 12) lines.push(`… and ${markers.length - 12} more`);
    const title = `Measurement ready ${longDate(day)}:\n${lines.join('\n')}`;
    parts.push(`<g class="ready${late ? ' late' : ''}"><title>${escapeXml(title)}</title>${diamondPath(x, SYMBOL_ROW, 6)}</g>`);
  }
  for (const milestone of model.milestones) {
    const x = round(layout.x(milestone.date.day) + layout.pxPerDay / 2);
    const label = truncate(milestone.label, 28);
    parts.push(
      `<g class="milestone"><title>${escapeXml(`${truncate(milestone.label, 200)}: ${longDate(milestone.date.day)}`)}</title>` +
        `<line x1="${x}" y1="${SYMBOL_ROW}" x2="${x}" y2="${layout.lanesBottom}"/>` +
        `<path d="M${x},${SYMBOL_ROW - 7}L${round(x + 5)},${SYMBOL_ROW}L${x},${SYMBOL_ROW + 7}L${round(x - 5)},${SYMBOL_ROW}z"/>` +
        `<text x="${round(x + 8)}" y="${SYMBOL_ROW + 4}">${escapeXml(label)}</text></g>`,
    );
  }
  return `<g class="markers">${parts.join('')}</g>`;
}

export function renderLanes(model: TimelineModel, layout: Layout): string {
  const parts: string[] = [];
  const width = layout.width;
  model.lanes.forEach((lane, index) => {
    const box = layout.lanes[index]!;
    const height = box.rows * ROW;
    parts.push(
      `<g class="lane" data-lane="${escapeXml(lane.id)}">` +
        `<rect class="lane-band${index % 2 ? ' odd' : ''}" x="0" y="${box.top}" width="${width}" height="${height}"/>` +
        `<line class="lane-rule" x1="0" y1="${box.top}" x2="${width}" y2="${box.top}"/>` +
        `<g clip-path="url(#tl-clip-lanes)"><title>${escapeXml(truncate(lane.need ? `${lane.label}: ${lane.need}` : lane.label, 300))}</title>` +
        `<text class="lane-label" x="8" y="${box.top + 16}">${escapeXml(truncate(lane.label, 15))}</text>` +
        (box.rows > 1 && lane.need ? `<text class="lane-need" x="8" y="${box.top + 16 + ROW}">${escapeXml(truncate(lane.need, 16))}</text>` : '') +
        `</g>` +
        (lane.bars.length === 0 ? `<text class="empty" x="${CHART_LEFT + 6}" y="${box.top + 16}">no channel serves this stage</text>` : '') +
        `</g>`,
    );
  });
  parts.push(`<line class="lane-rule" x1="0" y1="${layout.lanesBottom}" x2="${width}" y2="${layout.lanesBottom}"/>`);
  return `<g class="lanes">${parts.join('')}</g>`;
}

export function clipPaths(layout: Layout): string {
  return (
    `<clipPath id="tl-clip-lanes"><rect x="0" y="${LANES_TOP}" width="${LANE_LABEL_WIDTH - 2}" height="${layout.lanesBottom - LANES_TOP}"/></clipPath>` +
    `<clipPath id="tl-clip-names"><rect x="${LANE_LABEL_WIDTH}" y="${LANES_TOP}" width="${CHART_LEFT - LANE_LABEL_WIDTH - 8}" height="${layout.lanesBottom - LANES_TOP}"/></clipPath>`
  );
}
