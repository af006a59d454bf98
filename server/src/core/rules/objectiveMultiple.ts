import { defineRule } from './rule.js';
import { quote } from '../text/quote.js';

export const objectiveMultiple = defineRule({
  name: 'objective-multiple',
  area: 'objective',
  defaultSeverity: 'error',
  summary: 'The plan has more than one objective.',
  check({ model, invalid, report }) {
    // Items the schema rejects as objectives (`objective: [a, b]`) are that one mistake.
    if (model.objectives.length < 2 || invalid.value('objective', 0) || invalid.value('objective', 1)) return;
    const firstId = model.objectives[0]!.id?.value;
    const first = firstId === undefined ? 'the first one' : quote(firstId);
    for (const objective of model.objectives.slice(1)) {
      report({
        range: objective.id?.range ?? objective.keyRange,
        message: `A plan has exactly one commercial objective; this is objective ${model.objectives.indexOf(objective) + 1} of ${model.objectives.length}. Keep ${first} and turn the others into KPIs that trace to it, or split the plan.`,
      });
    }
  },
});
