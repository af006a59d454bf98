import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeTextFile, localToday, MAX_FILE_SIZE, tooLarge, type RuleDocs, type TextFile, type WorkspaceHost } from '../core/index.js';
import { findPlanPaths, isFile } from './findPlans.js';
import { describeFsError } from './fsErrors.js';
import { installedRuleDocs } from './ruleDocs.js';

/** The host of the language server and the CLI on Node: `file:` URIs on the local file system. */
export function createNodeHost(ruleDocs: RuleDocs = installedRuleDocs()): WorkspaceHost {
  return {
    readTextFile: (uri) => (uri.startsWith('file:') ? readTextFileAt(fileURLToPath(uri)) : Promise.resolve(notLocal(uri))),
    isFile: (uri) => (uri.startsWith('file:') ? isFile(fileURLToPath(uri)) : Promise.resolve(false)),
    async findPlans(folderUri, limits, cancelled) {
      if (!folderUri.startsWith('file:')) return { uris: [], unreadable: [], truncated: false };
      const found = await findPlanPaths(fileURLToPath(folderUri), limits, cancelled);
      return {
        uris: found.files.map((path) => pathToFileURL(path).href),
        unreadable: found.unreadable.map(({ path, problem }) => ({ uri: pathToFileURL(path).href, problem })),
        truncated: found.truncated,
      };
    },
    ruleDocs,
    today: localToday,
  };
}

/** Reads a text file with the one size limit, without reading a file over it. */
export async function readTextFileAt(path: string): Promise<TextFile> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { problem: info.isDirectory() ? 'is a directory' : 'not a regular file', kind: 'not-a-file' };
    if (info.size > MAX_FILE_SIZE) return tooLarge(info.size);
    return decodeTextFile(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: `cannot read: ${describeFsError(error)}`, kind: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable' };
  }
}

function notLocal(uri: string): TextFile {
  return { problem: `${uri.slice(0, uri.indexOf(':'))}: files are not read from here`, kind: 'unreadable' };
}
