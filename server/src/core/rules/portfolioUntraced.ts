import { quote } from '../text/quote.js';
import { uriBasename } from '../workspace/uris.js';
import { defineRule } from './rule.js';

export const portfolioUntraced = defineRule({
  name: 'portfolio-untraced',
  area: 'portfolio',
  defaultSeverity: 'warning',
  appliesTo: ['portfolio'],
  summary: "A member plan whose objective does not trace to the portfolio's objective (`traces_to`).",
  check({ portfolio, report }) {
    const goal = portfolio?.objective?.id?.value;
    if (!portfolio || goal === undefined) return;
    for (const member of portfolio.members) {
      const file = quote(uriBasename(member.uri));
      const objective = member.objective;
      const relatedInformation = objective && [{ location: { uri: member.uri, range: objective.range }, message: "The plan's objective" }];
      if (!objective) {
        report({
          range: member.entry.range,
          message: `${file} has no objective, so it cannot serve the portfolio's ${quote(goal)}. Give it an \`objective\` with \`traces_to: ${goal}\`.`,
        });
      } else if (objective.tracesTo === undefined) {
        report({
          range: member.entry.range,
          message: `The objective of ${file}${objective.id ? ` (${quote(objective.id)})` : ''} does not say which portfolio objective it serves. Write \`traces_to: ${goal}\` under the \`objective\` of ${file}.`,
          ...(relatedInformation ? { relatedInformation } : {}),
        });
      } else if (objective.tracesTo !== goal) {
        report({
          range: member.entry.range,
          message: `The objective of ${file} traces to ${quote(objective.tracesTo)}, not to the portfolio's objective ${quote(goal)}. Write \`traces_to: ${goal}\` in ${file}.`,
          ...(relatedInformation ? { relatedInformation } : {}),
        });
      }
    }
  },
});
