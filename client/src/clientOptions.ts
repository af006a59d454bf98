import * as vscode from 'vscode';
import type { DocumentFilter, LanguageClientOptions } from 'vscode-languageclient';
import { LENS_COMMANDS } from './commandIds.js';

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

/** The client's options, the same for the Node and the web extension. */
export function clientOptions(outputChannel: vscode.LogOutputChannel): LanguageClientOptions {
  return {
    documentSelector: documentSelector(),
    outputChannel,
    // Code lenses may run these (the extension registers them): list a channel's dependants, reveal its bar.
    initializationOptions: { clientCommands: Object.values(LENS_COMMANDS) },
    synchronize: {
      // Plans, config files and the files plans name are watched by the server, which
      // registers the watchers itself (workspace/didChangeWatchedFiles) from the patterns in
      // core/workspace/files.ts: the client watches nothing of its own.
      // Tells the server when `throughline.*` settings change; it then pulls them again.
      configurationSection: 'throughline',
    },
  };
}
