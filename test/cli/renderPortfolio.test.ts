import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCli, makeTree, removeTree, repoRoot, runCli } from './support.js';

// `throughline render` on a portfolio: one lane per member plan (paths and globs resolved),
// the objective's deadline, budgets and shares, each plan's problem count, as SVG or HTML.

before(buildCli);

const lanes = (svg: string) => [...svg.matchAll(/<g class="plan-lane" data-plan="([^"]*)"/g)].map((match) => match[1]!.replace(/^.*\//, ''));

describe('render a portfolio', () => {
  it('the example portfolio: a lane per plan, the deadline, budgets with shares of the portfolio total', () => {
    const root = makeTree({});
    try {
      const out = join(root, 'portfolio.svg');
      const run = runCli(['render', 'examples/portfolio/q4-growth.portfolio.yaml', '-o', out], repoRoot);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /^Wrote .*portfolio\.svg \(2 plans, \d+ channels\)\.\n$/);
      const svg = readFileSync(out, 'utf8');
      assert.deepEqual(lanes(svg), ['uk.plan.yaml', 'ireland.plan.yaml']);
      assert.match(svg, /<title>Q4 2026 new-customer growth<\/title>/);
      assert.match(svg, /<g class="deadline"><title>Deadline: 31 Dec 2026<\/title>/);
      assert.match(svg, />£160,000 · 64% of total</);
      assert.match(svg, />no problems</);
      assert.match(svg, /<style>/);
      assert.doesNotMatch(svg, /<script/i);
    } finally {
      removeTree(root);
    }
  });

  describe('a portfolio with a plan with problems, one without dates, another currency and an entry that names nothing', () => {
    let root: string;
    before(() => {
      root = makeTree({
        'fy27.portfolio.yaml': `portfolio: "FY27 <growth> & more"
budget: { total: 1000000, currency: EUR }
objective: { id: fy27, statement: Grow, deadline: 2027-06-30 }
plans:
  - ./emea.plan.yaml
  - ./regions/*.plan.yaml
  - ./missing.plan.yaml
`,
        'emea.plan.yaml': `plan: EMEA
period: { start: 2027-01-01, end: 2027-06-30 }
budget: { total: 600000, currency: EUR }
channels:
  seo: { start: 2027-01-04, end: 2027-03-31, depends_on: [nowhere] }
`,
        'regions/apac.plan.yaml': 'plan: APAC\nbudget: { total: 100000, currency: USD }\n',
      });
    });
    after(() => removeTree(root));

    it('HTML: lanes in order, the problem count from checking each plan, mixed currencies said, the missing entry warned', () => {
      const run = runCli(['render', 'fy27.portfolio.yaml', '-o', 'out.html'], root);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /warning: fy27\.portfolio\.yaml:7: .*missing\.plan\.yaml/);
      assert.match(run.stderr, /Wrote .*out\.html \(2 plans, 1 channel\)\./);
      const html = readFileSync(join(root, 'out.html'), 'utf8');
      assert.deepEqual(lanes(html), ['emea.plan.yaml', 'apac.plan.yaml']);
      assert.match(html, /<title>FY27 &lt;growth&gt; &amp; more — portfolio timeline<\/title>/);
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-/);
      assert.match(html, /mixed currencies \(EUR, USD\): budgets are not added up/);
      assert.match(html, />no dates yet</);
      const emeaProblems = /<td>EMEA<\/td>(?:<td[^>]*>[^<]*<\/td>){4}<td class="number">(\d+)<\/td>/.exec(html);
      assert.ok(emeaProblems && Number(emeaProblems[1]) >= 1, 'EMEA depends on a channel that does not exist');
    });

    it('SVG on stdout with -o -', () => {
      const run = runCli(['render', 'fy27.portfolio.yaml', '-o', '-'], root);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(run.stdout.startsWith('<svg'));
      assert.deepEqual(lanes(run.stdout), ['emea.plan.yaml', 'apac.plan.yaml']);
    });
  });
});
