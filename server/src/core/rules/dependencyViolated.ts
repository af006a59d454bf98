import { earliestStartAllowed } from '../model/schedule.js';
import { defineRule } from './rule.js';
import { formatDay, hoursAsDays, plural } from '../text/dates.js';
import { excerpt, quote } from '../text/quote.js';

export const dependencyViolated = defineRule({
  name: 'dependency-violated',
  area: 'sequencing',
  defaultSeverity: 'error',
  summary: 'A channel starts or ends before its dependency allows.',
  check({ facts, invalid, report }) {
    for (const edge of facts.graph.edges) {
      // A `kind` or `lag` the schema rejects leaves the rule unknown.
      if (invalid.at('channels', edge.to.id, 'depends_on', edge.dependency.index)) continue;
      const start = edge.to.start?.day;
      const end = edge.to.end?.day;
      const allowed = earliestStartAllowed(edge, facts.calendar.working);
      if (start === undefined || end === undefined || allowed === undefined || start >= allowed) continue;
      const { kind, lag } = edge.dependency;
      const lagText = lag ? ` + ${excerpt(lag.value)}` : '';
      // The schedule counts whole days: say how a lag in hours was counted.
      const rounding = lag ? hoursAsDays(lag.value) : undefined;
      const early = allowed - start;
      const finishRule = kind === 'finish-to-finish';
      const moveTo = formatDay(allowed);
      const rule =
        kind === 'start-to-start'
          ? `start on or after ${quote(edge.from.id)} starts${lagText}`
          : finishRule
            ? `end on or after ${quote(edge.from.id)} ends${lagText}`
            : `start after ${quote(edge.from.id)} ends${lagText}`;
      const target = finishRule ? edge.to.end! : edge.to.start!;
      const required = finishRule ? formatDay(end + early) : moveTo;
      report({
        range: target.range,
        message: `${quote(edge.to.id)} must ${rule} (${kind}${rounding ? `; ${rounding}` : ''}), but ${finishRule ? 'ends' : 'starts'} ${plural(early, 'day')} too early. ${finishRule ? 'End' : 'Start'} it on ${required} or later, or change the dependency.`,
      });
    }
  },
});
