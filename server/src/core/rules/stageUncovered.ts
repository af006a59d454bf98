import type { Rule } from './rule.js';
import { excerpt, quote } from '../text/quote.js';

export const stageUncovered: Rule = {
  name: 'stage-uncovered',
  area: 'journey',
  defaultSeverity: 'warning',
  summary: 'A journey stage that no channel serves.',
  check({ model, facts, report }) {
    if (model.channels.size === 0) return;
    for (const stage of model.journey) {
      if (facts.stageUsers.has(stage.value)) continue;
      report({
        range: stage.range,
        message: `No channel serves the ${quote(stage.value)} stage${stage.need ? ` (${excerpt(stage.need)})` : ''}. Add it to a channel's \`stages\`, or the customer is dropped here.`,
      });
    }
  },
};
