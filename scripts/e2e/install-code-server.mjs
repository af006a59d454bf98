#!/usr/bin/env node
// Installs code-server (a real VS Code 1.100 server + web workbench) into a cached folder,
// the way @vscode/test-electron caches its VS Code download. Follows
// ../shared/recipes/vscode-in-code-server.md step by step: npm install --ignore-scripts,
// native addons rebuilt explicitly, ripgrep taken from Debian instead of downloaded.
//
// Idempotent: a marker file written at the very end makes later runs return at once.
// The work happens in a "<dir>.partial" folder that is renamed into place only when
// complete, so an interrupted install never looks finished.
//
//   node scripts/e2e/install-code-server.mjs          install if needed, print the folder
//   node scripts/e2e/install-code-server.mjs --force  reinstall
//
// Environment: THROUGHLINE_CODE_SERVER_CACHE overrides the cache root (default
// <repo>/.cache/code-server).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync, copyFileSync, chmodSync, lstatSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cacheRoot = resolve(process.env.THROUGHLINE_CODE_SERVER_CACHE || join(repoRoot, '.cache', 'code-server'));
const MARKER = '.throughline-installed.json';
const STEP_TIMEOUT_MS = 15 * 60 * 1000;

/** Folder holding node_modules/code-server for the pinned version. */
export function codeServerDir() {
  return join(cacheRoot, CODE_SERVER_VERSION);
}

/** Path of code-server's Node entry point (run it with `node`). */
export function codeServerEntry() {
  return join(codeServerDir(), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

export function isInstalled() {
  const marker = join(codeServerDir(), MARKER);
  if (!existsSync(marker) || !existsSync(codeServerEntry())) return false;
  try {
    return JSON.parse(readFileSync(marker, 'utf8')).version === CODE_SERVER_VERSION;
  } catch {
    return false;
  }
}

// The environment for child npm processes: when this script runs under `npm run`, npm
// exports npm_config_* / npm_package_* variables that point at the repo (local prefix,
// package.json …). Drop them so every npm below works only on its own folder.
// node-gyp builds the addons against the running Node's own headers when they are installed
// beside it (Debian/NodeSource and the official tarballs ship include/node): without a
// nodedir it would download them, which fails offline.
function cleanEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key)) continue;
    env[key] = value;
  }
  const prefix = dirname(dirname(process.execPath));
  if (existsSync(join(prefix, 'include', 'node', 'common.gypi'))) env.npm_config_nodedir = prefix;
  return env;
}

function log(message) {
  process.stderr.write(`[e2e:install] ${message}\n`);
}

// Runs one step. With `logFile`, its output goes there instead of the terminal (for a step
// whose failure is expected and whose output is pages of noise).
function run(command, args, cwd, { allowFailure = false, logFile } = {}) {
  log(`$ (cd ${cwd} && ${command} ${args.join(' ')})`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, env: cleanEnv(), stdio: logFile ? 'pipe' : 'inherit', timeout: STEP_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
  if (logFile) writeFileSync(logFile, `${result.stdout ?? ''}${result.stderr ?? ''}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : `exit code ${result.status}${result.signal ? ` (signal ${result.signal})` : ''}`;
    if (allowFailure) {
      log(`  failed after ${seconds}s (${why}), allowed${logFile ? `; output in ${logFile}` : ''}`);
      return false;
    }
    throw new Error(`\`${command} ${args.join(' ')}\` in ${cwd} failed: ${why}${logFile ? `; output in ${logFile}` : ''}`);
  }
  log(`  ok (${seconds}s)`);
  return true;
}

function checkPrerequisites() {
  const problems = [];
  if (!existsSync('/usr/bin/rg')) problems.push('/usr/bin/rg is missing (Debian package `ripgrep`)');
  if (!existsSync('/usr/include/gssapi/gssapi.h') && !existsSync('/usr/include/gssapi.h')) {
    problems.push('Kerberos headers are missing (Debian package `libkrb5-dev`, needed to build the `kerberos` addon)');
  }
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) problems.push(`code-server ${CODE_SERVER_VERSION} is built for Node 20; this is Node ${process.versions.node}`);
  if (problems.length) {
    throw new Error(
      `prerequisites missing:\n  - ${problems.join('\n  - ')}\n` +
        '  Install them with: apt-get update && apt-get install -y chromium ripgrep libkrb5-dev build-essential python3',
    );
  }
}

function installInto(dir) {
  // A package.json of its own, so npm treats this folder as the project and never walks up
  // to the repository's package.json.
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'throughline-code-server-cache', private: true, description: 'Cached code-server for Throughline end-to-end tests' }, null, 2) +
      '\n',
  );

  // Step 2: code-server itself, without its postinstall (refuses root; downloads ripgrep).
  run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], dir);

  // Step 3: its postinstall, by hand.
  run('npm', ['rebuild', 'argon2'], dir);

  const vscodeDir = join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
  if (!existsSync(join(vscodeDir, 'package.json'))) throw new Error(`unexpected layout: ${vscodeDir}/package.json not found`);
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], vscodeDir);
  // One package at a time, so a failing post-build step of one (node-pty's) does not hide the others.
  // node-pty's own post-install step runs `npx node-gyp …` to write compile_commands.json and
  // fails here (npx will not fetch node-gyp unprompted) after the addon is built; the addon
  // is what matters, and it is checked below.
  for (const pkg of ['kerberos', '@vscode/spdlog', 'native-watchdog', 'node-pty', '@vscode/deviceid']) {
    const isPty = pkg === 'node-pty';
    const ok = run('npm', ['rebuild', pkg], vscodeDir, { allowFailure: isPty, logFile: isPty ? join(dir, 'node-pty-rebuild.log') : undefined });
    if (!ok && !existsSync(join(vscodeDir, 'node_modules', 'node-pty', 'build', 'Release', 'pty.node'))) {
      throw new Error(`node-pty: the native addon (build/Release/pty.node) was not built; see ${join(dir, 'node-pty-rebuild.log')}`);
    }
  }

  // Ripgrep from Debian (the npm package would download it from GitHub).
  const rgDir = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgDir, { recursive: true });
  copyFileSync('/usr/bin/rg', join(rgDir, 'rg'));
  chmodSync(join(rgDir, 'rg'), 0o755);
  log(`copied /usr/bin/rg to ${rgDir}/rg`);

  const asar = join(vscodeDir, 'node_modules.asar');
  try {
    if (lstatSync(asar)) rmSync(asar, { force: true, recursive: true });
  } catch {
    /* absent */
  }
  symlinkSync('node_modules', asar);
  log('linked node_modules.asar -> node_modules');

  run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund'], join(vscodeDir, 'extensions'));

  // Sanity checks: the addons code-server and the server load at start.
  const addons = [
    join(dir, 'node_modules', 'argon2', 'lib', 'binding'),
    join(vscodeDir, 'node_modules', '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node'),
    join(vscodeDir, 'node_modules', 'native-watchdog', 'build', 'Release', 'watchdog.node'),
    join(vscodeDir, 'node_modules', 'node-pty', 'build', 'Release', 'pty.node'),
    join(vscodeDir, 'node_modules', 'kerberos', 'build', 'Release', 'kerberos.node'),
  ];
  const missing = addons.filter((p) => !existsSync(p));
  if (missing.length) throw new Error(`native addons missing after rebuild:\n  ${missing.join('\n  ')}`);
}

let reportedInstalled = false;

/** Installs code-server when it is not installed yet; returns its folder. */
export function ensureCodeServer({ force = false } = {}) {
  const dir = codeServerDir();
  if (!force && isInstalled()) {
    if (!reportedInstalled) log(`code-server ${CODE_SERVER_VERSION} already installed in ${relative(process.cwd(), dir) || '.'}`);
    reportedInstalled = true;
    return dir;
  }
  checkPrerequisites();
  const release = acquireLock(`${dir}.lock`);
  try {
    // Another process may have finished the install while this one waited for the lock.
    if (!force && isInstalled()) return dir;
    install(dir);
  } finally {
    release();
  }
  return dir;
}

function install(dir) {
  const started = Date.now();
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  log(`installing code-server ${CODE_SERVER_VERSION} into ${partial}`);
  installInto(partial);
  const seconds = Math.round((Date.now() - started) / 1000);
  writeFileSync(
    join(partial, MARKER),
    JSON.stringify({ version: CODE_SERVER_VERSION, node: process.versions.node, installedAt: new Date().toISOString(), seconds }, null, 2) + '\n',
  );
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  log(`code-server ${CODE_SERVER_VERSION} installed in ${dir} (${seconds}s)`);
}

const sleepSync = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

// One installer at a time (several engineers and runs share the working tree): a lock folder
// holding the owner's pid; a lock whose owner is gone is taken over.
function acquireLock(lock) {
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return () => rmSync(lock, { recursive: true, force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    let owner = NaN;
    try {
      owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    } catch {
      /* being written */
    }
    if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) {
      log(`removing the stale lock of process ${owner}`);
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock} (held by process ${owner})`);
    if (!announced) log(`waiting for another install (process ${owner}) to finish`);
    announced = true;
    sleepSync(1000);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const dir = ensureCodeServer({ force: process.argv.includes('--force') });
    process.stdout.write(`${dir}\n`);
  } catch (error) {
    log(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
