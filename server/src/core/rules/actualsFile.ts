import { pathOf, unreadableReason } from '../actuals/describe.js';
import { defineRule } from './rule.js';
import { quote } from '../text/quote.js';

export const actualsFile = defineRule({
  name: 'actuals-file',
  area: 'tracking',
  defaultSeverity: 'error',
  summary: 'The `actuals_file` cannot be read, has rows that cannot be used, or gives a value the plan gives too.',
  check({ tracking, report }) {
    for (const { reference, state } of tracking.files) {
      const path = `${quote(reference.path.value)}`;
      if (state.status === 'refused') report({ range: reference.path.range, message: state.problem });
      else if (state.status === 'unreadable') {
        report({
          range: reference.path.range,
          message: `${path} cannot be read: ${unreadableReason(state.kind, state.problem)}. Its actuals and spend are left out until it can be.`,
        });
      }
    }
    for (const conflict of tracking.conflicts) {
      report({
        range: conflict.range,
        severity: 'warning',
        message: `${conflict.what.charAt(0).toUpperCase()}${conflict.what.slice(1)} is given here and on line ${conflict.line + 1} of ${quote(pathOf(tracking, conflict.uri))}; the plan's value is used. Keep one of them.`,
      });
    }
  },
});
