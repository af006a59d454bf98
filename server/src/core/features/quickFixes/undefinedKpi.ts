import { ID_PATTERN } from '../../schema/planSchema.js';
import { closestMatch } from '../../text/didYouMean.js';
import { insertEntries } from '../../yaml/edits/insertBlock.js';
import { replaceScalar } from '../../yaml/edits/replaceScalar.js';
import { mapping, type YamlEntry } from '../../yaml/edits/value.js';
import { measureSkeleton } from './measureSkeleton.js';
import { code, idInChannelsAt, objectiveIdOf, writableIds, writtenRange, type FixProposal, type QuickFix } from './quickFix.js';

/** `kpi-undefined`: change to the near KPI id (preferred), or define the KPI under `kpis`. */
export const defineOrCorrectKpi: QuickFix<'kpi-undefined'> = ({ model, facts, yaml }, diagnostic) => {
  const found = idInChannelsAt(model, diagnostic.range, 'kpis');
  if (!found || model.kpis.has(found.id.value)) return [];
  const id = found.id.value;
  const fixes: FixProposal[] = [];
  const near = closestMatch(id, writableIds(model.kpis.keys()));
  if (near) fixes.push({ title: `Change to ${code(near)}`, edits: [replaceScalar(yaml, writtenRange(found.id), near)], isPreferred: true });
  if (ID_PATTERN.test(id)) {
    const objectiveId = objectiveIdOf(model);
    const kpi: YamlEntry = {
      key: id,
      value: mapping([
        ...(objectiveId ? [{ key: 'traces_to', value: objectiveId }] : []),
        { key: 'owner', value: '<who is accountable for the number>' },
        measureSkeleton(facts, id),
      ]),
    };
    const edits = insertEntries(yaml, ['kpis'], [kpi], { createAfter: ['channels'] });
    if (edits) fixes.push({ title: `Create KPI ${code(id)}`, edits, ...(near ? {} : { isPreferred: true }) });
  }
  return fixes;
};
