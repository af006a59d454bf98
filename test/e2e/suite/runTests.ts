// What both suites' run() do with mocha (the Node one's and the web one's, test/e2e-web):
// load each test file between mocha's pre-require and post-require events, as mocha's own
// loader does (the files are listed at bundle time: no globbing or dynamic require inside the
// extension host), run them, let the runner photograph the workbench, and reject on failure.
import testFiles from 'throughline-e2e:test-files';

export async function runTests(mocha: Mocha, beforeExit: () => Promise<unknown>, what = 'end-to-end'): Promise<void> {
  for (const { file, load } of testFiles) {
    mocha.suite.emit('pre-require', globalThis as unknown as Mocha.MochaGlobals, file, mocha);
    load();
    mocha.suite.emit('post-require', globalThis as unknown as Mocha.MochaGlobals, file, mocha);
  }

  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  await beforeExit();
  if (failures > 0) throw new Error(`${failures} ${what} test${failures === 1 ? '' : 's'} failed`);
}
