import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isPlanFileName } from './cli/check/discoverPlans.js';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export interface ScanLimits {
  /** Directories listed at most (a home folder opened as a workspace stays cheap). */
  maxDirectories: number;
  /** Plan files returned at most. */
  maxFiles: number;
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = { maxDirectories: 20_000, maxFiles: 5_000 };

export interface ScanResult {
  files: string[];
  /** True when a limit stopped the walk before the whole tree was seen. */
  truncated: boolean;
}

/**
 * Every `*.plan.yaml` / `*.plan.yml` below a folder, breadth first, without blocking the
 * server: directories are listed asynchronously; node_modules, .git and symbolic links to
 * directories (which could loop) are not entered. `cancelled()` stops the walk early.
 */
export async function findPlanFiles(root: string, limits: ScanLimits = DEFAULT_SCAN_LIMITS, cancelled: () => boolean = () => false): Promise<ScanResult> {
  const files: string[] = [];
  const queue = [root];
  for (let head = 0; head < queue.length; head++) {
    if (cancelled() || head >= limits.maxDirectories) return { files, truncated: true };
    const directory = queue[head]!;
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch {
      continue; // unreadable folders are skipped; they hold nothing we could check anyway
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) queue.push(join(directory, entry.name));
      } else if (entry.isFile() && isPlanFileName(entry.name)) {
        files.push(join(directory, entry.name));
        if (files.length >= limits.maxFiles) return { files, truncated: true };
      }
    }
  }
  return { files, truncated: false };
}
