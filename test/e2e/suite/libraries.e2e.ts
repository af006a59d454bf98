// Libraries in the real VS Code: a plan importing a library gets the library's KPIs and stages,
// Go to Definition opens the library, and editing the library on disk updates the Problems of
// a plan that is not open (through the file watcher, the client and the server).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, openInEditor, waitFor, waitForDiagnostics, workspaceUri } from './helpers';

const LIBRARY = 'e2e-shared/acquisition.plan-library.yaml';
const OPEN_PLAN = 'e2e-library-open.plan.yaml';
const CLOSED_PLAN = 'e2e-library-closed.plan.yaml';

const library = (stages: string[]) => `kpis:
  paid-conversions:
    owner: Paid media lead
    measure: { definition: New customers from paid search, source: CRM, unit: customers, cadence: weekly }
journey:
${stages.map((stage) => `  - { stage: ${stage}, need: Move on }`).join('\n')}
`;

const plan = (title: string) => `plan: ${title}
owner: Head of Growth
imports: [./e2e-shared/acquisition.plan-library.yaml]
period: { start: 2026-06-01, end: 2026-09-30 }
objective: { id: q3-acquisition, statement: 4000 new customers in Q3, target: 4000, deadline: 2026-09-30 }
channels:
  paid-search:
    type: paid
    mode: outbound
    owner: Paid media lead
    start: 2026-07-01
    end: 2026-09-30
    budget: 1000
    stages: [aware, convert]
    kpis: [paid-conversions]
kpis:
  paid-conversions:
    traces_to: q3-acquisition
    measure: { baseline: 0, target: 2600, ready_by: 2026-06-20 }
`;

const write = (path: string, text: string) => vscode.workspace.fs.writeFile(workspaceUri(path), new TextEncoder().encode(text));
const codes = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).map(diagnosticCode);

suite('libraries', () => {
  suiteSetup(async () => {
    await write(LIBRARY, library(['aware', 'convert']));
    await write(OPEN_PLAN, plan('Open plan'));
    await write(CLOSED_PLAN, plan('Closed plan'));
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const path of [OPEN_PLAN, CLOSED_PLAN, LIBRARY]) await vscode.workspace.fs.delete(workspaceUri(path));
    await vscode.workspace.fs.delete(workspaceUri('e2e-shared'), { recursive: true });
  });

  test('a plan that imports a library: its KPIs and stages are defined, and Go to Definition opens the library', async () => {
    const { document } = await openInEditor(OPEN_PLAN);
    // The plan is checked with the library (an attribution warning and such, but nothing undefined).
    await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.some((d) => diagnosticCode(d) === 'attribution-missing'));
    for (const code of ['kpi-undefined', 'stage-unknown', 'measurement-incomplete']) assert.ok(!codes(document.uri).includes(code), codes(document.uri).join());
    const line = document
      .getText()
      .split('\n')
      .findIndex((text) => text.includes('kpis: [paid-conversions]'));
    const position = new vscode.Position(line, document.lineAt(line).text.indexOf('paid-conversions') + 3);
    const definitions = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
      'vscode.executeDefinitionProvider',
      document.uri,
      position,
    );
    // The library's definition and the plan's refinement (VS Code orders the two itself).
    const found = definitions.map((item) => ('targetUri' in item ? { uri: item.targetUri, range: item.targetSelectionRange ?? item.targetRange } : item));
    const inLibrary = found.find((item) => item.uri.toString() === workspaceUri(LIBRARY).toString());
    assert.ok(inLibrary, found.map((item) => item.uri.toString()).join());
    assert.equal(inLibrary.range.start.line, 1, 'on the KPI key in the library');
    assert.equal(found.length, 2);
  });

  test('a library edited on disk updates the Problems of a plan that is not open', async () => {
    const closed = workspaceUri(CLOSED_PLAN);
    await waitForDiagnostics(closed, (diagnostics) => diagnostics.some((d) => diagnosticCode(d) === 'attribution-missing'), { timeout: 30_000 });
    assert.ok(!codes(closed).includes('stage-unknown'), codes(closed).join());
    await write(LIBRARY, library(['aware']));
    // The watcher may report the file mid-write too (truncated, then written): the last event's read is what counts.
    const stageUnknown = () => vscode.languages.getDiagnostics(closed).filter((d) => diagnosticCode(d) === 'stage-unknown');
    const updated = await waitFor(
      () => {
        const found = stageUnknown();
        return found.length === 1 && /`convert`/.test(found[0]!.message) && found[0];
      },
      { what: `stage-unknown for \`convert\` (and only it) in ${CLOSED_PLAN}`, timeout: 30_000 },
    );
    assert.match(updated.message, /`convert`/);
  });
});
