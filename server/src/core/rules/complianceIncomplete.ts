import { defineRule } from './rule.js';

const GDPR_KEYS = ['lawful_basis', 'consent', 'retention', 'third_party_data'] as const;

export const complianceIncomplete = defineRule({
  name: 'compliance-incomplete',
  area: 'compliance',
  defaultSeverity: 'warning',
  summary: 'GDPR is named but lawful basis, consent, retention or third-party data is missing.',
  check({ model, report }) {
    const compliance = model.compliance;
    const gdpr = compliance?.regulations.find((regulation) => /^(uk[- ]?)?gdpr$/i.test(regulation.value.trim()));
    if (!compliance || !gdpr) return;
    const missing = GDPR_KEYS.filter((key) => !compliance.keys.has(key));
    if (missing.length === 0) return;
    report({
      range: gdpr.range,
      message: `GDPR is in scope but \`compliance\` lacks ${missing.map((key) => `\`${key}\``).join(', ')}. Record ${missing.length === 1 ? 'it' : 'them'} before launch so no channel is paused mid-flight.`,
    });
  },
});
