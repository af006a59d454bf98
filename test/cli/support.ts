// Runs the built CLI (`node bin/throughline.js`) as a real child process in temporary folders.
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { yamlWithoutEnvReads } from '../../scripts/yamlWithoutEnvReads.mjs';

export const repoRoot = join(__dirname, '..', '..');
const bin = join(repoRoot, 'bin', 'throughline.js');

/**
 * Bundles the CLI exactly as `npm run build` does, so the tests never run a stale bundle.
 * Written to a temporary name and renamed: test files run in parallel and may build at once.
 */
export async function buildCli(): Promise<void> {
  const outfile = join(repoRoot, 'out', 'cli.js');
  const { outputFiles } = await build({
    entryPoints: [join(repoRoot, 'server', 'src', 'cli', 'main.ts')],
    outfile,
    bundle: true,
    sourcemap: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    plugins: [yamlWithoutEnvReads],
    write: false,
  });
  mkdirSync(dirname(outfile), { recursive: true });
  for (const file of outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string, options: { uid?: number } = {}): CliRun {
  const user = options.uid === undefined ? {} : { uid: options.uid, gid: options.uid };
  const entry = options.uid === undefined ? bin : worldReadableCli();
  const result = spawnSync(process.execPath, [entry, ...args], { cwd, encoding: 'utf8', timeout: 30_000, ...user });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let worldReadableBin: string | undefined;

/**
 * The bundled CLI copied where any user can read it: a checkout may sit in a folder only its
 * owner can enter (a `mktemp -d`, a home directory), and another user could not run it there.
 */
function worldReadableCli(): string {
  if (worldReadableBin) return worldReadableBin;
  const root = mkdtempSync(join(tmpdir(), 'throughline-cli-bin-'));
  for (const path of ['bin/throughline.js', 'out/cli.js']) {
    const target = join(root, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(repoRoot, ...path.split('/')), target);
    chmodSync(target, 0o644);
    chmodSync(dirname(target), 0o755);
  }
  chmodSync(root, 0o755);
  process.on('exit', () => rmSync(root, { recursive: true, force: true }));
  return (worldReadableBin = join(root, 'bin', 'throughline.js'));
}

/**
 * A user for whom permissions apply: root reads every file, so as root the permission
 * tests run the CLI as `nobody`, from a world-readable copy of the bundle.
 */
export function unprivilegedUser(): { uid?: number; skip: string | false } {
  if (process.getuid?.() !== 0) return { skip: false };
  const nobody = 65534;
  const probe = spawnSync(process.execPath, [worldReadableCli(), '--version'], { cwd: tmpdir(), encoding: 'utf8', uid: nobody, gid: nobody });
  return probe.status === 0
    ? { uid: nobody, skip: false }
    : { skip: `running as root, and user nobody cannot run the CLI (${(probe.stderr || probe.error?.message || '').trim().split('\n')[0]})` };
}

/** A fresh folder under the system's temp dir, with the given files (paths use `/`). */
export function makeTree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'throughline-cli-'));
  for (const [path, content] of Object.entries(files)) {
    const absolute = join(root, ...path.split('/'));
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
  return root;
}

/**
 * The checkout's files as git sees them (tracked, and untracked but not ignored: what a clone
 * plus the local edits holds), copied to `target`; node_modules linked in when asked.
 */
export function copyCheckout(target: string, options: { linkNodeModules?: boolean } = {}): void {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  for (const path of listed.split('\0').filter(Boolean)) {
    const from = join(repoRoot, path);
    if (!existsSync(from)) continue; // deleted in the work tree, not yet committed
    const to = join(target, path);
    mkdirSync(dirname(to), { recursive: true });
    cpSync(from, to, { verbatimSymlinks: true });
  }
  if (options.linkNodeModules) symlinkSync(join(repoRoot, 'node_modules'), join(target, 'node_modules'), 'dir');
}

export function removeTree(root: string): void {
  if (basename(root).startsWith('throughline-cli-')) rmSync(root, { recursive: true, force: true });
}

export const cleanPlan = readFileSync(join(repoRoot, 'examples', 'clean', 'q3-acquisition.plan.yaml'), 'utf8');
export const problemPlan = readFileSync(join(repoRoot, 'examples', 'problems', 'new-user.plan.yaml'), 'utf8');

/** The clean plan with `search` replaced by `replacement`; fails loudly if the example changed shape. */
export function cleanPlanWith(search: string | RegExp, replacement: string): string {
  const changed = cleanPlan.replace(search, replacement);
  if (changed === cleanPlan) throw new Error(`the clean example no longer contains ${String(search)}`);
  return changed;
}

/** The clean plan with one warning (no value proposition) and no error. */
export const oneWarningPlan = cleanPlanWith(/^proposition:.*$/m, '');
/** The clean plan with one error (a misspelt dependency) and no warning. */
export const oneErrorPlan = cleanPlanWith(/^(\s+- )content-hub$/m, '$1content-hbu');

/** Splits text output into its diagnostic lines (`file:line:col  severity  message  rule`). */
export function diagnosticLines(stdout: string): { file: string; line: number; column: number; severity: string; message: string; rule: string }[] {
  return stdout
    .split('\n')
    .map((line) => /^(.+?):(\d+):(\d+) {2}(error|warning|info|hint) {2}(.+) {2}([a-z-]+)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, file, line, column, severity, message, rule]) => ({
      file: file!,
      line: Number(line),
      column: Number(column),
      severity: severity!,
      message: message!,
      rule: rule!,
    }));
}

export function summaryLine(stdout: string): string {
  return stdout.trimEnd().split('\n').at(-1) ?? '';
}

export function assertNoStackTrace(output: string): void {
  if (/^\s+at .+:\d+:\d+\)?$/m.test(output) || /Error:/.test(output)) throw new Error(`output contains a stack trace:\n${output}`);
}
