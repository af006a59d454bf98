import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  buildPortfolioTimeline,
  layoutPortfolio,
  portfolioTimelineResult,
  renderPortfolioHtml,
  renderPortfolioSvg,
  type PortfolioTimelineInput,
} from '../../../server/src/core/index.js';
import { withCpuTime } from '../../helpers/cpuTime.js';
import { expectGolden } from '../../helpers/golden.js';
import { repoRoot } from '../timeline/helpers.js';
import { nonLocalUrls, parseTags, unexpectedAttributes } from '../timeline/svgChecks.js';
import { manyPlans, threePlans } from './inputs.js';

const FIXTURES = join(repoRoot, 'test/fixtures/portfolioTimeline');

function lanesOf(svg: string): string[] {
  return parseTags(svg)
    .filter((tag) => tag.attributes.get('class') === 'plan-lane')
    .map((tag) => tag.attributes.get('data-plan')!);
}

function assertSafe(markup: string): void {
  const tags = parseTags(markup);
  assert.deepEqual(unexpectedAttributes(tags), []);
  assert.deepEqual(nonLocalUrls(tags), []);
  assert.equal(tags.filter((tag) => /^(script|foreignObject|iframe|object|embed|a)$/i.test(tag.name)).length, 0);
}

test('golden: three plans, as SVG and as a self-contained page', () => {
  const model = buildPortfolioTimeline(threePlans);
  expectGolden(join(FIXTURES, 'three-plans.svg'), `${renderPortfolioSvg(model, { embedStyle: true })}\n`);
  expectGolden(join(FIXTURES, 'three-plans.html'), renderPortfolioHtml(model, { source: 'growth.portfolio.yaml' }));
});

test('one lane per plan, in order, each clickable by its URI; spans, channels, shares and problems', () => {
  const model = buildPortfolioTimeline(threePlans);
  const svg = renderPortfolioSvg(model);
  assert.deepEqual(
    lanesOf(svg),
    threePlans.plans.map((plan) => plan.uri),
  );
  const [q3, q4, brand] = model.lanes;
  assert.deepEqual(q3!.span, { start: { date: '2026-07-01', day: 20635 }, end: { date: '2026-09-30', day: 20726 }, from: 'period' });
  // No period: the span runs from the first to the last channel day.
  assert.equal(brand!.span?.from, 'channels');
  assert.equal(brand!.span?.start.date, '2026-05-01');
  assert.equal(brand!.span?.end.date, '2026-11-30');
  // Search and email do not overlap, social does: two rows.
  assert.equal(q3!.rows, 2);
  assert.deepEqual(
    q3!.channels.map((bar) => [bar.id, bar.row]),
    [
      ['search', 0],
      ['social', 1],
      ['email', 0],
    ],
  );
  assert.equal(q4!.undated, 1);
  assert.equal(q4!.channels.length, 1);
  assert.equal(q3!.share, 180000 / 500000);
  assert.deepEqual(model.shareBase, { amount: 500000, of: 'the portfolio total' });
  assert.equal(model.allocated, 400000);
  assert.equal(model.mixedCurrencies, false);
  assert.match(svg, />£180,000 · 36% of total</);
  assert.match(svg, /Budget £180,000 · 36% of the portfolio total\n/);
  assert.match(svg, />3 problems</);
  assert.match(svg, />no problems</);
  assert.match(svg, /budget £500,000, plans £400,000 \(80%\)/);
  // Every channel bar and every span has a width.
  const rects = parseTags(svg).filter((tag) => /^(plan-span|channel-bar)/.test(tag.attributes.get('class') ?? '') && tag.attributes.has('data-plan') === false);
  assert.ok(rects.length >= 3 + 5);
  for (const rect of rects) assert.ok(Number(rect.attributes.get('width')) > 0);
  assertSafe(svg);
});

test('the objective deadline is a line through the lanes at the end of its day, labelled', () => {
  const model = buildPortfolioTimeline(threePlans);
  const layout = layoutPortfolio(model);
  const svg = renderPortfolioSvg(model);
  const deadline = /<g class="deadline"><title>Deadline: 31 Dec 2026<\/title><line x1="([\d.]+)" y1="[\d.]+" x2="([\d.]+)" y2="([\d.]+)"\/>/.exec(svg);
  assert.ok(deadline, 'a deadline line');
  assert.equal(Number(deadline[1]), layout.x(model.objective!.deadline!.day + 1));
  assert.equal(Number(deadline[3]), layout.lanesBottom);
  assert.match(svg, />Objective: Grow new customers 30% year …</);
  assert.match(svg, /<title>Objective fy26-growth\nGrow new customers 30% year on year\nBy 31 Dec 2026<\/title>/);
});

test('no plans: a note instead of lanes; no objective: no deadline', () => {
  const model = buildPortfolioTimeline({ title: 'Empty', plans: [] });
  const svg = renderPortfolioSvg(model);
  assert.deepEqual(lanesOf(svg), []);
  assert.match(svg, /No plans yet/);
  assert.doesNotMatch(svg, /class="deadline"/);
  assert.equal(model.span, undefined);
  assertSafe(svg);
  assertSafe(renderPortfolioHtml(model));
});

test('a plan without dates gets a lane that says so; bad dates and numbers are ignored, not drawn', () => {
  const input: PortfolioTimelineInput = {
    title: 'Dates',
    plans: [
      { uri: 'file:///a.plan.yaml', title: 'No dates', channels: [{ id: 'x' }] },
      {
        uri: 'file:///b.plan.yaml',
        title: 'Bad',
        start: '2026-02-30',
        end: 'soon',
        budget: { total: Number.NaN },
        problems: -1,
        channels: [{ id: 'y', start: '2026-03-10', end: '2026-03-01' }],
      },
    ],
  };
  const model = buildPortfolioTimeline(input);
  assert.equal(model.lanes[0]!.span, undefined);
  assert.equal(model.lanes[1]!.span, undefined);
  assert.equal(model.lanes[1]!.budget, undefined);
  assert.equal(model.lanes[1]!.problems, undefined);
  assert.equal(model.lanes[1]!.undated, 1);
  const svg = renderPortfolioSvg(model);
  assert.equal(svg.match(/no dates yet/g)?.length, 2);
  assert.deepEqual(lanesOf(svg), ['file:///a.plan.yaml', 'file:///b.plan.yaml']);
});

test('garbage input (from the wire) never throws', () => {
  const garbage: unknown[] = [
    null,
    42,
    'x',
    [],
    { plans: 'no' },
    { plans: [null, 1, 'a', { uri: 5, channels: {} }] },
    { title: { a: 1 }, objective: 'soon', plans: [{}] },
  ];
  for (const input of garbage) {
    const model = buildPortfolioTimeline(input as PortfolioTimelineInput);
    assertSafe(renderPortfolioSvg(model, { embedStyle: true }));
    assertSafe(renderPortfolioHtml(model));
  }
  assert.equal(portfolioTimelineResult('file:///p.portfolio.yaml', undefined, { uri: 'x' }), null);
});

test('hostile titles, ids, URIs and currencies are escaped: nothing runs, tags balance, right-to-left text stays in its own element', () => {
  const hostile = '<script>alert(1)</script>" onload="x" & \u202Eevil\u0007';
  const input: PortfolioTimelineInput = {
    title: hostile,
    currency: '<b>&',
    total: 100,
    objective: { id: hostile, statement: hostile, deadline: '2026-05-01' },
    plans: [
      {
        uri: 'javascript:alert(1)"><script>',
        title: hostile,
        start: '2026-01-01',
        end: '2026-06-30',
        budget: { total: 50, currency: '<b>&' },
        channels: [{ id: hostile, name: hostile, start: '2026-02-01', end: '2026-03-01' }],
      },
      { uri: 'file:///\u05e9\u05dc\u05d5\u05dd.plan.yaml', title: '\u05ea\u05d5\u05db\u05e0\u05d9\u05ea \u05e8\u05d1\u05e2\u05d5\u05df', channels: [] },
    ],
  };
  const model = buildPortfolioTimeline(input);
  for (const markup of [renderPortfolioSvg(model, { embedStyle: true }), renderPortfolioHtml(model)]) {
    assertSafe(markup);
    assert.doesNotMatch(markup, /<script/i);
    assert.doesNotMatch(markup, / onload="/);
    assert.ok(!markup.includes('\u0007'), 'control characters are dropped');
    assert.match(markup, /&lt;script&gt;/);
  }
  const svg = renderPortfolioSvg(model);
  // The lane carries the URI escaped, and gives it back unchanged once the attribute is read.
  assert.deepEqual(
    lanesOf(svg).map((uri) =>
      uri
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    ),
    input.plans.map((plan) => plan.uri),
  );
  // A right-to-left override in a title is alone in its text element.
  for (const match of svg.matchAll(/<text[^>]*>([^<]*\u202E[^<]*)<\/text>/g)) assert.doesNotMatch(match[1]!, /£|%|problem/);
});

test('long titles are shortened with an ellipsis (the lane tooltip keeps more)', () => {
  const long = 'A very long plan title that goes on and on '.repeat(10);
  const svg = renderPortfolioSvg(buildPortfolioTimeline({ title: long, plans: [{ uri: 'file:///l.plan.yaml', title: long, channels: [] }] }));
  const texts = [...svg.matchAll(/<text class="plan-title"[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]!);
  assert.equal(texts.length, 1);
  assert.ok(texts[0]!.endsWith('…') && texts[0]!.length < 50, texts[0]);
  assert.match(svg, /<title>A very long plan title that goes on and on A very long/);
});

test('mixed currencies are said, not summed or shared', () => {
  const input: PortfolioTimelineInput = {
    title: 'Mixed',
    currency: 'GBP',
    total: 1000,
    plans: [
      { uri: 'file:///a.plan.yaml', title: 'UK', budget: { total: 400, currency: 'GBP' }, channels: [] },
      { uri: 'file:///b.plan.yaml', title: 'DE', budget: { total: 300, currency: 'eur' }, channels: [] },
    ],
  };
  const model = buildPortfolioTimeline(input);
  assert.equal(model.mixedCurrencies, true);
  assert.deepEqual(model.currencies, ['GBP', 'EUR']);
  assert.equal(model.allocated, undefined);
  assert.equal(model.shareBase, undefined);
  assert.ok(model.lanes.every((lane) => lane.share === undefined));
  const svg = renderPortfolioSvg(model);
  assert.match(svg, /mixed currencies \(GBP, EUR\): budgets are not added up/);
  assert.match(svg, />£400</);
  assert.match(svg, />€300</);
  assert.doesNotMatch(svg, /%/);
  assert.match(renderPortfolioHtml(model), /different currencies \(GBP, EUR\)/);
});

test('without a portfolio total, shares are of the plan budgets', () => {
  const model = buildPortfolioTimeline({
    title: 'No total',
    plans: [
      { uri: 'file:///a.plan.yaml', title: 'A', budget: { total: 300 }, channels: [] },
      { uri: 'file:///b.plan.yaml', title: 'B', budget: { total: 100 }, channels: [] },
    ],
  });
  assert.deepEqual(model.shareBase, { amount: 400, of: 'plan budgets' });
  assert.match(renderPortfolioSvg(model), />300 · 75% of plan budgets</);
});

test('a lane with many overlapping channels draws at most four rows and says how many are not drawn', () => {
  const [plan] = manyPlans(1, 30).plans;
  const model = buildPortfolioTimeline({ title: 'Busy', plans: [plan!] });
  const lane = model.lanes[0]!;
  assert.equal(lane.rows, 4);
  assert.equal(lane.channels.length + lane.hidden, 30);
  assert.ok(lane.hidden > 0);
  assert.equal(model.hiddenChannels, lane.hidden);
  const svg = renderPortfolioSvg(model);
  assert.match(svg, new RegExp(`\\+${lane.hidden} not drawn`));
  assert.match(svg, new RegExp(`${lane.hidden} channels not drawn: at most 4 rows of channels per lane`));
});

test('hundreds of plans: compact lanes of constant height, one row of channels each, said in the legend; fast', () => {
  const input = manyPlans(500, 40);
  const { value: svg, cpuMs } = withCpuTime(() => renderPortfolioSvg(buildPortfolioTimeline(input)));
  const model = buildPortfolioTimeline(input);
  assert.equal(model.compact, true);
  assert.equal(lanesOf(svg).length, 500);
  const layout = layoutPortfolio(model);
  assert.ok(layout.lanes.every((box) => box.height === 24));
  assert.ok(model.lanes.every((lane) => lane.rows <= 1));
  assert.match(svg, /compact lanes \(many plans\)/);
  assert.ok(cpuMs < 2000, `500 plans × 40 channels rendered in ${cpuMs} ms of CPU`);
});

test('the request answers with the model, and the SVG when asked', () => {
  const panel = portfolioTimelineResult('file:///g.portfolio.yaml', threePlans, { uri: 'file:///g.portfolio.yaml', render: 'panel' });
  assert.equal(panel?.timeline.lanes.length, 3);
  assert.ok(panel?.svg?.startsWith('<svg'));
  assert.doesNotMatch(panel!.svg!, /<style>/);
  assert.match(portfolioTimelineResult('file:///g.portfolio.yaml', threePlans, { render: 'standalone' })!.svg!, /<style>/);
  assert.equal(portfolioTimelineResult('file:///g.portfolio.yaml', threePlans, { render: 'bogus' as 'panel' })!.svg, undefined);
});
