// Entry point of the end-to-end suite: VS Code's extension host loads the bundle of this file
// (out/e2e/suite.js, through the loader out/e2e/index.js given as extensionTestsPath, which
// turns on source maps first) and calls run(). It runs under both runners:
// scripts/e2e/run-code-server.mjs (code-server + headless Chromium) and
// scripts/e2e/run-test-electron.mjs (@vscode/test-electron). run() rejecting is how the
// runner learns that the suite failed.
import Mocha from 'mocha';
import { requestScreenshot, requestedScreenshots } from './runnerHooks';
import { runTests } from './runTests';

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    color: false, // the report is relayed line by line to the runner's stdout / CI log
    timeout: Number(process.env.THROUGHLINE_E2E_TEST_TIMEOUT_MS ?? 60_000),
    slow: 5_000,
  });
  const grep = process.env.THROUGHLINE_E2E_GREP;
  if (grep) mocha.grep(grep);

  // The runner photographs the workbench once the tests are done, while the extension host (and
  // so the plan's diagnostics and the preview webview) is still alive, unless a test
  // (workbench.e2e.ts, which sets up the scene) already asked for it. A no-op outside code-server.
  await runTests(mocha, async () => {
    if (!requestedScreenshots.has('workbench')) await requestScreenshot('workbench');
  });
}
