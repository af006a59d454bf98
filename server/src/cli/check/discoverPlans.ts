import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeFsError } from './fsErrors.js';
import type { InputProblem } from './report.js';

const PLAN_FILE_NAME = /\.plan\.ya?ml$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export function isPlanFileName(name: string): boolean {
  return PLAN_FILE_NAME.test(name);
}

export interface Discovery {
  /** Absolute paths, each once, in the order given (directories sorted by name). */
  files: string[];
  problems: InputProblem[];
}

/**
 * Expands the command line's paths: a plan file as is, a directory into every
 * `*.plan.yaml` / `*.plan.yml` below it (not into node_modules or .git, not through
 * symbolic links to directories, which could loop).
 */
export function discoverPlans(paths: readonly string[], cwd: string): Discovery {
  const found = new Set<string>();
  const problems: InputProblem[] = [];
  for (const input of paths) {
    const absolute = resolve(cwd, input);
    let stats;
    try {
      stats = statSync(absolute);
    } catch (error) {
      problems.push({ path: absolute, message: describeFsError(error) });
      continue;
    }
    if (stats.isDirectory()) walk(absolute, found, problems);
    else if (!stats.isFile()) problems.push({ path: absolute, message: 'not a regular file' });
    else if (!isPlanFileName(absolute)) problems.push({ path: absolute, message: 'not a plan file: plans are named *.plan.yaml or *.plan.yml' });
    else found.add(absolute);
  }
  return { files: [...found], problems };
}

function walk(directory: string, found: Set<string>, problems: InputProblem[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    problems.push({ path: directory, message: `cannot list directory: ${describeFsError(error)}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path, found, problems);
    } else if (isPlanFileName(entry.name) && (entry.isFile() || isLinkToFile(path))) {
      found.add(path);
    }
  }
}

function isLinkToFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
