import { defineRule } from './rule.js';

export const attributionLastClick = defineRule({
  name: 'attribution-last-click',
  area: 'measurement',
  defaultSeverity: 'warning',
  summary: 'Last-click attribution undervalues upper-funnel work.',
  check({ model, report }) {
    const attribution = model.attribution?.model;
    if (attribution?.value !== 'last-click') return;
    report({
      range: attribution.range,
      message:
        'Last-click credits whichever channel is last (usually paid search) and undervalues brand, content and upper-funnel work, so budget drifts the wrong way. Set `model` to data-driven, position-based or mmm.',
    });
  },
});
