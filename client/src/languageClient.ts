import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type DocumentFilter, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS } from '../../server/src/core/index.js';

export const LANGUAGE_ID = 'marketing-plan';
/** The client id: VS Code reads `throughline.trace.server` from it. */
export const CLIENT_ID = 'throughline';
export const CLIENT_NAME = 'Throughline';

/**
 * Plans are served wherever VS Code can read them: files on disk, unsaved editors, and the
 * schemes of virtual workspace folders (e.g. `vscode-vfs` for GitHub repositories). The server
 * only analyzes the text it is sent, so open documents work on any of these schemes.
 */
export function documentSelector(folders: readonly vscode.WorkspaceFolder[] = vscode.workspace.workspaceFolders ?? []): DocumentFilter[] {
  const schemes = new Set(['file', 'untitled', ...folders.map((folder) => folder.uri.scheme)]);
  return [...schemes].map((scheme) => ({ language: LANGUAGE_ID, scheme }));
}

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
    // Code lenses may run these (the extension registers them): list a channel's dependants, reveal its bar.
    initializationOptions: { clientCommands: Object.values(CLIENT_COMMANDS) },
    synchronize: {
      // Plans and the workspace's `.throughline.yaml` can change on disk without an editor.
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/*.plan.{yaml,yml}'), vscode.workspace.createFileSystemWatcher('**/.throughline.yaml')],
      // Tells the server when `throughline.*` settings change; it then pulls them again.
      configurationSection: 'throughline',
    },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
