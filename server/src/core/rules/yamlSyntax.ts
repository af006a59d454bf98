import { defineRule } from './rule.js';

export const yamlSyntax = defineRule({
  name: 'yaml-syntax',
  area: 'syntax',
  defaultSeverity: 'error',
  appliesTo: ['plan', 'library', 'portfolio'],
  summary: 'The YAML does not parse.',
  check({ parsed, report }) {
    for (const problem of parsed.problems) report({ range: problem.range, message: problem.message, severity: problem.severity });
  },
});
