import { idIndexOf, unquoted } from '../model/idIndex.js';
import type { PlanDocument } from '../planDocument.js';
import { comparePositions } from '../text/positions.js';
import type { Position, Range } from '../types.js';

/** LSP's DocumentHighlightKind: a definition is written, a use is read. */
export const DocumentHighlightKind = { Text: 1, Read: 2, Write: 3 } as const;

export interface DocumentHighlight {
  range: Range;
  kind: (typeof DocumentHighlightKind)[keyof typeof DocumentHighlightKind];
}

/** Every place in the plan that names the id under the cursor: its definition (Write) and its uses (Read). */
export function documentHighlights(doc: PlanDocument, position: Position): DocumentHighlight[] {
  const { model } = doc.analysis;
  const index = idIndexOf(model);
  const occurrence = index.at(position);
  if (occurrence) {
    return index
      .of(occurrence.kind, occurrence.id)
      .map((found) => ({ range: found.range, kind: found.definition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }))
      .sort((a, b) => comparePositions(a.range.start, b.range.start));
  }
  for (const milestone of model.milestones.values()) {
    const range = unquoted(model.text, model, milestone.keyRange);
    if (comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0) return [{ range, kind: DocumentHighlightKind.Write }];
  }
  return [];
}
