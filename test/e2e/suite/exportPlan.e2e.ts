// "Throughline: Export Plan…" in the real VS Code: the command asks for a format in a quick
// pick and for a file in a save dialog (both answered here by replacing the two window
// functions for the length of one command), and writes a file a calendar or a spreadsheet
// reads: the iCalendar parsed with ical.js, the CSV with csv-parse.
import * as assert from 'node:assert/strict';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import * as vscode from 'vscode';
import { CLEAN_PLAN, openInEditor, waitFor, workspaceUri } from './helpers';

interface Answers {
  format: string;
  target: vscode.Uri;
}

/** Runs the command with the quick pick and the save dialog answered; returns what they were shown. */
async function exportWith(answers: Answers): Promise<{ offered: string[]; dialog: vscode.SaveDialogOptions | undefined; result: unknown }> {
  const window = vscode.window as { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };
  const { showQuickPick, showSaveDialog } = window;
  let offered: string[] = [];
  let dialog: vscode.SaveDialogOptions | undefined;
  window.showQuickPick = (async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => {
    const list = await items;
    offered = list.map((item) => item.label);
    return list.find((item) => item.label === answers.format);
  }) as unknown as typeof vscode.window.showQuickPick;
  window.showSaveDialog = async (options) => {
    dialog = options;
    return answers.target;
  };
  try {
    const result = await vscode.commands.executeCommand('throughline.exportPlan');
    return { offered, dialog, result };
  } finally {
    window.showQuickPick = showQuickPick;
    window.showSaveDialog = showSaveDialog;
  }
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

suite('export plan', () => {
  suiteSetup(async () => {
    const editor = await openInEditor(CLEAN_PLAN);
    // The clean plan has no diagnostics to wait for: the server has it once it answers with its outline.
    await waitFor(
      async () => {
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', editor.document.uri);
        return (symbols?.length ?? 0) > 0;
      },
      { what: `the language server to have ${CLEAN_PLAN} open` },
    );
  });

  test('Export Plan… offers SVG, HTML, iCalendar and CSV, and writes an iCalendar that ical.js reads', async () => {
    const target = workspaceUri('exports/q3-acquisition.ics');
    const { offered, dialog, result } = await exportWith({ format: 'iCalendar', target });
    assert.deepEqual(offered, ['SVG', 'HTML', 'iCalendar', 'CSV']);
    assert.equal(dialog?.defaultUri?.path.replace(/.*\//, ''), 'q3-acquisition.ics', 'the dialog suggests a file beside the plan');
    assert.deepEqual(dialog?.filters, { iCalendar: ['ics'] });
    assert.equal((result as vscode.Uri | undefined)?.toString(), target.toString());
    const text = await readText(target);
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'), 'CRLF line ends');
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    assert.equal(events.length, 16);
    assert.ok(events.some((event) => event.summary === 'Launch: paid-search' && event.startDate.toString() === '2026-07-01'));
    assert.ok(events.some((event) => event.summary === 'Weekly review' && event.isRecurring()));
    assert.ok(events.every((event) => /^[a-z-]+-[A-Za-z0-9._-]+-[0-9a-f]{16}@throughline$/.test(event.uid)));
  });

  test('Export Plan… as CSV writes the open text, unsaved edits included, with formula cells neutralised', async () => {
    const editor = await openInEditor(CLEAN_PLAN);
    const owner = editor.document.getText().indexOf('owner: SEO lead');
    assert.ok(owner > 0);
    await editor.edit((edit) =>
      edit.replace(new vscode.Range(editor.document.positionAt(owner), editor.document.positionAt(owner + 'owner: SEO lead'.length)), 'owner: "=SEO lead"'),
    );
    try {
      const target = workspaceUri('exports/q3-acquisition.csv');
      await exportWith({ format: 'CSV', target });
      const rows = parseCsv(await readText(target), { bom: true, columns: true }) as Record<string, string>[];
      assert.deepEqual(
        rows.map((row) => `${row.record}:${row.id}`),
        [
          'channel:seo',
          'channel:content-hub',
          'channel:paid-search',
          'channel:email-nurture',
          'kpi:organic-sessions',
          'kpi:assisted-signups',
          'kpi:paid-conversions',
          'kpi:email-conversions',
        ],
      );
      assert.equal(rows[0]!.owner, "'=SEO lead", 'the unsaved edit is exported, and cannot run as a formula');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('Export Plan… as HTML writes a self-contained page; as SVG it goes through the timeline export', async () => {
    await openInEditor(CLEAN_PLAN);
    const html = workspaceUri('exports/q3-acquisition.timeline.html');
    await exportWith({ format: 'HTML', target: html });
    const page = await readText(html);
    assert.match(page, /^<!DOCTYPE html>/);
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    assert.doesNotMatch(page, /<script/);
    const svg = workspaceUri('exports/q3-acquisition.timeline.svg');
    const { dialog } = await exportWith({ format: 'SVG', target: svg });
    assert.equal(dialog?.title, 'Export Timeline as SVG');
    assert.match(await readText(svg), /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });
});
