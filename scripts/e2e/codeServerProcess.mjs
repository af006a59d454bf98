// What run-code-server.mjs (the suite) and check-vsix.mjs (the packaged extension) share:
// a code-server on a free loopback port in its own process group, waited for on /healthz,
// and headless Debian Chromium to drive its workbench.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { codeServerEntry } from './install-code-server.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Chromium flags for this closed network: no background connections that would be refused. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Rejects after `ms` with `message`; the timer is cleared when `promise` settles. */
export function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]);
}

/**
 * Starts code-server on 127.0.0.1:`port` with no auth, no telemetry or update checks, the
 * given user-data and extensions folders, opening `folder`. The child leads its own process
 * group: kill it with killGroup(), which also reaches the extension host and language server.
 */
export function spawnCodeServer({ port, userData, extensionsDir, folder, cwd, env = process.env }) {
  return spawn(
    process.execPath,
    [
      codeServerEntry(),
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir',
      userData,
      '--extensions-dir',
      extensionsDir,
      folder,
    ],
    { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/** Signals code-server's whole process group (the group outlives a leader that died first). */
export function killGroup(child, signal) {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

/**
 * Resolves 'ready' once code-server answers on /healthz, or a description of its exit if it
 * exits first; rejects after `ms`.
 */
export function waitUntilUp(child, port, ms) {
  let settled = false;
  const exited = new Promise((r) => child.once('exit', (code, signal) => r(`exited (code ${code}, signal ${signal})`)));
  const ready = (async () => {
    while (!settled) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) });
        if (response.ok) return 'ready';
      } catch {
        /* not yet */
      }
      await sleep(200);
    }
  })();
  return withTimeout(Promise.race([ready, exited]), ms, `code-server did not answer on /healthz within ${Math.round(ms / 1000)} s`).finally(() => {
    settled = true;
  });
}

/** Headless Chromium through playwright-core. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}
