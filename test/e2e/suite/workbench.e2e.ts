// Runs last (the suite loads its files in alphabetical order, see scripts/e2e/build-suite.mjs):
// sets up the scene of test-results/e2e-workbench.png (and of the README's images/workbench.png,
// `npm run docs:screenshot`) — the problems plan, the Problems panel and the timeline beside
// it — and checks that the whole run wrote no errors to the
// extension host's log or to the extension's own log.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PROBLEMS_PLAN, diagnosticCode, openInEditor, waitFor, waitForDiagnostics } from './helpers';
import { extensionHostLogErrors, extensionOutputLogErrors, requestScreenshot } from './runnerHooks';
import { channelIds, rangeOf } from './planText';
import { isDrawn, timelineStatus, timelineTab } from './timelinePanel';
import { COMMANDS } from '../../../client/src/commandIds.js';

suite('workbench', () => {
  test('the problems plan with its problems and its timeline (screenshot)', async () => {
    // Every test reverted its edits, so closing asks nothing.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.workspace.getConfiguration('editor').update('minimap.enabled', false, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('editor').update('stickyScroll.enabled', false, vscode.ConfigurationTarget.Global);
    const editor = await openInEditor(PROBLEMS_PLAN);
    const diagnostics = await waitForDiagnostics(editor.document.uri, (found) => found.some((d) => diagnosticCode(d) === 'dependency-unknown'));

    await vscode.commands.executeCommand(COMMANDS.openTimelinePreview, editor.document.uri);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    // The timeline at 100% is wider than half the window: plan above, timeline below it.
    await vscode.commands.executeCommand('vscode.setEditorLayout', { orientation: 1, groups: [{ size: 0.5 }, { size: 0.5 }] });
    // The Problems view took the focus: give it back to the plan, with the cursor on
    // `channels:` (in no channel, so the timeline highlights no bar and does not scroll to
    // one) and the misspelt dependency in the middle of the editor.
    const misspelt = rangeOf(editor.document, /depends_on:\n\s+- (content-hbu)/);
    const channels = rangeOf(editor.document, /^channels:/m).start;
    const shown = await vscode.window.showTextDocument(editor.document, {
      viewColumn: editor.viewColumn,
      preserveFocus: false,
      selection: new vscode.Range(channels, channels),
    });
    shown.revealRange(misspelt, vscode.TextEditorRevealType.InCenter);

    await waitFor(() => timelineTab(PROBLEMS_PLAN), { what: `the timeline tab for ${PROBLEMS_PLAN}` });
    const bars = channelIds(editor.document.getText()).length;
    await waitFor(async () => isDrawn(await timelineStatus(), editor.document, bars), { what: `the timeline of ${PROBLEMS_PLAN} drawn` });
    assert.ok(diagnostics.length > 5, `the Problems panel lists the plan's ${diagnostics.length} problems`);

    const taken = await requestScreenshot('workbench');
    assert.equal(taken, process.env.THROUGHLINE_E2E_SCREENSHOT_DIR !== undefined, 'the runner took the screenshot (code-server only)');
  });

  test("nothing was written to the extension host's error log", function () {
    const errors = extensionHostLogErrors();
    if (errors === undefined) this.skip(); // the runner did not say where VS Code's logs are
    assert.deepEqual(errors, []);
  });

  test("nothing was written to the extension's error log", function () {
    const errors = extensionOutputLogErrors();
    if (errors === undefined) this.skip();
    assert.deepEqual(errors, []);
  });
});
