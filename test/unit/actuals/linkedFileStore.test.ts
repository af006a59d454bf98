import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analysisOf, analyzeText, LinkedFileStore, type Analysis } from '../../../server/src/core/index.js';
import { MemoryHost } from '../../helpers/memoryHost.js';

// The cross-file mechanism over any host: read once, re-read on change, dependants known,
// each file's diagnostics merged over the plans that read it.

const CSV = 'file:///w/q3.actuals.csv';
const planText = (kpi: string) => `plan: P
actuals_file: ./q3.actuals.csv
channels:
  ads: { type: paid, mode: outbound, start: 2026-07-01, end: 2026-09-30, budget: 1000, kpis: [${kpi}] }
kpis:
  ${kpi}: { measure: { baseline: 0, target: 10 } }
`;

async function analyze(store: LinkedFileStore, uri: string, text: string): Promise<Analysis> {
  const options = { planUri: uri, files: store.snapshot() };
  const first = analyzeText(text, options);
  await store.load(store.missing(first));
  const analysis = analysisOf(first.parsed, first.model, { ...options, files: store.snapshot() });
  store.record(uri, analysis);
  return analysis;
}

describe('linked file store', () => {
  it('reads a referenced file once, through the host, and re-reads it when told it changed', async () => {
    const host = new MemoryHost(new Map([[CSV, 'date,id,field,value\n2026-07-07,signups,actual,3\n']]));
    const store = new LinkedFileStore(host);
    const analysis = await analyze(store, 'file:///w/a.plan.yaml', planText('signups'));
    assert.equal(analysis.tracking.kpis.get('signups')!.points.length, 1);
    await analyze(store, 'file:///w/a.plan.yaml', planText('signups'));
    assert.deepEqual(host.reads, [CSV]);
    assert.deepEqual(store.dependants(CSV), ['file:///w/a.plan.yaml']);
    const key = store.snapshot().key;
    assert.equal(await store.changedOnDisk(CSV), false, 'same content: nothing to re-check');
    assert.equal(store.snapshot().key, key);
    host.files.set(CSV, 'date,id,field,value\n2026-07-07,signups,actual,3\n2026-07-14,signups,actual,5\n');
    assert.equal(await store.changedOnDisk(CSV), true);
    assert.notEqual(store.snapshot().key, key);
    const again = analysisOf(analysis.parsed, analysis.model, { planUri: 'file:///w/a.plan.yaml', files: store.snapshot() });
    assert.equal(again.tracking.kpis.get('signups')!.points.length, 2);
  });

  it('an open editor text wins over the disk until it is closed', async () => {
    const host = new MemoryHost(new Map([[CSV, 'date,id,field,value\n']]));
    const store = new LinkedFileStore(host);
    store.setOpen(CSV, 'date,id,field,value\n2026-07-07,signups,actual,3\n');
    const analysis = await analyze(store, 'file:///w/a.plan.yaml', planText('signups'));
    assert.equal(analysis.tracking.kpis.get('signups')!.points.length, 1);
    await store.closeOpen(CSV);
    const closed = analysisOf(analysis.parsed, analysis.model, { planUri: 'file:///w/a.plan.yaml', files: store.snapshot() });
    assert.equal(closed.tracking.kpis.get('signups')!.points.length, 0);
  });

  it("shows a row's problem when every plan reading the file has it, and forgets a plan's share when it goes", async () => {
    const host = new MemoryHost(new Map([[CSV, 'date,id,field,value\n2026-07-07,signups,actual,3\n2026-02-30,signups,actual,1\n']]));
    const store = new LinkedFileStore(host);
    await analyze(store, 'file:///w/a.plan.yaml', planText('signups'));
    await analyze(store, 'file:///w/b.plan.yaml', planText('leads'));
    const messages = () => store.diagnosticsOf(CSV).map((d) => `${d.range.start.line}:${d.message.slice(0, 24)}`);
    assert.deepEqual(messages(), ['2:`2026-02-30` is not a da']);
    assert.deepEqual(store.forget('file:///w/b.plan.yaml'), [CSV]);
    assert.deepEqual(messages(), ['2:`2026-02-30` is not a da']);
    store.forget('file:///w/a.plan.yaml');
    await analyze(store, 'file:///w/b.plan.yaml', planText('leads'));
    assert.deepEqual(messages(), ['1:No KPI or channel `signu', '2:`2026-02-30` is not a da']);
  });

  it('a missing or binary file is a problem of the plan, on actuals_file', async () => {
    const host = new MemoryHost(new Map([['file:///w/bin.csv', new Uint8Array([1, 0, 2])]]));
    const store = new LinkedFileStore(host);
    const missing = await analyze(store, 'file:///w/a.plan.yaml', planText('signups'));
    assert.match(missing.diagnostics.find((d) => d.code === 'actuals-file')!.message, /^`\.\/q3\.actuals\.csv` cannot be read: there is no such file\./);
    const binary = await analyze(store, 'file:///w/c.plan.yaml', planText('signups').replace('./q3.actuals.csv', 'bin.csv'));
    const diagnostic = binary.diagnostics.find((d) => d.code === 'actuals-file')!;
    assert.match(diagnostic.message, /binary file/);
    assert.deepEqual(diagnostic.range.start, { line: 1, character: 14 });
  });
});
