import { factsOf } from '../model/planFacts.js';
import type { CodeAction, Diagnostic, Position, Range } from '../types.js';
import { yamlEditContext } from '../yaml/edits/editContext.js';
import type { PlanDocument } from '../planDocument.js';
import { quickFixFor } from './quickFixes/index.js';
import { addEvenPhasing } from './quickFixes/phasing.js';
import { type FixContext, type FixProposal } from './quickFixes/quickFix.js';

/**
 * A select-all request can send back tens of thousands of diagnostics; no one reads that many
 * actions, and each fix reads the model, so only this many are fixed per request.
 */
export const MAX_DIAGNOSTICS_FIXED = 100;

/**
 * Quick fixes for the diagnostics of a code action request (the client's
 * `context.diagnostics`; when it sends none, this analysis's diagnostics that touch `range`).
 * A sent diagnostic is fixed only when the current analysis has the same one (same rule and
 * range): the fix then reads the current model, so stale or forged diagnostics and their
 * `data` change nothing. Actions making the same edit (one `compliance` section asked for by
 * several channels) are merged into one that lists every diagnostic it fixes. At most
 * `MAX_DIAGNOSTICS_FIXED` diagnostics that have a fix are looked at, in the order sent.
 */
export function codeActions(doc: PlanDocument, range: Range, diagnostics: Diagnostic[]): CodeAction[] {
  const current = doc.analysis.diagnostics;
  const requested = diagnostics.length > 0 ? diagnostics : current.filter((diagnostic) => intersects(diagnostic.range, range));
  let context: FixContext | undefined;
  let currentByKey: Map<string, Diagnostic[]> | undefined;
  const actions: CodeAction[] = [];
  const byEdit = new Map<string, { action: CodeAction; fixes: Set<Diagnostic> }>();
  let fixed = 0;
  for (const sent of requested) {
    if (!isDiagnosticLike(sent) || !quickFixFor(sent.code)) continue;
    currentByKey ??= groupByRuleAndRange(current);
    const diagnostic = matchCurrent(currentByKey, sent);
    if (!diagnostic) continue;
    if (++fixed > MAX_DIAGNOSTICS_FIXED) break;
    context ??= { model: doc.analysis.model, facts: factsOf(doc.analysis.model), yaml: yamlEditContext(doc.analysis.parsed) };
    for (const proposal of proposalsFor(context, diagnostic)) {
      const key = `${proposal.title}\u0000${JSON.stringify(proposal.edits)}`;
      const same = byEdit.get(key);
      if (same) {
        if (!same.fixes.has(sent)) {
          same.fixes.add(sent);
          same.action.diagnostics.push(sent);
        }
        continue;
      }
      const action: CodeAction = {
        title: proposal.title,
        kind: 'quickfix',
        diagnostics: [sent],
        ...(proposal.isPreferred ? { isPreferred: true } : {}),
        edit: { changes: { [doc.uri]: proposal.edits } },
      };
      byEdit.set(key, { action, fixes: new Set([sent]) });
      actions.push(action);
    }
  }
  actions.push(...refactorings(doc, range));
  return actions;
}

/** Not fixes of a problem, offered where they apply: on a channel's `budget` without `phasing`, phase it evenly. */
function refactorings(doc: PlanDocument, range: Range): CodeAction[] {
  const { model, parsed } = doc.analysis;
  for (const channel of model.channels.values()) {
    const budget = channel.budget;
    if (!budget || channel.phasingSection || !intersects(budget.range, range)) continue;
    const proposal = addEvenPhasing(yamlEditContext(parsed), channel, factsOf(model).budget.currency);
    return proposal ? [{ title: proposal.title, kind: 'refactor.rewrite', diagnostics: [], edit: { changes: { [doc.uri]: proposal.edits } } }] : [];
  }
  return [];
}

function proposalsFor(context: FixContext, diagnostic: Diagnostic): FixProposal[] {
  try {
    return quickFixFor(diagnostic.code)!(context, diagnostic);
  } catch {
    // A fix that meets a shape nobody foresaw is left out; the other fixes are still offered.
    return [];
  }
}

/** Rule and range as one key: a client may send back tens of thousands of diagnostics, so matching must not be quadratic. */
function ruleAndRange(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${diagnostic.code}\u0000${start.line}:${start.character}-${end.line}:${end.character}`;
}

function groupByRuleAndRange(current: Diagnostic[]): Map<string, Diagnostic[]> {
  const groups = new Map<string, Diagnostic[]>();
  for (const diagnostic of current) {
    const key = ruleAndRange(diagnostic);
    const group = groups.get(key);
    if (group) group.push(diagnostic);
    else groups.set(key, [diagnostic]);
  }
  return groups;
}

/** The current analysis's diagnostic for the sent one: same rule and range (and message, when several match). */
function matchCurrent(currentByKey: Map<string, Diagnostic[]>, sent: Diagnostic): Diagnostic | undefined {
  const candidates = currentByKey.get(ruleAndRange(sent)) ?? [];
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
