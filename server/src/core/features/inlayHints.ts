import { datesOf } from '../model/schedule.js';
import { plural } from '../text/dates.js';
import type { Range } from '../types.js';
import type { InlayHint } from '../lspTypes.js';
import type { PlanDocument } from '../planDocument.js';

/** After each channel's `end:` date, how many days the channel runs (both days included). */
export function inlayHints(doc: PlanDocument, range: Range): InlayHint[] {
  const hints: InlayHint[] = [];
  for (const channel of doc.analysis.model.channels.values()) {
    const dates = datesOf(channel);
    // Only where the channel writes its end itself: a merged `end` is shared text.
    const end = channel.end && !channel.end.origin ? channel.end.range.end : undefined;
    if (!dates || !end || end.line < range.start.line || end.line > range.end.line) continue;
    hints.push({ position: end, label: plural(dates.end - dates.start + 1, 'day'), kind: 1, paddingLeft: true });
  }
  return hints;
}
