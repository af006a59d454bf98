// The quick fix for measurement-missing, found and applied through VS Code's commands, inserts
// a `measure` block into the KPI and the diagnostic goes away.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PROBLEMS_PLAN, diagnosticCode, openInEditor, revert, waitForDiagnostics } from './helpers';
import { at, rangeOf } from './planText';

const RULE = 'measurement-missing';
const has = (diagnostics: vscode.Diagnostic[], rule: string) => diagnostics.some((diagnostic) => diagnosticCode(diagnostic) === rule);

/** The lines of the KPI's block in `kpis:` (its key line and the more indented ones below it). */
function kpiBlock(text: string, id: string): string | undefined {
  return new RegExp(`^kpis:\\n(?:(?: .*)?\\n)*?( {2}${id}:\\n(?: {4}.*\\n|\\n)*)`, 'm').exec(text)?.[1];
}

suite('quick fix', () => {
  test(`${RULE}: the fix inserts a measure block and the diagnostic goes away`, async () => {
    const { document } = await openInEditor(PROBLEMS_PLAN);
    const original = document.getText();
    try {
      const before = await waitForDiagnostics(document.uri, (found) => has(found, RULE), { what: RULE });
      const diagnostic = before.find((d) => diagnosticCode(d) === RULE)!;
      const kpi = document.getText(diagnostic.range);
      assert.ok(
        rangeOf(document, new RegExp(`^ {2}(${kpi}):`, 'm')).isEqual(diagnostic.range),
        `${RULE} is on the KPI's key (${kpi} at ${at(diagnostic.range)})`,
      );
      assert.doesNotMatch(kpiBlock(document.getText(), kpi) ?? '', /measure:/, `${kpi} has no measure yet`);

      const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
        'vscode.executeCodeActionProvider',
        document.uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      // The command's CodeActions do not carry their diagnostics back; the title names the fix.
      const fix = actions.find((action): action is vscode.CodeAction => action instanceof vscode.CodeAction && /\bmeasure\b/.test(action.title));
      assert.ok(fix, `a quick fix adds a measure; actions offered: ${actions.map((action) => action.title).join(' | ')}`);
      assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `"${fix.title}" is a quick fix`);
      assert.ok(fix.edit, `"${fix.title}" carries its edit`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
      if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));

      const block = kpiBlock(document.getText(), kpi) ?? '';
      assert.match(block, /^ {4}measure:\n(?: {6}\S.*\n)+/m, `${kpi} now has a measure block:\n${block}`);
      // Other findings stay, so an empty list (diagnostics not published yet) cannot pass for "gone".
      await waitForDiagnostics(document.uri, (found) => !has(found, RULE) && has(found, 'dependency-unknown'), { what: `${RULE} to go away` });
    } finally {
      await revert(document, original);
    }
    await waitForDiagnostics(document.uri, (found) => has(found, RULE), { what: `${RULE} back after the revert` });
  });
});
