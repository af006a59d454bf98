import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze.js';
import { buildPortfolioTimeline, portfolioTimelineInput, renderPortfolioSvg } from '../../../server/src/core/index.js';
import { FILES, PORTFOLIO, PORTFOLIO_URI, ROOT, snapshot } from '../portfolio/fixtures.js';

// From a real portfolio analysis (the portfolio tests' organisation: member plans in the
// snapshot, the glob's folder listed) to the timeline: one lane per member plan in the
// portfolio's order, with its dates, budget, channels and problem count.

const analysed = (text = PORTFOLIO, files = snapshot()) => analyzeText(text, { planUri: PORTFOLIO_URI, files });

test('a portfolio model becomes one lane per member plan, with its period, budget, channels and problem count', () => {
  const problems = new Map([[`${ROOT}/emea.plan.yaml`, 2]]);
  const input = portfolioTimelineInput(analysed().portfolio!, (uri) => problems.get(uri));
  assert.equal(input.title, 'FY27 growth');
  assert.equal(input.currency, 'EUR');
  assert.equal(input.total, 1000000);
  assert.deepEqual(input.objective, { id: 'fy27-growth', statement: '10000 new customers in FY27', deadline: '2027-12-31' });
  // The path first, then the glob's matches sorted.
  assert.deepEqual(
    input.plans.map((plan) => plan.uri),
    [`${ROOT}/emea.plan.yaml`, `${ROOT}/regions/apac.plan.yaml`, `${ROOT}/regions/na.plan.yaml`],
  );
  const [emea, apac, na] = input.plans;
  assert.deepEqual([emea!.title, emea!.start, emea!.end, emea!.problems], ['EMEA growth', '2027-01-01', '2027-06-30', 2]);
  // `paid` has no dates written (only a duration after `seo`): not on the timeline, counted as undated.
  assert.deepEqual(emea!.channels, [
    { id: 'seo', name: 'SEO refresh', start: '2027-01-04', end: '2027-03-31' },
    { id: 'paid', name: 'Paid search', start: undefined, end: undefined },
  ]);
  assert.deepEqual([apac!.start, apac!.end, apac!.budget], [undefined, undefined, { total: 200000, currency: 'USD' }]);
  assert.deepEqual(na!.budget, { total: 350000, currency: 'EUR' });
  assert.equal(na!.problems, undefined);

  const model = buildPortfolioTimeline(input);
  assert.equal(model.mixedCurrencies, true, 'APAC budgets in USD');
  assert.equal(model.lanes[0]!.span?.from, 'period');
  assert.equal(model.lanes[0]!.undated, 1);
  assert.equal(model.lanes[1]!.span, undefined);
  const svg = renderPortfolioSvg(model);
  assert.equal(svg.match(/<g class="plan-lane"/g)?.length, 3);
  assert.match(svg, /<g class="deadline"><title>Deadline: 31 Dec 2027<\/title>/);
});

test('a date that is not a real day is left out (no period), the written end kept', () => {
  const files = FILES.map(([uri, text]): [string, string] => [
    uri,
    uri.endsWith('na.plan.yaml') ? `${text}period: { start: 2027-02-30, end: 2027-06-30 }\n` : text,
  ]);
  const na = portfolioTimelineInput(analysed(PORTFOLIO, snapshot(files)).portfolio!).plans[2]!;
  assert.deepEqual([na.start, na.end], [undefined, '2027-06-30']);
  assert.equal(buildPortfolioTimeline({ title: 'x', plans: [na] }).lanes[0]!.span, undefined);
});

test('a portfolio whose plans are not read yet has no lanes (the adapter reads them and asks again)', () => {
  const portfolio = analyzeText(PORTFOLIO, { planUri: PORTFOLIO_URI }).portfolio!;
  assert.deepEqual(portfolioTimelineInput(portfolio).plans, []);
  assert.ok(portfolio.notLoaded.includes(`${ROOT}/emea.plan.yaml`));
});
