import type { KpiModel, Located } from '../model/planModel.js';
import { quote } from '../text/quote.js';
import { uriBasename } from '../workspace/uris.js';
import { defineRule } from './rule.js';

/** What a library defines about a KPI, by the key a plan would write it under. */
const DEFINED: readonly [string, (kpi: KpiModel) => Located<string> | undefined][] = [
  ['name', (kpi) => kpi.name],
  ['owner', (kpi) => kpi.owner],
  ['measure.definition', (kpi) => kpi.measure?.definition],
  ['measure.source', (kpi) => kpi.measure?.source],
  ['measure.unit', (kpi) => kpi.measure?.unit],
  ['measure.owner', (kpi) => kpi.measure?.owner],
  ['measure.cadence', (kpi) => kpi.measure?.cadence],
  ['measure.aggregation', (kpi) => kpi.measure?.aggregation],
];

const REFINABLE = "`traces_to` and the measure's `baseline`, `target` and `ready_by`";

export const idShadowed = defineRule({
  name: 'id-shadowed',
  area: 'library',
  defaultSeverity: 'warning',
  waitsForImports: true,
  appliesTo: ['plan', 'library'],
  summary: 'A plan redefines what an imported KPI or journey stage already defines.',
  check({ model, report }) {
    const facts = model.imported;
    if (!facts) return;
    for (const kpi of facts.local.kpis.values()) {
      const imported = facts.kpis.get(kpi.id);
      if (!imported) continue;
      const library = quote(uriBasename(imported.library ?? ''));
      for (const [key, read] of DEFINED) {
        const mine = read(kpi);
        const theirs = read(imported);
        if (!mine || !theirs || mine.value === theirs.value) continue;
        report({
          range: mine.range,
          message: `KPI ${quote(kpi.id)} is defined in ${library}, where \`${key}\` is ${quote(String(theirs.value))}: a plan refines only ${REFINABLE}. Remove \`${key}\` here, or change it in the library.`,
        });
      }
    }
    for (const stage of facts.local.journey) {
      const imported = facts.stages.get(stage.value);
      if (!imported || imported.need === stage.need) continue;
      report({
        range: stage.range,
        message: `Journey stage ${quote(stage.value)} is defined in ${quote(uriBasename(imported.library ?? ''))} with another \`need\`: the library's counts. Remove the stage here, or change it in the library.`,
      });
    }
  },
});
