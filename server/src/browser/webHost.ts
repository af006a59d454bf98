import type { Connection } from 'vscode-languageserver';
import {
  base64ToBytes,
  decodeTextFile,
  DEFAULT_DOCS_BASE,
  isPlanFileName,
  localToday,
  MAX_FILE_SIZE,
  PLAN_FILE_SUFFIXES,
  SKIPPED_FOLDERS,
  tooLarge,
  uriBasename,
  type PlanSearch,
  type TextFile,
  type WorkspaceHost,
} from '../core/index.js';
import { FindFilesRequest, IsFileRequest, ReadFileRequest, type FindFilesParams, type ReadFileParams } from '../protocol.js';

/** `**\/*{.plan.yaml,.plan.yml}` and `**\/{node_modules,.git}/**`: the Node walker's rules as globs. */
export const PLAN_FILES_INCLUDE = `**/*{${PLAN_FILE_SUFFIXES.join(',')}}`;
export const SKIPPED_FOLDERS_EXCLUDE = `**/{${[...SKIPPED_FOLDERS].join(',')}}/**`;

const DEFAULT_MAX_FILES = 5_000;

/**
 * The host of the language server in a browser worker: no file system of its own, so every
 * file is read, tested and found by asking the extension (the `throughline/readFile`,
 * `isFile` and `findFiles` requests of protocol.ts), which answers through the editor's file
 * systems. The bytes are checked here, with the same size limit and UTF-8 rules as on Node.
 * A request that fails reads as an unreadable file, never as a crash.
 */
export function createWebHost(connection: Pick<Connection, 'sendRequest'>): WorkspaceHost {
  return {
    async readTextFile(uri) {
      const params: ReadFileParams = { uri, maxBytes: MAX_FILE_SIZE };
      try {
        return textFile(await connection.sendRequest(ReadFileRequest, params));
      } catch (error) {
        return { problem: `cannot read: ${describe(error)}`, kind: 'unreadable' };
      }
    },
    async isFile(uri) {
      try {
        return (await connection.sendRequest(IsFileRequest, { uri })) === true;
      } catch {
        return false;
      }
    },
    async findPlans(folderUri, limits, cancelled = () => false): Promise<PlanSearch> {
      // The editor's search has no folder count to stop at; the file limit is what bounds it.
      const params: FindFilesParams = {
        folderUri,
        include: PLAN_FILES_INCLUDE,
        exclude: SKIPPED_FOLDERS_EXCLUDE,
        maxResults: limits?.maxFiles ?? DEFAULT_MAX_FILES,
      };
      try {
        const found = await connection.sendRequest(FindFilesRequest, params);
        if (cancelled()) return { uris: [], unreadable: [], truncated: true };
        const uris = (Array.isArray(found?.uris) ? found.uris : []).filter((uri) => typeof uri === 'string' && isPlanFileName(uriBasename(uri)));
        const unreadable = typeof found?.problem === 'string' ? [{ uri: folderUri, problem: found.problem }] : [];
        return { uris: [...new Set(uris)].sort(), unreadable, truncated: found?.truncated === true };
      } catch (error) {
        return { uris: [], unreadable: [{ uri: folderUri, problem: `cannot search for plans: ${describe(error)}` }], truncated: false };
      }
    },
    // The rule pages as published: a browser has no installed copy to link to.
    ruleDocs: { baseUri: DEFAULT_DOCS_BASE, page: () => undefined },
    today: () => localToday(),
  };
}

function textFile(result: unknown): TextFile {
  const answer = (result ?? {}) as { kind?: unknown; base64?: unknown; size?: unknown; problem?: unknown };
  if (answer.kind === 'file' && typeof answer.base64 === 'string') {
    const bytes = bytesOf(answer.base64);
    if (bytes) return decodeTextFile(bytes);
  }
  if (answer.kind === 'too-large' && typeof answer.size === 'number') return tooLarge(answer.size);
  if (answer.kind === 'missing' || answer.kind === 'not-a-file' || answer.kind === 'unreadable') {
    return { problem: typeof answer.problem === 'string' ? answer.problem : 'cannot read', kind: answer.kind };
  }
  return { problem: 'cannot read: the editor sent an answer Throughline does not understand', kind: 'unreadable' };
}

function bytesOf(base64: string): Uint8Array | undefined {
  try {
    return base64ToBytes(base64);
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
