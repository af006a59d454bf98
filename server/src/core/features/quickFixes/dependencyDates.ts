import { datesOf, earliestStartAllowed } from '../../model/schedule.js';
import { formatDay } from '../../text/dates.js';
import { replaceScalar } from '../../yaml/edits/replaceScalar.js';
import type { FixProposal, QuickFix } from './quickFix.js';
import { sameRange } from './quickFix.js';

/**
 * `dependency-violated`: move the start (or, for finish-to-finish, the end) to the earliest
 * day every dependency of that kind allows, or move both dates and keep the duration.
 * The days come from the current schedule, never from the diagnostic's data.
 */
export const moveToEarliestAllowed: QuickFix<'dependency-violated'> = ({ model, facts, yaml }, diagnostic) => {
  const channel = [...model.channels.values()].find((item) => sameRange(item.start?.range, diagnostic.range) || sameRange(item.end?.range, diagnostic.range));
  const dates = channel && datesOf(channel);
  if (!channel?.start || !channel.end || !dates) return [];
  const field = sameRange(channel.start.range, diagnostic.range) ? 'start' : 'end';
  // A start bound comes from finish-to-start and start-to-start edges, an end bound from finish-to-finish ones.
  let shift = 0;
  for (const edge of facts.graph.upstream.get(channel.id) ?? []) {
    if ((edge.dependency.kind === 'finish-to-finish') !== (field === 'end')) continue;
    const allowed = earliestStartAllowed(edge, facts.calendar.working);
    if (allowed !== undefined) shift = Math.max(shift, allowed - dates.start);
  }
  if (shift <= 0) return [];
  const start = formatDay(dates.start + shift);
  const end = formatDay(dates.end + shift);
  const both = [replaceScalar(yaml, channel.start.range, start), replaceScalar(yaml, channel.end.range, end)];
  const fixes: FixProposal[] = [];
  if (field === 'start') {
    if (dates.start + shift <= dates.end) fixes.push({ title: `Move start to ${start}`, edits: [both[0]!], isPreferred: true });
    fixes.push({ title: `Move start to ${start} and keep the duration (end ${end})`, edits: both, ...(fixes.length === 0 ? { isPreferred: true } : {}) });
  } else {
    fixes.push({ title: `Move end to ${end}`, edits: [both[1]!], isPreferred: true });
    fixes.push({ title: `Move end to ${end} and keep the duration (start ${start})`, edits: both });
  }
  return fixes;
};
