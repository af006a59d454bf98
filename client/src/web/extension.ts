import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { registerExtension, startClient, stopClient } from '../activation.js';
import { CLIENT_ID, CLIENT_NAME, clientOptions } from '../clientOptions.js';
import { ServerWorker } from './serverWorker.js';
import { answerFileRequests } from './workspaceFiles.js';

// The web extension (package.json `browser`): vscode.dev, github.dev, and any VS Code whose
// web worker extension host runs it. No Node: the language server runs in a worker of its own
// (serverWorker.ts) and reads the workspace's files through this extension (workspaceFiles.ts).
// Everything else — commands, status, the timeline preview — is the Node extension's own code.

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const server = new ServerWorker(vscode.Uri.joinPath(context.extensionUri, 'out', 'web', 'server.js'));
  // The transports, not the worker: the client tells a worker apart with `instanceof Worker`,
  // and the extension host's replacement `Worker` makes real workers that are not instances of it.
  const transports = async (): Promise<MessageTransports> => {
    const worker = await server.start();
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  };
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, transports, clientOptions(outputChannel));
  context.subscriptions.push(server, ...answerFileRequests(client), ...registerExtension(context, client, outputChannel));
  await startClient(client, outputChannel);
}

export async function deactivate(): Promise<void> {
  await stopClient(client);
}
