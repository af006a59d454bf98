import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { exportTimelineSvg } from './exportSvg.js';
import { COMMANDS, INTERNAL_COMMANDS } from '../commandIds.js';
import { TimelinePreview, VIEW_TYPE } from './timelinePreview.js';

/** The timeline preview: its commands, the panel and the serializer that restores it after a reload. */
export function registerTimelinePreview(context: vscode.ExtensionContext, client: LanguageClient): vscode.Disposable[] {
  const preview = new TimelinePreview(context.extensionUri, client, context.globalState);
  return [
    preview,
    vscode.commands.registerCommand(COMMANDS.openTimelinePreview, (uri?: unknown) => preview.open(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand(COMMANDS.exportTimelineSvg, (source?: unknown, target?: unknown) =>
      exportTimelineSvg(client, preview.currentUri, source, target),
    ),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => preview.restore(panel, state),
    }),
    vscode.commands.registerCommand(INTERNAL_COMMANDS.timelineStatus, () => preview.status()),
    vscode.commands.registerCommand(INTERNAL_COMMANDS.timelineMessage, (raw: unknown) => preview.receive(raw)),
  ];
}
