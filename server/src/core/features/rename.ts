import { parse } from 'yaml';
import type { PlanModel } from '../model/planModel.js';
import { ID_PATTERN } from '../schema/planSchema.js';
import type { Position, Range, WorkspaceEdit } from '../types.js';
import { idIndexOf, type IdKind } from '../model/idIndex.js';
import type { PlanDocument } from '../planDocument.js';

export type RenameResult = { edit: WorkspaceEdit } | { error: string };

/** The id under the cursor, if it can be renamed. */
export function prepareRename(doc: PlanDocument, position: Position): { range: Range; placeholder: string } | null {
  const occurrence = idIndexOf(doc.analysis.model).at(position);
  return occurrence ? { range: occurrence.range, placeholder: occurrence.id } : null;
}

/** Renames an id at its definition and at every use, or says why the new id cannot be used. */
export function rename(doc: PlanDocument, position: Position, newName: string): RenameResult {
  const { model } = doc.analysis;
  const index = idIndexOf(model);
  const occurrence = index.at(position);
  if (!occurrence) return { error: 'Only channel, KPI, objective and journey stage ids can be renamed.' };
  const problem = invalidId(newName);
  if (problem) return { error: problem };
  const occurrences = index.of(occurrence.kind, occurrence.id);
  if (newName !== occurrence.id) {
    // Uses of an id nobody defines may be renamed onto an existing one: that is how a typo is fixed.
    const defined = occurrences.some((found) => found.definition);
    const taken = defined && takenBy(model, occurrence.kind, newName);
    if (taken) return { error: `\`${newName}\` is already the id of ${taken}; pick another id.` };
  }
  return { edit: { changes: { [doc.uri]: occurrences.map((found) => ({ range: found.range, newText: newName })) } } };
}

/** Why `name` cannot be an id (undefined when it can). */
export function invalidId(name: string): string | undefined {
  if (!ID_PATTERN.test(name)) return `\`${name}\` is not a valid id: use letters, digits, \`-\`, \`_\` or \`.\`, starting with a letter or digit.`;
  let value: unknown;
  try {
    value = parse(name);
  } catch {
    value = undefined;
  }
  if (value !== name)
    return `\`${name}\` would be read by YAML as ${typeof value === 'string' ? 'other text' : `a ${value === null ? 'null' : typeof value}`}, not as an id; add a letter.`;
  return undefined;
}

/** What already has this id in the namespace the kind lives in (KPIs and objectives share `traces_to`). */
function takenBy(model: PlanModel, kind: IdKind, name: string): string | undefined {
  const objective = model.objectives.some((candidate) => candidate.id?.value === name);
  switch (kind) {
    case 'channel':
      return model.channels.has(name) ? 'a channel' : undefined;
    case 'stage':
      return model.journey.some((stage) => stage.value === name) ? 'a journey stage' : undefined;
    case 'kpi':
    case 'objective':
      return model.kpis.has(name) ? 'a KPI' : objective ? 'the objective' : undefined;
  }
}
