import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { bytesToBase64 } from '../../../server/src/core/index.js';
import {
  FindFilesRequest,
  IsFileRequest,
  ReadFileRequest,
  type FindFilesParams,
  type FindFilesResult,
  type IsFileParams,
  type ReadFileParams,
  type ReadFileResult,
} from '../../../server/src/protocol.js';

/**
 * The web extension's answers to the server's file requests (protocol.ts), through the
 * editor's file systems: whatever the workspace is on — a disk behind a VS Code server, a
 * GitHub repository, memory — the server reads plans and `.throughline.yaml` files from it.
 */
export function answerFileRequests(client: BaseLanguageClient): vscode.Disposable[] {
  return [client.onRequest(ReadFileRequest, readFile), client.onRequest(IsFileRequest, isFile), client.onRequest(FindFilesRequest, findFiles)];
}

async function readFile(params: ReadFileParams): Promise<ReadFileResult> {
  const uri = parseUri(params?.uri);
  if (!uri) return { kind: 'unreadable', problem: 'cannot read: not a URI' };
  const maxBytes = typeof params.maxBytes === 'number' ? params.maxBytes : 0;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (!(stat.type & vscode.FileType.File))
      return { kind: 'not-a-file', problem: stat.type & vscode.FileType.Directory ? 'is a directory' : 'not a regular file' };
    if (stat.size > maxBytes) return { kind: 'too-large', size: stat.size };
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.byteLength > maxBytes) return { kind: 'too-large', size: bytes.byteLength };
    return { kind: 'file', base64: bytesToBase64(bytes) };
  } catch (error) {
    if (error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'FileNotADirectory'))
      return { kind: 'missing', problem: 'cannot read: no such file or directory' };
    return { kind: 'unreadable', problem: `cannot read: ${describe(error)}` };
  }
}

async function isFile(params: IsFileParams): Promise<boolean> {
  const uri = parseUri(params?.uri);
  if (!uri) return false;
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}

async function findFiles(params: FindFilesParams): Promise<FindFilesResult> {
  const folder = parseUri(params?.folderUri);
  if (!folder || typeof params.include !== 'string' || typeof params.exclude !== 'string')
    return { uris: [], truncated: false, problem: 'not a folder URI and globs' };
  const maxResults = typeof params.maxResults === 'number' && params.maxResults > 0 ? params.maxResults : 1;
  try {
    // One more than asked for tells whether there were more.
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, params.include), params.exclude, maxResults + 1);
    const uris = found.map((uri) => uri.toString()).sort();
    return { uris: uris.slice(0, maxResults), truncated: uris.length > maxResults };
  } catch (error) {
    return { uris: [], truncated: false, problem: `cannot search for files here: ${describe(error)}` };
  }
}

function parseUri(value: unknown): vscode.Uri | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return vscode.Uri.parse(value, true);
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
