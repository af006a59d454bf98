#!/usr/bin/env node
// Runs the end-to-end suite in a real VS Code without internet: code-server 4.100.3 (VS Code
// 1.100, installed into .cache/ by install-code-server.mjs) on 127.0.0.1, its workbench
// driven by headless Debian Chromium through playwright-core. The extension host loads the
// repository as the extension under development and runs the suite bundle's run().
// Recipe: ../shared/recipes/vscode-in-code-server.md.
//
//   node scripts/e2e/run-code-server.mjs [--workspace DIR] [--tests out/e2e/index.js]
//        [--timeout-ms 480000] [--screenshot test-results/e2e-workbench.png] [--keep]
//
// Prints the extension host's console (mocha's report) to stdout, saves screenshots and logs
// under test-results/, and exits with the suite's code (0 pass, 1 fail); 2 when the run
// itself broke (code-server did not start, the suite did not finish within the timeout …).
// It never hangs: one overall deadline, and code-server's process group and Chromium are
// always killed.
//
// Environment: THROUGHLINE_E2E_TIMEOUT_MS (overall deadline), THROUGHLINE_E2E_GREP (mocha
// grep), THROUGHLINE_E2E_VERBOSE=1 (echo code-server's and the browser's logs), CHROMIUM_PATH.
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { chromiumPath, freePort, killGroup, launchChromium, spawnCodeServer, waitUntilUp, withTimeout } from './codeServerProcess.mjs';
import { ensureCodeServer } from './install-code-server.mjs';
import { parseSuiteArgs, QUIET_WORKBENCH_SETTINGS, suiteDefaults } from './suiteOptions.mjs';
import { parseInputRequest, performInput } from './userInput.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCREENSHOT_MARKER = '[throughline-e2e:screenshot] ';
const EXIT_INFRA = 2;

const log = (message) => process.stderr.write(`[e2e:code-server] ${message}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function parseArgs(argv) {
  return {
    ...suiteDefaults(),
    resultsDir: join(repoRoot, 'test-results'),
    artifactPrefix: 'e2e',
    // The web suite's: files copied over the workspace copy, and user settings on top of the quiet ones.
    workspaceOverlay: undefined,
    settings: {},
    screenshot: undefined,
    viewport: { width: 1920, height: 1200 },
    keep: false,
    verbose: process.env.THROUGHLINE_E2E_VERBOSE === '1',
    ...parseSuiteArgs(argv, ['workspace', 'tests', 'extension', 'timeout-ms', 'screenshot', 'results', 'keep', 'verbose']),
  };
}

// The workbench's own log lines that say nothing about the suite (all of them are still in
// test-results/e2e-console.log; --verbose prints them). The gallery look-up fails offline.
const WORKBENCH_CHATTER = [
  /^Resolving connection token /,
  /^Resolved connection token /,
  /^Creating a socket \(/,
  /^Updating additional builtin extensions cache$/,
  /^\[Service Worker\] /,
  /^ChatSessionStore: /,
  /ENOTFOUND open-vsx\.org/,
];

/**
 * Runs the suite once in code-server; resolves to the exit code. Never throws: problems of
 * the run itself are logged and give EXIT_INFRA. Beside the command-line options, a caller
 * may pass `viewport` (the browser window, 1920 × 1200 by default; scripts/docs/screenshot.mjs).
 */
export async function runInCodeServer(userOptions = {}) {
  const options = { ...parseArgs([]), ...userOptions };
  try {
    ensureCodeServer(); // before the clock starts: a first install takes a minute or two
  } catch (error) {
    log(`error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_INFRA;
  }
  const started = Date.now();
  const deadline = started + options.timeoutMs;
  const remaining = () => Math.max(0, deadline - Date.now());
  // Every artifact is test-results/<prefix>-…: `e2e` for the Node suite, `e2e-web` for the web suite.
  const artifact = (name) => join(options.resultsDir, `${options.artifactPrefix}-${name}`);
  const screenshotPath = options.screenshot ?? artifact('workbench.png');

  let codeServer; // ChildProcess (leader of its own process group)
  let browser; // playwright Browser
  let tmp;
  let killed = false;

  // Kills code-server's whole process group (server, extension host, language server …).
  const killCodeServer = (signal) => killGroup(codeServer, signal);
  // Last resort on an abrupt exit of this process (uncaught error, signal): synchronous kills.
  const onExit = () => {
    killCodeServer('SIGKILL');
  };
  const onSignal = (signal) => {
    log(`received ${signal}; stopping`);
    killed = true;
    cleanup().finally(() => process.exit(130));
  };
  process.on('exit', onExit);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let cleanedUp;
  const cleanup = () =>
    (cleanedUp ??= (async () => {
      if (browser) {
        try {
          await withTimeout(browser.close(), 10_000, 'browser.close() timed out');
        } catch (error) {
          log(String(error.message ?? error));
        }
      }
      if (codeServer && codeServer.exitCode === null && codeServer.signalCode === null) {
        const exited = new Promise((r) => codeServer.once('exit', r));
        killCodeServer('SIGTERM');
        try {
          await withTimeout(exited, 5_000, 'code-server did not stop on SIGTERM');
        } catch {
          killCodeServer('SIGKILL');
        }
      }
      // The rest of the group (extension host, language server) may outlive the leader.
      killCodeServer('SIGKILL');
      if (tmp) {
        try {
          cpSync(join(tmp, 'user-data', 'logs'), artifact('logs'), { recursive: true });
        } catch {
          /* no logs */
        }
        if (options.keep) log(`kept ${tmp}`);
        else rmSync(tmp, { recursive: true, force: true });
      }
      process.off('exit', onExit);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    })());

  try {
    if (!existsSync(options.tests)) throw new Error(`suite not built: ${options.tests} is missing (run node scripts/e2e/build-suite.mjs)`);
    if (!existsSync(options.workspace)) throw new Error(`workspace folder ${options.workspace} is missing`);
    if (!existsSync(chromiumPath())) throw new Error(`${chromiumPath()} is missing (Debian package \`chromium\`)`);

    rmSync(artifact('logs'), { recursive: true, force: true });
    mkdirSync(options.resultsDir, { recursive: true });
    tmp = mkdtempSync(join(tmpdir(), 'throughline-e2e-'));
    const userData = join(tmp, 'user-data');
    const extensionsDir = join(tmp, 'extensions');
    const screenshotAcks = join(tmp, 'screenshots');
    // The suite works on a copy, so quick fixes and renames never touch the repository.
    const workspace = join(tmp, 'workspace');
    cpSync(options.workspace, workspace, { recursive: true });
    if (options.workspaceOverlay) cpSync(options.workspaceOverlay, workspace, { recursive: true });
    mkdirSync(join(userData, 'User'), { recursive: true });
    mkdirSync(extensionsDir, { recursive: true });
    mkdirSync(screenshotAcks, { recursive: true });
    writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_WORKBENCH_SETTINGS, ...options.settings }, null, 2));

    const port = await freePort();
    const serverLogPath = artifact('code-server.log');
    const serverLog = createWriteStream(serverLogPath);
    log(`starting code-server on 127.0.0.1:${port} (log: ${relative(process.cwd(), serverLogPath)})`);
    codeServer = spawnCodeServer({
      port,
      userData,
      extensionsDir,
      folder: workspace,
      cwd: tmp,
      env: {
        ...process.env,
        THROUGHLINE_E2E: '1',
        THROUGHLINE_E2E_SCREENSHOT_DIR: screenshotAcks,
        THROUGHLINE_E2E_LOGS_DIR: join(userData, 'logs'),
      },
    });
    const serverTail = [];
    for (const stream of [codeServer.stdout, codeServer.stderr]) {
      stream.on('data', (chunk) => {
        serverLog.write(chunk);
        serverTail.push(...chunk.toString().split('\n').filter(Boolean));
        serverTail.splice(0, Math.max(0, serverTail.length - 40));
        if (options.verbose) process.stderr.write(chunk);
      });
    }
    const serverExited = new Promise((r) => codeServer.once('exit', (code, signal) => r({ code, signal })));

    const base = `http://127.0.0.1:${port}`;
    const startup = await waitUntilUp(codeServer, port, Math.min(90_000, remaining()));
    if (startup !== 'ready') throw new Error(`code-server ${startup}:\n  ${serverTail.join('\n  ')}`);
    log(`code-server is up after ${((Date.now() - started) / 1000).toFixed(1)}s`);

    browser = await launchChromium();
    const context = await browser.newContext({ viewport: options.viewport });
    const page = await context.newPage();

    const browserLog = createWriteStream(artifact('browser-console.log'));
    page.on('console', (message) => {
      const line = `[${message.type()}] ${message.text()}\n`;
      browserLog.write(line);
      if (options.verbose) process.stderr.write(`[browser] ${line}`);
    });
    page.on('pageerror', (error) => browserLog.write(`[pageerror] ${error.stack ?? error.message}\n`));

    let resolveExit;
    const suiteExit = new Promise((r) => {
      resolveExit = r;
    });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      // logs: the workbench's log files, [{ relativePath, contents }].
      if (Array.isArray(logs)) {
        for (const { relativePath, contents } of logs) {
          if (typeof relativePath !== 'string' || typeof contents !== 'string') continue;
          const target = join(artifact('logs'), 'workbench', relativePath);
          if (!target.startsWith(artifact('logs'))) continue;
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, contents);
        }
      }
      resolveExit(typeof code === 'number' ? code : 1);
    });

    const screenshotsTaken = new Set();
    const takeScreenshot = async (name) => {
      const path = name === 'workbench' ? screenshotPath : artifact(`${name}.png`);
      mkdirSync(dirname(path), { recursive: true });
      await page.screenshot({ path, timeout: 30_000 });
      screenshotsTaken.add(name);
      log(`screenshot: ${relative(process.cwd(), path)}`);
    };
    let screenshotQueue = Promise.resolve();
    // The workbench's log and the extension host's console (console.log(format, ...args),
    // mocha's report among it) both arrive here as (level, args).
    const hostLog = createWriteStream(artifact('console.log'));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = Array.isArray(args) ? format(...args) : String(args);
      hostLog.write(`[${type}] ${text}\n`);
      const marker = text.startsWith(SCREENSHOT_MARKER) ? text.slice(SCREENSHOT_MARKER.length).trim() : undefined;
      let input;
      try {
        input = parseInputRequest(text);
      } catch (error) {
        log(error.message);
        return;
      }
      if (input) {
        // The suite's mouse and keyboard (scripts/e2e/userInput.mjs), in turn with screenshots.
        screenshotQueue = screenshotQueue
          .then(() => performInput(page, input))
          .then((outcome) => writeFileSync(join(screenshotAcks, `${input.id}.done`), JSON.stringify(outcome)))
          .catch((error) => log(`input ${input.id} failed: ${error.message}`));
        return;
      }
      if (marker !== undefined) {
        if (/^[a-z0-9-]+$/.test(marker)) {
          screenshotQueue = screenshotQueue
            .then(() => sleep(500)) // let the last edits and the webview paint
            .then(() => takeScreenshot(marker))
            .catch((error) => log(`screenshot ${marker} failed: ${error.message}`))
            .finally(() => writeFileSync(join(screenshotAcks, `${marker}.done`), ''));
        }
        return;
      }
      if (!options.verbose && WORKBENCH_CHATTER.some((re) => re.test(text))) return;
      const out = type === 'error' || type === 'warn' ? process.stderr : process.stdout;
      out.write(text.endsWith('\n') ? text : `${text}\n`);
    });

    const toRemote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
    const payload = [
      ['extensionDevelopmentPath', toRemote(options.extension)],
      ['extensionTestsPath', toRemote(options.tests)],
    ];
    const url = `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    log(`opening the workbench; suite ${relative(repoRoot, options.tests)} on ${relative(repoRoot, options.workspace) || '.'}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: Math.min(60_000, remaining()) });

    let code;
    try {
      code = await withTimeout(
        Promise.race([
          suiteExit,
          serverExited.then(({ code: c, signal }) => {
            throw new Error(`code-server exited during the run (code ${c}, signal ${signal})`);
          }),
        ]),
        remaining(),
        `the suite did not finish within ${Math.round(options.timeoutMs / 1000)}s`,
      );
    } catch (error) {
      log(`error: ${error.message}`);
      code = EXIT_INFRA;
    }
    await withTimeout(screenshotQueue, 35_000, 'pending screenshot').catch(() => {});
    if (!screenshotsTaken.has('workbench')) {
      // The suite did not ask (it crashed, or timed out): a picture of the end state helps.
      await takeScreenshot('workbench').catch((error) => log(`screenshot failed: ${error.message}`));
    }
    log(`suite exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)}s`);
    return code;
  } catch (error) {
    log(`error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_INFRA;
  } finally {
    await cleanup();
    if (killed) process.exit(130);
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
  try {
    ensureCodeServer();
  } catch (error) {
    log(`error: ${error.message}`);
    process.exit(EXIT_INFRA);
  }
  // A hard stop beyond the run's own deadline, in case cleanup itself hangs.
  const hardStop = setTimeout(() => {
    log('hard timeout: exiting');
    process.exit(EXIT_INFRA);
  }, options.timeoutMs + 60_000);
  const code = await runInCodeServer(options);
  clearTimeout(hardStop);
  process.exit(code);
}
