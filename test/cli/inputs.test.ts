import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it, type TestContext } from 'node:test';
import {
  assertNoStackTrace,
  buildCli,
  cleanPlan,
  diagnosticLines,
  makeTree,
  oneErrorPlan,
  removeTree,
  runCli,
  summaryLine,
  unprivilegedUser,
} from './support.js';

before(buildCli);

const trees: string[] = [];
function tree(files: Record<string, string | Buffer>): string {
  const root = makeTree(files);
  trees.push(root);
  return root;
}
after(() => trees.forEach(removeTree));

/** Checks one bad path: exit 2, exactly one clear stderr line, no stack trace. */
function oneLineInputError(root: string, args: string[], expectedLine: RegExp, uid?: number): { stdout: string } {
  const { code, stdout, stderr } = runCli(['check', ...args], root, { uid });
  assertNoStackTrace(stderr + stdout);
  assert.equal(code, 2, `exit code for ${args.join(' ')}`);
  const lines = stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, stderr);
  assert.match(lines[0]!, expectedLine);
  return { stdout };
}

describe('file discovery', () => {
  it('finds *.plan.yaml and *.plan.yml recursively from `.` by default, not in node_modules or .git, and ignores other files', () => {
    const root = tree({
      'a.plan.yaml': oneErrorPlan,
      'nested/deeper/b.plan.yml': oneErrorPlan,
      'notes.yaml': 'not: a plan\n',
      'README.md': '# readme\n',
      'node_modules/pkg/c.plan.yaml': oneErrorPlan,
      '.git/d.plan.yaml': oneErrorPlan,
    });
    const { code, stdout, stderr } = runCli(['check'], root);
    assert.equal(stderr, '');
    assert.deepEqual([...new Set(diagnosticLines(stdout).map((line) => line.file))], ['a.plan.yaml', 'nested/deeper/b.plan.yml']);
    assert.equal(code, 1);
  });

  it('takes several files and directories, each file once', () => {
    const root = tree({ 'x/a.plan.yaml': cleanPlan, 'y/b.plan.yaml': cleanPlan });
    const { code, stdout } = runCli(['check', 'x', 'x/a.plan.yaml', './y/b.plan.yaml', 'y'], root);
    assert.equal(stdout, '✔ no problems in 2 files\n');
    assert.equal(code, 0);
  });

  it('names a plan outside the working directory by its absolute path (text, json) and file URI (sarif)', () => {
    const root = tree({ 'here/.keep': '', 'there/a.plan.yaml': oneErrorPlan });
    const cwd = join(root, 'here');
    const absolute = join(root, 'there', 'a.plan.yaml');
    assert.deepEqual([...new Set(diagnosticLines(runCli(['check', '../there'], cwd).stdout).map((line) => line.file))], [absolute]);
    const json = JSON.parse(runCli(['check', '-f', 'json', '../there'], cwd).stdout) as { file: string }[];
    assert.ok(json.length > 0 && json.every((finding) => finding.file === absolute));
    const sarif = JSON.parse(runCli(['check', '-f', 'sarif', '../there'], cwd).stdout);
    assert.deepEqual(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: pathToFileURL(absolute).href });
  });

  it('does not loop through a symbolic link to a parent directory', () => {
    const root = tree({ 'x/a.plan.yaml': cleanPlan });
    symlinkSync('..', join(root, 'x', 'up'));
    const { code, stdout } = runCli(['check'], root);
    assert.equal(stdout, '✔ no problems in 1 file\n');
    assert.equal(code, 0);
  });

  it('a directory without plans is an input error', () => {
    const root = tree({ 'docs/readme.md': 'hello\n' });
    const { stdout } = oneLineInputError(
      root,
      ['docs'],
      /^throughline: docs: no plan files \(\*\.plan\.yaml, \*\.plan\.yml, \*\.plan-library\.yaml, \*\.plan-library\.yml, \*\.portfolio\.yaml, \*\.portfolio\.yml\) found here$/,
    );
    assert.equal(summaryLine(stdout), '✖ no plan checked; 1 path could not be checked');
  });
});

describe('paths that cannot be checked: one clear line, exit 2', () => {
  it('a missing path', () => {
    oneLineInputError(tree({}), ['nope.plan.yaml'], /^throughline: nope\.plan\.yaml: no such file or directory$/);
  });

  it('a file that is not named like a plan', () => {
    oneLineInputError(
      tree({ 'notes.yaml': 'plan: x\n' }),
      ['notes.yaml'],
      /^throughline: notes\.yaml: not a plan file: plans are named \*\.plan\.yaml or \*\.plan\.yml, libraries \*\.plan-library\.yaml or \*\.plan-library\.yml, portfolios \*\.portfolio\.yaml or \*\.portfolio\.yml$/,
    );
  });

  it('an empty file, or one with only white space', () => {
    oneLineInputError(tree({ 'empty.plan.yaml': '' }), ['empty.plan.yaml'], /^throughline: empty\.plan\.yaml: empty file: nothing to check/);
    oneLineInputError(tree({ 'blank.plan.yaml': ' \n\n\t\n' }), ['blank.plan.yaml'], /^throughline: blank\.plan\.yaml: empty file: nothing to check/);
  });

  it('a binary file', () => {
    oneLineInputError(
      tree({ 'image.plan.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a, 0x1a]) }),
      ['.'],
      /^throughline: image\.plan\.yaml: binary file \(it contains NUL bytes\), not a plan$/,
    );
  });

  it('a file that is not UTF-8 text', () => {
    oneLineInputError(
      tree({ 'latin1.plan.yaml': Buffer.from('plan: Caf\xe9\n', 'latin1') }),
      ['.'],
      /^throughline: latin1\.plan\.yaml: not UTF-8 text, not a plan$/,
    );
  });

  it('a symbolic link that loops', () => {
    const root = tree({});
    symlinkSync('loop.plan.yaml', join(root, 'loop.plan.yaml'));
    oneLineInputError(root, ['loop.plan.yaml'], /^throughline: loop\.plan\.yaml: too many levels of symbolic links$/);
  });

  describe('without read permission', () => {
    let user: ReturnType<typeof unprivilegedUser> = { skip: false };
    before(() => {
      user = unprivilegedUser();
    });
    /** A tree the unprivileged user may enter, with one thing in it locked (unlocked again after the test, so it can be removed). */
    function lockedTree(t: TestContext, files: Record<string, string>, locked: string, makeDirectory: boolean): string {
      const root = tree(files);
      chmodSync(root, 0o755);
      if (makeDirectory) mkdirSync(join(root, locked), { mode: 0o000 });
      else chmodSync(join(root, locked), 0o000);
      t.after(() => chmodSync(join(root, locked), 0o700));
      return root;
    }

    it('a file', (t) => {
      if (user.skip) return t.skip(user.skip);
      const root = lockedTree(t, { 'secret.plan.yaml': cleanPlan }, 'secret.plan.yaml', false);
      oneLineInputError(root, ['secret.plan.yaml'], /^throughline: secret\.plan\.yaml: cannot read: permission denied$/, user.uid);
    });

    it('a directory (the other plans are still checked)', (t) => {
      if (user.skip) return t.skip(user.skip);
      const root = lockedTree(t, { 'ok.plan.yaml': cleanPlan }, 'locked', true);
      const { stdout } = oneLineInputError(root, ['.'], /^throughline: locked: cannot list directory: permission denied$/, user.uid);
      assert.equal(summaryLine(stdout), '✔ no problems in 1 file; 1 path could not be checked');
    });
  });

  it('a file that is not a plan inside is still checked: a YAML list gets a schema diagnostic, not a crash', () => {
    const root = tree({ 'list.plan.yaml': '- a\n- b\n' });
    const { code, stdout, stderr } = runCli(['check'], root);
    assert.equal(stderr, '');
    assert.ok(
      diagnosticLines(stdout).some((line) => line.rule === 'schema' && /mapping/.test(line.message)),
      stdout,
    );
    assert.equal(code, 1);
  });

  it('the other plans are still checked and reported; exit 2 wins over 1', () => {
    const root = tree({ 'good.plan.yaml': oneErrorPlan, 'empty.plan.yaml': '' });
    for (const format of ['text', 'json', 'sarif']) {
      const { code, stdout, stderr } = runCli(['check', '-f', format], root);
      assert.equal(code, 2, format);
      assert.match(stderr, /^throughline: empty\.plan\.yaml: empty file/);
      assert.match(stdout, /dependency-unknown/, format);
      if (format === 'sarif') {
        const invocation = JSON.parse(stdout).runs[0].invocations[0];
        assert.equal(invocation.executionSuccessful, false);
        assert.equal(invocation.toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri, 'empty.plan.yaml');
      }
    }
  });
});
