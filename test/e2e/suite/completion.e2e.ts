// Completion through VS Code's command: inside `depends_on` it offers the plan's channel ids,
// on a fresh list item and on a half-typed one.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CLEAN_PLAN, openInEditor, replaceText, revert } from './helpers';
import { at, channelIds, rangeOf } from './planText';

function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The range a completion item replaces (VS Code gives either a range or an insert/replace pair). */
function replacedRange(item: vscode.CompletionItem): vscode.Range | undefined {
  return item.range instanceof vscode.Range ? item.range : item.range?.replacing;
}

async function completionsAt(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items;
}

suite('completion', () => {
  // paid-search depends on content-hub and seo; the test retypes its content-hub entry.
  const OWNER = 'paid-search';
  const DEPENDENCY = /^ {2}paid-search:\n(?: {4}.*\n)*? {4}depends_on:\n {6}- (content-hub)$/m;

  test('inside depends_on: the other channels, not the channel itself', async () => {
    const { document } = await openInEditor(CLEAN_PLAN);
    const original = document.getText();
    try {
      const ids = channelIds(document.getText());
      assert.ok(ids.length >= 4 && ids.includes(OWNER), `channel ids of the plan: ${ids.join(', ')}`);
      const entry = rangeOf(document, DEPENDENCY);
      await replaceText(document, entry, '');

      const labels = (await completionsAt(document, entry.start)).map(label);
      const listedBesides = ['seo']; // the other entry still in the list
      for (const id of ids.filter((id) => id !== OWNER && !listedBesides.includes(id))) {
        assert.ok(labels.includes(id), `completion at ${at(entry)} offers channel ${id}; got ${labels.join(', ')}`);
      }
      assert.ok(!labels.includes(OWNER), `${OWNER} is not offered as its own dependency`);
    } finally {
      await revert(document, original);
    }
  });

  test('on a half-typed id: the matching channel, replacing what was typed', async () => {
    const { document } = await openInEditor(CLEAN_PLAN);
    const original = document.getText();
    try {
      const entry = rangeOf(document, DEPENDENCY);
      await replaceText(document, entry, 'cont');
      const typed = new vscode.Range(entry.start, entry.start.translate(0, 'cont'.length));

      const item = (await completionsAt(document, typed.end)).find((candidate) => label(candidate) === 'content-hub');
      assert.ok(item, `content-hub is offered after "- cont" at ${at(typed.end)}`);
      const replaced = replacedRange(item);
      assert.ok(replaced?.isEqual(typed), `it replaces "cont" (${at(typed)}), not ${replaced ? at(replaced) : 'nothing'}`);
    } finally {
      await revert(document, original);
    }
  });
});
