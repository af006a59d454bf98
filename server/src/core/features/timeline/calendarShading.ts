import { isWorkingDay, workingCalendar, type WorkingCalendar } from '../../model/workingDays.js';
import { longDate } from './axis.js';
import { escapeXml, truncate } from './escape.js';
import { MARKERS_TOP, round, type Layout } from './layout.js';
import type { TimelineCalendar, TimelineModel } from './types.js';

// The plan's calendar on the timeline: excluded days (weekends, holidays) as light columns,
// drawn when a day is wide enough to see, and blackouts as bands with their reason in a
// tooltip. Excluded days are in the SVG whenever the panel could zoom far enough to show
// them; the class `days-visible` on the root (set here for the drawn scale, and by the
// webview for its zoom) makes the stylesheet show them.

/**
 * The calendar's styles, added to `timelineCss` only where a plan has a calendar (standalone
 * SVG and HTML) and always in the webview, so plans without one render as before.
 */
export const calendarCss = `
.tl { --tl-blackout: var(--vscode-charts-purple, #8250df); }
.tl .excluded-days { display: none; }
.tl.days-visible .excluded-days { display: inline; }
.tl .excluded-day { fill: var(--tl-fg); fill-opacity: 0.07; }
.tl .blackout rect, .tl .swatch.blackout { fill: var(--tl-blackout); fill-opacity: 0.12; }
.tl .blackout line, .tl .swatch.blackout { stroke: var(--tl-blackout); stroke-opacity: 0.7; stroke-dasharray: 3 2; }
`;

/** The stylesheet a standalone picture of this model needs. */
export function stylesheetFor(model: TimelineModel, base: string): string {
  return model.calendar ? base + calendarCss : base;
}

/** A day narrower than this (in pixels, as shown) is too thin for its shading to mean anything. */
export const DAY_SHADING_MIN_PX = 4;
/** The panel zooms up to 4×: below this drawn width a day can never be shown wide enough, so no columns are written. */
const DRAWN_MIN_PX = 1;
const MAX_LISTED_MEDIA = 8;

export function calendarOf(calendar: TimelineCalendar): WorkingCalendar {
  return workingCalendar(
    calendar.weekends,
    calendar.excluded.map((date) => date.day),
  );
}

/** The root's extra class: excluded days show at this scale. */
export function calendarRootClass(model: TimelineModel, layout: Layout): string {
  return model.calendar && layout.pxPerDay >= DAY_SHADING_MIN_PX ? ' days-visible' : '';
}

export function renderCalendar(model: TimelineModel, layout: Layout): string {
  if (!model.calendar) return '';
  return renderExcludedDays(model.calendar, layout) + renderBlackouts(model.calendar, layout);
}

function renderExcludedDays(calendar: TimelineCalendar, layout: Layout): string {
  if (layout.pxPerDay < DRAWN_MIN_PX) return '';
  const working = calendarOf(calendar);
  const holidays = new Set(calendar.excluded.map((date) => date.day));
  const top = MARKERS_TOP;
  const height = layout.lanesBottom - top;
  const parts: string[] = [];
  for (let day = layout.first; day <= layout.last; day++) {
    if (isWorkingDay(working, day)) continue;
    let last = day;
    while (last + 1 <= layout.last && !isWorkingDay(working, last + 1)) last++;
    const named: string[] = [];
    for (let d = day; d <= last; d++) if (holidays.has(d)) named.push(longDate(d));
    const title = named.length > 0 ? `<title>${escapeXml(`Not a working day: ${named.slice(0, 10).join(', ')}${named.length > 10 ? ' …' : ''}`)}</title>` : '';
    const left = layout.x(day);
    parts.push(`<rect class="excluded-day" x="${left}" y="${top}" width="${round(layout.x(last + 1) - left)}" height="${height}">${title}</rect>`);
    day = last;
  }
  return parts.length > 0 ? `<g class="excluded-days">${parts.join('')}</g>` : '';
}

function renderBlackouts(calendar: TimelineCalendar, layout: Layout): string {
  const parts: string[] = [];
  for (const blackout of calendar.blackouts) {
    const from = Math.max(blackout.from.day, layout.first);
    const to = Math.min(blackout.to.day, layout.last);
    if (to < from) continue;
    const left = layout.x(from);
    const right = layout.x(to + 1);
    const media = blackout.appliesTo;
    const scope =
      media === undefined
        ? 'every channel'
        : `${media.slice(0, MAX_LISTED_MEDIA).join(', ')}${media.length > MAX_LISTED_MEDIA ? ` and ${media.length - MAX_LISTED_MEDIA} more` : ''}`;
    const title = `Blackout ${longDate(blackout.from.day)} – ${longDate(blackout.to.day)}: ${truncate(blackout.why?.trim() || 'no reason given', 300)}\nNo launches for ${scope}`;
    parts.push(
      `<g class="blackout"><title>${escapeXml(title)}</title>` +
        `<rect x="${left}" y="${MARKERS_TOP}" width="${round(right - left)}" height="${layout.lanesBottom - MARKERS_TOP}"/>` +
        `<line x1="${left}" y1="${MARKERS_TOP}" x2="${left}" y2="${layout.lanesBottom}"/>` +
        `<line x1="${right}" y1="${MARKERS_TOP}" x2="${right}" y2="${layout.lanesBottom}"/></g>`,
    );
  }
  return parts.length > 0 ? `<g class="blackouts">${parts.join('')}</g>` : '';
}
