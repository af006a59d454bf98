import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerExtension, reportStartFailure, startClient, stopClient } from './activation.js';
import { CLIENT_NAME } from './clientOptions.js';
import { openDevelopmentPlanBeside } from './developmentStart.js';
import { createLanguageClient, serverModulePath } from './languageClient.js';

// The Node extension (package.json `main`): the language server runs as a Node process. The
// web extension (`browser`) is web/extension.ts.

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  client = createLanguageClient(context, outputChannel);
  context.subscriptions.push(...registerExtension(context, client, outputChannel));

  const serverModule = serverModulePath(context);
  if (!existsSync(serverModule)) {
    reportStartFailure(outputChannel, `${serverModule} does not exist; build it with \`npm run build\`, then run "Throughline: Restart Language Server".`);
    return;
  }
  await startClient(client, outputChannel);
  await openDevelopmentPlanBeside(context);
}

export async function deactivate(): Promise<void> {
  await stopClient(client);
}
