import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type DocumentFilter, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const LANGUAGE_ID = 'marketing-plan';
/** The client id: VS Code reads `throughline.trace.server` from it. */
export const CLIENT_ID = 'throughline';
export const CLIENT_NAME = 'Throughline';

/**
 * Plans are served wherever VS Code can read them: files on disk, unsaved editors, and the
 * schemes of virtual workspace folders (e.g. `vscode-vfs` for GitHub repositories). The server
 * only analyzes the text it is sent, so open documents work on any of these schemes.
 * CSV files are sent too: a plan's actuals file open in an editor is read as it is typed
 * (the server answers no request about a CSV and publishes its problems).
 */
export function documentSelector(folders: readonly vscode.WorkspaceFolder[] = vscode.workspace.workspaceFolders ?? []): DocumentFilter[] {
  const schemes = new Set(['file', 'untitled', ...folders.map((folder) => folder.uri.scheme)]);
  return [...schemes].flatMap((scheme): DocumentFilter[] => [
    { language: LANGUAGE_ID, scheme },
    { scheme, pattern: ACTUALS_FILE_PATTERN },
  ]);
}

/** The files plans reference as actuals (the server's `LINKED_FILE_GLOB`). */
export const ACTUALS_FILE_PATTERN = '**/*.csv';

/** The bundled server (scripts/build.mjs writes it next to the extension's bundle). */
export function serverModulePath(context: vscode.ExtensionContext): string {
  return context.asAbsolutePath('out/server.js');
}

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = serverModulePath(context);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel,
    synchronize: {
      // Plans, config files and the files plans name are watched by the server, which
      // registers the watchers itself (workspace/didChangeWatchedFiles) from the patterns in
      // core/workspace/files.ts: the client watches nothing of its own.
      // Tells the server when `throughline.*` settings change; it then pulls them again.
      configurationSection: 'throughline',
    },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
