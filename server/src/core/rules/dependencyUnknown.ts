import { closestMatch } from '../text/didYouMean.js';
import { defineRule } from './rule.js';
import { quote } from '../text/quote.js';

export const dependencyUnknown = defineRule({
  name: 'dependency-unknown',
  area: 'sequencing',
  defaultSeverity: 'error',
  summary: '`depends_on` names no channel.',
  check({ model, facts, invalid, report }) {
    for (const { channel, dependency } of facts.graph.unknown) {
      if (invalid.covers(dependency.on)) continue;
      const suggestion = closestMatch(dependency.on.value, model.channels.keys());
      report({
        range: dependency.on.range,
        message: `Channel ${quote(channel.id)} depends on ${quote(dependency.on.value)}, which is not a channel.${suggestion ? ` Did you mean ${quote(suggestion)}?` : ' Name a channel defined under `channels`.'}`,
      });
    }
  },
});
