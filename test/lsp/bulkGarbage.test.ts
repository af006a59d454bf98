import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { buildServer, LspClient } from '../helpers/lspClient.js';

// After work over many closed plans (the workspace scan, a library change re-checking its
// dependants) the server collects the garbage their previous analyses left at once, so that
// its memory stays near what it holds (issue 12's 400 MB). Seen through the verbose trace.

const PLANS = 60;
const library = (source: string) => `kpis:
  paid-conversions:
    owner: Paid media lead
    measure: { definition: New customers from paid search, ${source}unit: customers, cadence: weekly }
`;
const plan = (index: number, imports: string) => `plan: Plan ${index}
owner: Head of Growth
imports: [${imports}]
period: { start: 2026-06-01, end: 2026-09-30 }
objective: { id: q3-acquisition, statement: 4000 new customers in Q3, target: 4000, deadline: 2026-09-30 }
channels:
  paid-search: { type: paid, mode: outbound, owner: Paid media lead, start: 2026-07-01, end: 2026-09-30, budget: 1000, kpis: [paid-conversions] }
kpis:
  paid-conversions:
    traces_to: q3-acquisition
    measure: { baseline: 0, target: 2600, ready_by: 2026-06-20 }
`;
const COLLECTED = /^checked (\d+) plans: collected garbage in \d+ ms, heap \d+ → \d+ MB$/;

describe('garbage collected after work over many plans', () => {
  let root: string;
  let client: LspClient;
  const uri = (name: string) => pathToFileURL(join(root, name)).href;
  const collections = (since: number) =>
    client.logs
      .slice(since)
      .flatMap((line) => COLLECTED.exec(line)?.[1] ?? [])
      .map(Number);
  const changedOnDisk = async (name: string, text: string) => {
    writeFileSync(join(root, name), text);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(name), type: 2 }] });
  };

  before(async () => {
    await buildServer();
    root = mkdtempSync(join(tmpdir(), 'throughline-bulk-'));
    mkdirSync(join(root, 'shared'));
    writeFileSync(join(root, 'shared', 'kpis.plan-library.yaml'), library('source: CRM, '));
    writeFileSync(join(root, 'shared', 'extra.plan-library.yaml'), library('source: CRM, '));
    // Plan 0 alone also imports the second library (its KPI is refined once: the two define the same id, so it reads only that one).
    for (let index = 0; index < PLANS; index++)
      writeFileSync(join(root, `plan-${index}.plan.yaml`), plan(index, index === 0 ? './shared/extra.plan-library.yaml' : './shared/kpis.plan-library.yaml'));
    client = await LspClient.start({ workspaceFolders: [pathToFileURL(root).href], settings: { trace: { server: 'verbose' } } });
    for (let index = 0; index < PLANS; index++) await client.waitForDiagnostics(uri(`plan-${index}.plan.yaml`));
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('once the workspace scan has checked every plan', async () => {
    await client.waitForLog(COLLECTED);
    const [scanned] = collections(0);
    assert.ok(scanned! >= PLANS, `the scan checked ${scanned} files`);
  });

  it('once a library change has re-checked the plans that import it', async () => {
    const logged = client.logs.length;
    const since = client.received.length;
    await changedOnDisk('shared/kpis.plan-library.yaml', library(''));
    for (let index = 1; index < PLANS; index++)
      await client.waitForDiagnostics(uri(`plan-${index}.plan.yaml`), (params) => params.diagnostics.some((d) => d.code === 'measurement-incomplete'), since);
    await client.waitForLog(COLLECTED, 15_000, logged);
    assert.deepEqual(collections(logged), [PLANS - 1]);
  });

  it('not after a change that re-checks a few plans', async () => {
    const logged = client.logs.length;
    const since = client.received.length;
    await changedOnDisk('shared/extra.plan-library.yaml', library(''));
    await client.waitForDiagnostics(uri('plan-0.plan.yaml'), (params) => params.diagnostics.some((d) => d.code === 'measurement-incomplete'), since);
    // A collection would be logged a timer's turn after the re-check; a request answered after it proves the turn passed.
    await client.request('workspace/symbol', { query: 'paid' });
    await client.request('workspace/symbol', { query: 'paid' });
    assert.deepEqual(collections(logged), []);
  });
});
