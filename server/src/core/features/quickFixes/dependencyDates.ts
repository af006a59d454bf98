import { datesOf, earliestStartAllowed } from '../../model/schedule.js';
import { nodeRange } from '../../parse/reuse.js';
import { formatDay } from '../../text/dates.js';
import type { ChannelModel } from '../../model/planModel.js';
import { rangeContains } from '../../text/positions.js';
import type { TextEdit } from '../../types.js';
import type { YamlEditContext } from '../../yaml/edits/editContext.js';
import { pairAtPath } from '../../yaml/edits/nodes.js';
import { replaceScalar } from '../../yaml/edits/replaceScalar.js';
import { setScalar } from '../../yaml/edits/setScalar.js';
import type { FixProposal, QuickFix } from './quickFix.js';
import { code, sameRange } from './quickFix.js';

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
  const startEdits = dateEdits(yaml, channel, 'start', start);
  const endEdits = dateEdits(yaml, channel, 'end', end);
  if (!startEdits || !endEdits) return [];
  const both = [...startEdits, ...endEdits];
  const fixes: FixProposal[] = [];
  if (field === 'start') {
    if (dates.start + shift <= dates.end) fixes.push({ title: `Move start to ${start}${mergedNote(channel, 'start')}`, edits: startEdits, isPreferred: true });
    fixes.push({ title: `Move start to ${start} and keep the duration (end ${end})`, edits: both, ...(fixes.length === 0 ? { isPreferred: true } : {}) });
  } else {
    fixes.push({ title: `Move end to ${end}${mergedNote(channel, 'end')}`, edits: endEdits, isPreferred: true });
    fixes.push({ title: `Move end to ${end} and keep the duration (start ${start})`, edits: both });
  }
  return fixes;
};

/**
 * The edits that give the channel a new date. A date merged in with `<<` is shared text, and
 * moving it would move every channel that merges it: the channel gets its own date instead,
 * written in it, which wins over the merged one. Undefined when the channel is not written
 * under `channels` itself (merged in whole) or the date is an alias of text elsewhere: no
 * edit is safe.
 */
function dateEdits(yaml: YamlEditContext, channel: ChannelModel, field: 'start' | 'end', day: string): TextEdit[] | undefined {
  const date = channel[field]!;
  if (!date.origin) return rangeContains(channel.range, date.range) ? [replaceScalar(yaml, date.range, day)] : undefined;
  const written = yaml.doc ? pairAtPath(yaml.doc.contents, ['channels', channel.id]) : undefined;
  const keyRange = nodeRange(written?.pair.key);
  if (!keyRange || !sameRange(yaml.lines.range(keyRange[0], keyRange[1]), channel.keyRange)) return undefined;
  return setScalar(yaml, ['channels', channel.id, field], day);
}

function mergedNote(channel: ChannelModel, field: 'start' | 'end'): string {
  return channel[field]?.origin ? ` in ${code(channel.id)} (instead of the merged one)` : '';
}
