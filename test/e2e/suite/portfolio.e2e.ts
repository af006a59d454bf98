// A portfolio in the real VS Code: opening `*.portfolio.yaml` gives it the plan language and
// the portfolio's diagnostics (its member plans read from disk, the glob matched through the
// server's host), a hover on a `plans:` entry describes the plan, and a code lens gives its
// share of the portfolio budget.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, LANGUAGE_ID, openInEditor, waitFor, waitForDiagnostics, workspaceUri } from './helpers';

const PORTFOLIO = 'portfolio/fy27.portfolio.yaml';

suite('portfolio', () => {
  suiteTeardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('opening a portfolio shows its diagnostics: the glob’s plan does not trace to the portfolio objective', async () => {
    const { document } = await openInEditor(PORTFOLIO);
    assert.equal(document.languageId, LANGUAGE_ID);
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.some((d) => diagnosticCode(d) === 'portfolio-untraced'), {
      what: `portfolio-untraced in ${PORTFOLIO}`,
    });
    assert.deepEqual(diagnostics.map(diagnosticCode), ['portfolio-untraced']);
    const untraced = diagnostics[0]!;
    assert.equal(untraced.range.start.line, 7, 'on the glob entry');
    assert.match(untraced.message, /`na\.plan\.yaml`.*traces_to: fy27-growth/);
    assert.ok(untraced.relatedInformation?.[0]?.location.uri.path.endsWith('/portfolio/regions/na.plan.yaml'), 'linked to the plan’s objective');
  });

  test('hover on a plans: entry describes the plan; a code lens shows its share of the portfolio budget', async () => {
    // The plan's problem count is the server's latest diagnostics of it: wait until the workspace scan has checked it.
    const emea = workspaceUri('portfolio/emea.plan.yaml');
    const problems = await waitForDiagnostics(emea, (found) => found.length > 0, { what: 'the workspace scan of emea.plan.yaml' });
    const { document } = await openInEditor(PORTFOLIO);
    const line = document
      .getText()
      .split('\n')
      .findIndex((text) => text.includes('./emea.plan.yaml'));
    const position = new vscode.Position(line, document.lineAt(line).text.indexOf('emea') + 1);
    const hovers = await waitFor(
      async () => {
        const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
        return found.length > 0 && found;
      },
      { what: 'a hover on the plans: entry' },
    );
    const text = hovers.flatMap((hover) => hover.contents.map((part) => (typeof part === 'string' ? part : part.value))).join('\n');
    assert.match(text, /EMEA growth/);
    assert.match(text, /2027-01-01 → 2027-06-30/);
    assert.match(text, /€300,000/);
    assert.match(text, /3000 new EMEA customers by June/);
    assert.match(text, new RegExp(`${problems.length} problems?`));
    const lenses = await waitFor(
      async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
        return found.length >= 2 && found;
      },
      { what: 'the portfolio’s code lenses' },
    );
    const titles = lenses.map((lens) => `${lens.range.start.line}:${lens.command?.title ?? ''}`);
    assert.ok(titles.includes(`${line}:€300,000 · 60% of the portfolio budget`), titles.join('\n'));
    assert.ok(titles.includes(`${line + 1}:1 plan · €150,000 · 30% of the portfolio budget`), titles.join('\n'));
  });
});
