import { defineRule } from './rule.js';
import { excerpt, quote } from '../text/quote.js';

export const stageUncovered = defineRule({
  name: 'stage-uncovered',
  area: 'journey',
  defaultSeverity: 'warning',
  summary: 'A journey stage that no channel serves.',
  check({ model, facts, invalid, report }) {
    // A `stages` list the schema rejects may serve any stage.
    if (model.channels.size === 0 || invalid.inAnyEntry('channels', 'stages')) return;
    for (const stage of model.journey) {
      if (facts.stageUsers.has(stage.value) || invalid.covers(stage)) continue;
      report({
        range: stage.range,
        message: `No channel serves the ${quote(stage.value)} stage${stage.need ? ` (${excerpt(stage.need)})` : ''}. Add it to a channel's \`stages\`, or the customer is dropped here.`,
      });
    }
  },
});
