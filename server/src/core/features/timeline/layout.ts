import type { Day } from '../../text/dates.js';
import type { TimelineModel } from './types.js';

// Geometry of the chart: a constant row height (so 5 and 500 channels read the same) and a
// width that follows the date span.

export const ROW = 24;
export const BAR_HEIGHT = 14;
export const LANE_LABEL_WIDTH = 112;
export const NAME_WIDTH = 184;
export const CHART_LEFT = LANE_LABEL_WIDTH + NAME_WIDTH + 12;
/** Room right of the last day for budget labels and badges. */
export const RIGHT_MARGIN = 150;
export const TITLE_TOP = 0;
export const LEGEND_TOP = 40;
export const AXIS_TOP = 68;
export const AXIS_HEIGHT = 40;
export const MARKERS_TOP = AXIS_TOP + AXIS_HEIGHT;
export const MARKERS_HEIGHT = 40;
export const LANES_TOP = MARKERS_TOP + MARKERS_HEIGHT;
const MIN_CHART_WIDTH = 720;
const MAX_CHART_WIDTH = 3000;
const PX_PER_DAY_TARGET = 6;

/** Height of the monthly spend chart under the lanes, when the plan has money by month. */
export const SPEND_CHART_HEIGHT = 190;

export interface LaneBox {
  id: string;
  top: number;
  rows: number;
}

export interface Layout extends DayScale {
  width: number;
  height: number;
  lanes: LaneBox[];
  /** Bar id → top of its row. */
  rowTop: Map<string, number>;
  undatedTop: number;
  /** Top of the spend chart (its height is SPEND_CHART_HEIGHT when drawn). */
  spendTop: number;
}

/** The days drawn: the model's span padded by 2% each side (at least a day); 30 days from today, or from 2026-01-01, when nothing is dated. */
export function drawnDays(model: TimelineModel): { first: Day; last: Day } {
  return paddedDays(model.span?.start.day, model.span?.end.day, model.today?.day);
}

/** The days `start`–`end` padded by 2% each side (at least a day); 30 days from `fallback` (or 2026-01-01) when either is unknown. */
export function paddedDays(start: Day | undefined, end: Day | undefined, fallback: Day = 20454): { first: Day; last: Day } {
  const from = start ?? fallback;
  const to = end ?? fallback + 30;
  const pad = Math.max(1, Math.round((to - from + 1) * 0.02));
  return { first: from - pad, last: to + pad };
}

/** What a chart drawn against days needs: the days drawn, their scale, and where the lanes end. */
export interface DayScale {
  first: Day;
  last: Day;
  pxPerDay: number;
  chartWidth: number;
  lanesBottom: number;
  /** X of the start of a day. */
  x(day: Day): number;
}

/** The horizontal scale of a chart of the days `first`–`last`: about 6 px a day, within the chart's minimum and maximum width. */
export function dayScale(first: Day, last: Day): Omit<DayScale, 'lanesBottom'> {
  const days = last - first + 1;
  const chartWidth = Math.min(MAX_CHART_WIDTH, Math.max(MIN_CHART_WIDTH, days * PX_PER_DAY_TARGET));
  const pxPerDay = chartWidth / days;
  return { first, last, pxPerDay, chartWidth, x: (day: Day) => round(CHART_LEFT + (day - first) * pxPerDay) };
}

export function layoutTimeline(model: TimelineModel): Layout {
  const { first, last } = drawnDays(model);
  const { pxPerDay, chartWidth, x } = dayScale(first, last);
  const rowTop = new Map<string, number>();
  const lanes: LaneBox[] = [];
  let top = LANES_TOP;
  for (const lane of model.lanes) {
    const rows = Math.max(1, lane.bars.length);
    lanes.push({ id: lane.id, top, rows });
    lane.bars.forEach((id, index) => rowTop.set(id, top + index * ROW));
    top += rows * ROW;
  }
  // Room for the "no channels" note when nothing is dated.
  const lanesBottom = top + (model.bars.length === 0 ? ROW : 0);
  const undatedTop = lanesBottom + 16;
  const undatedHeight = model.undated.length > 0 ? ROW * (model.undated.length + 1) : 0;
  const spendTop = undatedTop + undatedHeight + 8;
  const spendHeight = model.tracking && model.tracking.months.length > 0 ? SPEND_CHART_HEIGHT : 0;
  return {
    width: Math.ceil(CHART_LEFT + chartWidth + RIGHT_MARGIN),
    height: Math.ceil(spendTop + spendHeight),
    first,
    last,
    pxPerDay,
    chartWidth,
    lanes,
    rowTop,
    lanesBottom,
    undatedTop,
    spendTop,
    x,
  };
}

/** Coordinates with at most one decimal keep the SVG small and the goldens stable. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
