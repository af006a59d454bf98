import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CodeLens, CompletionList, Hover, MarkupContent, TextEdit } from 'vscode-languageserver/node';
import { applyEdits } from '../helpers/applyEdits.js';
import { buildServer, LspClient } from '../helpers/lspClient.js';

// The editor features after launch over the real protocol, on the mid-flight example (as_of
// 2026-08-15, actuals inline and in q3.actuals.csv read from disk by the server): hover on a
// KPI and a channel, the code lenses, month completion inside phasing, and the phasing fixes.

const PLAN = readFileSync('examples/midflight/q3-midflight.plan.yaml', 'utf8');
const CSV = readFileSync('examples/midflight/q3.actuals.csv', 'utf8');
const lineOf = (text: string, line: string) => {
  const index = text.split('\n').indexOf(line);
  assert.ok(index >= 0, `${line} is in the plan`);
  return index;
};
const markdown = (hover: Hover | null) => (hover?.contents as MarkupContent | undefined)?.value ?? '';

describe('after launch over the protocol', () => {
  let root: string;
  let client: LspClient;
  const uri = (name: string) => pathToFileURL(join(root, name)).href;

  before(async () => {
    await buildServer();
    root = mkdtempSync(join(tmpdir(), 'throughline-after-launch-'));
    writeFileSync(join(root, 'q3.plan.yaml'), PLAN);
    writeFileSync(join(root, 'q3.actuals.csv'), CSV);
    client = await LspClient.start({ workspaceFolders: [pathToFileURL(root).href] });
    await client.open(uri('q3.plan.yaml'), PLAN);
    // Once the CSV is read, paid-conversions' latest actual is the CSV's 960: behind pace.
    await client.waitForDiagnostics(uri('q3.plan.yaml'), (params) => params.version === 1 && params.diagnostics.some((d) => d.code === 'kpi-off-pace'));
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('hover on a KPI: the pace line, the latest actual and where it came from, expected, forecast, behind pace', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: uri('q3.plan.yaml') },
      position: { line: lineOf(PLAN, '  paid-conversions:'), character: 4 },
    });
    const text = markdown(hover);
    assert.match(text, /\*\*Pace\*\* \(as of 2026-08-15\)/);
    assert.match(text, /Pace line: 0 on 2026-07-01 → 2,600 on 2026-09-30, the deadline/);
    assert.match(text, /Latest actual: 960 on 2026-08-11 \\\(line 20 of \.\/q3\.actuals\.csv\\\)/);
    assert.match(text, /Expected on the pace line: 1,171 {2}\nForecast at the deadline \(2026-09-30\): 2,173 {2}\n\*\*Behind pace\*\* \(tolerance 10 %\)$/);
  });

  it("hover on a channel: budget, phased, committed, actual (the CSV's row included), money out, burn and remaining", async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: uri('q3.plan.yaml') },
      position: { line: lineOf(PLAN, '  paid-search:'), character: 4 },
    });
    assert.match(
      markdown(hover),
      /\*\*Money\*\* \(as of 2026-08-15\) {2}\nBudget £180,000 · phased £180,000 · committed £88,000 · actual £82,500 {2}\nMoney out £88,000 · burn 48\.9% · remaining £92,000$/,
    );
  });

  it('code lenses: burn and money left on a channel, share of target and pace on a KPI', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri('q3.plan.yaml') } });
    const titlesOn = (line: number) => lenses.filter((lens) => lens.range.start.line === line).map((lens) => lens.command?.title);
    assert.ok(titlesOn(lineOf(PLAN, '  paid-search:')).includes('66.7% of the total (£180,000) · critical path · burn 48.9% · £92,000 left'));
    assert.deepEqual(titlesOn(lineOf(PLAN, '  paid-conversions:')), ['reported by 1 channel · 36.9% of target · behind pace']);
  });

  it("completion inside an empty phasing offers the channel's months, each with its days", async () => {
    const text = PLAN.replace('phasing: { 2026-07: 5000, 2026-08: 5000, 2026-09: 5000 }', 'phasing: {  }');
    await client.open(uri('completion.plan.yaml'), text);
    const line = lineOf(text, '    phasing: {  }');
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: uri('completion.plan.yaml') },
      position: { line, character: '    phasing: { '.length },
    });
    // email-nurture runs 2026-07-08 → 2026-09-30.
    assert.deepEqual(
      list.items.map((item) => [item.label, item.detail]),
      [
        ['2026-07', '24 days of email-nurture'],
        ['2026-08', '31 days of email-nurture'],
        ['2026-09', '30 days of email-nurture'],
      ],
    );
    await client.close(uri('completion.plan.yaml'));
  });

  it('a phasing that does not add up: the quick fixes scale it or spread the budget, and either clears phasing-mismatch', async () => {
    const text = PLAN.replace('phasing: { 2026-07: 60000, 2026-08: 60000, 2026-09: 60000 }', 'phasing: { 2026-07: 60000, 2026-08: 60000, 2026-09: 30000 }');
    const planUri = uri('mismatch.plan.yaml');
    await client.open(planUri, text);
    const published = await client.diagnosticsFor(planUri, 1);
    const mismatch = published.diagnostics.find((d) => d.code === 'phasing-mismatch');
    assert.ok(mismatch, published.diagnostics.map((d) => d.code).join());
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: planUri },
      range: mismatch.range,
      context: { diagnostics: [mismatch], only: ['quickfix'] },
    });
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Scale the phasing of paid-search to its budget of £180,000', "Spread £180,000 evenly over paid-search's months (2026-07 to 2026-09)"],
    );
    let version = 1;
    for (const action of actions) {
      const fixed = applyEdits(text, action.edit!.changes![planUri] as TextEdit[]);
      const since = client.received.length;
      await client.change(planUri, ++version, [{ text: fixed }]);
      const after = await client.diagnosticsFor(planUri, version, since);
      assert.ok(
        !after.diagnostics.some((d) => d.code === 'phasing-mismatch'),
        `${action.title} leaves ${JSON.stringify(after.diagnostics.map((d) => d.message))}`,
      );
      await client.change(planUri, ++version, [{ text }]);
    }
    await client.close(planUri);
  });
});
