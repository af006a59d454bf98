import { defineRule } from './rule.js';

export const attributionMissing = defineRule({
  name: 'attribution-missing',
  area: 'measurement',
  defaultSeverity: 'warning',
  summary: 'No attribution model.',
  check({ model, invalid, report }) {
    if (model.attribution?.model || model.text.trim() === '' || invalid.at('attribution', 'model')) return;
    report({
      range: model.attribution?.section.keyRange ?? model.anchorRange,
      message:
        'The plan names no attribution model. Agree one before launch (e.g. `attribution: { model: data-driven, lookback: 30d }`) so channels are judged by the same rules.',
    });
  },
});
