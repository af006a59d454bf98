import { blackoutOn, blackoutsFor, firstAllowedStart, type Blackout } from '../model/calendar.js';
import { formatDay } from '../text/dates.js';
import { excerpt, quote } from '../text/quote.js';
import { defineRule } from './rule.js';

export const launchInBlackout = defineRule({
  name: 'launch-in-blackout',
  area: 'sequencing',
  defaultSeverity: 'warning',
  summary: 'A channel starts inside a blackout that applies to its medium.',
  check({ model, facts, report }) {
    const calendar = facts.calendar;
    if (calendar.blackouts.length === 0) return;
    for (const channel of model.channels.values()) {
      const start = channel.start;
      if (start?.day === undefined) continue;
      const blackouts = blackoutsFor(calendar, channel);
      const blackout = blackoutOn(blackouts, start.day);
      if (!blackout) continue;
      const allowed = formatDay(firstAllowedStart(blackouts, start.day));
      report({
        range: start.range,
        message:
          `${quote(channel.id)} starts on ${formatDay(start.day)}, inside the blackout ${describe(blackout)}. ` +
          `Start it on ${allowed} or later (the first day no blackout of its medium covers), or change the blackout.`,
      });
    }
  },
});

function describe(blackout: Blackout): string {
  const why = blackout.why?.trim();
  const reason = why ? `"${excerpt(why)}"` : '(no reason given)';
  const media = blackout.appliesTo ?? [];
  const scope =
    blackout.appliesTo === undefined ? 'every channel' : media.length > 1 ? `${media.slice(0, -1).join(', ')} and ${media[media.length - 1]}` : media.join('');
  return `${reason} (${formatDay(blackout.from)} to ${formatDay(blackout.to)}, for ${scope})`;
}
