// A bar dropped in the webview, checked against the timeline the panel shows before anything
// is asked of the server: the webview renders plan text and is not trusted. No vscode import.
import { parseIsoDate, type TimelineResult } from '../../../server/src/core/index.js';
import type { MoveMessage } from './dragMessages.js';

/** Why the move cannot be made (a sentence for the panel), or undefined when it may go to the server. */
export function refusedMove(message: MoveMessage, shown: TimelineResult | undefined, documentVersion: number | undefined): string | undefined {
  if (!shown || !shown.geometry) return 'There is no timeline to move on yet.';
  if (message.version !== shown.version || (documentVersion !== undefined && documentVersion !== shown.version)) {
    return 'The plan changed while you dragged: nothing was moved. Drag again on the current timeline.';
  }
  const bar = shown.timeline.bars.find((candidate) => candidate.id === message.channel);
  if (!bar) return 'That channel is not on the timeline: nothing was moved.';
  const start = parseIsoDate(message.start);
  const end = parseIsoDate(message.end);
  if (start === undefined || end === undefined) return 'The new dates are not calendar dates: nothing was moved.';
  const { first, last } = shown.geometry;
  if (end < start || start < first || end > last) return 'The new dates lie outside the timeline: nothing was moved.';
  if (start === bar.start.day && end === bar.end.day) return 'The dates are the same: nothing to move.';
  return undefined;
}
