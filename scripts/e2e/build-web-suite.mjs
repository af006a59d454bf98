#!/usr/bin/env node
// Bundles the web suite for the web worker extension host into out/e2e-web/suite.js (the
// extensionTestsPath): test/e2e-web/suite/index.ts with mocha's browser build, the web-only
// tests (test/e2e-web/suite/*.e2e.ts) and the Node suite's tests that need only the vscode
// API, unchanged. A browser bundle: `vscode` is the one require, `node:assert/strict` is
// test/e2e-web/suite/assert.ts, and THROUGHLINE_E2E_GREP / THROUGHLINE_E2E_TEST_TIMEOUT_MS are
// written in (a web worker has no environment to read them from).
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findTestFiles, repoRoot, suiteDir, testFilesPlugin } from './build-suite.mjs';

export const webSuiteDir = join(repoRoot, 'test', 'e2e-web', 'suite');
export const webSuiteOutDir = join(repoRoot, 'out', 'e2e-web');
/** extensionTestsPath of the web suite. */
export const webSuiteIndex = join(webSuiteOutDir, 'suite.js');

/** The Node suite's test files that run in the web worker host too (the others read files with Node). */
export const SHARED_TESTS = [
  'afterLaunch',
  'completion',
  'diagnostics',
  'libraries',
  'libraryRename',
  'navigation',
  'portfolio',
  'portfolioTimeline',
  'preview',
  'quick-fix',
  'smoke',
];

/** The host checks first, then the shared tests in the Node suite's order, then the other web tests. */
function webTestFiles() {
  const own = findTestFiles(webSuiteDir);
  const first = own.filter((path) => basename(path) === 'host.e2e.ts');
  return [...first, ...SHARED_TESTS.map((name) => join(suiteDir, `${name}.e2e.ts`)), ...own.filter((path) => !first.includes(path))];
}

export async function buildWebSuite() {
  mkdirSync(webSuiteOutDir, { recursive: true });
  await build({
    entryPoints: { suite: join(webSuiteDir, 'index.ts') },
    outdir: webSuiteOutDir,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    alias: { 'node:assert/strict': join(webSuiteDir, 'assert.ts') },
    define: {
      THROUGHLINE_E2E_OPTIONS: JSON.stringify({
        grep: process.env.THROUGHLINE_E2E_GREP ?? '',
        timeout: Number(process.env.THROUGHLINE_E2E_TEST_TIMEOUT_MS ?? 60_000),
      }),
    },
    logLevel: 'warning',
    plugins: [testFilesPlugin(webTestFiles, webSuiteDir)],
  });
  return webSuiteIndex;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildWebSuite();
  process.stdout.write(`${relative(process.cwd(), webSuiteIndex)}\n`);
}
