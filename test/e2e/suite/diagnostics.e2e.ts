// Diagnostics reach VS Code: the problems plan gets the rules' findings, each with the rule's
// name as its code (linked to the rule's docs) on exactly the token at fault; the clean plan
// gets none, and a problem typed into it comes and goes as the text changes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CLEAN_PLAN, EXTENSION_ID, PROBLEMS_PLAN, diagnosticCode, openInEditor, replaceText, revert, waitForDiagnostics } from './helpers';
import { at, rangeOf } from './planText';

/** A finding of new-user.plan.yaml: the rule and where its token is (the first capture group). */
const EXPECTED: ReadonlyArray<{ rule: string; token: RegExp; severity: vscode.DiagnosticSeverity }> = [
  { rule: 'dependency-unknown', token: /depends_on:\n\s+- (content-hbu)/, severity: vscode.DiagnosticSeverity.Error },
  { rule: 'stage-unknown', token: /stages: \[(consder)\]/, severity: vscode.DiagnosticSeverity.Error },
  { rule: 'kpi-undefined', token: /kpis: \[(email-conversion)\]/, severity: vscode.DiagnosticSeverity.Error },
  { rule: 'schema', token: /^ {4}(budgett):/m, severity: vscode.DiagnosticSeverity.Error },
  { rule: 'dependency-violated', token: /^ {2}email-nurture:\n(?: {4}.*\n)*? {4}start: (\S+)/m, severity: vscode.DiagnosticSeverity.Error },
  { rule: 'compliance-missing', token: /medium: (email)/, severity: vscode.DiagnosticSeverity.Error },
  { rule: 'paid-without-budget', token: /^ {2}social:\n {4}type: (paid)/m, severity: vscode.DiagnosticSeverity.Error },
  { rule: 'kpi-untraced', token: /traces_to: (revenue)/, severity: vscode.DiagnosticSeverity.Error },
  { rule: 'measurement-missing', token: /^kpis:\n(?:(?: .*)?\n)*? {2}(assisted-signups):/m, severity: vscode.DiagnosticSeverity.Warning },
  { rule: 'attribution-last-click', token: /model: (last-click)/, severity: vscode.DiagnosticSeverity.Warning },
  { rule: 'review-cadence-missing', token: /^(reviews):/m, severity: vscode.DiagnosticSeverity.Warning },
];

/** The rule names the extension contributes as settings (`throughline.rules`): the valid codes. */
function ruleNames(): Set<string> {
  const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as
    { contributes?: { configuration?: { properties?: Record<string, { properties?: object }> } } } | undefined;
  const rules = manifest?.contributes?.configuration?.properties?.['throughline.rules']?.properties;
  assert.ok(rules, 'package.json contributes throughline.rules');
  return new Set(Object.keys(rules));
}

suite('diagnostics', () => {
  test('the problems plan: each rule at its token, the rule name as code, linked to its docs', async () => {
    const { document } = await openInEditor(PROBLEMS_PLAN);
    const diagnostics = await waitForDiagnostics(document.uri, (found) => EXPECTED.every(({ rule }) => found.some((d) => diagnosticCode(d) === rule)), {
      what: `diagnostics ${EXPECTED.map((e) => e.rule).join(', ')}`,
    });

    for (const { rule, token, severity } of EXPECTED) {
      const expected = rangeOf(document, token);
      const matching = diagnostics.filter((d) => diagnosticCode(d) === rule);
      const atToken = matching.find((d) => d.range.isEqual(expected));
      assert.ok(
        atToken,
        `${rule} at ${at(expected)} (\`${document.getText(expected)}\`); found it at ${matching.map((d) => `${at(d.range)}-${d.range.end.character + 1}`).join(', ')}`,
      );
      assert.equal(atToken.severity, severity, `${rule} severity`);
      assert.ok(atToken.message.length > 20, `${rule} says what to do: "${atToken.message}"`);
    }
    const misspelt = diagnostics.find((d) => diagnosticCode(d) === 'dependency-unknown');
    assert.match(misspelt?.message ?? '', /content-hub/, 'dependency-unknown suggests the channel meant');

    const rules = ruleNames();
    for (const diagnostic of diagnostics) {
      const code = diagnosticCode(diagnostic);
      assert.equal(diagnostic.source, 'throughline');
      assert.ok(code && rules.has(code), `code ${code} of "${diagnostic.message}" is a rule name`);
      const target = typeof diagnostic.code === 'object' ? diagnostic.code.target : undefined;
      assert.ok(target && target.toString().includes(code), `${code} links to its docs (${target?.toString()})`);
      assert.equal(diagnostic.range.start.line, diagnostic.range.end.line, `${code} at ${at(diagnostic.range)} marks one line, not a block`);
      assert.ok(!diagnostic.range.isEmpty, `${code} at ${at(diagnostic.range)} marks some text`);
    }
  });

  test('the clean plan has none; a misspelt dependency typed into it comes and goes', async () => {
    const { document } = await openInEditor(CLEAN_PLAN);
    const original = document.getText();
    try {
      const dependency = rangeOf(document, /depends_on:\n\s+- (content-hub)/);
      await replaceText(document, dependency, 'content-hbu');
      const found = await waitForDiagnostics(document.uri, (current) => current.some((d) => diagnosticCode(d) === 'dependency-unknown'), {
        what: 'dependency-unknown after the edit',
      });
      assert.deepEqual(found.map(diagnosticCode), ['dependency-unknown'], 'the only finding of the clean plan is the one typed in');
      assert.ok(found[0]?.range.isEqual(dependency), `dependency-unknown on the edited id at ${at(dependency)}`);

      await replaceText(document, dependency, 'content-hub');
      await waitForDiagnostics(document.uri, (found) => found.length === 0, { what: 'no diagnostics once the id is right again' });
    } finally {
      await revert(document, original);
    }
  });
});
