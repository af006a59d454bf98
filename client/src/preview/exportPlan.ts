import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ExportRequest, type ExportFormat, type ExportParams, type ExportResult } from '../../../server/src/protocol.js';
import { exportTimelineSvg } from './exportSvg.js';
import { activePlanUri, isPlanDocument, localToday } from './planEditors.js';

interface FormatChoice extends vscode.QuickPickItem {
  format: ExportFormat;
  /** File name ending beside the plan: `q3.plan.yaml` → `q3<suffix>`. */
  suffix: string;
  filters: Record<string, string[]>;
}

const CHOICES: FormatChoice[] = [
  { label: 'SVG', description: 'the timeline as an image', format: 'svg', suffix: '.timeline.svg', filters: { 'SVG image': ['svg'] } },
  {
    label: 'HTML',
    description: 'the timeline and its problems in one page, no scripts',
    format: 'html',
    suffix: '.timeline.html',
    filters: { 'HTML page': ['html'] },
  },
  {
    label: 'iCalendar',
    description: 'launches, ends, milestones, ready_by dates and the review rhythm, for a calendar',
    format: 'ics',
    suffix: '.ics',
    filters: { iCalendar: ['ics'] },
  },
  { label: 'CSV', description: 'a row per channel and per KPI, for a spreadsheet', format: 'csv', suffix: '.csv', filters: { 'CSV table': ['csv'] } },
];

function suggestedTarget(plan: vscode.Uri, suffix: string): vscode.Uri | undefined {
  if (plan.scheme === 'untitled') return undefined;
  return plan.with({ path: `${plan.path.replace(/(\.plan)?\.ya?ml$/i, '')}${suffix}` });
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * "Throughline: Export Plan…": asks for the format, then where to save. SVG goes through the
 * timeline's SVG export; HTML, iCalendar and CSV come from the server (`throughline/export`),
 * so the file holds the open text, unsaved edits included.
 */
export async function exportPlan(client: BaseLanguageClient, previewUri: vscode.Uri | undefined, source?: unknown): Promise<vscode.Uri | undefined> {
  const plan = (source instanceof vscode.Uri ? source : undefined) ?? activePlanUri() ?? previewUri;
  if (!plan) {
    void vscode.window.showWarningMessage('Open a plan (*.plan.yaml) to export it.');
    return undefined;
  }
  const choice = await vscode.window.showQuickPick(CHOICES, { title: 'Export Plan', placeHolder: `Export ${vscode.workspace.asRelativePath(plan)} as…` });
  if (!choice) return undefined;
  if (choice.format === 'svg') return exportTimelineSvg(client, previewUri, plan);

  let result: ExportResult | null;
  try {
    const document = await vscode.workspace.openTextDocument(plan);
    if (!isPlanDocument(document)) {
      void vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(plan)} is not a plan (*.plan.yaml).`);
      return undefined;
    }
    const params: ExportParams = { uri: plan.toString(), format: choice.format, today: localToday() };
    result = await client.sendRequest(ExportRequest, params);
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not export the plan: ${message(error)}`);
    return undefined;
  }
  if (!result) {
    void vscode.window.showErrorMessage('The Throughline language server does not have this plan open yet. Try again in a moment.');
    return undefined;
  }
  const destination = await vscode.window.showSaveDialog({
    title: `Export Plan as ${choice.label}`,
    saveLabel: 'Export',
    defaultUri: suggestedTarget(plan, choice.suffix),
    filters: choice.filters,
  });
  if (!destination) return undefined;
  try {
    await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(result.content));
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not write ${destination.fsPath}: ${message(error)}`);
    return undefined;
  }
  const notes = [
    ...(result.syntaxErrorLine === undefined ? [] : [`the plan does not parse (line ${result.syntaxErrorLine + 1}), so the export may be incomplete`]),
    ...result.notes,
  ];
  if (notes.length > 0) void vscode.window.showWarningMessage(`Exported ${vscode.workspace.asRelativePath(destination)}, but ${notes.join('; ')}`);
  else void vscode.window.showInformationMessage(`Exported ${vscode.workspace.asRelativePath(destination)} (${result.summary}).`);
  return destination;
}
