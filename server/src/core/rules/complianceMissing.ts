import { personalDataMedia } from '../schema/planSchema.js';
import { defineRule } from './rule.js';
import { excerpt, quote, quoteList } from '../text/quote.js';

export const complianceMissing = defineRule({
  name: 'compliance-missing',
  area: 'compliance',
  defaultSeverity: 'error',
  summary: 'A channel handles personal data and there is no `compliance` section.',
  check({ model, report }) {
    if (model.compliance) return;
    for (const channel of model.channels.values()) {
      const medium = channel.medium && (personalDataMedia as readonly string[]).includes(channel.medium.value) ? channel.medium : undefined;
      if (channel.personalData.length === 0 && !medium) continue;
      const reason =
        channel.personalData.length > 0
          ? `processes personal data (${quoteList(
              channel.personalData.map((item) => item.value),
              excerpt,
            )})`
          : `is ${medium!.value}, which processes personal data`;
      report({
        range: medium?.range ?? channel.personalData[0]?.range ?? channel.keyRange,
        message: `Channel ${quote(channel.id)} ${reason}, but the plan has no \`compliance\` section. Add one before launch with \`regulations\`, \`lawful_basis\`, \`consent\`, \`retention\` and \`third_party_data\`, so the channel is not paused mid-flight.`,
      });
    }
  },
});
