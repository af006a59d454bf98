import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sarifSchemaErrors } from './sarifSchema.js';
import { buildCli, cleanPlan, diagnosticLines, makeTree, removeTree, runCli } from './support.js';

// `throughline check <dir>` over plans that import libraries (which import libraries): each
// problem is reported once, in the file where it is, in text and in SARIF.

before(buildCli);

const KPIS = `imports: [./journey.plan-library.yaml]
kpis:
  paid-conversions:
    owner: Paid media lead
    colour: blue
    measure: { definition: New customers from paid search, source: CRM, unit: customers, cadence: weekly }
`;
const JOURNEY = `journey:
  - { stage: awareness, need: Know the brand exists }
  - { stage: consideration, need: Compare }
  - { stage: purchase, need: Buy with confidence }
`;

/** The clean example plan, its own definition of paid-conversions replaced by the library's. */
function importing(extraImport = ''): string {
  const plan = cleanPlan.replace(/^(plan: .*)$/m, `$1\nimports: [./shared/kpis.plan-library.yaml${extraImport}]`);
  return plan.replace(
    /^ {2}paid-conversions:\n(?: {4}.*\n)+/m,
    '  paid-conversions:\n    traces_to: q3-acquisition\n    measure: { baseline: 0, target: 2600 }\n',
  );
}

describe('check with libraries', () => {
  let root: string;
  before(() => {
    root = makeTree({
      'shared/kpis.plan-library.yaml': KPIS,
      'shared/journey.plan-library.yaml': JOURNEY,
      'q3.plan.yaml': importing(),
      'q4.plan.yaml': importing(', ./shared/gone.plan-library.yaml'),
    });
  });
  after(() => removeTree(root));

  it('reports a library problem once, in the library, and a broken import in the plan that writes it', () => {
    const { code, stdout, stderr } = runCli(['check', '.'], root);
    assert.equal(stderr, '');
    assert.equal(code, 1, stdout);
    const lines = diagnosticLines(stdout).map((line) => `${line.file}:${line.line} ${line.rule}`);
    assert.deepEqual(
      lines.filter((line) => line.includes('schema')),
      ['shared/kpis.plan-library.yaml:5 schema'],
    );
    assert.deepEqual(
      lines.filter((line) => line.includes('import-')),
      ['q4.plan.yaml:4 import-unresolved'],
    );
    // The imported KPI is defined for both plans (through the first library) and its stages too (through the second).
    for (const rule of ['kpi-undefined', 'stage-unknown', 'measurement-missing']) assert.ok(!lines.some((line) => line.endsWith(` ${rule}`)), lines.join('\n'));
  });

  it('points SARIF locations into the right files', () => {
    const { stdout } = runCli(['check', '--format', 'sarif', '.'], root);
    const log = JSON.parse(stdout) as {
      runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
    };
    assert.deepEqual(sarifSchemaErrors(log), []);
    const where = log.runs[0]!.results.filter((result) => result.ruleId === 'schema' || result.ruleId.startsWith('import-')).map(
      (result) => `${result.locations[0]!.physicalLocation.artifactLocation.uri}:${result.locations[0]!.physicalLocation.region.startLine} ${result.ruleId}`,
    );
    assert.deepEqual(where.sort(), ['q4.plan.yaml:4 import-unresolved', 'shared/kpis.plan-library.yaml:5 schema']);
  });
});
