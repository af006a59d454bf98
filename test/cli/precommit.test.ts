// The pre-commit hook (.pre-commit-hooks.yaml) through the real pre-commit framework (Debian's
// `pre-commit`): a plans repository installs the hook from a git copy of this checkout (its
// files as they are now, committed in a temporary repository, since pre-commit wants a repo and
// a rev), then a commit with an error in a staged plan is refused and a clean one goes in.
// Nothing is downloaded: the hook runs the committed bundle with the Node.js on the PATH.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { cleanPlan, copyCheckout, oneErrorPlan, oneWarningPlan, repoRoot } from './support.js';

const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const skip = preCommit.status === 0 ? false : 'pre-commit is not installed (npm run setup installs Debian’s pre-commit)';

let root: string;
let hookRepo: string;
let plans: string;
let env: NodeJS.ProcessEnv;

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

function ok(command: string, args: string[], cwd: string): string {
  const result = run(command, args, cwd);
  assert.equal(result.code, 0, `${command} ${args.join(' ')}:\n${result.output}`);
  return result.output;
}

const commit = (message: string) => run('git', ['commit', '-m', message], plans);
const head = () => spawnSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: plans, env, encoding: 'utf8' }).stdout.trim();

before(() => {
  if (skip) return;
  root = mkdtempSync(join(tmpdir(), 'throughline-precommit-'));
  env = {
    ...process.env,
    PRE_COMMIT_HOME: join(root, 'pre-commit-cache'),
    GIT_CONFIG_GLOBAL: join(root, 'gitconfig'),
    GIT_CONFIG_SYSTEM: '/dev/null',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
  };
  writeFileSync(env.GIT_CONFIG_GLOBAL!, '[init]\n\tdefaultBranch = main\n');
  hookRepo = join(root, 'throughline');
  copyCheckout(hookRepo);
  ok('git', ['init', '-q'], hookRepo);
  ok('git', ['add', '-A'], hookRepo);
  ok('git', ['commit', '-q', '-m', 'throughline as it is in the work tree'], hookRepo);
  const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: hookRepo, env, encoding: 'utf8' }).trim();

  plans = join(root, 'plans');
  ok('git', ['init', '-q', plans], root);
  writeFileSync(join(plans, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: throughline\n`);
  ok('pre-commit', ['install'], plans);
});

after(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('pre-commit hook', { skip, timeout: 5 * 60_000 }, () => {
  it('declares a script hook on plan files that runs the committed bundle', () => {
    const [hook] = parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];
    assert.equal(hook?.id, 'throughline');
    assert.equal(hook.language, 'script');
    assert.equal(hook.entry, 'dist/throughline.js check');
    const files = new RegExp(hook.files);
    assert.ok(files.test('plans/q3.plan.yaml') && files.test('q3.plan.yml') && !files.test('plan.yaml') && !files.test('notes.md'));
  });

  it('refuses a commit whose staged plan has an error, and says which', () => {
    writeFileSync(join(plans, 'q3.plan.yaml'), oneErrorPlan);
    ok('git', ['add', 'q3.plan.yaml', '.pre-commit-config.yaml'], plans);
    const { code, output } = commit('a plan with an error');
    assert.notEqual(code, 0, output);
    assert.match(output, /Throughline\.+Failed/);
    assert.match(output, /q3\.plan\.yaml:\d+:\d+ {2}error {2}Channel `paid-search` depends on `content-hbu`.* {2}dependency-unknown/);
    assert.equal(head(), '', 'nothing was committed');
  });

  it('lets the fixed plan in (warnings pass), and skips commits without plans', () => {
    writeFileSync(join(plans, 'q3.plan.yaml'), oneWarningPlan);
    ok('git', ['add', 'q3.plan.yaml'], plans);
    const fixed = commit('the plan, fixed');
    assert.equal(fixed.code, 0, fixed.output);
    assert.match(fixed.output, /Throughline\.+Passed/);
    assert.notEqual(head(), '');

    writeFileSync(join(plans, 'notes.md'), '# notes\n');
    ok('git', ['add', 'notes.md'], plans);
    const other = commit('notes only');
    assert.equal(other.code, 0, other.output);
    assert.match(other.output, /Throughline\.+\(no files to check\)Skipped/);
    // pre-commit cloned the hook repository and set up no language environment (no nodeenv, no npm install).
    const cache = execFileSync('find', [env.PRE_COMMIT_HOME!, '-maxdepth', '2', '-name', '*env*'], { encoding: 'utf8' });
    assert.equal(cache.trim(), '', 'no node environment was made');
  });

  it('checks the staged version, not the work tree', () => {
    writeFileSync(join(plans, 'brand.plan.yaml'), oneErrorPlan);
    ok('git', ['add', 'brand.plan.yaml'], plans);
    writeFileSync(join(plans, 'brand.plan.yaml'), cleanPlan); // fixed on disk, not staged
    const { code, output } = commit('staged error, clean work tree');
    assert.notEqual(code, 0, output);
    assert.match(output, /brand\.plan\.yaml:\d+:\d+ {2}error/);
  });
});
