import { REMOVED_LANE, removedRowId } from '../timeline/renderBaseline.js';
import type { TimelineBar, TimelineGhost, TimelineModel } from '../timeline/types.js';
import type { PlanDiff } from './types.js';

function ghost(bar: TimelineBar, now: TimelineBar | undefined): TimelineGhost {
  return {
    id: now?.id ?? bar.id,
    name: bar.name,
    start: bar.start,
    end: bar.end,
    startDays: now ? now.start.day - bar.start.day : 0,
    endDays: now ? now.end.day - bar.end.day : 0,
  };
}

/**
 * The new timeline with the old one as its baseline: every old bar becomes a ghost outline
 * (in its channel's row, following renames), removed channels get a lane of their own, and
 * the span grows to show every ghost.
 */
export function withBaseline(after: TimelineModel, before: TimelineModel, diff: PlanDiff, label: string): TimelineModel {
  const renamed = new Map(diff.channels.renamed.map((rename) => [rename.from, rename.to]));
  const current = new Map(after.bars.map((bar) => [bar.id, bar]));
  const bars: TimelineGhost[] = [];
  const removed: TimelineGhost[] = [];
  for (const old of before.bars) {
    const now = current.get(renamed.get(old.id) ?? old.id);
    if (now) bars.push(ghost(old, now));
    else if (!after.undated.some((channel) => channel.id === (renamed.get(old.id) ?? old.id))) removed.push(ghost(old, undefined));
  }
  const days = [...bars, ...removed].flatMap((entry) => [entry.start, entry.end]);
  const span = after.span ? [after.span.start, after.span.end, ...days] : days;
  const first = span.reduce((a, b) => (b.day < a.day ? b : a), span[0]!);
  const last = span.reduce((a, b) => (b.day > a.day ? b : a), span[0]!);
  const lanes =
    removed.length > 0
      ? [...after.lanes, { id: REMOVED_LANE, label: 'Removed', need: 'Channels only in the old version', bars: removed.map((entry) => removedRowId(entry.id)) }]
      : after.lanes;
  return { ...after, lanes, span: span.length > 0 ? { start: first, end: last } : after.span, baseline: { label, bars, removed } };
}
