import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, it } from 'node:test';
import { buildCli, diagnosticLines, repoRoot, runCli, summaryLine } from './support.js';

before(buildCli);

const fixture = 'test/cli/fixtures/new-user-brief.plan.yaml';

// Issue 2's acceptance: the brief's plan as a new user writes it (fixtures/new-user-brief.plan.yaml
// is the clean example with one measure left out, a misspelt dependency, a KPI that traces
// nowhere and the compliance section removed) gets one precise message per mistake, each
// pointing at the line at fault and saying what to do.
it('the brief’s plan written by a new user gets one precise, actionable message per mistake', () => {
  const { code, stdout } = runCli(['check', fixture], repoRoot);
  const lines = diagnosticLines(stdout);
  const byRule = new Map(lines.map((line) => [line.rule, line]));
  assert.deepEqual([...byRule.keys()].sort(), ['compliance-missing', 'dependency-unknown', 'kpi-untraced', 'measurement-missing']);
  assert.equal(lines.length, 4, 'one message per mistake');

  const dependency = byRule.get('dependency-unknown')!;
  assert.equal(dependency.severity, 'error');
  assert.match(dependency.message, /`paid-search` depends on `content-hbu`, which is not a channel\. Did you mean `content-hub`\?/);

  const measure = byRule.get('measurement-missing')!;
  assert.match(
    measure.message,
    /KPI `assisted-signups` has no `measure`\. Agree before launch what is counted, from which source, the baseline and the target\./,
  );

  const trace = byRule.get('kpi-untraced')!;
  assert.equal(trace.severity, 'error');
  assert.match(trace.message, /KPI `email-conversions` does not trace to anything\. Add `traces_to: q3-acquisition`/);

  const compliance = byRule.get('compliance-missing')!;
  assert.equal(compliance.severity, 'error');
  assert.match(
    compliance.message,
    /`email-nurture` .*personal data.*no `compliance` section\. Add one before launch with `regulations`, `lawful_basis`, `consent`, `retention` and `third_party_data`/,
  );

  assert.equal(summaryLine(stdout), '✖ 3 errors, 1 warning in 1 file');
  assert.equal(code, 1);
});

it('each message points at the exact key or value, not at the top of the file', () => {
  const { stdout } = runCli(['check', '-f', 'json', fixture], repoRoot);
  const findings = JSON.parse(stdout) as { rule: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
  const source = readFileSync(join(repoRoot, fixture), 'utf8').split('\n');
  const at = (rule: string) => {
    const { range } = findings.find((finding) => finding.rule === rule)!;
    assert.equal(range.start.line, range.end.line, `${rule} stays on one line`);
    return source[range.start.line]!.slice(range.start.character, range.end.character);
  };
  assert.equal(at('dependency-unknown'), 'content-hbu');
  assert.equal(at('measurement-missing'), 'assisted-signups');
  assert.equal(at('kpi-untraced'), 'email-conversions');
  assert.match(at('compliance-missing'), /^(email|email-address)$/);
});
