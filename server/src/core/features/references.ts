import type { Location, Position } from '../types.js';
import { idIndexOf } from '../model/idIndex.js';
import type { PlanDocument } from '../planDocument.js';

/** Every place that names the id under the cursor, its definition included on request. */
export function references(doc: PlanDocument, position: Position, includeDeclaration: boolean): Location[] {
  const index = idIndexOf(doc.analysis.model);
  const occurrence = index.at(position);
  if (!occurrence) return [];
  return index
    .of(occurrence.kind, occurrence.id)
    .filter((found) => includeDeclaration || !found.definition)
    .map((found) => ({ uri: doc.uri, range: found.range }));
}
