import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildCli, cleanPlanWith, diagnosticLines, makeTree, oneErrorPlan, oneWarningPlan, removeTree, runCli, summaryLine } from './support.js';

before(buildCli);

const trees: string[] = [];
function tree(files: Record<string, string>): string {
  const root = makeTree(files);
  trees.push(root);
  return root;
}
after(() => trees.forEach(removeTree));

function rulesReported(stdout: string): string[] {
  return diagnosticLines(stdout).map((line) => `${line.file} ${line.rule} ${line.severity}`);
}

describe('.throughline.yaml discovery', () => {
  it('applies the config next to the plan or in a folder above it; the nearest wins', () => {
    const root = tree({
      '.throughline.yaml': 'rules:\n  proposition-missing: error\n',
      'top.plan.yaml': oneWarningPlan,
      'team/deep/down/nested.plan.yaml': oneWarningPlan,
      'other/.throughline.yaml': 'rules:\n  proposition-missing: off\n',
      'other/off.plan.yaml': oneWarningPlan,
      'other/sub/also-off.plan.yaml': oneWarningPlan,
    });
    const { code, stdout, stderr } = runCli(['check'], root);
    assert.equal(stderr, '');
    assert.deepEqual(rulesReported(stdout), ['team/deep/down/nested.plan.yaml proposition-missing error', 'top.plan.yaml proposition-missing error']);
    assert.equal(code, 1, 'the config raised the warning to an error');
  });

  it('without a config, rules keep their default severity', () => {
    const root = tree({ 'a.plan.yaml': oneWarningPlan });
    const { code, stdout } = runCli(['check', '.'], root);
    assert.deepEqual(rulesReported(stdout), ['a.plan.yaml proposition-missing warning']);
    assert.equal(code, 0, 'warnings alone do not fail the run');
  });

  it('`off` silences a rule and an error downgraded to a warning no longer fails the run', () => {
    const root = tree({
      'off/.throughline.yaml': 'rules:\n  dependency-unknown: off\n',
      'off/a.plan.yaml': oneErrorPlan,
      'warn/.throughline.yaml': 'rules:\n  dependency-unknown: warning\n',
      'warn/b.plan.yaml': oneErrorPlan,
    });
    const off = runCli(['check', 'off'], root);
    assert.equal(off.code, 0);
    assert.equal(off.stdout, '✔ no problems in 1 file\n');
    const warn = runCli(['check', 'warn'], root);
    assert.deepEqual(rulesReported(warn.stdout), ['warn/b.plan.yaml dependency-unknown warning']);
    assert.equal(warn.code, 0);
  });

  it('a malformed config is one warning line on stderr, and the defaults apply', () => {
    const root = tree({ '.throughline.yaml': 'rules: [unclosed\n', 'a.plan.yaml': oneErrorPlan });
    const { code, stdout, stderr } = runCli(['check'], root);
    const lines = stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, stderr);
    assert.match(lines[0]!, /^throughline: warning: \.throughline\.yaml: line \d+: .+; using default severities$/);
    assert.deepEqual(rulesReported(stdout), ['a.plan.yaml dependency-unknown error']);
    assert.equal(code, 1);
  });

  it('an unknown rule or severity in the config is a warning with a suggestion; the valid settings still apply', () => {
    const root = tree({
      '.throughline.yaml': 'rules:\n  dependency-unknwn: off\n  proposition-missing: loud\n  dependency-unknown: warning\n',
      'a.plan.yaml': oneErrorPlan,
    });
    const { code, stdout, stderr } = runCli(['check'], root);
    const lines = stderr.trimEnd().split('\n');
    assert.equal(lines.length, 2, stderr);
    assert.match(lines[0]!, /unknown rule `dependency-unknwn`\. Did you mean `dependency-unknown`\?/);
    assert.match(lines[1]!, /rule `proposition-missing`: `loud` is not one of/);
    assert.deepEqual(rulesReported(stdout), ['a.plan.yaml dependency-unknown warning']);
    assert.equal(code, 0);
  });

  it('the config warning is printed once even when many plans share the config', () => {
    const root = tree({ '.throughline.yaml': 'rulez: {}\n', 'a.plan.yaml': oneWarningPlan, 'b/b.plan.yaml': oneWarningPlan, 'b/c.plan.yml': oneWarningPlan });
    const { stderr, stdout } = runCli(['check'], root);
    assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
    assert.match(summaryLine(stdout), /0 errors, 3 warnings in 3 files/);
  });
});

describe('--config FILE', () => {
  it('replaces discovery for every plan', () => {
    const root = tree({
      'strict.yaml': 'rules:\n  proposition-missing: error\n',
      '.throughline.yaml': 'rules:\n  proposition-missing: off\n',
      'plans/a.plan.yaml': oneWarningPlan,
    });
    const { code, stdout } = runCli(['check', '--config', 'strict.yaml', 'plans'], root);
    assert.deepEqual(rulesReported(stdout), ['plans/a.plan.yaml proposition-missing error']);
    assert.equal(code, 1);
  });

  it('a config file that cannot be read is an input error (exit 2)', () => {
    const root = tree({ 'a.plan.yaml': oneWarningPlan });
    const { code, stdout, stderr } = runCli(['check', '-c', 'missing.yaml'], root);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, 'throughline: missing.yaml: cannot read the config file: no such file or directory\n');
  });
});

describe('inline suppressions', () => {
  it('`# throughline-disable-next-line <rule>` silences that rule on the next line only', () => {
    const plan = cleanPlanWith(/^(\s+)- content-hub$/m, '$1# throughline-disable-next-line dependency-unknown\n$1- content-hbu');
    const other = cleanPlanWith(/^(\s+)- content-hub$/m, '$1# throughline-disable-next-line kpi-unused\n$1- content-hbu');
    const root = tree({ 'disabled.plan.yaml': plan, 'other-rule.plan.yaml': other });
    const { code, stdout } = runCli(['check'], root);
    assert.deepEqual(rulesReported(stdout), ['other-rule.plan.yaml dependency-unknown error']);
    assert.equal(code, 1);
  });

  it('`# throughline-disable <rule>` silences the rule in the whole file', () => {
    const plan = `# throughline-disable dependency-unknown, proposition-missing\n${cleanPlanWith(/^(\s+- )content-hub$/m, '$1content-hbu').replace(/^proposition:.*$/m, '')}`;
    const root = tree({ 'a.plan.yaml': plan });
    const { code, stdout } = runCli(['check'], root);
    assert.equal(stdout, '✔ no problems in 1 file\n');
    assert.equal(code, 0);
  });
});
