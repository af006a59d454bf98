// Entry point of the web suite: the web worker extension host of code-server's workbench
// loads this bundle (out/e2e-web/suite.js, scripts/e2e/build-web-suite.mjs) as
// extensionTestsPath and calls run(). There is no Node here: mocha is its browser build, the
// test files are listed at bundle time, and what the runner passes through the environment
// for the Node suite (grep, timeout) is written into the bundle. run() rejecting is how the
// runner learns that the suite failed.
import 'mocha/mocha.js';
import { runTests } from '../../e2e/suite/runTests';
import { requestScreenshot, requestedScreenshots } from './runnerHooks';

declare const THROUGHLINE_E2E_OPTIONS: { grep: string; timeout: number };

export async function run(): Promise<void> {
  mocha.setup({
    ui: 'tdd',
    reporter: 'spec',
    color: false, // the report is relayed line by line to the runner's stdout / CI log
    timeout: THROUGHLINE_E2E_OPTIONS.timeout,
    slow: 5_000,
  });
  if (THROUGHLINE_E2E_OPTIONS.grep) mocha.grep(THROUGHLINE_E2E_OPTIONS.grep);

  // The runner photographs the workbench once the tests are done, while the extension host is alive.
  await runTests(
    mocha,
    async () => {
      if (!requestedScreenshots.has('workbench')) await requestScreenshot('workbench');
    },
    'web end-to-end',
  );
}
