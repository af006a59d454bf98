import { defineRule } from './rule.js';

export const stageUncovered = defineRule({
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
        message: `No channel serves the \`${stage.value}\` stage${stage.need ? ` (${stage.need})` : ''}. Add it to a channel's \`stages\`, or the customer is dropped here.`,
      });
    }
  },
});
