// `throughline diff` as a child process: two files, or the plans under paths against a git ref
// in a real temporary repository (a changed, an added and a deleted plan), every format, and
// the errors a user can make. git runs with an argument array: a ref full of shell syntax is
// only ever a ref that does not exist.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertNoStackTrace, buildCli, cleanPlan, cleanPlanWith, makeTree, oneErrorPlan, removeTree, runCli } from './support.js';

const movedPlan = cleanPlanWith('    start: 2026-07-01\n    end: 2026-09-30', '    start: 2026-07-08\n    end: 2026-09-30');
let tree: string;

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: tree, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_SYSTEM: '/dev/null' } });
}

before(async () => {
  await buildCli();
  tree = makeTree({
    'plans/q3.plan.yaml': cleanPlan,
    'plans/old.plan.yaml': oneErrorPlan,
    'plans/notes.txt': 'not a plan',
    'files/before.plan.yaml': cleanPlan,
    'files/after.plan.yaml': movedPlan,
    'files/broken.plan.yaml': cleanPlan.replace(/^budget:.*$/m, 'budget: { total: 270000'),
  });
  git('init', '-q', '-b', 'main');
  git('-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'add', '.');
  git('-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'commit', '-q', '-m', 'base');
  // The work tree after the change: q3 moved, old deleted, new added.
  writeFileSync(join(tree, 'plans', 'q3.plan.yaml'), movedPlan);
  rmSync(join(tree, 'plans', 'old.plan.yaml'));
  writeFileSync(join(tree, 'plans', 'new.plan.yaml'), cleanPlan);
});
after(() => removeTree(tree));

describe('throughline diff <old> <new>', () => {
  it('md: a heading per plan, one summary line, the details folded', () => {
    const { code, stdout, stderr } = runCli(['diff', 'files/before.plan.yaml', 'files/after.plan.yaml'], tree);
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    assert.match(stdout, /^### `files\/after\.plan\.yaml` · Q3 new-customer acquisition\n\n1 channel moved · /);
    assert.match(stdout, /<details><summary>Details<\/summary>[\s\S]*- `paid-search`: starts 7 days later[\s\S]*<\/details>/);
  });

  it('json: { base, plans: [PlanDiff] }', () => {
    const { code, stdout } = runCli(['diff', 'files/before.plan.yaml', 'files/after.plan.yaml', '--format', 'json'], tree);
    assert.equal(code, 0);
    const parsed = JSON.parse(stdout) as { base: null; plans: { status: string; channels: { changed: { id: string; moved?: { startDays: number } }[] } }[] };
    assert.equal(parsed.base, null);
    assert.equal(parsed.plans[0]!.status, 'changed');
    assert.deepEqual(
      parsed.plans[0]!.channels.changed.map((channel) => [channel.id, channel.moved?.startDays]),
      [['paid-search', 7]],
    );
  });

  it('svg and html from the output file name: the new timeline over outlines of the old bars', () => {
    assert.equal(runCli(['diff', 'files/before.plan.yaml', 'files/after.plan.yaml', '-o', 'diff.svg'], tree).stderr, 'Wrote diff.svg (1 plan compared).\n');
    const svg = readFileSync(join(tree, 'diff.svg'), 'utf8');
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal((svg.match(/<g class="ghost[^"]*" data-ghost=/g) ?? []).length, 4, 'one outline per old bar');
    assert.equal((svg.match(/<g class="ghost moved" data-ghost="paid-search"/g) ?? []).length, 1);
    assert.equal(runCli(['diff', 'files/before.plan.yaml', 'files/after.plan.yaml', '-o', 'diff.html'], tree).code, 0);
    assert.match(readFileSync(join(tree, 'diff.html'), 'utf8'), /<h2>What changed against files\/before\.plan\.yaml<\/h2>/);
  });

  it('a version that does not parse is a clear message, exit 0', () => {
    const { code, stdout, stderr } = runCli(['diff', 'files/before.plan.yaml', 'files/broken.plan.yaml'], tree);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /> \*\*The new version does not parse\*\* \(line \d+: /);
    assertNoStackTrace(stdout + stderr);
  });
});

describe('throughline diff --base <ref>', () => {
  it('compares every plan under the paths with the ref: changed, added (not in the ref) and removed (deleted since)', () => {
    const { code, stdout, stderr } = runCli(['diff', '--base', 'main', '--format', 'json', 'plans'], tree);
    assert.equal(code, 0, stderr);
    const parsed = JSON.parse(stdout) as { base: string; plans: { status: string; before: { path: string } | null; after: { path: string } | null }[] };
    assert.equal(parsed.base, 'main');
    assert.deepEqual(
      parsed.plans.map((plan) => `${plan.before?.path ?? plan.after?.path} ${plan.status}`),
      ['plans/new.plan.yaml added', 'plans/old.plan.yaml removed', 'plans/q3.plan.yaml changed'],
    );
  });

  it('md over the whole repository from a subfolder; unchanged plans are only counted', () => {
    const { code, stdout } = runCli(['diff', '--base', 'HEAD'], join(tree, 'files'));
    assert.equal(code, 0);
    assert.match(stdout, /^No plan changed: 3 plans\.\n$/);
    const all = runCli(['diff', '--base', 'HEAD', '.'], tree);
    assert.match(all.stdout, /### `plans\/new\.plan\.yaml` · Q3 new-customer acquisition\n\nNew plan · 4 channels/);
    assert.match(all.stdout, /### `plans\/old\.plan\.yaml` · Q3 new-customer acquisition\n\nPlan removed · /);
    assert.match(all.stdout, /problems: 0 introduced, 1 fixed/);
    assert.match(all.stdout, /Unchanged: 3 plans\.\n$/);
  });

  it('a deleted plan named by its path is still compared', () => {
    const { code, stdout } = runCli(['diff', '--base', 'main', 'plans/old.plan.yaml'], tree);
    assert.equal(code, 0);
    assert.match(stdout, /Plan removed/);
  });

  it('refs that are not commits, option-like refs and shell syntax are refused in one line; nothing runs', () => {
    const cases: [string, RegExp][] = [
      ['no-such-branch', /`no-such-branch` names no commit here/],
      ['--output=/tmp/x', /`--output=\/tmp\/x` is not a git ref/],
      ['main; touch pwned', /`main; touch pwned` names no commit here/],
      ['$(touch pwned)', /names no commit here/],
    ];
    for (const [ref, message] of cases) {
      const { code, stdout, stderr } = runCli(['diff', `--base=${ref}`, 'plans'], tree);
      assert.equal(code, 2, ref);
      assert.equal(stdout, '');
      assert.match(stderr, message);
      assertNoStackTrace(stderr);
    }
    assert.ok(!existsSync(join(tree, 'pwned')) && !existsSync(join(tree, 'plans', 'pwned')), 'no shell ran');
  });

  it('outside a git repository, --base says so', () => {
    const outside = makeTree({ 'a.plan.yaml': cleanPlan });
    try {
      const { code, stderr } = runCli(['diff', '--base', 'main'], outside);
      assert.equal(code, 2);
      assert.match(stderr, /^throughline: --base needs a git repository, and this folder is not in one\n$/);
    } finally {
      removeTree(outside);
    }
  });
});

describe('throughline diff usage', () => {
  it('usage errors and unreadable plans are one line each, exit 2', () => {
    const cases: [string[], RegExp][] = [
      [['diff', 'files/before.plan.yaml'], /compare what\? Give the old and the new plan file, or --base <git-ref>/],
      [['diff', 'files/before.plan.yaml', 'files/after.plan.yaml', '-f', 'markdown'], /unknown format `markdown`: use md, json, svg or html/],
      [['diff', 'files/missing.plan.yaml', 'files/after.plan.yaml'], /^throughline: files\/missing\.plan\.yaml: cannot read: no such file or directory\n$/],
      [['diff', '--base', 'main', '--format', 'svg', 'plans'], /--format svg draws one plan, and 3 were compared: name one plan file\./],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = runCli(args, tree);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message, args.join(' '));
      assertNoStackTrace(stderr);
    }
  });

  it('is listed in throughline --help', () => {
    assert.match(runCli(['--help'], tree).stdout, /^ {2}diff +say what changed between two versions of a plan/m);
    assert.match(runCli(['diff', '--help'], tree).stdout, /throughline diff --base <git-ref> \[paths…\]/);
  });
});
