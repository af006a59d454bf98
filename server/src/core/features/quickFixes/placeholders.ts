import { reviewCadences } from '../../schema/planSchema.js';
import { insertEntries } from '../../yaml/edits/insertBlock.js';
import { setScalar } from '../../yaml/edits/setScalar.js';
import { flowMapping, type YamlEntry } from '../../yaml/edits/value.js';
import { channelWithKeyAt, code, kpiWithKeyAt, proposal, sameRange, type QuickFix } from './quickFix.js';

// Fixes that add what a rule found missing, with placeholder text to fill in.

const REVIEW_FOCUS: Record<string, string> = {
  weekly: 'Blockers and dependencies at risk',
  monthly: 'Tracking to the objective',
  quarterly: 'Budget reallocation',
};

/** `owner-missing`: `owner: <…>` in the channel, KPI or review. */
export const addOwner: QuickFix<'owner-missing'> = ({ model, yaml }, diagnostic) => {
  // An `owner:` left empty is filled in place.
  const channel = channelWithKeyAt(model, diagnostic.range);
  if (channel && !channel.owner) {
    return proposal(`Add an \`owner\` to ${code(channel.id)}`, setScalar(yaml, ['channels', channel.id, 'owner'], '<who is accountable for the channel>'));
  }
  const kpi = kpiWithKeyAt(model, diagnostic.range);
  if (kpi && !kpi.owner && !kpi.measure?.owner) {
    return proposal(`Add an \`owner\` to ${code(kpi.id)}`, setScalar(yaml, ['kpis', kpi.id, 'owner'], '<who is accountable for the number>'));
  }
  const review = [...model.reviews.values()].find((item) => sameRange(item.keyRange, diagnostic.range));
  if (review && !review.owner) {
    return proposal(`Add an \`owner\` to the ${review.cadence} review`, setScalar(yaml, ['reviews', review.cadence, 'owner'], '<who runs it>'));
  }
  return [];
};

/** `attribution-missing`: `attribution: { model: data-driven, lookback: 30d }`, or the model in an existing section. */
export const addAttribution: QuickFix<'attribution-missing'> = ({ model, yaml }) => {
  const attribution = model.attribution;
  if (attribution?.model) return [];
  if (attribution) {
    return proposal('Add `model: data-driven` to `attribution`', setScalar(yaml, ['attribution', 'model'], 'data-driven'));
  }
  const entry: YamlEntry = {
    key: 'attribution',
    value: flowMapping([
      { key: 'model', value: 'data-driven' },
      { key: 'lookback', value: '30d' },
    ]),
  };
  return proposal('Add `attribution: { model: data-driven, lookback: 30d }`', insertEntries(yaml, [], [entry], { after: ['kpis', 'channels'] }));
};

/** `review-cadence-missing`: the missing reviews under `reviews`, created after the plan's measurement sections if absent. */
export const addMissingReviews: QuickFix<'review-cadence-missing'> = ({ model, yaml }) => {
  const missing = reviewCadences.filter((cadence) => !model.reviews.has(cadence));
  if (missing.length === 0) return [];
  const entries: YamlEntry[] = missing.map((cadence) => ({
    key: cadence,
    value: flowMapping([
      { key: 'owner', value: '<who runs it>' },
      { key: 'focus', value: REVIEW_FOCUS[cadence]! },
    ]),
  }));
  const names = missing.length === 1 ? `the ${missing[0]} review` : `the ${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]} reviews`;
  return proposal(`Add ${names}`, insertEntries(yaml, ['reviews'], entries, { createAfter: ['compliance', 'attribution', 'kpis', 'channels'] }));
};
