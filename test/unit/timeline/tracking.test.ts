// The timeline of a plan after launch: the as-of marker, bars filled to their burn, KPI pace
// dots, and the monthly spend chart stacked by channel type with the budget line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderHtml } from '../../../server/src/core/features/timeline/renderHtml.js';
import { renderSvg } from '../../../server/src/core/features/timeline/renderSvg.js';
import { planWith, timelineOf } from './helpers.js';
import { nonLocalUrls, parseTags, unexpectedAttributes } from './svgChecks.js';

const CHANNELS = `  ads:
    type: paid
    stages: [convert]
    start: 2026-03-01
    end: 2026-04-30
    budget: 600
    phasing: { 2026-03: 300, 2026-04: 300 }
    spend: { 2026-03: { committed: 320, actual: 300 }, 2026-04: { committed: 100 } }
    kpis: [sales-kpi]
  blog:
    type: owned
    stages: [aware]
    start: 2026-03-01
    end: 2026-03-31
    budget: 200
    phasing: { 2026-03: 200 }
    spend: { 2026-03: { actual: 250 } }
`;
const KPIS = `kpis:
  sales-kpi:
    measure: { baseline: 0, target: 100, cadence: weekly }
    actuals: { 2026-03-31: 5 }
`;

function midPlan(asOf = '2026-04-10', channels = CHANNELS): string {
  return `as_of: ${asOf}\n${planWith(channels, KPIS)}`;
}

test('no tracking data: the timeline has no tracking part and draws no spend chart', () => {
  const timeline = timelineOf(planWith(`  a: { type: paid, stages: [aware], start: 2026-03-01, end: 2026-03-31, budget: 100 }\n`), '2026-06-15');
  assert.equal(timeline.tracking, undefined);
  const svg = renderSvg(timeline);
  assert.ok(!svg.includes('spend-chart'));
  assert.ok(!svg.includes('class="as-of"'));
});

test('as of, burn per bar, pace per KPI-reporting bar', () => {
  const timeline = timelineOf(midPlan(), '2026-06-15');
  const tracking = timeline.tracking!;
  assert.deepEqual(tracking.asOf, { date: '2026-04-10', day: tracking.asOf.day, source: 'plan' });
  // ads: money out = max(320, 300) in March + 100 in April = 420 of 600.
  assert.equal(tracking.channels.ads!.burn, 420 / 600);
  assert.equal(tracking.channels.blog!.burn, 250 / 200);
  assert.deepEqual(
    tracking.channels.ads!.pace.map((pace) => [pace.kpi, pace.status]),
    [['sales-kpi', 'behind']],
  );
  assert.deepEqual(tracking.channels.blog!.pace, []);
  const svg = renderSvg(timeline);
  assert.match(svg, /<g class="burn" data-burn="70">/);
  assert.match(svg, /<g class="burn over-budget" data-burn="125">.*?<rect class="bar-over"/);
  assert.match(svg, /<circle class="pace behind" data-kpi-pace="behind"[^>]*><title>sales-kpi: [^<]*behind pace<\/title>/);
  assert.match(svg, /<g class="as-of"><title>As of [^<]*<\/title>/);
});

test('an as-of that is only today draws no separate marker (the today line is there)', () => {
  const text = planWith(CHANNELS, KPIS);
  const svg = renderSvg(timelineOf(text, '2026-06-15'));
  assert.ok(!svg.includes('<g class="as-of">'));
});

test('the spend chart: one group per month, cumulative planned/committed/actual stacked by type, and the budget line', () => {
  const timeline = timelineOf(midPlan(), '2026-06-15');
  const months = timeline.tracking!.months;
  assert.deepEqual(
    months.map((month) => month.month),
    ['2026-03', '2026-04'],
  );
  assert.deepEqual(months[0]!.cumulative.planned, { paid: 300, owned: 200, earned: 0, untyped: 0 });
  assert.deepEqual(months[1]!.cumulative.planned, { paid: 600, owned: 200, earned: 0, untyped: 0 });
  assert.deepEqual(months[1]!.cumulative.committed, { paid: 420, owned: 0, earned: 0, untyped: 0 });
  assert.deepEqual(months[0]!.cumulative.actual, { paid: 300, owned: 250, earned: 0, untyped: 0 });
  assert.deepEqual(months[1]!.monthly, { planned: 300, committed: 100, actual: 0 });
  assert.equal(timeline.tracking!.budget, 1000);
  const svg = renderSvg(timeline);
  const tags = parseTags(svg);
  assert.equal(tags.filter((tag) => tag.attributes.has('data-month')).length, 2);
  assert.equal(tags.filter((tag) => tag.attributes.has('data-series')).length, 6);
  // March planned: a paid and an owned segment.
  assert.equal(tags.filter((tag) => tag.attributes.get('class') === 'spend paid planned').length, 2);
  assert.equal(tags.filter((tag) => tag.attributes.get('class') === 'spend owned planned').length, 2);
  assert.match(svg, /<g class="spend-budget"><title>Plan budget £1,000<\/title>/);
  assert.deepEqual(unexpectedAttributes(tags), []);
});

test('a gap month between months with money is drawn, with the running totals carried', () => {
  const channels = `  ads:
    type: earned
    stages: [convert]
    start: 2026-01-01
    end: 2026-03-31
    budget: 200
    phasing: { 2026-01: 100, 2026-03: 100 }
`;
  const months = timelineOf(midPlan('2026-02-10', channels)).tracking!.months;
  assert.deepEqual(
    months.map((month) => [month.month, month.cumulative.planned.earned]),
    [
      ['2026-01', 100],
      ['2026-02', 100],
      ['2026-03', 200],
    ],
  );
});

test('hostile plan strings are escaped in the burn, pace and spend titles (SVG and HTML)', () => {
  const hostile = `  "<script>alert(1)</script>":
    type: paid
    stages: [convert]
    start: 2026-03-01
    end: 2026-04-30
    budget: 600
    phasing: { 2026-03: 300, 2026-04: 300 }
    spend: { 2026-03: { actual: 300 } }
    kpis: ["<img src=x onerror=alert(2)>"]
`;
  const kpis = `kpis:\n  "<img src=x onerror=alert(2)>":\n    measure: { baseline: 0, target: 100 }\n    actuals: { 2026-03-31: 5 }\n`;
  const text = `as_of: 2026-04-10\n${planWith(hostile, kpis).replace('currency: GBP', 'currency: "<b>"')}`;
  const timeline = timelineOf(text, '2026-06-15');
  assert.ok(timeline.tracking);
  for (const markup of [renderSvg(timeline, { embedStyle: true }), renderHtml(timeline, { source: '<x>' })]) {
    assert.ok(!markup.includes('<script>alert'));
    assert.ok(!markup.includes('<img src=x'));
    const tags = parseTags(markup);
    assert.deepEqual(unexpectedAttributes(tags), []);
    assert.deepEqual(nonLocalUrls(tags), []);
  }
});
