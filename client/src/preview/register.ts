import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { exportTimelineSvg } from './exportSvg.js';
import { CLIENT_COMMANDS } from '../../../server/src/core/index.js';
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
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => preview.restore(panel, state),
    }),
    // A channel's "open in timeline" code lens: `[uri, channelId]` from the server.
    vscode.commands.registerCommand(CLIENT_COMMANDS.revealInTimeline, (uri: unknown, channel: unknown) => {
      if (typeof uri === 'string' && typeof channel === 'string') preview.reveal(vscode.Uri.parse(uri, true), channel);
    }),
    vscode.commands.registerCommand(STATUS_COMMAND, () => preview.status()),
    vscode.commands.registerCommand(MESSAGE_COMMAND, (raw: unknown) => preview.receive(raw)),
  ];
}
