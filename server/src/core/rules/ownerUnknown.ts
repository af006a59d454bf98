import { importedOnly } from '../library/imports.js';
import type { Located, PlanModel } from '../model/planModel.js';
import { closestMatch } from '../text/didYouMean.js';
import { excerpt, quote } from '../text/quote.js';
import { defineRule } from './rule.js';

export const ownerUnknown = defineRule({
  name: 'owner-unknown',
  area: 'ownership',
  defaultSeverity: 'warning',
  waitsForImports: true,
  appliesTo: ['plan', 'library'],
  summary: 'An owner who is not in the `owners` list of an imported library.',
  check({ model, report }) {
    const known = new Set([...(model.imported?.owners ?? []), ...model.owners.map((owner) => owner.value)]);
    if (known.size === 0) return;
    for (const { owner, what } of ownersOf(model)) {
      if (known.has(owner.value)) continue;
      const suggestion = closestMatch(owner.value, known);
      report({
        range: owner.range,
        message: `${what()} is owned by ${quote(owner.value)}, who is not in the imported \`owners\` list.${suggestion ? ` Did you mean ${quote(suggestion)}?` : ' Name someone the list allows, or add them to the library.'}`,
      });
    }
  },
});

/**
 * Every owner the file names, with what it owns (worded only for a finding). A library KPI the
 * plan does not refine is left out: its owner is written in the library, which is checked on its own.
 */
function ownersOf(model: PlanModel): { owner: Located<string>; what: () => string }[] {
  const found: { owner: Located<string>; what: () => string }[] = [];
  const add = (owner: Located<string> | undefined, what: () => string) => {
    if (owner) found.push({ owner, what });
  };
  add(model.owner, () => 'The plan');
  for (const channel of model.channels.values()) add(channel.owner, () => `Channel ${quote(channel.id)}`);
  for (const kpi of model.kpis.values()) {
    if (importedOnly(model, kpi.id)) continue;
    add(kpi.owner, () => `KPI ${quote(kpi.id)}`);
    add(kpi.measure?.owner, () => `The measure of KPI ${quote(kpi.id)}`);
  }
  for (const review of model.reviews.values()) add(review.owner, () => `The ${excerpt(review.cadence)} review`);
  return found;
}
