import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { decodePlanBytes, type PlanText } from '../check/readPlanFile.js';

// Reading plans as they were at a git ref, for `throughline diff --base`. git runs through
// execFile with an argument array, never a shell; a ref is resolved to a commit id first and
// cannot pass for an option.

const MAX_OUTPUT = 64 * 1024 * 1024;

/** Something git could not do, in one line for the user. */
export class GitProblem extends Error {}

function git(cwd: string, args: string[]): Buffer {
  try {
    return execFileSync('git', args, { cwd, maxBuffer: MAX_OUTPUT, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  } catch (error) {
    const { code, stderr } = error as { code?: string; stderr?: Buffer };
    if (code === 'ENOENT') throw new GitProblem('git is not installed (or not on the PATH), and --base needs it');
    const firstLine = (stderr?.toString('utf8') ?? '').split('\n').find((line) => line.trim() !== '') ?? (error as Error).message.split('\n')[0]!;
    throw new GitProblem(firstLine.replace(/^fatal: /, '').trim());
  }
}

export interface GitBase {
  /** The work tree's top folder (real path). */
  root: string;
  /** The full commit id the ref named. */
  commit: string;
  /** The ref as the user wrote it. */
  ref: string;
}

/** Finds the repository around `cwd` and resolves `ref` to a commit. */
export function resolveBase(cwd: string, ref: string): GitBase {
  if (ref === '' || ref.startsWith('-')) throw new GitProblem(`\`${ref}\` is not a git ref`);
  let root: string;
  try {
    root = realpathSync(git(cwd, ['rev-parse', '--show-toplevel']).toString('utf8').trim());
  } catch (error) {
    if (error instanceof GitProblem && /not a git repository/i.test(error.message))
      throw new GitProblem('--base needs a git repository, and this folder is not in one');
    throw error;
  }
  let commit: string;
  try {
    commit = git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])
      .toString('utf8')
      .trim();
  } catch {
    throw new GitProblem(`\`${ref}\` names no commit here (a branch, tag or commit id; fetch it first on a shallow clone)`);
  }
  return { root, commit, ref };
}

/** The path inside the repository, with `/`, or undefined when it is outside. */
export function repoPath(base: GitBase, absolute: string): string | undefined {
  let real = absolute;
  try {
    real = realpathSync(absolute);
  } catch {
    // A path that no longer exists keeps its name.
  }
  const inside = relative(base.root, real);
  if (isAbsolute(inside) || inside === '..' || inside.startsWith(`..${sep}`)) return undefined;
  return inside.split(sep).join('/');
}

/** Plan files (`*.plan.yaml`, `*.plan.yml`) in the base commit at or under the given repository paths ('' is the whole tree). */
export function plansAtBase(base: GitBase, paths: string[], isPlan: (name: string) => boolean): string[] {
  const listed = git(base.root, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', base.commit]).toString('utf8');
  const under = (path: string) => paths.some((prefix) => prefix === '' || path === prefix || path.startsWith(`${prefix}/`));
  return listed
    .split('\0')
    .filter((path) => path !== '' && isPlan(path) && under(path) && !path.split('/').some((segment) => segment === 'node_modules' || segment === '.git'));
}

/** The plan's text at the base commit; undefined when the commit has no such file. */
export function showAtBase(base: GitBase, path: string): PlanText | undefined {
  const spec = `${base.commit}:${path}`;
  try {
    git(base.root, ['cat-file', '-e', spec]);
  } catch {
    return undefined;
  }
  return decodePlanBytes(git(base.root, ['show', spec]));
}
