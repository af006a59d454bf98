import { codeActions } from '../../../server/src/core/features/codeActions.js';
import { CLIENT_COMMANDS, codeLenses } from '../../../server/src/core/features/codeLens.js';
import { documentHighlights } from '../../../server/src/core/features/documentHighlights.js';
import { documentLinks } from '../../../server/src/core/features/documentLinks.js';
import { formatDocument, formatDocumentRange } from '../../../server/src/core/features/format/index.js';
import { semanticTokens } from '../../../server/src/core/features/semanticTokens.js';
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
  /** Only for texts up to this length (larger ones are covered by a suite of their own). */
  maxLength?: number;
}

/** Formatting of the large hostile inputs is checked (meaning kept, idempotent, bounded time) in core/format.test.ts. */
const FORMAT_MAX_LENGTH = 50_000;

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
  { name: 'formatDocument', whole: (doc) => formatDocument(doc, { tabSize: 2 }), maxLength: FORMAT_MAX_LENGTH },
  // The same options: Format Selection right after Format Document reuses its result, as in an editor.
  {
    name: 'formatDocumentRange',
    at: (doc, position) => formatDocumentRange(doc, { start: position, end: { line: position.line + 3, character: 0 } }, { tabSize: 2 }),
    maxLength: FORMAT_MAX_LENGTH,
  },
  { name: 'formatDocument (sorted keys)', whole: (doc) => formatDocument(doc, { sortKeys: true }), maxLength: FORMAT_MAX_LENGTH },
  { name: 'semanticTokens', whole: (doc) => semanticTokens(doc) },
  { name: 'semanticTokens (range)', whole: (doc) => semanticTokens(doc, { start: { line: 2, character: 0 }, end: { line: 40, character: 0 } }) },
  { name: 'documentLinks', whole: (doc) => documentLinks(doc) },
  { name: 'documentHighlights', at: (doc, position) => documentHighlights(doc, position) },
  { name: 'codeLenses', whole: (doc) => codeLenses(doc, { clientCommands: new Set(Object.values(CLIENT_COMMANDS)) }) },
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
