import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { exportPlan } from './exportPlan.js';
import { exportTimelineSvg } from './exportSvg.js';
import { COMMANDS, INTERNAL_COMMANDS, LENS_COMMANDS } from '../commandIds.js';
import { PORTFOLIO_VIEW_TYPE, PortfolioTimelinePanel } from './portfolioTimeline.js';
import { TimelinePreview, VIEW_TYPE } from './timelinePreview.js';

/** The timeline preview: its commands, the panel and the serializer that restores it after a reload. */
export function registerTimelinePreview(context: vscode.ExtensionContext, client: BaseLanguageClient): vscode.Disposable[] {
  const preview = new TimelinePreview(context.extensionUri, client, context.globalState);
  return [
    preview,
    vscode.commands.registerCommand(COMMANDS.openTimelinePreview, (uri?: unknown) => preview.open(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand(COMMANDS.exportTimelineSvg, (source?: unknown, target?: unknown) =>
      exportTimelineSvg(client, preview.currentUri, source, target),
    ),
    vscode.commands.registerCommand(COMMANDS.exportPlan, (source?: unknown) => exportPlan(client, preview.currentUri, source)),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => preview.restore(panel, state),
    }),
    // A channel's "open in timeline" code lens: `[uri, channelId]` from the server.
    vscode.commands.registerCommand(LENS_COMMANDS.revealInTimeline, (uri: unknown, channel: unknown) => {
      if (typeof uri === 'string' && typeof channel === 'string') preview.reveal(vscode.Uri.parse(uri, true), channel);
    }),
    vscode.commands.registerCommand(INTERNAL_COMMANDS.timelineStatus, () => preview.status()),
    vscode.commands.registerCommand(INTERNAL_COMMANDS.timelineMessage, (raw: unknown) => preview.receive(raw)),
  ];
}

/** The portfolio timeline: its command, the panel and its serializer. */
export function registerPortfolioTimeline(context: vscode.ExtensionContext, client: BaseLanguageClient): vscode.Disposable[] {
  const panel = new PortfolioTimelinePanel(context.extensionUri, client);
  return [
    panel,
    vscode.commands.registerCommand(COMMANDS.openPortfolioTimeline, (uri?: unknown) => panel.open(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.window.registerWebviewPanelSerializer(PORTFOLIO_VIEW_TYPE, {
      deserializeWebviewPanel: async (webviewPanel, state) => panel.restore(webviewPanel, state),
    }),
    vscode.commands.registerCommand(INTERNAL_COMMANDS.portfolioTimelineStatus, () => panel.status()),
    vscode.commands.registerCommand(INTERNAL_COMMANDS.portfolioTimelineMessage, (raw: unknown) => panel.receive(raw)),
  ];
}
