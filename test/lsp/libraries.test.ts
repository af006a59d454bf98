import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { buildServer, LspClient } from '../helpers/lspClient.js';

// Libraries over the real protocol: a plan's imports are read from disk through the host,
// transitively; definition goes into the library; a library edited on disk or in the editor
// re-checks the open and the closed plans that import it; a library's own problems are
// published on the library, once.

const KPIS = `imports: [./journey.plan-library.yaml]
kpis:
  paid-conversions:
    owner: Paid media lead
    measure: { definition: New customers from paid search, source: CRM, unit: customers, cadence: weekly }
  spare:
    colour: blue
`;
const JOURNEY = `journey:
  - { stage: awareness, need: Know the brand exists }
  - { stage: purchase, need: Buy with confidence }
`;
const PLAN = `plan: Q3 new-customer acquisition
owner: Head of Growth
imports: [./shared/kpis.plan-library.yaml]
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
    stages: [awareness, purchase]
    kpis: [paid-conversions]
kpis:
  paid-conversions:
    traces_to: q3-acquisition
    measure: { baseline: 0, target: 2600, ready_by: 2026-06-20 }
`;
const codes = (diagnostics: { code?: unknown }[]) => diagnostics.map((d) => String(d.code));

describe('libraries in the language server', () => {
  let root: string;
  let client: LspClient;
  const uri = (name: string) => pathToFileURL(join(root, name)).href;

  before(async () => {
    await buildServer();
    root = mkdtempSync(join(tmpdir(), 'throughline-libraries-'));
    mkdirSync(join(root, 'shared'));
    writeFileSync(join(root, 'shared', 'kpis.plan-library.yaml'), KPIS);
    writeFileSync(join(root, 'shared', 'journey.plan-library.yaml'), JOURNEY);
    writeFileSync(join(root, 'q3.plan.yaml'), PLAN);
    writeFileSync(join(root, 'q4.plan.yaml'), PLAN.replace('Q3 new-customer', 'Q4 new-customer'));
    writeFileSync(join(root, 'shared', 'broken.plan-library.yaml'), 'imports: [./missing.plan-library.yaml]\nchannels: {}\n');
    client = await LspClient.start({ workspaceFolders: [pathToFileURL(root).href] });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('checks an open plan with its libraries read transitively: imported KPIs and stages are defined', async () => {
    await client.open(uri('q3.plan.yaml'), PLAN);
    const plan = await client.diagnosticsFor(uri('q3.plan.yaml'), 1);
    for (const code of ['kpi-undefined', 'stage-unknown', 'import-unresolved', 'measurement-missing', 'schema'])
      assert.ok(!codes(plan.diagnostics).includes(code), `${code} in ${codes(plan.diagnostics).join()}`);
  });

  /** What the client shows for a file: the last diagnostics published on it. */
  const shown = (name: string) => codes([...client.received].reverse().find((params) => params.uri === uri(name))?.diagnostics ?? []);

  it("publishes a library's own problems on the library, and none of them on the plans that import it", async () => {
    const broken = await client.waitForDiagnostics(uri('shared/broken.plan-library.yaml'));
    assert.deepEqual(codes(broken.diagnostics).sort(), ['import-unresolved', 'schema']);
    assert.match(
      String(broken.diagnostics.find((d) => d.code === 'import-unresolved')!.message),
      /^`\.\/missing\.plan-library\.yaml` cannot be read: there is no such file\.$/,
    );
    await client.waitForDiagnostics(uri('shared/kpis.plan-library.yaml'));
    await client.waitForDiagnostics(uri('q4.plan.yaml'));
    // The unknown key of the imported library stays on the library (no plan's publish clears it), and is not on the plans.
    assert.deepEqual(shown('shared/kpis.plan-library.yaml'), ['schema']);
    assert.ok(!shown('q3.plan.yaml').includes('schema'));
    assert.ok(!shown('q4.plan.yaml').includes('schema'));
  });

  it('goes to the definition of an imported KPI and stage in the library file', async () => {
    const lines = PLAN.split('\n');
    const kpiLine = lines.findIndex((line) => line.includes('kpis: [paid-conversions]'));
    const kpi = (await client.request('textDocument/definition', {
      textDocument: { uri: uri('q3.plan.yaml') },
      position: { line: kpiLine, character: lines[kpiLine]!.indexOf('paid-conversions') + 3 },
    })) as { uri: string; range: { start: { line: number } } }[];
    assert.deepEqual(
      kpi.map((location) => [location.uri, location.range.start.line]),
      [
        [uri('shared/kpis.plan-library.yaml'), 2],
        [uri('q3.plan.yaml'), lines.indexOf('  paid-conversions:')],
      ],
    );
    const stageLine = lines.findIndex((line) => line.includes('stages: [awareness, purchase]'));
    const stage = (await client.request('textDocument/definition', {
      textDocument: { uri: uri('q3.plan.yaml') },
      position: { line: stageLine, character: lines[stageLine]!.indexOf('purchase') + 2 },
    })) as { uri: string; range: { start: { line: number } } }[];
    assert.deepEqual(
      stage.map((location) => [location.uri, location.range.start.line]),
      [[uri('shared/journey.plan-library.yaml'), 2]],
    );
  });

  it('re-checks the open and the closed plans when a library they import (through another) changes on disk', async () => {
    const since = client.received.length;
    writeFileSync(join(root, 'shared', 'journey.plan-library.yaml'), 'journey:\n  - { stage: awareness, need: Know the brand exists }\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uri('shared/journey.plan-library.yaml'), type: 2 }],
    });
    const open = await client.waitForDiagnostics(uri('q3.plan.yaml'), (params) => codes(params.diagnostics).includes('stage-unknown'), since);
    assert.match(String(open.diagnostics.find((d) => d.code === 'stage-unknown')!.message), /`purchase`/);
    await client.waitForDiagnostics(uri('q4.plan.yaml'), (params) => codes(params.diagnostics).includes('stage-unknown'), since);
    assert.deepEqual(shown('shared/kpis.plan-library.yaml'), ['schema']);
  });

  it("an open editor's unsaved text of a library is what the plans importing it see", async () => {
    const since = client.received.length;
    await client.open(uri('shared/journey.plan-library.yaml'), JOURNEY);
    await client.waitForDiagnostics(uri('q3.plan.yaml'), (params) => !codes(params.diagnostics).includes('stage-unknown'), since);
    await client.waitForDiagnostics(uri('q4.plan.yaml'), (params) => !codes(params.diagnostics).includes('stage-unknown'), since);
  });

  it('a library deleted from disk: the library importing it reports the import, and the plans lose its stages', async () => {
    const closing = client.received.length;
    await client.close(uri('shared/journey.plan-library.yaml'));
    // Closed, the disk's version counts again (it has no `purchase` stage).
    await client.waitForDiagnostics(uri('q3.plan.yaml'), (params) => codes(params.diagnostics).includes('stage-unknown'), closing);
    const since = client.received.length;
    rmSync(join(root, 'shared', 'journey.plan-library.yaml'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uri('shared/journey.plan-library.yaml'), type: 3 }],
    });
    const kpis = await client.waitForDiagnostics(
      uri('shared/kpis.plan-library.yaml'),
      (params) => codes(params.diagnostics).includes('import-unresolved'),
      since,
    );
    assert.match(
      String(kpis.diagnostics.find((d) => d.code === 'import-unresolved')!.message),
      /^`\.\/journey\.plan-library\.yaml` cannot be read: there is no such file\.$/,
    );
    // Now no stage of the library is defined: `awareness` is unknown too.
    const awareness = (params: { diagnostics: { code?: unknown; message: unknown }[] }) =>
      params.diagnostics.some((d) => d.code === 'stage-unknown' && String(d.message).includes('`awareness`'));
    await client.waitForDiagnostics(uri('q3.plan.yaml'), awareness, since);
    await client.waitForDiagnostics(uri('q4.plan.yaml'), awareness, since);
  });
});
