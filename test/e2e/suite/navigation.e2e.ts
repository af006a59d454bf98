// Hover, go to definition, find references and rename on channel and KPI ids of the clean
// plan, through VS Code's commands (so through the language client and server).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CLEAN_PLAN, hoverAt, openInEditor, revert } from './helpers';
import { at, rangeOf } from './planText';

// In q3-acquisition.plan.yaml paid-search depends on content-hub and seo, and email-nurture
// depends on paid-search.
const KEY = (id: string) => new RegExp(`^ {2}(${id}):$`, 'm');

/** Definitions as (uri, range of the target's name): LocationLink's selection range, or Location's range. */
async function definitionsAt(document: vscode.TextDocument, position: vscode.Position): Promise<Array<{ uri: vscode.Uri; range: vscode.Range }>> {
  const results = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
    'vscode.executeDefinitionProvider',
    document.uri,
    position,
  );
  return results.map((result) =>
    'targetUri' in result ? { uri: result.targetUri, range: result.targetSelectionRange ?? result.targetRange } : { uri: result.uri, range: result.range },
  );
}

suite('navigation', () => {
  let document: vscode.TextDocument;
  suiteSetup(async () => {
    document = (await openInEditor(CLEAN_PLAN)).document;
  });

  test('hover on a channel names its dependants (and what it depends on)', async () => {
    const contentHub = await hoverAt(document, rangeOf(document, KEY('content-hub')).start);
    assert.match(contentHub, /Downstream[^]*paid-search/, `hover on content-hub names paid-search as a dependant:\n${contentHub}`);

    const paidSearch = await hoverAt(document, rangeOf(document, KEY('paid-search')).start.translate(0, 3));
    assert.match(paidSearch, /Downstream[^]*email-nurture/, `hover on paid-search names email-nurture as a dependant:\n${paidSearch}`);
    assert.match(paidSearch, /Upstream[^]*content-hub[^]*Downstream/, `and content-hub upstream:\n${paidSearch}`);
    assert.match(paidSearch, /Upstream[^]*seo[^]*Downstream/, `and seo upstream:\n${paidSearch}`);
  });

  test('go to definition from depends_on lands on the channel', async () => {
    const cases = [
      { from: /depends_on:\n\s+- (content-hub)/, to: KEY('content-hub') },
      { from: /depends_on: \[\{ on: (paid-search)/, to: KEY('paid-search') },
      { from: /kpis: \[(organic-sessions)\]/, to: KEY('organic-sessions') },
    ];
    for (const { from, to } of cases) {
      const use = rangeOf(document, from);
      const target = rangeOf(document, to);
      const definitions = await definitionsAt(document, use.start.translate(0, 2));
      assert.equal(definitions.length, 1, `one definition of \`${document.getText(use)}\` at ${at(use)}`);
      assert.equal(definitions[0]!.uri.toString(), document.uri.toString());
      assert.ok(
        definitions[0]!.range.start.isEqual(target.start),
        `\`${document.getText(use)}\` at ${at(use)} → ${at(target)}, got ${at(definitions[0]!.range)}`,
      );
    }
  });

  test('find references lists the channel and every use', async () => {
    const key = rangeOf(document, KEY('content-hub'));
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, key.start);
    const expected = [key, rangeOf(document, /depends_on:\n\s+- (content-hub)/)];
    assert.deepEqual(locations.map((location) => at(location.range)).sort(), expected.map(at).sort());
  });

  test('rename changes the channel and every use, and nothing else', async () => {
    const original = document.getText();
    // The id as a key and in depends_on; not the prose that mentions "a content-hub page".
    assert.ok(original.includes('a content-hub page'), 'the plan mentions the id in prose, which rename leaves alone');
    const ids = [rangeOf(document, KEY('content-hub')), rangeOf(document, /depends_on:\n\s+- (content-hub)/)];
    const expected = ids
      .map((range) => [document.offsetAt(range.start), document.offsetAt(range.end)] as const)
      .reduceRight((text, [start, end]) => text.slice(0, start) + 'content-library' + text.slice(end), original);
    try {
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
        'vscode.executeDocumentRenameProvider',
        document.uri,
        ids[0]!.start,
        'content-library',
      );
      assert.ok(edit, 'the rename provider returns an edit');
      assert.deepEqual(
        edit.entries().map(([uri]) => uri.toString()),
        [document.uri.toString()],
        'only this plan is edited',
      );
      assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');

      assert.equal(document.getText(), expected);
    } finally {
      await revert(document, original);
    }
  });
});
