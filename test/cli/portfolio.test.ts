import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sarifSchemaErrors } from './sarifSchema.js';
import { buildCli, diagnosticLines, makeTree, removeTree, runCli } from './support.js';

// `throughline check` over a portfolio: its `plans:` paths and globs are resolved, member
// plans are read with their imports, and each problem is reported once, in the file where it is.

before(buildCli);

const plan = (title: string, total: number, currency: string, tracesTo: string | undefined, extra = '') => `plan: ${title}
${extra}budget: { total: ${total}, currency: ${currency} }
objective: { id: ${title.toLowerCase().replace(/\W+/g, '-')}, statement: Grow ${title}${tracesTo ? `, traces_to: ${tracesTo}` : ''} }
`;

const PORTFOLIO = `portfolio: FY27 growth
budget: { total: 1000000, currency: EUR }
objective: { id: fy27-growth, statement: 10000 new customers }
plans:
  - ./emea.plan.yaml
  - ./regions/*.plan.yaml
  - ./missing.plan.yaml
`;

describe('check with a portfolio', () => {
  let root: string;
  before(() => {
    root = makeTree({
      'fy27.portfolio.yaml': PORTFOLIO,
      'shared/kpis.plan-library.yaml': 'owners: [CMO]\n',
      // The member's budget currency comes from the plan; its import is read too.
      'emea.plan.yaml': plan('EMEA', 700000, 'EUR', 'fy27-growth', 'imports: [./shared/kpis.plan-library.yaml]\nowner: CMO\n'),
      'regions/na.plan.yaml': plan('NA', 400000, 'EUR', undefined),
      'regions/apac.plan.yaml': plan('APAC', 100000, 'USD', 'fy27-growth'),
    });
  });
  after(() => removeTree(root));

  it('reports the portfolio rules once, in the portfolio, and the plans\u2019 own problems in the plans', () => {
    const { code, stdout, stderr } = runCli(['check', '.'], root);
    assert.equal(stderr, '');
    assert.equal(code, 1, stdout);
    const lines = diagnosticLines(stdout).map((line) => `${line.file}:${line.line} ${line.rule}`);
    assert.deepEqual(
      lines.filter((line) => line.includes('portfolio-')),
      [
        'fy27.portfolio.yaml:2 portfolio-budget-overallocated',
        'fy27.portfolio.yaml:6 portfolio-budget-overallocated',
        'fy27.portfolio.yaml:6 portfolio-untraced',
        'fy27.portfolio.yaml:7 portfolio-plan-unresolved',
      ],
    );
    // No plan rule runs on the portfolio (it has no channels, KPIs or period of its own).
    assert.deepEqual(
      lines.filter((line) => line.startsWith('fy27.portfolio.yaml') && !line.includes('portfolio-')),
      [],
    );
    assert.match(stdout, /add up to €1,100,000, over the portfolio's total of €1,000,000 by €100,000/);
    assert.match(stdout, /`APAC` budgets in `USD`, the portfolio in `EUR`/);
  });

  it('lists the files in the order found, though it checks the portfolio after its plans', () => {
    const { stdout } = runCli(['check', '.'], root);
    const files = [...new Set(diagnosticLines(stdout).map((line) => line.file))];
    // The portfolio comes before the plans in `regions/`; it is checked after them, from what checking each plan left for it.
    assert.deepEqual(files, ['emea.plan.yaml', 'fy27.portfolio.yaml', 'regions/apac.plan.yaml', 'regions/na.plan.yaml']);
  });

  it('checks one portfolio named on the command line, with exit code 1 for its errors and 0 once fixed', () => {
    const one = runCli(['check', 'fy27.portfolio.yaml'], root);
    assert.equal(one.code, 1, one.stdout);
    assert.ok(diagnosticLines(one.stdout).every((line) => line.file === 'fy27.portfolio.yaml'));
    const clean = makeTree({
      'ok.portfolio.yaml': 'portfolio: ok\nbudget: { total: 100, currency: EUR }\nobjective: { id: goal }\nplans: ["**/*.plan.yaml"]\n',
      'a/b/one.plan.yaml': plan('One', 60, 'EUR', 'goal'),
    });
    try {
      const result = runCli(['check', 'ok.portfolio.yaml'], clean);
      assert.equal(result.code, 0, result.stdout);
    } finally {
      removeTree(clean);
    }
  });

  it('points SARIF locations into the portfolio', () => {
    const { stdout } = runCli(['check', '--format', 'sarif', '.'], root);
    const log = JSON.parse(stdout) as {
      runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
    };
    assert.deepEqual(sarifSchemaErrors(log), []);
    const where = log.runs[0]!.results.filter((result) => result.ruleId.startsWith('portfolio-')).map(
      (result) => `${result.locations[0]!.physicalLocation.artifactLocation.uri}:${result.locations[0]!.physicalLocation.region.startLine} ${result.ruleId}`,
    );
    assert.deepEqual(where, [
      'fy27.portfolio.yaml:2 portfolio-budget-overallocated',
      'fy27.portfolio.yaml:6 portfolio-budget-overallocated',
      'fy27.portfolio.yaml:6 portfolio-untraced',
      'fy27.portfolio.yaml:7 portfolio-plan-unresolved',
    ]);
  });
});
