// The workspace scan in the browser: the server finds the plans no editor opened and reads
// them, and the `.throughline.yaml` beside them, through the extension's file requests
// (throughline/findFiles, isFile, readFile) on the workbench's file system; it skips
// node_modules; a plan written to disk later is found through the file watcher.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PROBLEMS_PLAN, diagnosticCode, waitForDiagnostics, workspaceUri } from '../../e2e/suite/helpers';

const UNOPENED = 'team/unopened.plan.yaml';
const SKIPPED = 'node_modules/dep/skipped.plan.yaml';
const codes = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).map(diagnosticCode);
const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());

suite('workspace scan', () => {
  test('a plan no editor opened is diagnosed, with the rules of the .throughline.yaml beside it', async () => {
    const uri = workspaceUri(UNOPENED);
    assert.ok(!isOpen(uri), `${UNOPENED} is not open`);
    const diagnostics = await waitForDiagnostics(uri, (found) => found.some((d) => diagnosticCode(d) === 'dependency-unknown'), {
      what: `the scan's diagnostics of ${UNOPENED}`,
    });
    const misspelt = diagnostics.find((d) => diagnosticCode(d) === 'dependency-unknown')!;
    assert.match(misspelt.message, /`webniar`[^]*`webinar`/, 'the misspelt dependency, with the channel meant');
    assert.equal(misspelt.source, 'throughline');
    assert.equal(misspelt.range.start.line, 25, 'on line 26, where `webniar` is');
    assert.ok(codes(uri).includes('measurement-missing'));

    // team/.throughline.yaml switches attribution-last-click off for this plan only.
    assert.ok(!codes(uri).includes('attribution-last-click'), `${UNOPENED} has last-click attribution, but its config file turns the rule off`);
    assert.ok(codes(workspaceUri(PROBLEMS_PLAN)).includes('attribution-last-click'), `${PROBLEMS_PLAN}, outside team/, keeps the rule`);
    assert.ok(!isOpen(uri), `${UNOPENED} is still not open`);
  });

  test('node_modules is not scanned', () => {
    // The scan goes in sorted order, node_modules/ before team/: by now it was passed over.
    assert.ok(codes(workspaceUri(UNOPENED)).length > 0, 'the scan has reached team/');
    assert.deepEqual(codes(workspaceUri(SKIPPED)), [], `${SKIPPED} gets no diagnostics`);
  });

  test('a plan written to disk is checked when the file watcher reports it, and cleared when it is deleted', async () => {
    const uri = workspaceUri('team/written.plan.yaml');
    const text = 'plan: Written later\nchannels:\n  seo:\n    type: owend\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      const found = await waitForDiagnostics(uri, (diagnostics) => diagnostics.some((d) => diagnosticCode(d) === 'schema'), {
        what: 'diagnostics of the plan written to disk',
      });
      assert.ok(
        found.some((d) => /owend/.test(d.message) || d.range.start.line === 3),
        'the schema problem of `type: owend`',
      );
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await waitForDiagnostics(uri, (diagnostics) => diagnostics.length === 0, { what: 'the deleted plan to lose its diagnostics' });
  });
});
