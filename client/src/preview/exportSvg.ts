import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { TimelineRequest, type TimelineParams, type TimelineResult } from '../../../server/src/protocol.js';
import { activePlanUri, isPlanDocument, localToday } from './planEditors.js';

/** `q3.plan.yaml` → `q3.timeline.svg` beside it (no suggestion for unsaved documents). */
function suggestedTarget(plan: vscode.Uri): vscode.Uri | undefined {
  if (plan.scheme === 'untitled') return undefined;
  return plan.with({ path: `${plan.path.replace(/(\.plan)?\.ya?ml$/i, '')}.timeline.svg` });
}

/**
 * Writes the plan's timeline as a standalone SVG (stylesheet embedded, light colours).
 * `source` is the plan (editor-title menus pass it; else the active plan, else the preview's);
 * `target` skips the save dialog (used by tests).
 */
export async function exportTimelineSvg(
  client: BaseLanguageClient,
  previewUri: vscode.Uri | undefined,
  source?: unknown,
  target?: unknown,
): Promise<vscode.Uri | undefined> {
  const plan = (source instanceof vscode.Uri ? source : undefined) ?? activePlanUri() ?? previewUri;
  if (!plan) {
    void vscode.window.showWarningMessage('Open a plan (*.plan.yaml) to export its timeline.');
    return undefined;
  }
  let result: TimelineResult | null;
  try {
    const document = await vscode.workspace.openTextDocument(plan);
    if (!isPlanDocument(document)) {
      void vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(plan)} is not a plan (*.plan.yaml).`);
      return undefined;
    }
    const params: TimelineParams = { uri: plan.toString(), today: localToday(), render: 'standalone' };
    result = await client.sendRequest(TimelineRequest, params);
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not get the timeline: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  if (!result?.svg) {
    void vscode.window.showErrorMessage('The Throughline language server has no timeline for this plan yet. Try again in a moment.');
    return undefined;
  }
  const destination =
    target instanceof vscode.Uri
      ? target
      : await vscode.window.showSaveDialog({
          title: 'Export Timeline as SVG',
          saveLabel: 'Export',
          defaultUri: suggestedTarget(plan),
          filters: { 'SVG image': ['svg'] },
        });
  if (!destination) return undefined;
  try {
    await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(`${result.svg}\n`));
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not write ${destination.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  const problem = result.timeline.syntaxProblem;
  if (problem) void vscode.window.showWarningMessage(`Exported, but the plan does not parse (line ${problem.line + 1}), so the timeline may be incomplete.`);
  else if (!(target instanceof vscode.Uri))
    void vscode.window.showInformationMessage(`Exported the timeline to ${vscode.workspace.asRelativePath(destination)}.`);
  return destination;
}
