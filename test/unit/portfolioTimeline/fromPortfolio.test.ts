import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkedFilesOf } from '../../../server/src/core/actuals/linkedFiles.js';
import { analyzeText } from '../../../server/src/core/analyze.js';
import { buildPortfolioTimeline, portfolioTimelineInput, renderPortfolioSvg } from '../../../server/src/core/index.js';
import type { TextFile } from '../../../server/src/core/workspace/files.js';

// From a real portfolio analysis (member plans in the snapshot, a glob folder listed) to the
// timeline: one lane per member plan in the portfolio's order, dates as written or scheduled.

const ROOT = 'file:///work/org';
const PORTFOLIO_URI = `${ROOT}/fy27.portfolio.yaml`;
const FILES: [string, string][] = [
  [
    `${ROOT}/emea.plan.yaml`,
    `plan: EMEA growth
period: { start: 2027-01-01, end: 2027-06-30 }
budget: { total: 600000, currency: EUR }
objective: { id: emea-growth, statement: Grow EMEA, traces_to: fy27-growth }
channels:
  seo: { name: SEO refresh, start: 2027-01-04, end: 2027-03-31 }
  paid:
    name: Paid search
    duration: 4w
    depends_on: [seo]
`,
  ],
  [`${ROOT}/regions/na.plan.yaml`, `plan: North America\nbudget: { total: 350000, currency: EUR }\n`],
  [`${ROOT}/regions/apac.plan.yaml`, `plan: APAC launch\nperiod: { start: 2027-02-30, end: 2027-06-30 }\nbudget: { total: 200000, currency: USD }\n`],
];
const PORTFOLIO = `portfolio: FY27 growth
budget: { total: 1000000, currency: EUR }
objective: { id: fy27-growth, statement: 10000 new customers in FY27, deadline: 2027-12-31 }
plans:
  - ./emea.plan.yaml
  - ./regions/*.plan.yaml
`;

function analysed() {
  const files = new Map<string, TextFile>(FILES.map(([uri, text]) => [uri, { text }]));
  const listings = new Map([[`${ROOT}/regions`, FILES.map(([uri]) => uri).filter((uri) => uri.startsWith(`${ROOT}/regions/`))]]);
  return analyzeText(PORTFOLIO, { planUri: PORTFOLIO_URI, files: linkedFilesOf(files, undefined, listings) });
}

test('a portfolio model becomes one lane per member plan, with its period, budget, channels and problem count', () => {
  const portfolio = analysed().portfolio!;
  const problems = new Map([[`${ROOT}/emea.plan.yaml`, 2]]);
  const input = portfolioTimelineInput(portfolio, (uri) => problems.get(uri));
  assert.equal(input.title, 'FY27 growth');
  assert.equal(input.currency, 'EUR');
  assert.equal(input.total, 1000000);
  assert.deepEqual(input.objective, { id: 'fy27-growth', statement: '10000 new customers in FY27', deadline: '2027-12-31' });
  assert.deepEqual(
    input.plans.map((plan) => plan.uri),
    [`${ROOT}/emea.plan.yaml`, `${ROOT}/regions/apac.plan.yaml`, `${ROOT}/regions/na.plan.yaml`],
  );
  const [emea, apac, na] = input.plans;
  assert.deepEqual([emea!.start, emea!.end, emea!.problems], ['2027-01-01', '2027-06-30', 2]);
  // `paid` has no dates written (only a duration after `seo`): not on the timeline, counted as undated.
  assert.deepEqual(emea!.channels, [
    { id: 'seo', name: 'SEO refresh', start: '2027-01-04', end: '2027-03-31' },
    { id: 'paid', name: 'Paid search', start: undefined, end: undefined },
  ]);
  // 30 February is not a date: no start, so no period.
  assert.equal(apac!.start, undefined);
  assert.equal(apac!.end, '2027-06-30');
  assert.deepEqual(na!.budget, { total: 350000, currency: 'EUR' });
  assert.equal(na!.problems, undefined);

  const model = buildPortfolioTimeline(input);
  assert.equal(model.mixedCurrencies, true, 'APAC budgets in USD');
  assert.equal(model.lanes[0]!.span?.from, 'period');
  assert.equal(model.lanes[0]!.undated, 1);
  const svg = renderPortfolioSvg(model);
  assert.equal(svg.match(/<g class="plan-lane"/g)?.length, 3);
  assert.match(svg, /<g class="deadline"><title>Deadline: 31 Dec 2027<\/title>/);
});

test('a portfolio whose plans are not read yet has no lanes (the adapter reads them and asks again)', () => {
  const portfolio = analyzeText(PORTFOLIO, { planUri: PORTFOLIO_URI }).portfolio!;
  assert.deepEqual(portfolioTimelineInput(portfolio).plans, []);
  assert.ok(portfolio.notLoaded.includes(`${ROOT}/emea.plan.yaml`));
});
