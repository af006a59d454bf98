import { defineRule } from './rule.js';

export const importUnresolved = defineRule({
  name: 'import-unresolved',
  area: 'library',
  defaultSeverity: 'error',
  appliesTo: ['plan', 'library'],
  summary: 'An import that is missing, unreadable, not a library, or not a relative path.',
  check({ model, report }) {
    for (const problem of model.imported?.problems ?? []) {
      if (problem.kind === 'unresolved') report({ range: problem.range, message: problem.message });
    }
  },
});
