import type { PlanFacts } from '../../model/planFacts.js';
import { cadences } from '../../schema/planSchema.js';
import { formatDay, type Day } from '../../text/dates.js';
import { insertEntries } from '../../yaml/edits/insertBlock.js';
import { mapping, type YamlEntry } from '../../yaml/edits/value.js';
import { code, kpiWithKeyAt, proposal, type QuickFix } from './quickFix.js';

/** The first channel reporting the KPI to start, if any has a start date. */
export function firstReporter(facts: PlanFacts, kpiId: string): { channel: string; start: Day } | undefined {
  let first: { channel: string; start: Day } | undefined;
  for (const channel of facts.kpiUsers.get(kpiId) ?? []) {
    const start = channel.start?.day;
    if (start !== undefined && (!first || start < first.start)) first = { channel: channel.id, start };
  }
  return first;
}

/** A `measure` with every field to agree before launch; `ready_by` the day before the first reporting channel starts. */
export function measureSkeleton(facts: PlanFacts, kpiId: string): YamlEntry {
  const first = firstReporter(facts, kpiId);
  const readyBy: YamlEntry = first
    ? { key: 'ready_by', value: formatDay(first.start - 1), comment: `the day before ${code(first.channel)} starts` }
    : { key: 'ready_by', value: 'YYYY-MM-DD', commentedOut: true, comment: 'before the first channel reporting it starts' };
  return {
    key: 'measure',
    value: mapping([
      { key: 'definition', value: '<what exactly is counted>' },
      { key: 'source', value: '<where the number comes from, e.g. GA4 or CRM>' },
      { key: 'unit', value: '<unit of the measure>' },
      { key: 'baseline', value: 0, comment: 'where the number stands today' },
      { key: 'target', value: 0, comment: 'where it must get to' },
      { key: 'cadence', value: 'weekly', comment: cadences.join(' | ') },
      readyBy,
    ]),
  };
}

export const addMeasure: QuickFix<'measurement-missing'> = ({ model, facts, yaml }, diagnostic) => {
  const kpi = kpiWithKeyAt(model, diagnostic.range);
  if (!kpi || kpi.measure) return [];
  return proposal(`Add a \`measure\` skeleton to ${code(kpi.id)}`, insertEntries(yaml, ['kpis', kpi.id], [measureSkeleton(facts, kpi.id)]), true);
};
