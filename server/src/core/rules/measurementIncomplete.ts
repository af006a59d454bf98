import { importedOnly } from '../library/imports.js';
import { defineRule } from './rule.js';
import { quote } from '../text/quote.js';

export const measurementIncomplete = defineRule({
  name: 'measurement-incomplete',
  area: 'measurement',
  defaultSeverity: 'warning',
  waitsForImports: true,
  summary: '`measure` lacks definition, source, owner (KPI or measure), baseline or target.',
  check({ model, invalid, report }) {
    for (const kpi of model.kpis.values()) {
      const measure = kpi.measure;
      // A library KPI this plan does not refine: its measure is in the library, checked on its own (and what a plan adds it does not add here).
      if (!measure || invalid.value('kpis', kpi.id, 'measure') || importedOnly(model, kpi.id)) continue;
      // A key the schema rejects is not missing: it is reported once, by the schema check.
      const absent = (key: string, value: unknown) => value === undefined && !invalid.at('kpis', kpi.id, 'measure', key);
      const missing: string[] = [];
      if (absent('definition', measure.definition)) missing.push('definition');
      if (absent('source', measure.source)) missing.push('source');
      if (absent('owner', measure.owner) && !kpi.owner && !invalid.at('kpis', kpi.id, 'owner')) missing.push('owner');
      if (absent('baseline', measure.baseline)) missing.push('baseline');
      if (absent('target', measure.target)) missing.push('target');
      if (missing.length === 0) continue;
      report({
        range: measure.keyRange,
        message: `The measure of KPI ${quote(kpi.id)} lacks ${missing.map((key) => `\`${key}\``).join(', ')}. Fill ${missing.length === 1 ? 'it' : 'them'} in before launch so the number cannot be argued about later.`,
      });
    }
  },
});
