import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isPlanFileName, SKIPPED_FOLDERS, type PlanSearchLimits } from '../core/index.js';
import { describeFsError } from './fsErrors.js';

export const DEFAULT_SEARCH_LIMITS: PlanSearchLimits = { maxFolders: 20_000, maxFiles: 5_000 };

export interface PathSearch {
  files: string[];
  unreadable: { path: string; problem: string }[];
  truncated: boolean;
}

/**
 * The one walker, for the server's workspace scan and the CLI's directories: every plan file
 * below `root`, depth first with names sorted in each folder (the order `find` and editors
 * show). `node_modules` and `.git` are not entered; a symbolic link to a file is followed, a
 * link to a folder never (it could loop). Folders are listed asynchronously, so the server
 * keeps answering while it walks.
 */
export async function findPlanPaths(root: string, limits: Partial<PlanSearchLimits> = {}, cancelled: () => boolean = () => false): Promise<PathSearch> {
  const { maxFolders, maxFiles } = { maxFolders: Infinity, maxFiles: Infinity, ...limits };
  const search: PathSearch = { files: [], unreadable: [], truncated: false };
  let folders = 0;
  const walk = async (folder: string): Promise<boolean> => {
    if (cancelled() || ++folders > maxFolders) return false;
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      search.unreadable.push({ path: folder, problem: `cannot list directory: ${describeFsError(error)}` });
      return true;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !(await walk(path))) return false;
      } else if (isPlanFileName(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && (await isFile(path))))) {
        search.files.push(path);
        if (search.files.length >= maxFiles) return false;
      }
    }
    return true;
  };
  search.truncated = !(await walk(root));
  return search;
}

export async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
