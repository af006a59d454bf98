import { codeActions } from '../../../server/src/core/features/codeActions.js';
import { CLIENT_COMMANDS, codeLenses } from '../../../server/src/core/features/codeLens.js';
import { documentHighlights } from '../../../server/src/core/features/documentHighlights.js';
import { documentLinks } from '../../../server/src/core/features/documentLinks.js';
import { formatDocument, formatDocumentRange } from '../../../server/src/core/features/format/index.js';
import { semanticTokens } from '../../../server/src/core/features/semanticTokens.js';
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
  { name: 'formatDocument', whole: (doc) => formatDocument(doc, { tabSize: 2 }) },
  { name: 'formatDocument (sorted keys)', whole: (doc) => formatDocument(doc, { sortKeys: true, lineWidth: 40 }) },
  { name: 'formatDocumentRange', at: (doc, position) => formatDocumentRange(doc, { start: position, end: { line: position.line + 3, character: 0 } }) },
  { name: 'semanticTokens', whole: (doc) => semanticTokens(doc) },
  { name: 'semanticTokens (range)', at: (doc, position) => semanticTokens(doc, { start: position, end: { line: position.line + 20, character: 0 } }) },
  { name: 'documentLinks', whole: (doc) => documentLinks(doc) },
  { name: 'documentHighlights', at: (doc, position) => documentHighlights(doc, position) },
  { name: 'codeLenses', whole: (doc) => codeLenses(doc, { clientCommands: new Set(Object.values(CLIENT_COMMANDS)) }) },
];
