import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { buildServer, LspClient } from '../helpers/lspClient.js';

// Closed plans follow a library change without being read or parsed again: the server keeps
// them lean (model and diagnostics, no YAML tree) and re-runs their rules over the model. Seen
// through the verbose trace: `read <uri>` for every plan read from disk, `analyzed <uri>` for
// every parse.

const LIBRARY = (source: string) => `kpis:
  paid-conversions:
    owner: Paid media lead
    measure: { definition: New customers from paid search, ${source}unit: customers, cadence: weekly }
`;
const PLAN = (title: string, imports: boolean) => `plan: ${title}
owner: Head of Growth
${imports ? 'imports: [./shared/kpis.plan-library.yaml]\n' : ''}period: { start: 2026-06-01, end: 2026-09-30 }
objective: { id: q3-acquisition, statement: 4000 new customers in Q3, target: 4000, deadline: 2026-09-30 }
channels:
  paid-search:
    type: paid
    mode: outbound
    owner: Paid media lead
    start: 2026-07-01
    end: 2026-09-30
    budget: 1000
    kpis: [paid-conversions]
kpis:
  paid-conversions:
    traces_to: q3-acquisition
${imports ? '' : '    owner: Paid media lead\n'}    measure: { ${imports ? '' : 'definition: Paid, source: CRM, '}baseline: 0, target: 2600, ready_by: 2026-06-20 }
`;
const codes = (diagnostics: { code?: unknown }[]) => diagnostics.map((d) => String(d.code));

describe('closed plans kept lean', () => {
  let root: string;
  let client: LspClient;
  const uri = (name: string) => pathToFileURL(join(root, name)).href;
  const traced = (pattern: RegExp, since: number) => client.logs.slice(since).filter((line) => pattern.test(line));

  before(async () => {
    await buildServer();
    root = mkdtempSync(join(tmpdir(), 'throughline-lean-'));
    mkdirSync(join(root, 'shared'));
    writeFileSync(join(root, 'shared', 'kpis.plan-library.yaml'), LIBRARY('source: CRM, '));
    writeFileSync(join(root, 'q3.plan.yaml'), PLAN('Q3', true));
    writeFileSync(join(root, 'q4.plan.yaml'), PLAN('Q4', true));
    writeFileSync(join(root, 'alone.plan.yaml'), PLAN('Alone', false));
    client = await LspClient.start({ workspaceFolders: [pathToFileURL(root).href], settings: { trace: { server: 'verbose' } } });
    for (const name of ['q3.plan.yaml', 'q4.plan.yaml', 'alone.plan.yaml']) await client.waitForDiagnostics(uri(name));
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('re-checks the closed plans that import a library changed on disk without reading or parsing them again', async () => {
    const since = client.received.length;
    const logged = client.logs.length;
    writeFileSync(join(root, 'shared', 'kpis.plan-library.yaml'), LIBRARY(''));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('shared/kpis.plan-library.yaml'), type: 2 }] });
    for (const name of ['q3.plan.yaml', 'q4.plan.yaml']) {
      const published = await client.waitForDiagnostics(uri(name), (params) => codes(params.diagnostics).includes('measurement-incomplete'), since);
      assert.match(String(published.diagnostics.find((d) => d.code === 'measurement-incomplete')!.message), /lacks `source`/);
    }
    // The library itself is read and parsed again (it is a file of the workspace too); the plans are not.
    await client.waitForDiagnostics(uri('shared/kpis.plan-library.yaml'), () => true, since);
    for (const name of ['q3.plan.yaml', 'q4.plan.yaml', 'alone.plan.yaml']) {
      assert.deepEqual(traced(new RegExp(`^read ${uri(name)}$`), logged), [], name);
      assert.deepEqual(traced(new RegExp(`^analyzed ${uri(name)} `), logged), [], name);
    }
    // The plan that does not import it is not published again.
    assert.ok(!client.received.slice(since).some((params) => params.uri === uri('alone.plan.yaml')));
  });

  it('the library changed back: the closed plans lose the finding (never stale)', async () => {
    const since = client.received.length;
    writeFileSync(join(root, 'shared', 'kpis.plan-library.yaml'), LIBRARY('source: CRM, '));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('shared/kpis.plan-library.yaml'), type: 2 }] });
    for (const name of ['q3.plan.yaml', 'q4.plan.yaml'])
      await client.waitForDiagnostics(uri(name), (params) => !codes(params.diagnostics).includes('measurement-incomplete'), since);
  });

  it('opening a closed plan parses it in full (features that walk the tree work), closing it shows its disk diagnostics again', async () => {
    const logged = client.logs.length;
    await client.open(uri('q3.plan.yaml'), PLAN('Q3', true));
    await client.diagnosticsFor(uri('q3.plan.yaml'), 1);
    assert.equal(traced(new RegExp(`^analyzed ${uri('q3.plan.yaml')} version 1 `), logged).length, 1);
    const symbols = (await client.request('textDocument/documentSymbol', { textDocument: { uri: uri('q3.plan.yaml') } })) as { name: string }[];
    assert.ok(symbols.some((symbol) => symbol.name === 'channels'));
    // Workspace symbols still come from the lean models of the closed plans.
    const found = (await client.request('workspace/symbol', { query: 'paid-search' })) as { location: { uri: string } }[];
    assert.ok(found.some((symbol) => symbol.location.uri === uri('q4.plan.yaml')));
    await client.close(uri('q3.plan.yaml'));
  });
});
