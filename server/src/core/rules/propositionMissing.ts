import { defineRule } from './rule.js';

export const propositionMissing = defineRule({
  name: 'proposition-missing',
  area: 'integration',
  defaultSeverity: 'warning',
  summary: 'No single value proposition.',
  check({ model, invalid, report }) {
    if (model.text.trim() === '' || invalid.at('proposition')) return;
    const propositions = model.propositions.filter((item) => item.value.trim() !== '');
    if (propositions.length === 1) return;
    if (propositions.length === 0) {
      report({
        range: model.rootKeys.get('proposition') ?? model.anchorRange,
        message:
          'The plan states no value proposition. Add `proposition:` with the one promise every channel expresses, so customers meet the same offer everywhere.',
      });
      return;
    }
    report({
      range: model.rootKeys.get('proposition')!,
      message: `The plan has ${propositions.length} propositions. Choose one: customers who meet different promises in different channels experience co-ordinated campaigns, not an integrated plan.`,
    });
  },
});
