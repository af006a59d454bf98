import { defineRule } from './rule.js';

export const objectiveMissing = defineRule({
  name: 'objective-missing',
  area: 'objective',
  defaultSeverity: 'error',
  summary: 'The plan has no commercial objective.',
  check({ model, report }) {
    if (model.objectives.length > 0 || model.text.trim() === '') return;
    report({
      range: model.anchorRange,
      message: 'The plan has no `objective`. Add one commercial objective (id, statement, metric, target, deadline) that every KPI traces back to.',
    });
  },
});
