import { defineRule } from './rule.js';

export const portfolioPlanUnresolved = defineRule({
  name: 'portfolio-plan-unresolved',
  area: 'portfolio',
  defaultSeverity: 'error',
  appliesTo: ['portfolio'],
  summary: "A portfolio's `plans:` entry that matches no plan, cannot be read, is not a plan, or lists a plan again.",
  check({ portfolio, report }) {
    for (const problem of portfolio?.problems ?? []) report({ range: problem.range, message: problem.message });
  },
});
