// References and rename of a library KPI across plans in the real VS Code, on the files of
// test/e2e/workspace/library-rename/: the library, a plan that is opened and one that never is
// (the server found it by the workspace scan). The rename's edit is computed, not applied.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openInEditor, provokedLogErrors, waitFor, workspaceUri } from './helpers';

const LIBRARY = 'library-rename/shared/measures.plan-library.yaml';
const OPEN_PLAN = 'library-rename/north.plan.yaml';
const CLOSED_PLAN = 'library-rename/south.plan.yaml';
const FILES = [LIBRARY, OPEN_PLAN, CLOSED_PLAN];

/** The position inside the first `paid-signups` on the line that contains `lineText`. */
function positionOf(document: vscode.TextDocument, lineText: string): vscode.Position {
  const line = document
    .getText()
    .split(/\r?\n/)
    .findIndex((text) => text.includes(lineText));
  assert.ok(line >= 0, `${lineText} in ${document.uri.toString()}`);
  return new vscode.Position(line, document.lineAt(line).text.indexOf('paid-signups') + 3);
}

const relative = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, false);
const isOpen = (path: string) => vscode.workspace.textDocuments.some((document) => document.uri.toString() === workspaceUri(path).toString());

suite('library references and rename', () => {
  suiteTeardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('references across files: the library, the open plan and the plan only on disk', async () => {
    const { document } = await openInEditor(OPEN_PLAN);
    const position = positionOf(document, 'kpis: [paid-signups]');
    // Until the workspace scan has read the closed plan, it is not among the references.
    const locations = await waitFor(
      async () => {
        const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, position);
        return new Set(found.map((location) => relative(location.uri))).size === 3 ? found : undefined;
      },
      { what: 'references in the library and both plans', timeout: 30_000 },
    );
    assert.deepEqual(
      locations.map((location) => `${relative(location.uri)}:${location.range.start.line}`).sort(),
      [`${LIBRARY}:9`, `${OPEN_PLAN}:18`, `${OPEN_PLAN}:20`, `${CLOSED_PLAN}:9`, `${CLOSED_PLAN}:11`].sort(),
    );
    assert.ok(!isOpen(CLOSED_PLAN), `${CLOSED_PLAN} was never opened`);
  });

  test('rename across two plans: one edit over the library and both plans', async () => {
    const { document } = await openInEditor(LIBRARY);
    const position = positionOf(document, '  paid-signups:');
    const edit = await waitFor(
      async () => {
        const found = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
          'vscode.executeDocumentRenameProvider',
          document.uri,
          position,
          'paid-customers',
        );
        return found && found.entries().length === 3 ? found : undefined;
      },
      { what: 'a rename edit over three files', timeout: 30_000 },
    );
    assert.deepEqual(
      edit
        .entries()
        .map(([uri]) => relative(uri))
        .sort(),
      [...FILES].sort(),
    );
    for (const [uri, edits] of edit.entries()) {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const lines = text.split(/\r?\n/);
      for (const change of edits) {
        assert.equal(change.newText, 'paid-customers');
        assert.equal(lines[change.range.start.line]!.slice(change.range.start.character, change.range.end.character), 'paid-signups', relative(uri));
      }
    }
    assert.equal(edit.get(workspaceUri(CLOSED_PLAN)).length, 2, 'the channel use and the refinement of the closed plan');
    assert.ok(!isOpen(CLOSED_PLAN), `${CLOSED_PLAN} was never opened`);
  });

  test('a rename onto an id a plan already uses is refused with the message', async () => {
    const { document } = await openInEditor(LIBRARY);
    const refusal = /`south-growth` is already the id of the objective of `south\.plan\.yaml`/;
    // VS Code logs the refusal, and the language client the failed request.
    provokedLogErrors.push(refusal, /Request textDocument\/rename failed\./);
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, positionOf(document, '  paid-signups:'), 'south-growth'),
      ),
      (error: Error) => refusal.test(error.message),
    );
  });
});
