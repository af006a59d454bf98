import type { Rule } from './rule.js';
import { quote } from '../text/quote.js';

export const measurementIncomplete: Rule = {
  name: 'measurement-incomplete',
  area: 'measurement',
  defaultSeverity: 'warning',
  summary: '`measure` lacks definition, source, owner (KPI or measure), baseline or target.',
  check({ model, report }) {
    for (const kpi of model.kpis.values()) {
      const measure = kpi.measure;
      if (!measure) continue;
      const missing: string[] = [];
      if (!measure.definition) missing.push('definition');
      if (!measure.source) missing.push('source');
      if (!measure.owner && !kpi.owner) missing.push('owner');
      if (measure.baseline === undefined) missing.push('baseline');
      if (measure.target === undefined) missing.push('target');
      if (missing.length === 0) continue;
      report({
        range: measure.keyRange,
        message: `The measure of KPI ${quote(kpi.id)} lacks ${missing.map((key) => `\`${key}\``).join(', ')}. Fill ${missing.length === 1 ? 'it' : 'them'} in before launch so the number cannot be argued about later.`,
        data: { kpi: kpi.id, missing },
      });
    }
  },
};
