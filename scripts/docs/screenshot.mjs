#!/usr/bin/env node
// `npm run docs:screenshot`: the README's screenshot, images/workbench.png. It is the scene the
// end-to-end suite's workbench test sets up in a real VS Code (code-server in headless
// Chromium): the plan with problems, its timeline below it and the Problems panel. Only that
// test runs, at a window size the README shows legibly. Builds first (E2E_SKIP_BUILD=1 skips
// `npm run build`). Look at the picture before committing it; keep it under 300 KB.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSuite } from '../e2e/build-suite.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const target = join(repoRoot, 'images', 'workbench.png');
const VIEWPORT = { width: 1600, height: 1180 };

if (process.env.E2E_SKIP_BUILD !== '1') {
  const build = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) process.exit(2);
}
await buildSuite();
process.env.THROUGHLINE_E2E_GREP = 'workbench';
const { runInCodeServer } = await import('../e2e/run-code-server.mjs');
const code = await runInCodeServer({ screenshot: target, viewport: VIEWPORT });
if (code === 0) console.log(`${relative(process.cwd(), target)}: ${Math.round(statSync(target).size / 1024)} KB`);
process.exit(code);
