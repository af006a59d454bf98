import { insertEntries } from '../../yaml/edits/insertBlock.js';
import { flowList, mapping, type YamlEntry } from '../../yaml/edits/value.js';
import { proposal, type QuickFix } from './quickFix.js';

const complianceSection: YamlEntry = {
  key: 'compliance',
  value: mapping([
    { key: 'regulations', value: flowList(['GDPR', 'PECR']) },
    { key: 'lawful_basis', value: '<consent, legitimate interests or contract>' },
    { key: 'consent', value: '<how consent is collected and recorded>' },
    { key: 'retention', value: '<how long personal data is kept>' },
    { key: 'third_party_data', value: '<third-party data used, or none>' },
    { key: 'reviewed_by', value: '<who reviewed the plan for compliance>' },
  ]),
};

/** One section for the whole plan, after the measurement sections when present. */
export const addCompliance: QuickFix<'compliance-missing'> = ({ model, yaml }) => {
  if (model.compliance) return [];
  return proposal('Add a `compliance` section', insertEntries(yaml, [], [complianceSection], { after: ['attribution', 'kpis', 'channels'] }), true);
};
