import { defineRule } from './rule.js';

export const objectiveVague = defineRule({
  name: 'objective-vague',
  area: 'objective',
  defaultSeverity: 'warning',
  summary: 'The objective has no numeric target, or no deadline or plan period.',
  check({ model, invalid, report }) {
    const objective = model.objectives[0];
    const at = (key: string) => invalid.at('objective', key) || invalid.at('objective', 0, key);
    if (!objective || invalid.value('objective') || invalid.value('objective', 0)) return;
    const missing: string[] = [];
    if (!objective.target && !at('target')) missing.push('a numeric `target`');
    if (!objective.deadline && !model.period && !at('deadline') && !invalid.at('period')) missing.push('a `deadline` (or a plan `period`)');
    if (missing.length === 0) return;
    report({
      range: objective.keyRange,
      message: `The objective is vague: it lacks ${missing.join(' and ')}. Say how much, by when (e.g. \`target: 4000\`, \`deadline: 2026-09-30\`).`,
    });
  },
});
