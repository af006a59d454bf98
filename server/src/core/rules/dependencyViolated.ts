import { earliestStartAllowed } from '../model/schedule.js';
import { formatDay, plural } from '../text/dates.js';
import { defineRule } from './rule.js';

export const dependencyViolated = defineRule({
  name: 'dependency-violated',
  area: 'sequencing',
  defaultSeverity: 'error',
  summary: 'A channel starts or ends before its dependency allows.',
  check({ facts, report }) {
    for (const edge of facts.graph.edges) {
      const start = edge.to.start?.day;
      const end = edge.to.end?.day;
      const allowed = earliestStartAllowed(edge, facts.calendar.working);
      if (start === undefined || end === undefined || allowed === undefined || start >= allowed) continue;
      const { kind, lag } = edge.dependency;
      const lagText = lag ? ` + ${lag.value}` : '';
      const early = allowed - start;
      const finishRule = kind === 'finish-to-finish';
      const moveTo = formatDay(allowed);
      const rule =
        kind === 'start-to-start'
          ? `start on or after \`${edge.from.id}\` starts${lagText}`
          : finishRule
            ? `end on or after \`${edge.from.id}\` ends${lagText}`
            : `start after \`${edge.from.id}\` ends${lagText}`;
      const target = finishRule ? edge.to.end! : edge.to.start!;
      const required = finishRule ? formatDay(end + early) : moveTo;
      report({
        range: target.range,
        message: `\`${edge.to.id}\` must ${rule} (${kind}), but ${finishRule ? 'ends' : 'starts'} ${plural(early, 'day')} too early. ${finishRule ? 'End' : 'Start'} it on ${required} or later, or change the dependency.`,
      });
    }
  },
});
