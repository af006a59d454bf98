import type { ChannelModel } from '../../model/planModel.js';
import { severityName, type Diagnostic, type Position, type Range } from '../../types.js';
import type { ChannelDiagnostics, TimelineMessage } from './types.js';

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function contains(outer: Range, inner: Range): boolean {
  return compare(outer.start, inner.start) <= 0 && compare(inner.end, outer.end) <= 0;
}

export function toMessage(diagnostic: Diagnostic): TimelineMessage {
  return { severity: severityName[diagnostic.severity] ?? 'error', code: diagnostic.code, message: diagnostic.message, line: diagnostic.range.start.line };
}

export function emptyDiagnostics(): ChannelDiagnostics {
  return { errors: 0, warnings: 0, infos: 0, hints: 0, messages: [] };
}

/**
 * The channel (or other entry: a KPI …) whose entry range contains each diagnostic (or
 * undefined). Entries do not overlap, so a binary search over entries sorted by start finds
 * the only candidate.
 */
export function channelOfEachDiagnostic(channels: Iterable<Pick<ChannelModel, 'id' | 'range'>>, diagnostics: Diagnostic[]): (string | undefined)[] {
  const sorted = [...channels].sort((a, b) => compare(a.range.start, b.range.start));
  return diagnostics.map((diagnostic) => {
    let low = 0;
    let high = sorted.length - 1;
    let candidate: Pick<ChannelModel, 'id' | 'range'> | undefined;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (compare(sorted[mid]!.range.start, diagnostic.range.start) <= 0) {
        candidate = sorted[mid];
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return candidate && contains(candidate.range, diagnostic.range) ? candidate.id : undefined;
  });
}

/**
 * Messages kept per channel: a tooltip shows a few. The counts stay complete; a plan with
 * tens of thousands of problems would otherwise send megabytes to the preview per keystroke.
 */
export const MESSAGES_PER_CHANNEL = 8;

export function addMessage(target: ChannelDiagnostics, message: TimelineMessage): void {
  if (message.severity === 'error') target.errors++;
  else if (message.severity === 'warning') target.warnings++;
  else if (message.severity === 'info') target.infos++;
  else target.hints++;
  if (target.messages.length < MESSAGES_PER_CHANNEL) target.messages.push(message);
}

export function messageCount(diagnostics: ChannelDiagnostics): number {
  return diagnostics.errors + diagnostics.warnings + diagnostics.infos + diagnostics.hints;
}
