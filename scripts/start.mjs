#!/usr/bin/env node
// `npm start`: builds the extension and opens the example plans in a real VS Code with the
// extension loaded. Desktop VS Code when `code` is on the PATH; otherwise a local code-server
// (installed into .cache/ on first use) on 127.0.0.1, whose URL is printed — open it in a
// browser on this machine: the workbench opens with q3-acquisition.plan.yaml in an editor.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { killGroup, spawnCodeServer } from './e2e/codeServerProcess.mjs';
import { ensureCodeServer } from './e2e/install-code-server.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(repoRoot, 'examples');
const plan = join(examples, 'clean', 'q3-acquisition.plan.yaml');
// The mid-flight plan (phasing, actuals inline and in q3.actuals.csv) opens beside the clean one.
const midflight = join(examples, 'midflight', 'q3-midflight.plan.yaml');

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const hasCode = spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
if (hasCode && process.env.THROUGHLINE_START !== 'code-server') {
  console.log('Opening the example plans in VS Code with the extension under development…');
  spawn('code', ['--new-window', `--extensionDevelopmentPath=${repoRoot}`, examples, plan, midflight], { stdio: 'inherit', detached: true }).unref();
  process.exit(0);
}

function freePort(preferred) {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once('error', () => {
      const fallback = createServer();
      fallback.listen(0, '127.0.0.1', () => {
        const { port } = fallback.address();
        fallback.close(() => resolvePort(port));
      });
    });
    server.listen(preferred, '127.0.0.1', () => server.close(() => resolvePort(preferred)));
  });
}

ensureCodeServer();
const port = await freePort(Number(process.env.PORT ?? 8080));
const state = join(repoRoot, '.cache', 'start');
mkdirSync(join(state, 'user-data', 'User'), { recursive: true });
mkdirSync(join(state, 'extensions'), { recursive: true });
writeFileSync(
  join(state, 'user-data', 'User', 'settings.json'),
  JSON.stringify(
    {
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      // The repository is a git repository above examples/: no prompt to open it.
      'git.openRepositoryInParentFolders': 'never',
    },
    null,
    2,
  ),
);

// The URL opens one file; the extension host (which inherits code-server's environment) runs the
// extension from source, and the extension opens this one beside it.
const env = { ...process.env, THROUGHLINE_OPEN_BESIDE: midflight };
const child = spawnCodeServer({ port, userData: join(state, 'user-data'), extensionsDir: join(state, 'extensions'), folder: examples, cwd: repoRoot, env });
child.stderr.pipe(process.stderr);

// The web workbench reads `openFile` from the payload as the desktop reads a file argument.
const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
const payload = encodeURIComponent(
  JSON.stringify([
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['openFile', remote(plan)],
  ]),
);
const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(examples)}&payload=${payload}`;
let announced = false;
child.stdout.on('data', (chunk) => {
  if (!announced && /HTTP server listening/.test(String(chunk))) {
    announced = true;
    console.log(
      `\nThroughline is running in VS Code (code-server ${port}).\nOpen this URL in a browser on this machine; it opens clean/q3-acquisition.plan.yaml and, beside it,\nmidflight/q3-midflight.plan.yaml (after launch: actuals, pacing; the timeline: "Throughline: Open Timeline Preview to the Side" or the editor's preview button):\n\n  ${url}\n\nCtrl-C stops it.`,
    );
  }
});
// code-server leads its own process group: stopping the group also stops its extension host
// and the language server.
const stop = () => killGroup(child, 'SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('exit', () => killGroup(child, 'SIGKILL'));
child.on('exit', (code) => process.exit(code ?? 0));
