import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { registerClientCommands } from './commands';
import { CLIENT_NAME, createLanguageClient, serverModulePath } from './languageClient';
import { registerTimelinePreview } from './preview/register';
import { registerShiftChannel } from './schedule/shiftChannel';
import { createServerStatus } from './serverStatus';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  client = createLanguageClient(context, outputChannel);
  context.subscriptions.push(
    outputChannel,
    ...registerClientCommands(client, outputChannel),
    createServerStatus(client),
    ...registerTimelinePreview(context, client),
    registerShiftChannel(client, context.globalState),
  );

  // Activation succeeds even without a server: the commands stay available and the output says what failed.
  const serverModule = serverModulePath(context);
  if (!existsSync(serverModule)) {
    reportStartFailure(outputChannel, `${serverModule} does not exist; build it with \`npm run build\`, then run "Throughline: Restart Language Server".`);
    return;
  }
  try {
    await client.start();
  } catch (error) {
    reportStartFailure(outputChannel, error instanceof Error ? error.message : String(error));
  }
}

function reportStartFailure(outputChannel: vscode.LogOutputChannel, reason: string): void {
  outputChannel.error(`The language server did not start: ${reason}`);
  void vscode.window.showErrorMessage('The Throughline language server did not start. See the output for details.', 'Show Output').then((choice) => {
    if (choice) outputChannel.show(true);
  });
}

export async function deactivate(): Promise<void> {
  // stop() throws for a client that is not running (e.g. its start failed).
  if (client?.state === State.Running) await client.stop();
}
