import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EXPORT_PLAN_COMMAND, exportPlan } from './exportPlan.js';
import { exportTimelineSvg } from './exportSvg.js';
import { EXPORT_COMMAND, TimelinePreview, VIEW_TYPE } from './timelinePreview.js';

export const OPEN_COMMAND = 'throughline.openTimelinePreview';
/** Internal commands for the end-to-end tests: what the panel shows, and a message as if from the webview. */
export const STATUS_COMMAND = '_throughline.timelinePreview.status';
export const MESSAGE_COMMAND = '_throughline.timelinePreview.message';

/** The timeline preview: its commands, the panel and the serializer that restores it after a reload. */
export function registerTimelinePreview(context: vscode.ExtensionContext, client: LanguageClient): vscode.Disposable[] {
  const preview = new TimelinePreview(context.extensionUri, client);
  return [
    preview,
    vscode.commands.registerCommand(OPEN_COMMAND, (uri?: unknown) => preview.open(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand(EXPORT_COMMAND, (source?: unknown, target?: unknown) => exportTimelineSvg(client, preview.currentUri, source, target)),
    vscode.commands.registerCommand(EXPORT_PLAN_COMMAND, (source?: unknown) => exportPlan(client, preview.currentUri, source)),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => preview.restore(panel, state),
    }),
    vscode.commands.registerCommand(STATUS_COMMAND, () => preview.status()),
    vscode.commands.registerCommand(MESSAGE_COMMAND, (raw: unknown) => preview.receive(raw)),
  ];
}
