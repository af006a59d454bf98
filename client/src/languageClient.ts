import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID, CLIENT_NAME, clientOptions } from './clientOptions.js';

/** The files plans reference as actuals (the server's `LINKED_FILE_GLOB`). */
export const ACTUALS_FILE_PATTERN = '**/*.csv';

/** The bundled server (scripts/build.mjs writes it next to the extension's bundle). */
export function serverModulePath(context: vscode.ExtensionContext): string {
  return context.asAbsolutePath('out/server.js');
}

/** The Node extension's client: the server runs as a Node process, over IPC. */
export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = serverModulePath(context);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions(outputChannel));
}
