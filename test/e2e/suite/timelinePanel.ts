// Reading the timeline preview from the tests: its tab in the workbench, and what its webview
// reports it drew (through the extension's internal status command, made for these tests).
import * as vscode from 'vscode';
import type { PreviewStatus } from '../../../client/src/preview/timelinePreview';
import { INTERNAL_COMMANDS } from '../../../client/src/commandIds.js';

export const TIMELINE_VIEW_TYPE = 'throughline.timeline';

/** Every webview tab of the timeline panel (VS Code prefixes the view type it reports). */
export function timelineTabs(): Array<{ tab: vscode.Tab; group: vscode.TabGroup }> {
  return vscode.window.tabGroups.all.flatMap((group) =>
    group.tabs.filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(TIMELINE_VIEW_TYPE)).map((tab) => ({ tab, group })),
  );
}

/** The timeline tab titled for the plan file `name`, if open. */
export function timelineTab(name: string): { tab: vscode.Tab; group: vscode.TabGroup } | undefined {
  return timelineTabs().find(({ tab }) => tab.label === `Timeline: ${name}`);
}

export function timelineStatus(): Thenable<PreviewStatus> {
  return vscode.commands.executeCommand<PreviewStatus>(INTERNAL_COMMANDS.timelineStatus);
}

/** True when the webview has drawn `bars` bars for the document at its current version. */
export function isDrawn(status: PreviewStatus, document: vscode.TextDocument, bars: number): boolean {
  return (
    status.uri === document.uri.toString() &&
    status.version === document.version &&
    status.rendered?.version === document.version &&
    status.rendered.bars === bars
  );
}
