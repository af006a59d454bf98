import { defineRule } from './rule.js';
import { quote } from '../text/quote.js';

export const dependencyCycle = defineRule({
  name: 'dependency-cycle',
  area: 'sequencing',
  defaultSeverity: 'error',
  summary: 'Channels depend on each other in a cycle.',
  check({ model, facts, report }) {
    for (const cycle of facts.graph.cycles) {
      const shown = cycle.length > 8 ? [...cycle.slice(0, 6), '…', cycle[cycle.length - 1]!] : cycle;
      const named = shown.map((id) => (id === '…' ? id : quote(id))).join(' → ') + (cycle.length > 8 ? ` (${cycle.length - 1} channels)` : '');
      // Report on each dependency that closes a link of the cycle: `b` depends on `a` for a → b.
      for (let i = 0; i + 1 < cycle.length; i++) {
        const upstream = cycle[i]!;
        const channel = model.channels.get(cycle[i + 1]!)!;
        const dependency = channel.dependsOn.find((d) => d.on.value === upstream);
        if (!dependency) continue;
        report({
          range: dependency.on.range,
          message: `Dependency cycle: ${named} (each waits for the one before), so none of them can start. Remove one of these dependencies.`,
        });
      }
    }
  },
});
