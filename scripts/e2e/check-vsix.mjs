#!/usr/bin/env node
// Checks the packaged extension as a user gets it: `npm run package` builds throughline.vsix,
// code-server installs it into an empty extensions folder and lists it, then a workbench with
// no extension under development opens a plan with problems, and the Problems panel must show
// a Throughline diagnostic (the language server bundled in the .vsix started and answered).
// Twice: the Node extension (code-server's default), then, with `remote.extensionKind` set to
// `web`, the web extension of the same .vsix in the browser's web worker extension host (and
// code-server's Node extension host's log must not show it activated there).
//
//   node scripts/e2e/check-vsix.mjs [--vsix throughline.vsix] [--no-package]
//
// --no-package uses the existing .vsix. Saves test-results/vsix-problems.png. Exit code 0
// when every check passed, 1 when one failed, 2 when the run itself broke.
import { spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freePort, killGroup, launchChromium, spawnCodeServer, waitUntilUp, withTimeout } from './codeServerProcess.mjs';
import { codeServerEntry, ensureCodeServer } from './install-code-server.mjs';
import { QUIET_WORKBENCH_SETTINGS } from './suiteOptions.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
const PLAN = 'new-user.plan.yaml'; // test/e2e/workspace's plan with problems
const RULE = 'dependency-unknown'; // one of its findings
const MAX_VSIX_BYTES = 5 * 1024 * 1024;
const DEADLINE_MS = 4 * 60 * 1000;

const log = (message) => process.stderr.write(`[vsix] ${message}\n`);

let codeServer; // its process group is killed however this process ends
process.on('exit', () => killGroup(codeServer, 'SIGKILL'));

class CheckFailed extends Error {}
function check(condition, message) {
  if (!condition) throw new CheckFailed(message);
  log(`ok: ${message}`);
}

function readOptions(argv) {
  const { values } = parseArgs({ args: argv, options: { vsix: { type: 'string' }, 'no-package': { type: 'boolean' } }, strict: true });
  return { vsix: resolve(values.vsix ?? join(repoRoot, 'throughline.vsix')), build: !values['no-package'] };
}

function codeServerCli(args, userData, extensionsDir) {
  const result = spawnSync(process.execPath, [codeServerEntry(), '--user-data-dir', userData, '--extensions-dir', extensionsDir, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.error || result.status !== 0)
    throw new Error(`code-server ${args.join(' ')} failed: ${result.error?.message ?? `exit ${result.status}`}\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/** Opens the plan in the workbench and resolves to the Problems panel's rows once one names RULE. */
async function problemsShown(page, url) {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.waitForSelector('.monaco-workbench .statusbar', { timeout: 60_000 });
  // The editor of the plan, then its language in the status bar (the grammar and the language from package.json).
  await page.waitForSelector(`.tab[data-resource-name="${PLAN}"]`, { timeout: 60_000 });
  await page.locator('.statusbar-item', { hasText: 'Marketing Plan' }).first().waitFor({ timeout: 60_000 });
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Shift+M'); // View: Problems
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: RULE }).first();
  await row.waitFor({ timeout: 90_000 });
  return page.locator('.markers-panel .monaco-list-row').allTextContents();
}

async function main(options) {
  if (options.build) {
    log('npm run package');
    const built = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
    if (built.status !== 0) throw new CheckFailed(`npm run package failed (exit ${built.status})`);
  }
  check(existsSync(options.vsix), `${relative(repoRoot, options.vsix)} exists`);
  const bytes = statSync(options.vsix).size;
  check(bytes > 50 * 1024 && bytes < MAX_VSIX_BYTES, `${relative(repoRoot, options.vsix)} is ${(bytes / 1024).toFixed(0)} KB (bundles, no node_modules)`);

  ensureCodeServer();
  const tmp = mkdtempSync(join(tmpdir(), 'throughline-vsix-'));
  const userData = join(tmp, 'user-data');
  const extensionsDir = join(tmp, 'extensions');
  const workspace = join(tmp, 'workspace');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  cpSync(join(repoRoot, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(QUIET_WORKBENCH_SETTINGS, null, 2));

  let browser;
  try {
    codeServerCli(['--install-extension', options.vsix], userData, extensionsDir);
    const listed = codeServerCli(['--list-extensions', '--show-versions'], userData, extensionsDir)
      .split('\n')
      .map((line) => line.trim());
    check(
      listed.includes(`${EXTENSION_ID}@${manifest.version}`),
      `code-server lists ${EXTENSION_ID}@${manifest.version} after --install-extension (listed: ${listed.filter(Boolean).join(', ')})`,
    );

    // The Node extension (code-server's default), then the web extension of the same .vsix
    // (its minified out/web/ bundles) in the web worker extension host, as vscode.dev runs it.
    for (const host of ['node', 'web']) {
      const settings = host === 'web' ? { ...QUIET_WORKBENCH_SETTINGS, 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } : QUIET_WORKBENCH_SETTINGS;
      writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
      const logsDir = join(userData, 'logs');
      const earlierSessions = new Set(existsSync(logsDir) ? readdirSync(logsDir) : []);
      const port = await freePort();
      const serverLog = createWriteStream(join(repoRoot, 'test-results', `vsix-${host}-code-server.log`));
      codeServer = spawnCodeServer({ port, userData, extensionsDir, folder: workspace, cwd: tmp });
      codeServer.stdout.pipe(serverLog);
      codeServer.stderr.pipe(serverLog);
      const startup = await waitUntilUp(codeServer, port, 90_000);
      if (startup !== 'ready') throw new Error(`code-server ${startup}`);

      browser = await launchChromium();
      const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
      // No extensionDevelopmentPath: only the installed .vsix can serve the plan.
      const payload = JSON.stringify([['openFile', `vscode-remote://127.0.0.1:${port}${join(workspace, PLAN)}`]]);
      const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`;
      const screenshot = join(repoRoot, 'test-results', host === 'node' ? 'vsix-problems.png' : 'vsix-web-problems.png');
      try {
        const rows = await problemsShown(page, url);
        check(
          rows.some((text) => text.includes('throughline') && text.includes(RULE)),
          `${host === 'web' ? 'in the web worker extension host, ' : ''}the Problems panel shows Throughline's ${RULE} for ${PLAN} (${rows.length} rows)`,
        );
      } catch (error) {
        if (error instanceof CheckFailed) throw error;
        throw new CheckFailed(`the Problems panel did not show Throughline's ${RULE} for ${PLAN} (${host}): ${error.message}`);
      } finally {
        await page.screenshot({ path: screenshot }).then(
          () => log(`screenshot: ${relative(process.cwd(), screenshot)}`),
          () => {},
        );
      }
      if (host === 'web') {
        const activations = nodeHostActivations(logsDir, earlierSessions);
        check(
          activations.length > 0 && !activations.some((line) => line.includes(EXTENSION_ID)),
          `code-server's Node extension host activated ${activations.length} extensions, not ${EXTENSION_ID}`,
        );
      }
      await withTimeout(browser.close(), 10_000, 'browser.close() timed out').catch(() => {});
      browser = undefined;
      killGroup(codeServer, 'SIGKILL');
      await new Promise((resolve) => (codeServer.exitCode === null && codeServer.signalCode === null ? codeServer.once('exit', resolve) : resolve()));
    }
  } finally {
    if (browser) await withTimeout(browser.close(), 10_000, 'browser.close() timed out').catch(() => {});
    killGroup(codeServer, 'SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The `_doActivateExtension` lines of the Node extension host logs of the code-server sessions not among `earlier`. */
function nodeHostActivations(logsDir, earlier) {
  const lines = [];
  for (const session of readdirSync(logsDir).filter((name) => !earlier.has(name))) {
    const folder = join(logsDir, session);
    for (const host of readdirSync(folder).filter((name) => name.startsWith('exthost'))) {
      const path = join(folder, host, 'remoteexthost.log');
      if (existsSync(path))
        lines.push(
          ...readFileSync(path, 'utf8')
            .split('\n')
            .filter((line) => line.includes('_doActivateExtension')),
        );
    }
  }
  return lines;
}

let options;
try {
  options = readOptions(process.argv.slice(2));
} catch (error) {
  log(error.message);
  process.exit(2);
}
mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
setTimeout(() => {
  log(`did not finish within ${DEADLINE_MS / 1000}s`);
  process.exit(2);
}, DEADLINE_MS).unref();
try {
  await main(options);
  log('the packaged extension installs and serves a plan');
  process.exit(0);
} catch (error) {
  log(`${error instanceof CheckFailed ? 'FAILED' : 'error'}: ${error.message}`);
  process.exit(error instanceof CheckFailed ? 1 : 2);
}
