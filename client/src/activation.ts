import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { registerClientCommands } from './commands.js';
import { registerPortfolioTimeline, registerTimelinePreview } from './preview/register.js';
import { createServerStatus } from './serverStatus.js';
import { registerShiftChannel } from './schedule/shiftChannel.js';

// What the Node extension (extension.ts) and the web extension (web/extension.ts) share: the
// commands, the status item and the timeline preview over either kind of language client.

export function registerExtension(context: vscode.ExtensionContext, client: BaseLanguageClient, outputChannel: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    outputChannel,
    ...registerClientCommands(client, outputChannel),
    createServerStatus(client),
    ...registerTimelinePreview(context, client),
    ...registerPortfolioTimeline(context, client),
    registerShiftChannel(client, context.globalState),
  ];
}

/** Starts the client; a failure is reported (activation still succeeds: the commands stay available and the output says what failed). */
export async function startClient(client: BaseLanguageClient, outputChannel: vscode.LogOutputChannel): Promise<void> {
  try {
    await client.start();
  } catch (error) {
    reportStartFailure(outputChannel, error instanceof Error ? error.message : String(error));
  }
}

export function reportStartFailure(outputChannel: vscode.LogOutputChannel, reason: string): void {
  outputChannel.error(`The language server did not start: ${reason}`);
  void vscode.window.showErrorMessage('The Throughline language server did not start. See the output for details.', 'Show Output').then((choice) => {
    if (choice) outputChannel.show(true);
  });
}

export async function stopClient(client: BaseLanguageClient | undefined): Promise<void> {
  // stop() throws for a client that is not running (e.g. its start failed).
  if (client?.state === State.Running) await client.stop();
}
