// The GitHub Action as the runner runs it: `node action/index.js` (action.yml's `main`) with
// every input as an INPUT_* variable (defaults from action.yml), GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY pointing at temporary files, and, for a pull request, the event payload
// naming the base commit of a real temporary git repository. Also: the committed bundle it
// runs, dist/throughline.js, is the bundle of the current sources.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { DIST_FILE, distBuildOptions } from '../../scripts/distBundle.mjs';
import { sarifSchemaErrors } from './sarifSchema.js';
import { cleanPlan, cleanPlanWith, makeTree, oneErrorPlan, oneWarningPlan, removeTree, repoRoot } from './support.js';

interface ActionManifest {
  runs: { using: string; main: string };
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { description: string }>;
}
const manifest = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as ActionManifest;

let repo: string;
let baseSha: string;

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_SYSTEM: '/dev/null' },
  }).trim();
}

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Runs the action's entry as the runner does: every input set, its default when not given. */
function runAction(inputs: Record<string, string>, github: Record<string, string> = {}): ActionRun {
  const files = makeTree({ output: '', summary: '' });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: repo,
    GITHUB_OUTPUT: join(files, 'output'),
    GITHUB_STEP_SUMMARY: join(files, 'summary'),
    GITHUB_EVENT_NAME: 'push',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_SYSTEM: '/dev/null',
    ...github,
  };
  for (const [name, spec] of Object.entries(manifest.inputs)) env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? spec.default ?? '';
  const result = spawnSync(process.execPath, [join(repoRoot, manifest.runs.main)], { cwd: repo, env, encoding: 'utf8', timeout: 60_000 });
  const outputs = Object.fromEntries(
    readFileSync(join(files, 'output'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
  );
  const summary = readFileSync(join(files, 'summary'), 'utf8');
  removeTree(files);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, outputs, summary };
}

before(() => {
  repo = makeTree({ 'plans/q3.plan.yaml': cleanPlan, 'plans/brand.plan.yaml': cleanPlan, 'README.md': 'plans\n' });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  baseSha = git('rev-parse', 'HEAD');
  // The pull request: q3 gets an error and moves a channel, brand gets a warning, a plan is added.
  git('checkout', '-q', '-b', 'feature');
  writeFileSync(join(repo, 'plans', 'q3.plan.yaml'), oneErrorPlan.replace('    start: 2026-07-01', '    start: 2026-07-08'));
  writeFileSync(join(repo, 'plans', 'brand.plan.yaml'), oneWarningPlan);
  writeFileSync(join(repo, 'plans', 'new.plan.yaml'), cleanPlanWith('plan: Q3 new-customer acquisition', 'plan: Q4 retention'));
  git('add', '.');
  git('commit', '-q', '-m', 'change the plans');
});
after(() => removeTree(repo));

describe('action.yml', () => {
  it('runs on Node 20 from a committed file and declares the inputs the entry reads and the outputs it sets', () => {
    assert.equal(manifest.runs.using, 'node20');
    assert.equal(manifest.runs.main, 'action/index.js');
    const source = readFileSync(join(repoRoot, 'server', 'src', 'cli', 'action', 'actionCommand.ts'), 'utf8');
    const read = new Set([...source.matchAll(/(?:input|listInput|booleanInput)\(env, '([a-z-]+)'/g)].map((match) => match[1]!));
    assert.deepEqual([...read].sort(), Object.keys(manifest.inputs).sort(), 'every input is read, every read input is declared');
    for (const required of ['paths', 'format', 'max-warnings', 'config', 'sarif-file', 'base']) assert.ok(manifest.inputs[required], required);
    assert.deepEqual(Object.keys(manifest.outputs).sort(), ['errors', 'sarif-file', 'warnings']);
  });

  it('runs dist/throughline.js: executable, and the bundle of the current sources (npm run build rewrites it)', async () => {
    const dist = join(repoRoot, DIST_FILE);
    assert.ok(statSync(dist).mode & 0o111, `${DIST_FILE} is executable (pre-commit runs it as a script)`);
    const { outputFiles } = await build({ ...distBuildOptions, absWorkingDir: repoRoot, write: false });
    const fresh = outputFiles![0]!.text;
    assert.ok(fresh === readFileSync(dist, 'utf8'), `${DIST_FILE} is stale: run \`npm run build\` and commit ${DIST_FILE} with your change`);
    // In CI the build has just rewritten it: what must match is the committed file.
    if (process.env.CI) {
      const committed = execFileSync('git', ['show', `HEAD:${DIST_FILE}`], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 << 20 });
      assert.ok(committed === fresh, `the committed ${DIST_FILE} is stale: run \`npm run build\` and commit it`);
    }
  });
});

describe('the action on a pull request', () => {
  let run: ActionRun;
  before(() => {
    const event = makeTree({ 'event.json': JSON.stringify({ pull_request: { base: { sha: baseSha, ref: 'main' }, head: { ref: 'feature' } } }) });
    run = runAction(
      { paths: 'plans', 'sarif-file': 'reports/throughline.sarif' },
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(event, 'event.json'), GITHUB_BASE_REF: 'main' },
    );
    removeTree(event);
  });

  it('fails the step on an error, as throughline check does', () => {
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stderr, '');
  });

  it('writes a valid SARIF file whose rule links go to the published pages', () => {
    const log = JSON.parse(readFileSync(join(repo, 'reports', 'throughline.sarif'), 'utf8')) as {
      runs: {
        tool: { driver: { rules: { helpUri: string }[] } };
        results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
      }[];
    };
    assert.deepEqual(sarifSchemaErrors(log), []);
    assert.ok(
      log.runs[0]!.tool.driver.rules.every((rule) => rule.helpUri.startsWith('https://github.com/throughline-plans/throughline/blob/main/docs/rules/')),
    );
    assert.deepEqual(log.runs[0]!.results.map((result) => `${result.locations[0]!.physicalLocation.artifactLocation.uri} ${result.ruleId}`).sort(), [
      'plans/brand.plan.yaml proposition-missing',
      'plans/q3.plan.yaml dependency-unknown',
      'plans/q3.plan.yaml dependency-violated',
    ]);
  });

  it('sets the outputs errors, warnings and sarif-file', () => {
    assert.deepEqual(run.outputs, { errors: '2', warnings: '1', 'sarif-file': 'reports/throughline.sarif' });
  });

  it('prints the text report and annotates each problem at its place', () => {
    assert.match(run.stdout, /^✖ 2 errors, 1 warning in 2 files of 3 checked$/m);
    assert.match(
      run.stdout,
      /^::error file=plans\/q3\.plan\.yaml,line=57,col=9,endLine=57,endColumn=20,title=Throughline%3A dependency-unknown::Channel `paid-search` depends on `content-hbu`/m,
    );
    assert.match(run.stdout, /^::warning file=plans\/brand\.plan\.yaml,line=\d+,.*title=Throughline%3A proposition-missing::/m);
  });

  it('writes a job summary: problems by file, then what the pull request changed in each plan', () => {
    const { summary } = run;
    assert.match(summary, /^## Throughline\n\n✖ 2 errors, 1 warning in 2 plans of 3 checked\.\n/);
    assert.match(summary, /^\| `plans\/q3\.plan\.yaml` \| 2 \| 0 \| 0 \|$/m);
    assert.match(summary, /^\| `plans\/brand\.plan\.yaml` \| 0 \| 1 \| 0 \|$/m);
    assert.match(summary, /<details><summary>plans\/q3\.plan\.yaml \(2 problems\)<\/summary>\n\n- ✖ line 57: Channel \\`paid-search\\` depends on/);
    assert.match(summary, /^## Plan changes since `main`$/m);
    assert.match(summary, /^### `plans\/new\.plan\.yaml` · Q4 retention\n\nNew plan · 4 channels/m);
    assert.match(
      summary,
      /^### `plans\/q3\.plan\.yaml` · Q3 new-customer acquisition\n\n1 channel moved · 1 channel changed · problems: 2 introduced, 0 fixed/m,
    );
    assert.match(summary, /- `paid-search`: starts 7 days later/);
  });
});

describe('the action on a push', () => {
  it('clean plans: exit 0, a short summary without plan changes, errors=0', () => {
    git('checkout', '-q', 'main');
    try {
      const run = runAction({ paths: 'plans' });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.match(run.summary, /^## Throughline\n\n✔ No problems in 2 plans\.\n/);
      assert.doesNotMatch(run.summary, /Plan changes/);
      assert.equal(run.outputs.errors, '0');
      assert.doesNotMatch(run.stdout, /^::(error|warning)/m);
    } finally {
      git('checkout', '-q', 'feature');
    }
  });

  it('max-warnings 0 fails on a warning; format json prints the JSON report; annotations false prints none', () => {
    const run = runAction({ paths: 'plans/brand.plan.yaml', 'max-warnings': '0', format: 'json', annotations: 'false' });
    assert.equal(run.code, 1);
    assert.deepEqual(
      (JSON.parse(run.stdout) as { rule: string }[]).map((finding) => finding.rule),
      ['proposition-missing'],
    );
    assert.equal(run.outputs.warnings, '1');
  });

  it('a base the checkout does not have is a note in the summary, not a failure; a bad input is a clear error', () => {
    const missing = runAction({ paths: 'plans/brand.plan.yaml', base: 'no-such-branch' });
    assert.equal(missing.code, 0);
    assert.match(missing.summary, /The base `no-such-branch` is not in this checkout, so the plan changes are not shown\. Check out with `fetch-depth: 0`\./);
    const bad = runAction({ annotations: 'maybe' });
    assert.equal(bad.code, 2);
    assert.match(bad.stdout, /^::error::input `annotations` must be true or false, not `maybe`$/m);
    const missingPath = runAction({ paths: 'nowhere' });
    assert.equal(missingPath.code, 2);
    assert.match(missingPath.stdout, /^::warning::throughline: nowhere: no such file or directory$/m);
  });
});
