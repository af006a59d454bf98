#!/usr/bin/env node
// Runs the end-to-end suite with the standard runner, @vscode/test-electron: a desktop VS Code
// (downloaded into .cache/vscode-test, or a local one) loads the repository as the extension
// under development and calls run() of out/e2e/index.js in its extension host.
//
//   node scripts/e2e/run-test-electron.mjs [--workspace DIR] [--tests out/e2e/index.js]
//
// Environment:
//   THROUGHLINE_VSCODE_EXECUTABLE  a local VS Code binary to use instead of downloading one
//                                  (e.g. /usr/share/code/code, or on macOS
//                                  "/Applications/Visual Studio Code.app/Contents/MacOS/Electron")
//   THROUGHLINE_VSCODE_VERSION     the version to download (default: stable)
//   THROUGHLINE_E2E_TIMEOUT_MS     overall deadline (default 8 minutes)
//   THROUGHLINE_E2E_GREP           only the tests whose title matches
// On Linux without a display, run it under `xvfb-run -a`.
// Exit code: the suite's (0 pass, 1 fail); 2 when the run itself broke or timed out.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSuiteArgs, QUIET_WORKBENCH_SETTINGS, suiteDefaults } from './suiteOptions.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXIT_INFRA = 2;
const log = (message) => process.stderr.write(`[e2e:test-electron] ${message}\n`);

function parseArgs(argv) {
  return { ...suiteDefaults(), ...parseSuiteArgs(argv, ['workspace', 'tests', 'extension', 'timeout-ms']) };
}

/** Runs the suite once; resolves to the exit code. */
export async function runInTestElectron(userOptions = {}) {
  const options = { ...parseArgs([]), ...userOptions };
  if (!existsSync(options.tests)) {
    log(`suite not built: ${options.tests} is missing (run node scripts/e2e/build-suite.mjs)`);
    return EXIT_INFRA;
  }
  const executable = process.env.THROUGHLINE_VSCODE_EXECUTABLE || undefined;
  if (executable && !existsSync(executable)) {
    log(`THROUGHLINE_VSCODE_EXECUTABLE=${executable} does not exist`);
    return EXIT_INFRA;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    log('no DISPLAY: VS Code (Electron) needs one; run under `xvfb-run -a` (Debian package xvfb)');
  }

  const { runTests, TestRunFailedError } = await import('@vscode/test-electron');
  const tmp = mkdtempSync(join(tmpdir(), 'throughline-e2e-electron-'));
  const workspace = join(tmp, 'workspace'); // a copy: quick fixes and renames never touch the repo
  cpSync(options.workspace, workspace, { recursive: true });
  const userData = join(tmp, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(QUIET_WORKBENCH_SETTINGS, null, 2));
  const extensionsDir = join(tmp, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });

  // test-electron has no run timeout: on the deadline, SIGINT makes it close VS Code
  // (gracefully, then by killing its process tree on a second SIGINT).
  let timedOut = false;
  const timers = [
    setTimeout(() => {
      timedOut = true;
      log(`the suite did not finish within ${Math.round(options.timeoutMs / 1000)}s; closing VS Code`);
      process.kill(process.pid, 'SIGINT');
      timers.push(setTimeout(() => process.kill(process.pid, 'SIGINT'), 10_000));
    }, options.timeoutMs),
  ];

  const started = Date.now();
  try {
    log(
      executable ? `using ${executable}` : `downloading VS Code ${process.env.THROUGHLINE_VSCODE_VERSION ?? 'stable'} into .cache/vscode-test (if not cached)`,
    );
    const code = await runTests({
      vscodeExecutablePath: executable,
      version: executable ? undefined : process.env.THROUGHLINE_VSCODE_VERSION || undefined,
      cachePath: join(repoRoot, '.cache', 'vscode-test'),
      extensionDevelopmentPath: options.extension,
      extensionTestsPath: options.tests,
      extensionTestsEnv: { THROUGHLINE_E2E: '1', THROUGHLINE_E2E_LOGS_DIR: join(userData, 'logs') },
      launchArgs: [
        workspace,
        '--disable-extensions', // every other extension; the one under development still loads
        '--disable-gpu',
        `--user-data-dir=${userData}`,
        `--extensions-dir=${extensionsDir}`,
      ],
    });
    return timedOut ? EXIT_INFRA : code;
  } catch (error) {
    if (timedOut) return EXIT_INFRA;
    if (error instanceof TestRunFailedError && typeof error.code === 'number') return error.code;
    log(`error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_INFRA;
  } finally {
    for (const timer of timers) clearTimeout(timer);
    log(`finished after ${((Date.now() - started) / 1000).toFixed(1)}s`);
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    log(error.message);
    process.exit(EXIT_INFRA);
  }
  process.exit(await runInTestElectron(options));
}
