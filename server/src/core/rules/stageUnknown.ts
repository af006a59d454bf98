import { closestMatch } from '../text/didYouMean.js';
import { defineRule } from './rule.js';
import { excerpt, quote, quoteList } from '../text/quote.js';

export const stageUnknown = defineRule({
  name: 'stage-unknown',
  area: 'journey',
  defaultSeverity: 'error',
  waitsForImports: true,
  summary: 'A channel names a journey stage that is not defined.',
  check({ model, invalid, report }) {
    // A journey the schema rejects (or a stage of it) may hold any stage.
    if (invalid.at('journey')) return;
    if (model.journey.length === 0 && !model.rootKeys.has('journey')) {
      // Without a journey there is nothing to check against; say so once, on the first stage used.
      const first = [...model.channels.values()].find((channel) => channel.stages.length > 0);
      if (first)
        report({
          range: first.stages[0]!.range,
          message: `Channel ${quote(first.id)} names stage ${quote(first.stages[0]!.value)}, but the plan has no \`journey\`. Add \`journey:\` with the stages in order.`,
        });
      return;
    }
    const stages = new Set(model.journey.map((stage) => stage.value));
    for (const channel of model.channels.values()) {
      for (const stage of channel.stages) {
        if (stages.has(stage.value) || invalid.covers(stage)) continue;
        const suggestion = closestMatch(stage.value, stages);
        report({
          range: stage.range,
          message: `Channel ${quote(channel.id)} names stage ${quote(stage.value)}, which is not in the \`journey\`.${suggestion ? ` Did you mean ${quote(suggestion)}?` : ` Use one of: ${quoteList([...stages], excerpt)}.`}`,
        });
      }
    }
  },
});
