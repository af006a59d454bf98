import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { buildServer, LspClient } from '../helpers/lspClient.js';

// The cross-file mechanism over the real protocol: a plan's actuals CSV is read from disk,
// watched, preferred from an open editor, and its problems published on its own URI.

const PLAN = readFileSync('examples/midflight/q3-midflight.plan.yaml', 'utf8');
const CSV = readFileSync('examples/midflight/q3.actuals.csv', 'utf8');
const codes = (diagnostics: { code?: unknown }[]) => diagnostics.map((d) => String(d.code));
const messages = (diagnostics: { message: unknown }[]) => diagnostics.map((d) => String(d.message));

describe('actuals files in the language server', () => {
  let root: string;
  let client: LspClient;
  const uri = (name: string) => pathToFileURL(join(root, name)).href;

  before(async () => {
    await buildServer();
    root = mkdtempSync(join(tmpdir(), 'throughline-actuals-'));
    writeFileSync(join(root, 'q3.plan.yaml'), PLAN);
    writeFileSync(join(root, 'q3.actuals.csv'), CSV);
    writeFileSync(join(root, 'other.plan.yaml'), PLAN.replace('./q3.actuals.csv', './other.actuals.csv'));
    client = await LspClient.start({ workspaceFolders: [pathToFileURL(root).href] });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('checks a workspace plan with its CSV read: the pace from the CSV rows, and no problems in the CSV', async () => {
    const plan = await client.waitForDiagnostics(uri('q3.plan.yaml'));
    assert.ok(codes(plan.diagnostics).includes('kpi-off-pace'), codes(plan.diagnostics).join());
    assert.ok(messages(plan.diagnostics).some((message) => message.includes('960 on 2026-08-11 (line 20 of `./q3.actuals.csv`)')));
    const csv = await client.waitForDiagnostics(uri('q3.actuals.csv'));
    assert.deepEqual(csv.diagnostics, []);
    const missing = await client.waitForDiagnostics(uri('other.plan.yaml'));
    assert.ok(messages(missing.diagnostics).some((message) => /^`\.\/other\.actuals\.csv` cannot be read: there is no such file\./.test(message)));
  });

  it('re-reads the CSV when the client reports it changed: its problems are published on it, and the plan is checked again', async () => {
    const since = client.received.length;
    writeFileSync(join(root, 'q3.actuals.csv'), `${CSV}2026-02-30,paid-conversions,actual,1\n2026-08-12,paid-conversion,actual,5\n`);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('q3.actuals.csv'), type: 2 }] });
    const csv = await client.waitForDiagnostics(uri('q3.actuals.csv'), (params) => params.diagnostics.length > 0, since);
    assert.deepEqual(
      csv.diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.code, d.severity]),
      [
        [32, 0, 'actuals-file', 1],
        [33, 11, 'actuals-file', 1],
      ],
    );
    assert.match(String(csv.diagnostics[1]!.message), /did you mean `paid-conversions`\?/);
    await client.waitForDiagnostics(uri('q3.plan.yaml'), () => true, since);
  });

  it('an open editor text of the CSV wins over the disk, saved or not', async () => {
    await client.open(uri('q3.plan.yaml'), PLAN);
    const opened = await client.diagnosticsFor(uri('q3.plan.yaml'), 1);
    assert.ok(codes(opened.diagnostics).includes('kpi-off-pace'));
    const since = client.received.length;
    // Typing a better week into the CSV in the editor puts paid-conversions back on pace.
    const edited = CSV.replace('2026-08-11,paid-conversions,actual,960', '2026-08-11,paid-conversions,actual,1200');
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri('q3.actuals.csv'), languageId: 'csv', version: 1, text: edited },
    });
    const onPace = await client.waitForDiagnostics(uri('q3.plan.yaml'), (params) => !codes(params.diagnostics).includes('kpi-off-pace'), since);
    assert.equal(onPace.version, 1);
    const csv = await client.waitForDiagnostics(uri('q3.actuals.csv'), (params) => params.diagnostics.length === 0, since);
    assert.deepEqual(csv.diagnostics, []);
  });

  it('answers requests about an open CSV with no result, not as a plan', async () => {
    const hover = await client.request('textDocument/hover', { textDocument: { uri: uri('q3.actuals.csv') }, position: { line: 1, character: 3 } });
    const lenses = await client.request('textDocument/codeLens', { textDocument: { uri: uri('q3.actuals.csv') } });
    const completion = await client.request('textDocument/completion', { textDocument: { uri: uri('q3.actuals.csv') }, position: { line: 0, character: 0 } });
    assert.deepEqual([hover, lenses, completion], [null, null, null]);
  });

  it('closing the CSV editor reads the disk again', async () => {
    const since = client.received.length;
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('q3.actuals.csv') } });
    const back = await client.waitForDiagnostics(uri('q3.plan.yaml'), (params) => codes(params.diagnostics).includes('kpi-off-pace'), since);
    assert.ok(back);
    const csv = await client.waitForDiagnostics(uri('q3.actuals.csv'), (params) => params.diagnostics.length === 2, since);
    assert.equal(csv.diagnostics.length, 2);
  });
});
