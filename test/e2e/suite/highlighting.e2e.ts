// Semantic highlighting, document links and code lenses that act, in the real VS Code: the
// tokens VS Code gets for a plan, a link from `imports` to the library file, the "N dependants"
// lens listing references and "open in timeline" highlighting the channel's bar.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { CLEAN_PLAN, openInEditor, waitFor } from './helpers';
import { rangeOf } from './planText';
import { timelineStatus } from './timelinePanel';

interface Token {
  text: string;
  type: string;
  modifiers: string[];
}

function decode(document: vscode.TextDocument, tokens: vscode.SemanticTokens, legend: vscode.SemanticTokensLegend): Token[] {
  const result: Token[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < tokens.data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, modifiers] = Array.from(tokens.data.slice(i, i + 5)) as [number, number, number, number, number];
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    result.push({
      text: document.lineAt(line).text.slice(character, character + length),
      type: legend.tokenTypes[type]!,
      modifiers: legend.tokenModifiers.filter((_, bit) => (modifiers & (1 << bit)) !== 0),
    });
  }
  return result;
}

suite('semantic highlighting, links and code lenses', () => {
  test('semantic tokens colour channel, KPI, stage and objective ids, definitions marked', async () => {
    const { document } = await openInEditor(CLEAN_PLAN);
    const legend = await waitFor(
      async () => vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentSemanticTokensLegend', document.uri),
      {
        what: 'the semantic tokens legend',
      },
    );
    const tokens = await waitFor(
      async () => vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', document.uri),
      {
        what: 'semantic tokens',
      },
    );
    const of = (text: string) =>
      decode(document, tokens, legend)
        .filter((token) => token.text === text)
        .map((token) => [token.type, ...token.modifiers].join('.'));
    assert.deepEqual(of('content-hub'), ['function.declaration.definition', 'function']);
    assert.deepEqual(of('assisted-signups'), ['variable', 'variable', 'variable.declaration.definition']);
    assert.deepEqual(of('aware'), ['enumMember.declaration.definition', 'enumMember']);
    assert.equal(of('q3-acquisition')[0], 'class.declaration.definition');
  });

  test('an imports entry links to the library file beside the plan', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'throughline-links-'));
    try {
      const planPath = join(folder, 'linked.plan.yaml');
      writeFileSync(planPath, 'plan: Linked\nimports:\n  - ./shared/kpis.plan-library.yaml\nactuals_file: q3.actuals.csv\n');
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(planPath));
      await vscode.window.showTextDocument(document, { preview: false });
      const links = await waitFor(
        async () => {
          const found = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
          return found && found.length === 2 ? found : undefined;
        },
        { what: 'two document links' },
      );
      assert.deepEqual(
        links.map((link) => [document.getText(link.range), link.target?.toString()]),
        [
          ['./shared/kpis.plan-library.yaml', vscode.Uri.file(join(folder, 'shared', 'kpis.plan-library.yaml')).toString()],
          ['q3.actuals.csv', vscode.Uri.file(join(folder, 'q3.actuals.csv')).toString()],
        ],
      );
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('code lenses: "1 dependant" lists the dependant, "open in timeline" highlights the bar', async () => {
    const { document } = await openInEditor(CLEAN_PLAN);
    const key = rangeOf(document, /^ {2}(content-hub):$/m);
    const lenses = await waitFor(
      async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100);
        const here = found?.filter((lens) => lens.range.start.line === key.start.line) ?? [];
        return here.some((lens) => lens.command?.title === 'open in timeline') ? here : undefined;
      },
      { what: 'the code lenses of content-hub' },
    );
    const dependants = lenses.find((lens) => lens.command?.title === '1 dependant');
    assert.equal(dependants?.command?.command, 'throughline.showReferences');
    // The extension turns the server's LSP arguments into VS Code's; the references view opens without an error.
    await vscode.commands.executeCommand(dependants!.command!.command, ...(dependants!.command!.arguments ?? []));
    await vscode.commands.executeCommand('closeReferenceSearch');

    const reveal = lenses.find((lens) => lens.command?.title === 'open in timeline')!;
    await vscode.commands.executeCommand(reveal.command!.command, ...(reveal.command!.arguments ?? []));
    const status = await waitFor(
      async () => {
        const current = await timelineStatus();
        return current.open && current.uri === document.uri.toString() && current.highlighted === 'content-hub' && current.rendered ? current : undefined;
      },
      { what: 'the timeline to open with content-hub highlighted' },
    );
    assert.equal(status.highlighted, 'content-hub');
  });
});
