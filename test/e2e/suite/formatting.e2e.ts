// Format Document in the real VS Code: a messy plan becomes the golden formatted text through
// the language server's edits, the cursor stays on the word it was on, and one undo restores
// the plan as it was typed.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, LANGUAGE_ID, waitFor } from './helpers';
import { rangeOf } from './planText';

function fixture(name: string): string {
  const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
  return readFileSync(join(root, 'test', 'fixtures', 'format', name), 'utf8');
}

suite('formatting', () => {
  test('Format Document formats a messy plan (golden), keeps the cursor on its word, and undo restores it', async () => {
    const messy = fixture('messy.plan.yaml');
    const formatted = fixture('messy.formatted.plan.yaml');
    const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: messy });
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    try {
      // The server has the document once it has analysed it (its symbols answer).
      await waitFor(async () => ((await vscode.commands.executeCommand<unknown[]>('vscode.executeDocumentSymbolProvider', document.uri)) ?? []).length > 0, {
        what: 'the language server to know the new plan',
      });
      const word = rangeOf(document, /^ {3}(paid-search):/m);
      editor.selection = new vscode.Selection(word.start.translate(0, 4), word.start.translate(0, 4));

      await vscode.commands.executeCommand('editor.action.formatDocument');
      await waitFor(() => document.getText() === formatted, { what: 'the formatted text', timeout: 10_000 }).catch(() => {
        assert.equal(document.getText(), formatted, 'Format Document gives the golden text');
      });
      const after = rangeOf(document, /^ {2}(paid-search):/m);
      assert.ok(
        after.contains(editor.selection.active),
        `the cursor stays in paid-search (at ${editor.selection.active.line}:${editor.selection.active.character})`,
      );

      await vscode.commands.executeCommand('undo');
      await waitFor(() => document.getText() === messy, { what: 'undo to restore the plan', timeout: 10_000 });
      await vscode.commands.executeCommand('redo');
      await waitFor(() => document.getText() === formatted, { what: 'redo to format it again', timeout: 10_000 });
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
