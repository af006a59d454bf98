#!/usr/bin/env node
// `npm run test:e2e`: builds the extension and the suite, then runs the suite in a real VS Code
// with the runner that can work here:
//   - @vscode/test-electron (run-test-electron.mjs) when THROUGHLINE_VSCODE_EXECUTABLE is set
//     (a local VS Code) or E2E_RUNNER=electron (downloads VS Code; needs internet);
//   - otherwise code-server + headless Chromium (run-code-server.mjs), the one that works
//     offline; it installs code-server into .cache/code-server on first use.
// Extra arguments go to the runner (e.g. --workspace DIR). E2E_SKIP_BUILD=1 skips
// `npm run build` (the suite is always rebundled; that takes well under a second).
//
// `--web` (`npm run test:e2e-web`) runs the web suite instead: the web extension (package.json
// `browser`) forced into the web worker extension host of code-server's workbench by the
// `remote.extensionKind` setting, the suite bundled for that host (build-web-suite.mjs), on
// test/e2e/workspace plus test/e2e-web/workspace. code-server only (a desktop VS Code's web
// worker host is not what vscode.dev runs).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSuite } from './build-suite.mjs';
import { buildWebSuite, webSuiteIndex } from './build-web-suite.mjs';
import { parseSuiteArgs, suiteTimeoutMs } from './suiteOptions.mjs';

/**
 * Errors a shared test provokes on purpose, which VS Code logs in the web worker extension host
 * (the Node suite leaves them out through `provokedLogErrors`): libraryRename.e2e.ts's rename
 * onto an id a plan already uses, refused with this message.
 */
const PROVOKED_WORKER_ERRORS = [/\[error\] Error: `south-growth` is already the id of the objective of `south\.plan\.yaml`; pick another id\.$/];

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const log = (message) => process.stderr.write(`[e2e] ${message}\n`);

const web = process.argv.includes('--web');
const runnerArgs = process.argv.slice(2).filter((arg) => arg !== '--web');
const runner = !web && (process.env.THROUGHLINE_VSCODE_EXECUTABLE || process.env.E2E_RUNNER === 'electron') ? 'electron' : 'code-server';
if (web && runner !== (process.env.E2E_RUNNER ?? runner)) log('the web suite runs in code-server only; E2E_RUNNER is ignored');
if (process.env.E2E_RUNNER && !['electron', 'code-server'].includes(process.env.E2E_RUNNER)) {
  log(`E2E_RUNNER must be "electron" or "code-server", not "${process.env.E2E_RUNNER}"`);
  process.exit(2);
}
if (process.env.E2E_RUNNER === 'code-server' && process.env.THROUGHLINE_VSCODE_EXECUTABLE) {
  log('E2E_RUNNER=code-server and THROUGHLINE_VSCODE_EXECUTABLE are both set; using test-electron');
}

/** The web suite's run: the extension forced into the web worker host, the scan's extra plans. */
const WEB_SUITE = {
  tests: webSuiteIndex,
  workspaceOverlay: resolve(repoRoot, 'test', 'e2e-web', 'workspace'),
  artifactPrefix: 'e2e-web',
  // What a code-server user sets to run Throughline in the browser: the extension has both a
  // `main` and a `browser` entry, and code-server prefers the Node one unless told.
  settings: { 'remote.extensionKind': { 'throughline.throughline': ['web'] } },
};

const started = Date.now();
if (process.env.E2E_SKIP_BUILD !== '1') {
  log('npm run build');
  const build = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) {
    log(`npm run build failed (${build.error?.message ?? `exit code ${build.status}`})`);
    process.exit(2);
  }
}
try {
  await (web ? buildWebSuite() : buildSuite());
} catch (error) {
  log(`bundling the suite failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
log(`built in ${((Date.now() - started) / 1000).toFixed(1)}s; runner: ${runner}${web ? ' (web worker extension host)' : ''}`);

// A last-resort stop (the runners have their own deadlines and always clean up first).
const timeoutMs = suiteTimeoutMs();
setTimeout(
  () => {
    log('hard timeout: exiting');
    process.exit(2);
  },
  timeoutMs + 5 * 60 * 1000,
).unref();

let code;
if (runner === 'electron') {
  const { runInTestElectron } = await import('./run-test-electron.mjs');
  code = await runInTestElectron(parseRunnerArgs());
} else {
  const { runInCodeServer } = await import('./run-code-server.mjs');
  code = await runInCodeServer(web ? { ...WEB_SUITE, ...parseRunnerArgs() } : parseRunnerArgs());
  if (web && code === 0) code = checkWebHostLogs();
}
log(code === 0 ? `${web ? 'web ' : ''}end-to-end tests passed` : `${web ? 'web ' : ''}end-to-end tests failed (exit code ${code})`);
process.exit(code);

/**
 * After the web suite, from the logs the run left in test-results/e2e-web-logs/: the web worker
 * extension host activated Throughline and logged no error, and code-server's Node extension
 * host never activated it (the suite checks that too while it runs; this reads the logs as they
 * were at the end).
 */
function checkWebHostLogs() {
  const logs = join(repoRoot, 'test-results', 'e2e-web-logs');
  const read = (name) => filesNamed(logs, name).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  const worker = read('workerexthost.log');
  const node = read('remoteexthost.log');
  const problems = [];
  if (!worker.some(({ text }) => text.includes('ExtensionService#_doActivateExtension throughline.throughline')))
    problems.push('the web worker extension host log (workerexthost.log) does not show Throughline activated');
  for (const { path, text } of worker)
    for (const line of text.split('\n').filter((l) => l.includes('[error]') && !PROVOKED_WORKER_ERRORS.some((pattern) => pattern.test(l))))
      problems.push(`${relative(repoRoot, path)}: ${line}`);
  if (node.length === 0) problems.push('there is no log of the Node extension host (remoteexthost.log)');
  // The Node host lists every extension it knows when it starts (Throughline among them when run
  // as root); only a line about activating Throughline would mean it ran there.
  for (const { path, text } of node)
    for (const line of text.split('\n').filter((l) => l.includes('throughline.throughline') && /activat/i.test(l)))
      problems.push(`${relative(repoRoot, path)} logs Throughline's activation: ${line}`);
  for (const problem of problems) log(`host check failed: ${problem}`);
  if (problems.length === 0) log('host check: Throughline was activated in the web worker extension host, never in the Node one');
  return problems.length === 0 ? 0 : 1;
}

function filesNamed(dir, name) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesNamed(join(dir, entry.name), name) : entry.name === name ? [join(dir, entry.name)] : [],
  );
}

function parseRunnerArgs() {
  try {
    return parseSuiteArgs(runnerArgs, ['workspace', 'timeout-ms', 'verbose', 'keep']);
  } catch (error) {
    log(error.message);
    process.exit(2);
  }
}
