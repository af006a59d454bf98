import { formatDay } from '../text/dates.js';
import { defineRule } from './rule.js';

export const simultaneousLaunch = defineRule({
  name: 'simultaneous-launch',
  area: 'sequencing',
  defaultSeverity: 'warning',
  summary: 'Every channel starts on the same day.',
  check({ model, report }) {
    const starts = [...model.channels.values()].map((channel) => channel.start).filter((start) => start?.day !== undefined);
    if (starts.length < 2 || starts.length !== model.channels.size) return;
    const day = starts[0]!.day;
    if (!starts.every((start) => start!.day === day)) return;
    const key = model.rootKeys.get('channels') ?? model.anchorRange;
    report({
      range: key,
      message: `Every channel starts on ${formatDay(day!)}. Sequence them: let inbound foundations (SEO, content) go first and outbound activity amplify them, with explicit \`depends_on\`.`,
    });
  },
});
