import { defineRule } from './rule.js';

export const importCycle = defineRule({
  name: 'import-cycle',
  area: 'library',
  defaultSeverity: 'error',
  appliesTo: ['plan', 'library'],
  summary: 'Libraries that import each other in a circle.',
  check({ model, report }) {
    for (const problem of model.imported?.problems ?? []) {
      if (problem.kind === 'cycle') report({ range: problem.range, message: problem.message });
    }
  },
});
