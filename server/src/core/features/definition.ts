import type { Location, Position } from '../types.js';
import { idIndexOf } from '../model/idIndex.js';
import type { PlanDocument } from '../planDocument.js';

/**
 * Where the id under the cursor is defined (a channel or KPI key, the objective's `id`, a journey
 * stage): for a KPI or stage an import defines, the library first, then the plan's refinement.
 */
export function definition(doc: PlanDocument, position: Position): Location[] {
  const index = idIndexOf(doc.analysis.model);
  const occurrence = index.at(position);
  if (!occurrence) return [];
  const local = index.definitions(occurrence.kind, occurrence.id).map((found) => ({ uri: doc.uri, range: found.range }));
  const imported = index.imported(occurrence.kind, occurrence.id);
  return imported ? [imported, ...local] : local;
}
