import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface CorpusPlan {
  /** Path relative to the repository root. */
  path: string;
  text: string;
}

/** Tests run from the repository root (as `node scripts/run-node-tests.mjs` does). */
const ROOT = process.cwd();

function planFilesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return planFilesUnder(path);
    return /\.plan\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Every example and fixture plan in the repository, sorted by path (so runs are reproducible). */
export function loadCorpus(): CorpusPlan[] {
  const files = [...planFilesUnder(join(ROOT, 'examples')), ...planFilesUnder(join(ROOT, 'test', 'fixtures'))];
  return files.map((file) => ({ path: relative(ROOT, file), text: readFileSync(file, 'utf8') })).sort((a, b) => a.path.localeCompare(b.path));
}

export function repoPath(...parts: string[]): string {
  return join(ROOT, ...parts);
}
