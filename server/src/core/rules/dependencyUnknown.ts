import { closestMatch } from '../text/didYouMean.js';
import { defineRule } from './rule.js';

export const dependencyUnknown = defineRule({
  name: 'dependency-unknown',
  area: 'sequencing',
  defaultSeverity: 'error',
  summary: '`depends_on` names no channel.',
  check({ model, facts, report }) {
    for (const { channel, dependency } of facts.graph.unknown) {
      const suggestion = closestMatch(dependency.on.value, model.channels.keys());
      report({
        range: dependency.on.range,
        message: `Channel \`${channel.id}\` depends on \`${dependency.on.value}\`, which is not a channel.${suggestion ? ` Did you mean \`${suggestion}\`?` : ' Name a channel defined under `channels`.'}`,
      });
    }
  },
});
