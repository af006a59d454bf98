import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { RescheduleRequest, type RescheduleParams, type RescheduleResult } from '../../../server/src/protocol.js';

/** What became of a reschedule, in words for a note or a message. */
export interface RescheduleOutcome {
  text: string;
  refused: boolean;
  /** The channels moved, as the preview labels them ("`paid-search` +7 days"). */
  moved: string[];
}

/** "Move dependants too": one setting for the timeline toggle and the command, kept across sessions. */
export const CASCADE_KEY = 'throughline.moveDependants';

const MAX_LISTED = 4;

/**
 * Asks the server for the edit that reschedules a channel of `document` (at the version the
 * move was made on) and applies it as one workspace edit: one undo reverts the channel and
 * every dependant the cascade moved. Nothing is applied when the document changed meanwhile.
 */
export async function applyReschedule(client: BaseLanguageClient, document: vscode.TextDocument, params: RescheduleParams): Promise<RescheduleOutcome> {
  const refused = (text: string): RescheduleOutcome => ({ text, refused: true, moved: [] });
  let result: RescheduleResult | null;
  try {
    result = await client.sendRequest(RescheduleRequest, params);
  } catch (error) {
    return refused(`The language server could not reschedule: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!result) return refused('The language server has no analysis of this plan yet: nothing was moved.');
  if ('refused' in result) return refused(result.refused);
  if (document.version !== result.version) return refused('The plan changed while the move was computed: nothing was moved. Try again.');
  if (result.moved.length === 0) return { text: 'Nothing to move: the dates are the same.', refused: false, moved: [] };
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
  if (!(await vscode.workspace.applyEdit(edit))) return refused('VS Code did not apply the edit (the plan may have changed): nothing was moved.');
  const labels = result.moved.map((move) => move.label);
  const listed = labels.slice(0, MAX_LISTED).join(', ') + (labels.length > MAX_LISTED ? ` and ${labels.length - MAX_LISTED} more` : '');
  return { text: `Moved ${listed}. Undo in the plan's editor reverts ${labels.length === 1 ? 'it' : 'all of them'}.`, refused: false, moved: labels };
}
