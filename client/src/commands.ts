import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type * as lsp from 'vscode-languageclient/node';
import { CLIENT_COMMANDS } from '../../server/src/core/index.js';

export const COMMANDS = {
  restartServer: 'throughline.restartServer',
  showOutput: 'throughline.showOutput',
} as const;

export function registerClientCommands(client: LanguageClient, outputChannel: vscode.OutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.restartServer, () => restartServer(client, outputChannel)),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => outputChannel.show(true)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.showReferences, (uri: unknown, position: unknown, locations: unknown) =>
      showReferences(client, uri, position, locations),
    ),
  ];
}

/**
 * A code lens's "N dependants": the server sends LSP shapes (a URI string, a position, locations),
 * VS Code's references view wants its own Uri, Position and Location objects.
 */
async function showReferences(client: LanguageClient, uri: unknown, position: unknown, locations: unknown): Promise<void> {
  if (typeof uri !== 'string' || !Array.isArray(locations)) return;
  const converter = client.protocol2CodeConverter;
  await vscode.commands.executeCommand(
    'editor.action.showReferences',
    converter.asUri(uri),
    converter.asPosition(position as lsp.Position),
    (locations as lsp.Location[]).map((location) => converter.asLocation(location)),
  );
}

async function restartServer(client: LanguageClient, outputChannel: vscode.OutputChannel): Promise<void> {
  // vscode-languageclient cannot start a client again after its first start failed; a new
  // window gets a new client (and picks up a rebuilt server).
  if (client.state === State.StartFailed) {
    const reload = 'Reload Window';
    const choice = await vscode.window.showErrorMessage(
      'The Throughline language server failed to start, so it cannot be restarted in this window.',
      reload,
      'Show Output',
    );
    if (choice === reload) await vscode.commands.executeCommand('workbench.action.reloadWindow');
    else if (choice) outputChannel.show(true);
    return;
  }
  try {
    if (client.state === State.Stopped) await client.start();
    else await client.restart();
    outputChannel.appendLine('Language server restarted.');
  } catch (error) {
    outputChannel.appendLine(`Restarting the language server failed: ${error instanceof Error ? error.message : String(error)}`);
    void vscode.window.showErrorMessage('Restarting the Throughline language server failed. See the output for details.');
  }
}
