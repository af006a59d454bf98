#!/usr/bin/env node
// `npm run test:e2e`: builds the extension and the suite, then runs the suite in a real VS Code
// with the runner that can work here:
//   - @vscode/test-electron (run-test-electron.mjs) when THROUGHLINE_VSCODE_EXECUTABLE is set
//     (a local VS Code) or E2E_RUNNER=electron (downloads VS Code; needs internet);
//   - otherwise code-server + headless Chromium (run-code-server.mjs), the one that works
//     offline; it installs code-server into .cache/code-server on first use.
// Extra arguments go to the runner (e.g. --workspace DIR). E2E_SKIP_BUILD=1 skips
// `npm run build` (the suite is always rebundled; that takes well under a second).
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSuite } from './build-suite.mjs';
import { parseSuiteArgs, suiteTimeoutMs } from './suiteOptions.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const log = (message) => process.stderr.write(`[e2e] ${message}\n`);

const runner = process.env.THROUGHLINE_VSCODE_EXECUTABLE || process.env.E2E_RUNNER === 'electron' ? 'electron' : 'code-server';
if (process.env.E2E_RUNNER && !['electron', 'code-server'].includes(process.env.E2E_RUNNER)) {
  log(`E2E_RUNNER must be "electron" or "code-server", not "${process.env.E2E_RUNNER}"`);
  process.exit(2);
}
if (process.env.E2E_RUNNER === 'code-server' && process.env.THROUGHLINE_VSCODE_EXECUTABLE) {
  log('E2E_RUNNER=code-server and THROUGHLINE_VSCODE_EXECUTABLE are both set; using test-electron');
}

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
  await buildSuite();
} catch (error) {
  log(`bundling the suite failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
log(`built in ${((Date.now() - started) / 1000).toFixed(1)}s; runner: ${runner}`);

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
  code = await runInCodeServer(parseRunnerArgs());
}
log(code === 0 ? 'end-to-end tests passed' : `end-to-end tests failed (exit code ${code})`);
process.exit(code);

function parseRunnerArgs() {
  try {
    return parseSuiteArgs(process.argv.slice(2), ['workspace', 'timeout-ms', 'verbose', 'keep']);
  } catch (error) {
    log(error.message);
    process.exit(2);
  }
}
