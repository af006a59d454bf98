import { defineRule } from './rule.js';

export const mixOneSided = defineRule({
  name: 'mix-one-sided',
  area: 'integration',
  defaultSeverity: 'warning',
  summary: 'The plan is all inbound or all outbound.',
  check({ model, invalid, report }) {
    // A mode the schema rejects might be the other side.
    if (invalid.inAnyEntry('channels', 'mode')) return;
    const modes = [...model.channels.values()].map((channel) => channel.mode?.value).filter((mode) => mode !== undefined);
    if (modes.length < 2) return;
    const only = modes[0];
    if (!modes.every((mode) => mode === only)) return;
    const other = only === 'inbound' ? 'outbound' : 'inbound';
    const advice =
      only === 'inbound'
        ? 'Outbound accelerates: add paid or direct channels that reach people who would not find you.'
        : 'Inbound builds the foundation that lowers acquisition cost: add owned or earned channels (SEO, content, PR).';
    report({ range: model.rootKeys.get('channels') ?? model.anchorRange, message: `Every channel is ${only}; none is ${other}. ${advice}` });
  },
});
