import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertNoStackTrace, buildCli, makeTree, oneErrorPlan, oneWarningPlan, removeTree, repoRoot, runCli, summaryLine } from './support.js';

before(buildCli);

let root = '';
before(() => {
  root = makeTree({ 'warned/a.plan.yaml': oneWarningPlan, 'warned/b.plan.yaml': oneWarningPlan, 'failing/c.plan.yaml': oneErrorPlan });
});
after(() => removeTree(root));

describe('--max-warnings', () => {
  it('warnings alone pass; more warnings than N fail with exit 1 and say so', () => {
    const unlimited = runCli(['check', 'warned'], root);
    assert.equal(unlimited.code, 0);
    assert.equal(summaryLine(unlimited.stdout), '✖ 0 errors, 2 warnings in 2 files');
    assert.equal(runCli(['check', '--max-warnings', '2', 'warned'], root).code, 0);
    const over = runCli(['check', '--max-warnings', '1', 'warned'], root);
    assert.equal(over.code, 1);
    assert.equal(summaryLine(over.stdout), '✖ 0 errors, 2 warnings in 2 files (more than --max-warnings 1)');
    assert.equal(runCli(['check', '--max-warnings=0', '-f', 'json', 'warned'], root).code, 1);
    assert.equal(runCli(['check', '--max-warnings=-1', 'warned'], root).code, 0, '-1 means no limit');
  });

  it('errors fail the run whatever the warning limit', () => {
    assert.equal(runCli(['check', '--max-warnings', '100', 'failing'], root).code, 1);
  });

  it('a value that is not a whole number is a usage error', () => {
    for (const value of ['x', '1.5', '']) {
      const { code, stderr } = runCli(['check', `--max-warnings=${value}`, 'warned'], root);
      assert.equal(code, 2, value);
      assert.match(stderr, /^throughline: --max-warnings needs a whole number/);
    }
    const missing = runCli(['check', 'warned', '--max-warnings'], root);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--max-warnings/);
  });
});

describe('usage', () => {
  const packageVersion = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

  it('--version prints the package version', () => {
    for (const flag of ['--version', '-v']) assert.deepEqual(runCli([flag], root), { code: 0, stdout: `${packageVersion}\n`, stderr: '' });
  });

  it('--help lists the commands; `check --help` lists the options and exit codes', () => {
    const help = runCli(['--help'], root);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: throughline <command>/);
    assert.match(help.stdout, /^ {2}check {2}/m);
    const checkHelp = runCli(['check', '--help'], root);
    assert.equal(checkHelp.code, 0);
    for (const option of ['--format', '--max-warnings', '--config', '--help', 'Exit codes']) assert.ok(checkHelp.stdout.includes(option), option);
    assert.equal(runCli(['check', '-h'], root).stdout, checkHelp.stdout);
  });

  it('every command answers -h / --help anywhere before `--` with its own help, and exit 0; after `--`, -h is a path', () => {
    for (const command of ['check', 'format', 'render', 'diff', 'export', 'review', 'github-action']) {
      const help = runCli([command, '--help'], root);
      assert.equal(help.code, 0, command);
      assert.match(help.stdout, new RegExp(`throughline ${command}`), command);
      assert.equal(runCli([command, 'some.plan.yaml', '--frmat', '-h'], root).stdout, help.stdout, `${command}: help wins over the other arguments`);
    }
    const afterDashes = runCli(['check', '--', '-h'], root);
    assert.equal(afterDashes.code, 2);
    assert.match(afterDashes.stderr, /-h/);
  });

  const usageErrors: [string[], RegExp][] = [
    [[], /^Usage: throughline <command>/],
    [['chek'], /^throughline: unknown command `chek`\. Did you mean `check`\?\nRun `throughline --help` for usage\.\n$/],
    [['check', '--frmat', 'json'], /^throughline: unknown option `--frmat`\. Did you mean `--format`\?\nRun `throughline check --help` for usage\.\n$/],
    [['check', '--format', 'xml'], /^throughline: unknown format `xml`: use text, json or sarif\.\n/],
    [['check', '--format', 'sarf'], /Did you mean `sarif`\?/],
    [['check', '-f'], /^throughline: option '-f, --format <value>' argument missing\n/],
    [['check', '--help=yes'], /^throughline: option '-h, --help' does not take an argument\n/],
  ];
  for (const [args, expected] of usageErrors) {
    it(`\`throughline ${args.join(' ')}\` is a usage error: exit 2, nothing on stdout`, () => {
      const { code, stdout, stderr } = runCli(args, root);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr, expected);
      assertNoStackTrace(stderr);
    });
  }
});
