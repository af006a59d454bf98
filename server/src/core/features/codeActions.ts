import { factsOf } from '../model/planFacts.js';
import type { CodeAction, Diagnostic, Position, Range } from '../types.js';
import { yamlEditContext } from './edits/yamlEditContext.js';
import type { PlanDocument } from './planDocument.js';
import { quickFixes } from './quickFixes/index.js';
import { sameRange, type FixContext, type FixProposal } from './quickFixes/quickFix.js';

/**
 * Quick fixes for the diagnostics of a code action request (the client's
 * `context.diagnostics`; when it sends none, this analysis's diagnostics that touch `range`).
 * A sent diagnostic is fixed only when the current analysis has the same one (same rule and
 * range): the fix then reads the current model, so stale or forged diagnostics and their
 * `data` change nothing. Actions making the same edit (one `compliance` section asked for by
 * several channels) are merged into one that lists every diagnostic it fixes.
 */
export function codeActions(doc: PlanDocument, range: Range, diagnostics: Diagnostic[]): CodeAction[] {
  const current = doc.analysis.diagnostics;
  const requested = diagnostics.length > 0 ? diagnostics : current.filter((diagnostic) => intersects(diagnostic.range, range));
  let context: FixContext | undefined;
  const actions: CodeAction[] = [];
  const byEdit = new Map<string, CodeAction>();
  for (const sent of requested) {
    if (!isDiagnosticLike(sent) || !Object.hasOwn(quickFixes, sent.code)) continue;
    const diagnostic = matchCurrent(current, sent);
    if (!diagnostic) continue;
    context ??= { model: doc.analysis.model, facts: factsOf(doc.analysis.model), yaml: yamlEditContext(doc.analysis.parsed) };
    for (const proposal of proposalsFor(context, diagnostic)) {
      const key = `${proposal.title}\u0000${JSON.stringify(proposal.edits)}`;
      const same = byEdit.get(key);
      if (same) {
        if (!same.diagnostics.includes(sent)) same.diagnostics.push(sent);
        continue;
      }
      const action: CodeAction = {
        title: proposal.title,
        kind: 'quickfix',
        diagnostics: [sent],
        ...(proposal.isPreferred ? { isPreferred: true } : {}),
        edit: { changes: { [doc.uri]: proposal.edits } },
      };
      byEdit.set(key, action);
      actions.push(action);
    }
  }
  return actions;
}

function proposalsFor(context: FixContext, diagnostic: Diagnostic): FixProposal[] {
  try {
    return quickFixes[diagnostic.code]!(context, diagnostic);
  } catch {
    // A fix that meets a shape nobody foresaw is left out; the other fixes are still offered.
    return [];
  }
}

/** The current analysis's diagnostic for the sent one: same rule and range (and message, when several match). */
function matchCurrent(current: Diagnostic[], sent: Diagnostic): Diagnostic | undefined {
  const candidates = current.filter((diagnostic) => diagnostic.code === sent.code && sameRange(diagnostic.range, sent.range));
  return candidates.find((diagnostic) => diagnostic.message === sent.message) ?? candidates[0];
}

/** Diagnostics come back from the client: check the shape before reading them. */
function isDiagnosticLike(value: unknown): value is Diagnostic {
  const diagnostic = value as Partial<Diagnostic> | null;
  if (typeof diagnostic !== 'object' || diagnostic === null) return false;
  // Other servers' diagnostics (yaml-language-server …) may share a code and a range by chance.
  const ours = diagnostic.source === undefined || diagnostic.source === 'throughline';
  return ours && typeof diagnostic.code === 'string' && isRange(diagnostic.range);
}

function isRange(value: unknown): value is Range {
  const range = value as Partial<Range> | null;
  return typeof range === 'object' && range !== null && isPosition(range.start) && isPosition(range.end);
}

function isPosition(value: unknown): value is Position {
  const position = value as Partial<Position> | null;
  return typeof position === 'object' && position !== null && Number.isInteger(position.line) && Number.isInteger(position.character);
}

function intersects(a: Range, b: Range): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start));
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
