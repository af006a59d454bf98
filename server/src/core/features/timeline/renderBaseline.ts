import { plural } from '../../text/dates.js';
import { longDate } from './axis.js';
import { escapeXml, truncate } from './escape.js';
import { BAR_HEIGHT, LANE_LABEL_WIDTH, ROW, round, type Layout } from './layout.js';
import type { TimelineGhost, TimelineModel } from './types.js';

// The old version of a plan under the new one (the plan diff): each old bar as a dashed
// outline in its channel's row, an arrow from the old start to the new one when it moved, and
// the channels that are gone as outlines in a lane of their own. Drawn only when the model
// has a baseline, so the editor's timeline is unchanged.

/** Styles of the baseline, added to the timeline's stylesheet only where a baseline is drawn. */
export const baselineCss = `
.tl .ghost-body { fill: none; stroke: var(--tl-fg); stroke-opacity: 0.6; stroke-width: 1.2; stroke-dasharray: 4 3; }
.tl .ghost.removed .ghost-body { stroke: var(--tl-error); }
.tl .ghost-label { fill: var(--tl-muted); font-style: italic; text-decoration: line-through; }
.tl .moved .bar-body { stroke: var(--tl-today); stroke-width: 2; }
.tl .shift { fill: none; stroke: var(--tl-today); stroke-width: 1.5; }
.tl .arrowhead.shift { fill: var(--tl-today); }
`;

/** The lane holding removed channels (`#` cannot start a stage id). */
export const REMOVED_LANE = '#removed';

export function removedRowId(id: string): string {
  return `${REMOVED_LANE}:${id}`;
}

function shiftText(days: number, what: string): string {
  return days === 0 ? '' : `${what} ${plural(Math.abs(days), 'day')} ${days > 0 ? 'later' : 'earlier'}`;
}

function ghostTitle(ghost: TimelineGhost, removed: boolean): string {
  const shifts = [shiftText(ghost.startDays, 'starts'), shiftText(ghost.endDays, 'ends')].filter(Boolean).join(', ');
  const was = `Before: ${longDate(ghost.start.day)} – ${longDate(ghost.end.day)}`;
  return escapeXml(`${truncate(ghost.name, 120)} (${truncate(ghost.id, 120)})\n${was}${removed ? '\nRemoved' : shifts ? `\nNow ${shifts}` : '\nNot moved'}`);
}

function ghostRect(ghost: TimelineGhost, top: number, layout: Layout): string {
  const left = layout.x(ghost.start.day);
  const right = Math.max(left + 3, layout.x(ghost.end.day + 1));
  return `<rect class="ghost-body" x="${left}" y="${round(top)}" width="${round(right - left)}" height="${BAR_HEIGHT}" rx="3"/>`;
}

/** Whether a bar moved against the baseline (its group gets the class `moved`). */
export function movedIds(model: TimelineModel): Set<string> {
  return new Set((model.baseline?.bars ?? []).filter((ghost) => ghost.startDays !== 0 || ghost.endDays !== 0).map((ghost) => ghost.id));
}

export function renderBaseline(model: TimelineModel, layout: Layout): string {
  const baseline = model.baseline;
  if (!baseline) return '';
  const parts: string[] = [];
  for (const ghost of baseline.bars) {
    const row = layout.rowTop.get(ghost.id);
    if (row === undefined) continue;
    const top = row + (ROW - BAR_HEIGHT) / 2;
    const moved = ghost.startDays !== 0 || ghost.endDays !== 0;
    let arrow = '';
    if (ghost.startDays !== 0) {
      const y = round(top + BAR_HEIGHT + 2.5);
      arrow = `<path class="shift" d="M${layout.x(ghost.start.day)},${y}L${layout.x(ghost.start.day + ghost.startDays)},${y}" marker-end="url(#tl-arrow-shift)"/>`;
    }
    parts.push(
      `<g class="ghost${moved ? ' moved' : ''}" data-ghost="${escapeXml(ghost.id)}"><title>${ghostTitle(ghost, false)}</title>${ghostRect(ghost, top, layout)}${arrow}</g>`,
    );
  }
  for (const ghost of baseline.removed) {
    const row = layout.rowTop.get(removedRowId(ghost.id));
    if (row === undefined) continue;
    const top = row + (ROW - BAR_HEIGHT) / 2;
    parts.push(
      `<g class="ghost removed" data-ghost="${escapeXml(ghost.id)}"><title>${ghostTitle(ghost, true)}</title>${ghostRect(ghost, top, layout)}` +
        `<text class="ghost-label" x="${LANE_LABEL_WIDTH + 6}" y="${round(row + ROW / 2 + 4)}">${escapeXml(truncate(ghost.name, 26))}</text></g>`,
    );
  }
  return `<g class="baseline">${parts.join('')}</g>`;
}

export function shiftMarker(): string {
  return `<marker id="tl-arrow-shift" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto"><path class="arrowhead shift" d="M0,1L10,5L0,9z"/></marker>`;
}
