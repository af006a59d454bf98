import { formatDay, isIsoDate, todayDay } from '../../text/dates.js';
import type { PlanDocument } from '../../planDocument.js';
import { CHART_LEFT, layoutTimeline } from './layout.js';
import { buildTimeline } from './model.js';
import { renderSvg } from './renderSvg.js';
import type { TimelineModel } from './types.js';

/** Parameters of the `throughline/timeline` request (they arrive from the wire: checked before use). */
export interface TimelineParams {
  uri: string;
  /** The client's local day, `YYYY-MM-DD`; the server's UTC day otherwise. */
  today?: string;
  /** Also render the SVG: `panel` leaves the stylesheet to the webview, `standalone` embeds it. */
  render?: 'panel' | 'standalone';
}

/** Where the days are in the SVG (its own units, before any zoom): what dragging a bar needs. */
export interface TimelineGeometry {
  /** The first and last day drawn. */
  first: number;
  last: number;
  /** X of the start of day `first`. */
  left: number;
  pxPerDay: number;
}

export interface TimelineResult {
  uri: string;
  version: number;
  timeline: TimelineModel;
  svg?: string;
  /** With `svg`. */
  geometry?: TimelineGeometry;
}

/** Answers a timeline request for an analyzed document (null when the server does not have it). */
export function timelineResult(
  doc: PlanDocument | undefined,
  params: Partial<TimelineParams> | null | undefined,
  now: Date = new Date(),
): TimelineResult | null {
  if (!doc) return null;
  const today = typeof params?.today === 'string' && isIsoDate(params.today) ? params.today : formatDay(todayDay(now));
  const timeline = buildTimeline(doc, { today });
  const render = params?.render;
  const result: TimelineResult = { uri: doc.uri, version: doc.version, timeline };
  if (render === 'panel' || render === 'standalone') {
    result.svg = renderSvg(timeline, { embedStyle: render === 'standalone' });
    const layout = layoutTimeline(timeline);
    result.geometry = { first: layout.first, last: layout.last, left: CHART_LEFT, pxPerDay: layout.pxPerDay };
  }
  return result;
}
