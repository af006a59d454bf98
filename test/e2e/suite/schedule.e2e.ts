// Scheduling you can touch, in the real VS Code: a bar of the timeline dragged with the mouse
// (the runner's Playwright mouse inside the webview's iframe) changes only the date scalars of
// a plan written with comments, quoted dates, flow style and CRLF; one undo reverts the drag;
// Shift drags the dependants along in the same edit; a move made on an old timeline is refused;
// "Throughline: Shift Channel…" answered with the keyboard; and the rescheduling code actions
// through VS Code's refactor preview.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { changedDates } from '../../helpers/dateScalars';
import { CONTENT_WEEK_LATER_CASCADED, WRITTEN_CHANNELS } from '../../helpers/writtenPlan';
import { COMMANDS, INTERNAL_COMMANDS } from '../../../client/src/commandIds.js';
import type { RescheduleOutcome } from '../../../client/src/schedule/applyReschedule.js';
import { diagnosticsWithCode, revert, waitFor, waitForDiagnostics, workspaceUri } from './helpers';
import { requestInput } from './runnerHooks';
import { rangeOf } from './planText';
import { isDrawn, timelineStatus } from './timelinePanel';

const PLAN = 'schedule.plan.yaml';
const TEXT = [
  '# A plan as people write it: comments, quoted dates, flow and block style, CRLF line breaks',
  'plan: Scheduling in the timeline   # the title',
  'objective: { id: goal, statement: Sell, metric: sales, target: 10, deadline: 2026-12-31 }',
  ...WRITTEN_CHANNELS,
].join('\r\n');

async function openPlan(): Promise<vscode.TextDocument> {
  const uri = workspaceUri(PLAN);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(TEXT));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
  assert.equal(document.getText(), TEXT, 'the plan opens as written, CRLF included');
  return document;
}

/** The timeline of the plan, drawn for its current version (the panel opened beside it if needed). */
async function drawnTimeline(document: vscode.TextDocument) {
  await vscode.commands.executeCommand(COMMANDS.openTimelinePreview, document.uri);
  return waitFor(
    async () => {
      const status = await timelineStatus();
      return isDrawn(status, document, 3) ? status : undefined;
    },
    { what: `the timeline of ${PLAN} drawn at version ${document.version}` },
  );
}

async function setCascade(on: boolean): Promise<void> {
  await vscode.commands.executeCommand(INTERNAL_COMMANDS.timelineMessage, { type: 'cascade', on });
}

/** Undo in the plan's editor, once, and the text is back. */
async function undoOnce(document: vscode.TextDocument, expected: string): Promise<void> {
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
  await vscode.commands.executeCommand('undo');
  await waitFor(() => document.getText() === expected, { what: 'one undo to restore the text' });
}

function changeOf(document: vscode.TextDocument, before: string): Promise<string[]> {
  return waitFor(() => (document.getText() === before ? undefined : changedDates(before, document.getText())), { what: 'the plan to change' });
}

suite('scheduling', () => {
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    document = await openPlan();
  });
  suiteTeardown(async () => {
    await revert(document, TEXT);
  });

  test('timeline: dragging a bar moves only its date scalars; one undo reverts the drag', async function () {
    await setCascade(false);
    await drawnTimeline(document);
    if (!(await requestInput([{ kind: 'drag', channel: 'content', grip: 'middle', days: 7 }]))) return this.skip();
    assert.deepEqual(await changeOf(document, TEXT), ['"2026-06-01" → "2026-06-08"', "'2026-06-30' → '2026-07-07'"]);
    const status = await timelineStatus();
    assert.equal(status.moves.applied, 1);
    assert.match(status.note ?? '', /^Moved `content` \+7 days\./);
    await waitFor(() => diagnosticsWithCode(document.uri, 'dependency-violated').length === 1, { what: 'search to start before content ends' });
    await undoOnce(document, TEXT);
  });

  test('timeline: with Shift the dependants move in the same edit, and one undo reverts them all', async function () {
    await setCascade(false);
    await drawnTimeline(document);
    if (!(await requestInput([{ kind: 'drag', channel: 'content', grip: 'middle', days: 7, shift: true }]))) return this.skip();
    assert.deepEqual(await changeOf(document, TEXT), CONTENT_WEEK_LATER_CASCADED);
    await waitFor(async () => (await timelineStatus()).version === document.version, { what: 'the timeline to follow the edit' });
    assert.deepEqual(diagnosticsWithCode(document.uri, 'dependency-violated'), []);
    await undoOnce(document, TEXT);
  });

  test('timeline: dragging the end of a bar changes only its end; the toolbar toggle makes the cascade the default', async function () {
    await setCascade(true);
    await drawnTimeline(document);
    if (!(await requestInput([{ kind: 'drag', channel: 'search', grip: 'end', days: 3 }]))) return this.skip();
    assert.deepEqual(await changeOf(document, TEXT), ['2026-07-31 → 2026-08-03', '2026-08-31 → 2026-09-03', '2026-08-01 → 2026-08-04']);
    assert.equal((await timelineStatus()).cascade, true);
    await undoOnce(document, TEXT);
    await setCascade(false);
  });

  test('timeline: a move made on an older timeline is refused with a note, and nothing changes', async () => {
    const status = await drawnTimeline(document);
    const accepted = await vscode.commands.executeCommand<boolean>(INTERNAL_COMMANDS.timelineMessage, {
      type: 'move',
      channel: 'content',
      version: status.version! - 1,
      start: '2026-06-02',
      end: '2026-07-01',
      cascade: false,
    });
    assert.equal(accepted, false);
    assert.match((await timelineStatus()).note ?? '', /changed while you dragged: nothing was moved/);
    assert.equal(document.getText(), TEXT);
  });

  test('Shift Channel…: a channel, a shift and the cascade answered with the keyboard; one undo', async function () {
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    const running = vscode.commands.executeCommand<RescheduleOutcome | undefined>(COMMANDS.shiftChannel);
    const typed = await requestInput([
      { kind: 'keys', quickInputTitle: 'Shift Channel: which channel?', text: 'search', press: ['Enter'] },
      { kind: 'keys', quickInputTitle: 'Shift search: how far?', text: '+1w', press: ['Enter'] },
      // The remembered choice (only this channel) is listed first; the second moves the dependants too.
      { kind: 'keys', quickInputTitle: 'Shift search: its dependants?', press: ['ArrowDown', 'Enter'] },
    ]);
    if (!typed) {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return this.skip();
    }
    const outcome = await running;
    assert.equal(outcome?.refused, false, outcome?.text);
    assert.deepEqual(outcome?.moved, ['`search` +7 days', '`email` +7 days']);
    assert.deepEqual(changedDates(TEXT, document.getText()), [
      '2026-07-01 → 2026-07-08',
      '2026-07-31 → 2026-08-07',
      '2026-08-31 → 2026-09-07',
      '2026-08-01 → 2026-08-08',
    ]);
    await undoOnce(document, TEXT);
  });

  test('Shift Channel… from a keybinding: the answers as arguments; a bad shift is refused', async () => {
    const outcome = await vscode.commands.executeCommand<RescheduleOutcome>(COMMANDS.shiftChannel, {
      uri: document.uri,
      channel: 'email',
      shift: '-2w',
      cascade: false,
    });
    assert.deepEqual(outcome.moved, ['`email` -14 days']);
    assert.deepEqual(changedDates(TEXT, document.getText()), ['2026-08-31 → 2026-08-17', '2026-08-01 → 2026-07-18']);
    await undoOnce(document, TEXT);
    const refused = await vscode.commands.executeCommand<RescheduleOutcome>(COMMANDS.shiftChannel, { uri: document.uri, channel: 'email', shift: 'soon' });
    assert.equal(refused.refused, true);
    assert.match(refused.text, /A shift is a whole number of days, weeks or business days/);
  });

  for (const { title, kind, where } of [
    { title: 'Reschedule dependants of `content`', kind: 'refactor.rewrite', where: /^ {2}(content):/m },
    { title: 'Reschedule the whole plan', kind: 'source.reschedule', where: /^(plan):/m },
  ]) {
    test(`code action "${title}": previewed in VS Code's refactor preview, applied, no dependency left violated`, async () => {
      // search runs on into August, so email starts before search ends.
      const edited = new vscode.WorkspaceEdit();
      edited.replace(document.uri, rangeOf(document, /search: \{[^}]*end: (2026-07-31)/), '2026-08-10');
      assert.ok(await vscode.workspace.applyEdit(edited));
      const before = document.getText();
      await waitForDiagnostics(document.uri, () => diagnosticsWithCode(document.uri, 'dependency-violated').length === 1, { what: 'email to start too early' });
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        rangeOf(document, where),
        kind,
        1,
      );
      const action = actions.find((candidate) => candidate.title === title);
      assert.ok(action?.edit, `offered and resolved: ${actions.map((candidate) => candidate.title).join(' | ')}`);
      assert.equal(action.kind?.value, kind);
      // The edit needs confirmation: VS Code opens its refactor preview, and applies on Apply.
      const applying = vscode.workspace.applyEdit(action.edit);
      await waitFor(
        async () => {
          await vscode.commands.executeCommand('refactorPreview.apply');
          return document.getText() !== before;
        },
        { what: 'the refactor preview to apply', interval: 300 },
      );
      assert.equal(await applying, true);
      const changed = changedDates(before, document.getText());
      assert.deepEqual(changed, ['2026-08-31 → 2026-09-10', '2026-08-01 → 2026-08-11']);
      await waitForDiagnostics(document.uri, () => diagnosticsWithCode(document.uri, 'dependency-violated').length === 0, { what: 'no dependency violated' });
      await revert(document, TEXT);
    });
  }
});
