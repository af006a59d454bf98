// After launch, on the mid-flight plan (a copy of examples/midflight: phasing, spend, KPI actuals
// inline and in q3.actuals.csv, as_of 2026-08-15): the KPI hover and code lens give the pace,
// the channel hover gives the money, and writing the CSV on disk changes the plan's Problems.
// Only the vscode API, so the web suite runs it too.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, hoverAt, openInEditor, waitFor, waitForDiagnostics, workspaceUri } from './helpers';
import { rangeOf } from './planText';

const PLAN = 'midflight/q3-midflight.plan.yaml';
const CSV = 'midflight/q3.actuals.csv';
const KEY = (id: string) => new RegExp(`^ {2}(${id}):$`, 'm');

const offPace = (diagnostics: vscode.Diagnostic[]) => diagnostics.filter((d) => diagnosticCode(d) === 'kpi-off-pace');

suite('after launch', () => {
  let document: vscode.TextDocument;
  suiteSetup(async () => {
    document = (await openInEditor(PLAN)).document;
    // The CSV is read by the server: its rows are in the pace once paid-conversions is behind.
    await waitForDiagnostics(document.uri, (found) => offPace(found).length === 1, { what: 'kpi-off-pace on paid-conversions, from the CSV rows' });
  });

  test('hover on a KPI shows its pace: latest actual (from the CSV), the expected value, the forecast, behind pace', async () => {
    const text = await hoverAt(document, rangeOf(document, KEY('paid-conversions')).start);
    assert.match(text, /\*\*Pace\*\* \(as of 2026-08-15\)/, text);
    assert.match(text, /Latest actual: 960 on 2026-08-11[^\n]*q3\.actuals\.csv/, `the latest actual is the CSV's row:\n${text}`);
    assert.match(text, /Expected on the pace line: 1,171/, text);
    assert.match(text, /Forecast at the deadline \(2026-09-30\): 2,173/, text);
    assert.match(text, /\*\*Behind pace\*\*/, text);
  });

  test('hover on a channel shows its money; the KPI code lens says how far along it is', async () => {
    const money = await hoverAt(document, rangeOf(document, KEY('paid-search')).start);
    assert.match(money, /\*\*Money\*\* \(as of 2026-08-15\)/, money);
    assert.match(money, /Budget £180,000 · phased £180,000 · committed £88,000 · actual £82,500/, money);

    const kpiLine = rangeOf(document, KEY('paid-conversions')).start.line;
    const lenses = await waitFor(
      async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100);
        const onKpi = found.filter((lens) => lens.range.start.line === kpiLine && lens.command?.title);
        return onKpi.length > 0 ? onKpi : undefined;
      },
      { what: 'a code lens on paid-conversions' },
    );
    assert.ok(
      lenses.some((lens) => /36\.9% of target · behind pace$/.test(lens.command!.title)),
      lenses.map((lens) => lens.command!.title).join(' | '),
    );
  });

  test('writing the actuals CSV on disk re-checks the plan: a better week clears kpi-off-pace, a broken row is a problem in the CSV', async () => {
    const csv = workspaceUri(CSV);
    const original = await vscode.workspace.fs.readFile(csv);
    const write = (text: string) => vscode.workspace.fs.writeFile(csv, new TextEncoder().encode(text));
    try {
      await write(`${new TextDecoder().decode(original)}2026-08-14,paid-conversions,actual,1400\n2026-08-14,paid-conversions,actual,lots\n`);
      await waitForDiagnostics(document.uri, (found) => offPace(found).length === 0, { what: 'kpi-off-pace to go once the CSV has 1,400 on 2026-08-14' });
      const problems = await waitForDiagnostics(csv, (found) => found.length > 0, { what: 'the bad row to be a problem in the CSV' });
      const bad = problems.find((d) => d.range.start.line === 33);
      assert.ok(bad, `a problem on line 34 of the CSV: ${problems.map((d) => `${d.range.start.line + 1}: ${d.message}`).join(' | ')}`);
      assert.match(bad.message, /lots/, bad.message);
    } finally {
      await vscode.workspace.fs.writeFile(csv, original);
    }
    await waitForDiagnostics(document.uri, (found) => offPace(found).length === 1, { what: 'kpi-off-pace to come back with the CSV restored' });
    await waitForDiagnostics(csv, (found) => found.length === 0, { what: "the CSV's problem to go" });
  });
});
