// Runs every suite in turn and ends with one line CI can read: "N passed, N failed".
// Suites: unit (core), cli, lsp (real server over stdio), render (Chromium),
// robustness (fuzzing through the server), e2e (a real VS Code), e2e-web (the web extension in
// the same VS Code's web worker extension host). A suite whose folder does not exist yet is
// skipped; SKIP_E2E=1 leaves out the slow VS Code suites.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const nodeSuites = ['test/unit', 'test/cli', 'test/lsp', 'test/render', 'test/robustness'];
const suites = [
  { name: 'build', command: ['npm', 'run', '--silent', 'build'], counted: false },
  { name: 'typecheck', command: ['npx', 'tsc', '--noEmit', '-p', '.'], counted: false },
  { name: 'lint', command: ['npm', 'run', '--silent', 'lint'], counted: false },
  ...nodeSuites.filter((dir) => existsSync(dir)).map((dir) => ({ name: dir, command: [process.execPath, 'scripts/run-node-tests.mjs', dir], counted: true })),
];
if (process.env.SKIP_E2E !== '1' && existsSync('scripts/e2e/index.mjs')) {
  suites.push({ name: 'e2e', command: ['npm', 'run', '--silent', 'test:e2e'], counted: true, e2e: true });
  // Built already (by `build` and the e2e suite's own build): the web suite only rebundles its tests.
  if (existsSync('test/e2e-web'))
    suites.push({ name: 'e2e-web', command: ['npm', 'run', '--silent', 'test:e2e-web'], counted: true, e2e: true, env: { E2E_SKIP_BUILD: '1' } });
  // The packaged .vsix installed into code-server serves a plan (rebuilds out/ for production, so last).
  if (existsSync('scripts/e2e/check-vsix.mjs')) suites.push({ name: 'vsix', command: ['npm', 'run', '--silent', 'test:vsix'], counted: false });
}

function run({ command, env }) {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      output += chunk;
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Node's spec reporter ends with "ℹ pass N" / "ℹ fail N"; mocha with "N passing" / "N failing". */
function counts(output) {
  const last = (pattern) => {
    const all = [...output.matchAll(pattern)];
    return all.length ? Number(all[all.length - 1][1]) : undefined;
  };
  return {
    passed: last(/^\S*\s*pass (\d+)\s*$/gm) ?? last(/(\d+) passing/g) ?? 0,
    failed: last(/^\S*\s*fail (\d+)\s*$/gm) ?? last(/(\d+) failing/g) ?? 0,
  };
}

let passed = 0;
let failed = 0;
const summary = [];
for (const suite of suites) {
  console.log(`\n=== ${suite.name} ===`);
  const { code, output } = await run(suite);
  if (suite.counted) {
    const c = counts(output);
    // A suite that crashed before reporting counts as one failure.
    if (code !== 0 && c.failed === 0) c.failed = 1;
    passed += c.passed;
    failed += c.failed;
    summary.push(`${suite.name}: ${c.passed} passed, ${c.failed} failed${code === 0 ? '' : ` (exit ${code})`}`);
  } else {
    if (code !== 0) failed += 1;
    summary.push(`${suite.name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`}`);
  }
}
console.log('\n=== summary ===');
for (const line of summary) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
