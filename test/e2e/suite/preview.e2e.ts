// The timeline preview command opens a webview panel for the plan beside its editor, the
// webview draws a bar per dated channel, and the panel follows the active plan.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CLEAN_PLAN, PROBLEMS_PLAN, openInEditor, waitFor } from './helpers';
import { channelIds } from './planText';
import { isDrawn, TIMELINE_VIEW_TYPE, timelineStatus, timelineTab, timelineTabs } from './timelinePanel';
import { COMMANDS } from '../../../client/src/commandIds.js';

suite('timeline preview', () => {
  test('the command opens a webview panel for the plan beside its editor', async () => {
    const editor = await openInEditor(CLEAN_PLAN);
    await vscode.commands.executeCommand(COMMANDS.openTimelinePreview);

    const { tab, group } = await waitFor(() => timelineTab(CLEAN_PLAN), { what: `a ${TIMELINE_VIEW_TYPE} webview tab titled for ${CLEAN_PLAN}` });
    assert.notEqual(group.viewColumn, editor.viewColumn, `the panel opens beside the plan (column ${group.viewColumn}), not over it`);
    assert.equal(tab.label, `Timeline: ${CLEAN_PLAN}`);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString(), 'the plan keeps the focus');

    // Every channel of the clean plan has dates, so the webview draws one bar each.
    const channels = channelIds(editor.document.getText()).length;
    const status = await waitFor(
      async () => {
        const current = await timelineStatus();
        return isDrawn(current, editor.document, channels) ? current : undefined;
      },
      { what: `the webview to draw ${channels} bars` },
    );
    assert.ok(status.rendered && status.rendered.arrows > 0, 'dependency arrows are drawn');
    assert.equal(status.banner, null, 'no banner over a plan that parses');
  });

  test('the panel follows the active plan', async () => {
    const editor = await openInEditor(PROBLEMS_PLAN);
    await waitFor(() => timelineTab(PROBLEMS_PLAN), { what: `the panel titled for ${PROBLEMS_PLAN}` });
    const channels = channelIds(editor.document.getText()).length;
    const status = await waitFor(
      async () => {
        const current = await timelineStatus();
        return isDrawn(current, editor.document, channels) ? current : undefined;
      },
      { what: `the webview to draw ${PROBLEMS_PLAN}'s ${channels} channels` },
    );
    assert.equal(timelineTabs().length, 1, 'still one panel');
    assert.ok(status.visible);
  });
});
