import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linkedFilesOf } from '../../../server/src/core/actuals/linkedFiles.js';
import { analyzeText, type AnalyzeOptions } from '../../../server/src/core/analyze.js';
import { definition } from '../../../server/src/core/features/definition.js';
import { completion } from '../../../server/src/core/features/completion.js';
import { hover } from '../../../server/src/core/features/hover.js';
import type { TextFile } from '../../../server/src/core/workspace/files.js';

// Libraries through the host seam: the core reads no file, it is given a snapshot
// (`AnalyzeOptions.files`) and says which libraries it still needs (`imported.notLoaded`).

const ROOT = 'file:///work/plans';
const PLAN_URI = `${ROOT}/q3.plan.yaml`;
const KPIS_URI = `${ROOT}/shared/kpis.plan-library.yaml`;
const JOURNEY_URI = `${ROOT}/shared/journey.plan-library.yaml`;

const KPIS = `imports: [./journey.plan-library.yaml]
owners: [Head of Growth, Paid media lead]
media: [newsletter-swap]
kpis:
  paid-conversions:
    owner: Paid media lead
    measure: { definition: New customers from paid search, source: CRM, unit: customers, cadence: weekly }
  spare-kpi:
    owner: Paid media lead
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
    medium: newsletter-swap
    owner: Paid media lead
    start: 2026-07-01
    end: 2026-09-30
    budget: 1000
    stages: [purchase]
    kpis: [paid-conversions]
kpis:
  paid-conversions:
    traces_to: q3-acquisition
    measure: { baseline: 0, target: 2600, ready_by: 2026-06-20 }
`;

function options(files: Record<string, string>, planUri = PLAN_URI): AnalyzeOptions {
  const map = new Map<string, TextFile>(Object.entries(files).map(([uri, text]) => [uri, { text }]));
  return { planUri, files: linkedFilesOf(map) };
}

const codes = (text: string, opts: AnalyzeOptions) => analyzeText(text, opts).diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`);

describe('imports', () => {
  it('names the libraries it still needs, level by level, and reads none itself', () => {
    assert.deepEqual(analyzeText(PLAN, options({})).model.imported?.notLoaded, [KPIS_URI]);
    assert.deepEqual(analyzeText(PLAN, options({ [KPIS_URI]: KPIS })).model.imported?.notLoaded, [JOURNEY_URI]);
    assert.deepEqual(analyzeText(PLAN, options({ [KPIS_URI]: KPIS, [JOURNEY_URI]: JOURNEY })).model.imported?.notLoaded, []);
  });

  it('makes imported KPIs and stages first-class, and merges a plan refinement with the library definition', () => {
    const { model } = analyzeText(PLAN, options({ [KPIS_URI]: KPIS, [JOURNEY_URI]: JOURNEY }));
    assert.deepEqual([...model.kpis.keys()], ['paid-conversions', 'spare-kpi']);
    assert.deepEqual(
      model.journey.map((stage) => stage.value),
      ['awareness', 'purchase'],
    );
    const kpi = model.kpis.get('paid-conversions')!;
    assert.equal(kpi.library, KPIS_URI);
    assert.equal(kpi.tracesTo?.value, 'q3-acquisition'); // the plan's
    assert.equal(kpi.measure?.definition?.value, 'New customers from paid search'); // the library's
    assert.equal(kpi.measure?.target?.value, 2600); // the plan's
    assert.equal(kpi.owner?.value, 'Paid media lead'); // the library's
  });

  it('checks the plan as if the imported KPIs and stages were local, and leaves what the library defines to the library', () => {
    const withLibraries = codes(PLAN, options({ [KPIS_URI]: KPIS, [JOURNEY_URI]: JOURNEY }));
    for (const code of ['kpi-undefined', 'stage-unknown', 'kpi-unused', 'measurement-missing', 'owner-missing', 'schema', 'owner-unknown', 'id-shadowed'])
      assert.ok(!withLibraries.some((line) => line.endsWith(` ${code}`)), `${code} in ${withLibraries.join(', ')}`);
    // Without the library the same plan names a KPI and a stage it does not define, and a medium the schema does not know.
    const alone = codes(PLAN.replace('imports: [./shared/kpis.plan-library.yaml]\n', ''), options({}));
    for (const code of ['stage-unknown', 'schema'])
      assert.ok(
        alone.some((line) => line.endsWith(` ${code}`)),
        `${code} in ${alone.join(', ')}`,
      );
  });

  it('checks a library against its own schema: owners and media allowed, no plan title, no channels', () => {
    const good = analyzeText(KPIS, options({ [JOURNEY_URI]: JOURNEY }, KPIS_URI)).diagnostics;
    assert.deepEqual(
      good.map((d) => d.code),
      [],
    );
    const bad = analyzeText(`plan: Q3\nowners: [A]\nchannels: {}\n`, options({}, KPIS_URI)).diagnostics;
    assert.deepEqual(
      bad.map((d) => `${d.range.start.line + 1} ${d.code} ${d.message}`),
      [
        '1 schema Unknown key `plan`. Allowed here: imports, kpis, journey, owners, media, calendar.',
        '3 schema Unknown key `channels`. Allowed here: imports, kpis, journey, owners, media, calendar.',
      ],
    );
  });

  it('reports a cycle on the import of the file that leads into it, naming every file', () => {
    const a = `${ROOT}/a.plan-library.yaml`;
    const b = `${ROOT}/b.plan-library.yaml`;
    const text = 'imports: [./b.plan-library.yaml]\n';
    const [cycle] = analyzeText(text, options({ [b]: 'imports: [./a.plan-library.yaml]\n', [a]: text }, a)).diagnostics;
    assert.equal(cycle?.code, 'import-cycle');
    assert.deepEqual(cycle.range, { start: { line: 0, character: 10 }, end: { line: 0, character: 31 } });
    assert.match(cycle.message, /`a\.plan-library\.yaml` → `b\.plan-library\.yaml` → `a\.plan-library\.yaml`/);
  });

  it('goes to the definition of an imported KPI and stage in the library, the plan refinement second', () => {
    const analysis = analyzeText(PLAN, options({ [KPIS_URI]: KPIS, [JOURNEY_URI]: JOURNEY }));
    const doc = { uri: PLAN_URI, version: 1, analysis };
    const lines = PLAN.split('\n');
    const kpiUse = lines.findIndex((line) => line.includes('kpis: [paid-conversions]'));
    const kpiLocations = definition(doc, { line: kpiUse, character: lines[kpiUse]!.indexOf('paid-conversions') + 2 });
    assert.deepEqual(
      kpiLocations.map((location) => [location.uri, location.range.start.line]),
      [
        [KPIS_URI, 4],
        [PLAN_URI, lines.indexOf('  paid-conversions:')],
      ],
    );
    const stageUse = lines.findIndex((line) => line.includes('stages: [purchase]'));
    const stageLocations = definition(doc, { line: stageUse, character: lines[stageUse]!.indexOf('purchase') + 1 });
    assert.deepEqual(
      stageLocations.map((location) => [location.uri, location.range.start.line]),
      [[JOURNEY_URI, 2]],
    );
    // The hover describes the library's definition.
    const hovered = hover(doc, { line: kpiUse, character: lines[kpiUse]!.indexOf('paid-conversions') + 2 });
    assert.match(JSON.stringify(hovered?.contents), /New customers from paid search/);
  });
});

describe('a library in the editor', () => {
  const doc = (text: string) => ({ uri: KPIS_URI, version: 1, analysis: analyzeText(text, options({ [JOURNEY_URI]: JOURNEY }, KPIS_URI)) });

  it("completes the library's own keys at the top, not a plan's", () => {
    const labels = completion(doc('kpis: {}\n\n'), { line: 1, character: 0 }).items.map((item) => item.label);
    assert.deepEqual(labels.sort(), ['calendar', 'imports', 'journey', 'media', 'owners']);
  });

  it("hovers the library's keys with their docs", () => {
    const hovered = hover(doc(KPIS), { line: 1, character: 2 });
    assert.match(JSON.stringify(hovered?.contents), /`owners` — library/);
    assert.match(JSON.stringify(hovered?.contents), /allowed as owners/);
  });
});

describe('a library not read yet', () => {
  it('holds the rules that depend on it until the adapter has read it, instead of reporting what it will define', () => {
    const pending = codes(PLAN, options({}));
    for (const code of ['kpi-undefined', 'stage-unknown', 'measurement-incomplete', 'owner-missing', 'schema'])
      assert.ok(!pending.some((line) => line.endsWith(` ${code}`)), `${code} in ${pending.join(', ')}`);
    // Read, and missing: the import is reported, and the plan is checked without the library.
    const missing = analyzeText(PLAN, { planUri: PLAN_URI, files: { key: 'missing', get: () => ({ problem: 'no such file', kind: 'missing' }) } });
    const reported: string[] = missing.diagnostics.map((d) => d.code);
    for (const code of ['import-unresolved', 'stage-unknown', 'schema']) assert.ok(reported.includes(code), `${code} in ${reported.join(', ')}`);
  });
});
