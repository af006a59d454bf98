// Smoke test: the runner opened the workspace, the extension under development is loaded,
// and a plan file gets the extension's language and activates it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CLEAN_PLAN, EXTENSION_ID, LANGUAGE_ID, PROBLEMS_PLAN, openInEditor, waitFor, workspaceFolder, workspaceUri } from './helpers';
import { COMMANDS } from '../../../client/src/commandIds.js';

suite('smoke', () => {
  test('the workspace with the example plans is open', async () => {
    const folder = workspaceFolder();
    for (const plan of [CLEAN_PLAN, PROBLEMS_PLAN]) {
      const stat = await vscode.workspace.fs.stat(workspaceUri(plan));
      assert.equal(stat.type, vscode.FileType.File, `${plan} in ${folder.uri.toString()}`);
    }
  });

  test(`the extension ${EXTENSION_ID} is loaded`, () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among ${vscode.extensions.all.length} extensions`);
  });

  test(`opening a *.plan.yaml gives language ${LANGUAGE_ID} and activates the extension`, async () => {
    const editor = await openInEditor(CLEAN_PLAN);
    assert.equal(editor.document.languageId, LANGUAGE_ID);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    await waitFor(() => extension?.isActive, { what: `${EXTENSION_ID} to activate` });
    const commands = await vscode.commands.getCommands(true);
    for (const command of [COMMANDS.openTimelinePreview, COMMANDS.restartServer]) {
      assert.ok(commands.includes(command), `command ${command} is registered`);
    }
  });

  test('an untitled document in the plan language is served too', async () => {
    const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: 'plan: Scratch\nchannels:\n  seo:\n    typ: owned\n' });
    await vscode.window.showTextDocument(document, { preview: false });
    const diagnostics = await waitFor(
      () => {
        const found = vscode.languages.getDiagnostics(document.uri);
        return found.some((diagnostic) => diagnostic.source === 'throughline') ? found : undefined;
      },
      { what: 'diagnostics of an untitled plan' },
    );
    assert.ok(diagnostics.length > 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
