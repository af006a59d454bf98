import { reviewCadences } from '../schema/planSchema.js';
import { defineRule } from './rule.js';

const PURPOSE: Record<string, string> = {
  weekly: 'execution: blockers and dependencies at risk',
  monthly: 'strategy: tracking to the objective',
  quarterly: 'investment: budget reallocation',
};

export const reviewCadenceMissing = defineRule({
  name: 'review-cadence-missing',
  area: 'rhythm',
  defaultSeverity: 'warning',
  summary: 'The weekly, monthly or quarterly review is missing.',
  check({ model, invalid, report }) {
    if (model.text.trim() === '' || invalid.value('reviews')) return;
    const missing = reviewCadences.filter((cadence) => !model.reviews.has(cadence));
    if (missing.length === 0) return;
    report({
      range: model.reviewsSection?.keyRange ?? model.anchorRange,
      message: `The plan has no ${missing.length > 1 ? `${missing.slice(0, -1).join(', ')} or ${missing.at(-1)}` : missing[0]} review. A plan nobody reviews is a schedule: add ${missing.map((cadence) => `\`${cadence}\` (${PURPOSE[cadence]})`).join('; ')} under \`reviews\`.`,
    });
  },
});
