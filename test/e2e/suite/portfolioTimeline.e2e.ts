// The portfolio timeline in the real VS Code: the command on a portfolio opens the panel with a
// lane per member plan (a path and a glob), drawn by the webview; an edit of a member plan shows
// in the panel; a lane click opens that plan, and a URI that is not a lane is refused.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS, INTERNAL_COMMANDS } from '../../../client/src/commandIds.js';
import type { PortfolioTimelineStatus } from '../../../client/src/preview/portfolioTimeline';
import { openInEditor, replaceText, revert, waitFor, workspaceUri } from './helpers';

const FOLDER = 'e2e-portfolio';
const PORTFOLIO = `${FOLDER}/growth.portfolio.yaml`;
const plan = (title: string, start: string, end: string, total: number) => `plan: ${title}
period: { start: ${start}, end: ${end} }
budget: { total: ${total}, currency: GBP }
objective: { id: ${title.toLowerCase().replace(/\W+/g, '-')}, statement: Grow ${title}, traces_to: growth }
channels:
  seo: { type: owned, mode: inbound, start: ${start}, end: ${end} }
`;
const FILES: Record<string, string> = {
  [PORTFOLIO]: `portfolio: E2E growth
budget: { total: 100000, currency: GBP }
objective: { id: growth, statement: More customers, deadline: 2026-12-31 }
plans:
  - ./uk.plan.yaml
  - ./regions/*.plan.yaml
`,
  [`${FOLDER}/uk.plan.yaml`]: plan('UK', '2026-10-01', '2026-12-31', 60000),
  [`${FOLDER}/regions/ireland.plan.yaml`]: plan('Ireland', '2026-11-01', '2026-12-15', 30000),
};

const status = () => vscode.commands.executeCommand<PortfolioTimelineStatus>(INTERNAL_COMMANDS.portfolioTimelineStatus);
const send = (message: unknown) => vscode.commands.executeCommand<boolean>(INTERNAL_COMMANDS.portfolioTimelineMessage, message);

suite('portfolio timeline', () => {
  suiteSetup(async () => {
    for (const [path, text] of Object.entries(FILES)) await vscode.workspace.fs.writeFile(workspaceUri(path), new TextEncoder().encode(text));
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceUri(FOLDER), { recursive: true });
  });

  test('Open Portfolio Timeline on a portfolio: a lane per plan, drawn in the panel; a member edit shows; a lane click opens its plan', async () => {
    const editor = await openInEditor(PORTFOLIO);
    await vscode.commands.executeCommand(COMMANDS.openPortfolioTimeline);
    const uk = workspaceUri(`${FOLDER}/uk.plan.yaml`).toString();
    const ireland = workspaceUri(`${FOLDER}/regions/ireland.plan.yaml`).toString();
    const shown = await waitFor(
      async () => {
        const now = await status();
        if (now.open && now.uri === editor.document.uri.toString() && now.rendered === 2) return now;
        // What the panel shows so far, in the timeout's message.
        const problems = vscode.languages.getDiagnostics(editor.document.uri).map((diagnostic) => diagnostic.message);
        throw new Error(`the panel shows ${JSON.stringify(now)}; the portfolio's problems: ${JSON.stringify(problems)}`);
      },
      { what: 'the portfolio timeline drawn with two lanes', timeout: 40_000 },
    );
    assert.deepEqual(shown.lanes, [uk, ireland]);
    assert.deepEqual(shown.titles, ['UK', 'Ireland']);
    const tab = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .find((candidate) => candidate.input instanceof vscode.TabInputWebview && candidate.input.viewType.endsWith('throughline.portfolioTimeline'));
    assert.equal(tab?.label, 'Portfolio: growth.portfolio.yaml');

    // An edit of a member plan (unsaved, in its editor) shows in the panel.
    const member = await openInEditor(`${FOLDER}/uk.plan.yaml`);
    await replaceText(member.document, member.document.lineAt(0).range, 'plan: United Kingdom');
    await waitFor(async () => (await status()).titles[0] === 'United Kingdom', { what: 'the renamed plan in the panel', timeout: 30_000 });

    // A lane click opens that plan; a URI that is not a lane of the timeline is refused.
    assert.equal(await send({ type: 'openPlan', uri: ireland }), true);
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === ireland, { what: 'the Ireland plan in the editor' });
    assert.equal(await send({ type: 'openPlan', uri: workspaceUri('q3-acquisition.plan.yaml').toString() }), false);
    assert.equal(await send({ type: 'openPlan', uri: 'command:workbench.action.quit' }), false);
    const after = await status();
    assert.deepEqual(after.opened, [ireland]);
    assert.equal(after.refused, 2);
    await revert(member.document, FILES[`${FOLDER}/uk.plan.yaml`]!);
  });
});
