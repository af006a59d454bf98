import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isPlanFileName, LIBRARY_FILE_SUFFIXES, PLAN_ONLY_FILE_SUFFIXES, PORTFOLIO_FILE_SUFFIXES } from '../../core/index.js';
import { findPlanPaths } from '../../node/findPlans.js';
import { describeFsError } from '../../node/fsErrors.js';
import type { InputProblem } from './report.js';

export interface Discovery {
  /** Absolute paths, each once, in the order given (directories sorted by name). */
  files: string[];
  problems: InputProblem[];
}

/** Expands the command line's paths: a plan file as is, a directory into every plan below it (the host's one walker). */
export async function discoverPlans(paths: readonly string[], cwd: string): Promise<Discovery> {
  const found = new Set<string>();
  const problems: InputProblem[] = [];
  for (const input of paths) {
    const absolute = resolve(cwd, input);
    let stats;
    try {
      stats = await stat(absolute);
    } catch (error) {
      problems.push({ path: absolute, message: describeFsError(error) });
      continue;
    }
    if (stats.isDirectory()) {
      const search = await findPlanPaths(absolute);
      for (const file of search.files) found.add(file);
      for (const { path, problem } of search.unreadable) problems.push({ path, message: problem });
    } else if (!stats.isFile()) problems.push({ path: absolute, message: 'not a regular file' });
    else if (!isPlanFileName(absolute))
      problems.push({
        path: absolute,
        message: `not a plan file: plans are named ${names(PLAN_ONLY_FILE_SUFFIXES)}, libraries ${names(LIBRARY_FILE_SUFFIXES)}, portfolios ${names(PORTFOLIO_FILE_SUFFIXES)}`,
      });
    else found.add(absolute);
  }
  return { files: [...found], problems };
}

function names(suffixes: readonly string[]): string {
  return suffixes.map((suffix) => `*${suffix}`).join(' or ');
}
