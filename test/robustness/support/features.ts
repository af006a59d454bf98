import { codeActions } from '../../../server/src/core/features/codeActions.js';
import { rescheduleActions } from '../../../server/src/core/features/reschedule/actions.js';
import { rescheduleResult } from '../../../server/src/core/features/reschedule/request.js';
import type { PlanDocument } from '../../../server/src/core/planDocument.js';
import type { Position } from '../../../server/src/core/types.js';

/**
 * Every editor feature of the core, called the way the server calls it. A feature either
 * takes a cursor position (`at`) or the whole document (`whole`); results must be plain
 * data whose ranges lie in the document.
 */
export interface FeatureCall {
  name: string;
  at?: (doc: PlanDocument, position: Position) => unknown;
  whole?: (doc: PlanDocument) => unknown;
}

export const features: FeatureCall[] = [
  {
    name: 'codeActions (cursor, no diagnostics sent)',
    at: (doc, position) => codeActions(doc, { start: position, end: position }, []),
  },
  {
    name: 'codeActions (every diagnostic sent)',
    whole: (doc) =>
      codeActions(
        doc,
        { start: { line: 0, character: 0 }, end: doc.analysis.model.lineIndex.positionAt(doc.analysis.parsed.text.length) },
        doc.analysis.diagnostics,
      ),
  },
  {
    name: 'rescheduleActions (cursor, a client that previews)',
    at: (doc, position) =>
      rescheduleActions(doc, { start: position, end: position }, { documentChanges: true, changeAnnotations: true, disabledSupport: true }),
  },
  {
    name: 'reschedule request (the first channel a week later, with its dependants)',
    whole: (doc) => {
      const first = doc.analysis.model.channels.keys().next().value;
      return first === undefined ? null : rescheduleResult(doc, { uri: doc.uri, version: doc.version, channel: first, shift: '+1w', cascade: true });
    },
  },
];
