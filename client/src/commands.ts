import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import type * as lsp from 'vscode-languageclient';
import { COMMANDS, LENS_COMMANDS } from './commandIds.js';

export function registerClientCommands(client: BaseLanguageClient, outputChannel: vscode.OutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.restartServer, () => restartServer(client, outputChannel)),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => outputChannel.show(true)),
    vscode.commands.registerCommand(LENS_COMMANDS.showReferences, (uri: unknown, position: unknown, locations: unknown) =>
      showReferences(client, uri, position, locations),
    ),
  ];
}

/**
 * A code lens's "N dependants": the server sends LSP shapes (a URI string, a position, locations),
 * VS Code's references view wants its own Uri, Position and Location objects.
 */
async function showReferences(client: BaseLanguageClient, uri: unknown, position: unknown, locations: unknown): Promise<void> {
  if (typeof uri !== 'string' || !Array.isArray(locations)) return;
  const converter = client.protocol2CodeConverter;
  await vscode.commands.executeCommand(
    'editor.action.showReferences',
    converter.asUri(uri),
    converter.asPosition(position as lsp.Position),
    (locations as lsp.Location[]).map((location) => converter.asLocation(location)),
  );
}

async function restartServer(client: BaseLanguageClient, outputChannel: vscode.OutputChannel): Promise<void> {
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
    else await restart(client);
    outputChannel.appendLine('Language server restarted.');
  } catch (error) {
    outputChannel.appendLine(`Restarting the language server failed: ${error instanceof Error ? error.message : String(error)}`);
    void vscode.window.showErrorMessage('Restarting the Throughline language server failed. See the output for details.');
  }
}

/** The Node client restarts itself (waiting for a debugged server's port); the browser client has no restart of its own. */
async function restart(client: BaseLanguageClient & { restart?: () => Promise<void> }): Promise<void> {
  if (client.restart) return client.restart();
  await client.stop();
  await client.start();
}
