import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderHtml } from '../../../server/src/core/features/timeline/renderHtml.js';
import { renderSvg } from '../../../server/src/core/features/timeline/renderSvg.js';
import type { TimelineModel } from '../../../server/src/core/features/timeline/types.js';
import { withCpuTime } from '../../helpers/cpuTime.js';
import { generatePlan } from '../../helpers/generatePlan.js';
import { readExample, repoRoot, timelineOf } from './helpers.js';
import { nonLocalUrls, parseTags, unexpectedAttributes } from './svgChecks.js';
import { expectGolden } from '../../helpers/golden.js';

const FIXTURES = join(repoRoot, 'test/fixtures/timeline');
const TODAY = '2026-06-15';

function assertGolden(name: string, actual: string): void {
  expectGolden(join(FIXTURES, name), actual);
}

const cases: { name: string; plan: string }[] = [
  { name: 'q3-acquisition', plan: 'examples/clean/q3-acquisition.plan.yaml' },
  { name: 'new-user', plan: 'examples/problems/new-user.plan.yaml' },
  { name: 'edge-cases', plan: 'test/fixtures/timeline/edge-cases.plan.yaml' },
  { name: 'calendar', plan: 'test/fixtures/timeline/calendar.plan.yaml' },
  { name: 'q3-midflight', plan: 'examples/midflight/q3-midflight.plan.yaml' },
];

for (const { name, plan } of cases) {
  test(`golden: ${name}.svg`, () => {
    assertGolden(`${name}.svg`, `${renderSvg(timelineOf(readExample(plan), TODAY), { embedStyle: true })}\n`);
  });
}

test('golden: q3-acquisition.html (self-contained page)', () => {
  assertGolden(
    'q3-acquisition.html',
    renderHtml(timelineOf(readExample('examples/clean/q3-acquisition.plan.yaml'), TODAY), { source: 'examples/clean/q3-acquisition.plan.yaml' }),
  );
});

function groupsWith(svg: string, className: string): string[] {
  return (
    parseTags(svg)
      .filter((tag) => (tag.attributes.get('class') ?? '').split(' ').includes(className))
      // Legend samples carry the classes too, but no channel.
      .filter((tag) => tag.attributes.has('data-channel') || tag.attributes.has('data-from'))
      .map((tag) => tag.attributes.get('data-channel') ?? `${tag.attributes.get('data-from')}→${tag.attributes.get('data-to')}`)
  );
}

for (const { name, plan } of cases) {
  test(`${name}: one bar group per dated channel, one arrow per drawable edge, well-formed, nothing executable`, () => {
    const timeline = timelineOf(readExample(plan), TODAY);
    const svg = renderSvg(timeline, { embedStyle: true });
    const tags = parseTags(svg);
    assert.deepEqual(groupsWith(svg, 'bar').sort(), timeline.bars.map((bar) => bar.id).sort());
    assert.equal(groupsWith(svg, 'edge').length, timeline.edges.length);
    assert.deepEqual(unexpectedAttributes(tags), []);
    assert.deepEqual(nonLocalUrls(tags), []);
  });
}

test('the critical path is emphasised: critical bars and arrows carry the class and the critical arrowhead', () => {
  const svg = renderSvg(timelineOf(readExample('examples/clean/q3-acquisition.plan.yaml'), TODAY));
  const tags = parseTags(svg);
  const criticalEdges = tags.filter((tag) => tag.name === 'path' && tag.attributes.get('class') === 'edge critical');
  assert.deepEqual(
    criticalEdges.map((tag) => [tag.attributes.get('data-from'), tag.attributes.get('data-to'), tag.attributes.get('marker-end')]),
    [['paid-search', 'email-nurture', 'url(#tl-arrow-critical)']],
  );
  const criticalBars = tags.filter((tag) => tag.name === 'g' && /\bbar\b.*\bcritical\b/.test(tag.attributes.get('class') ?? ''));
  assert.deepEqual(criticalBars.map((tag) => tag.attributes.get('data-channel')).sort(), ['email-nurture', 'paid-search', 'seo']);
});

test('markers: deadline, today, period, ready_by diamonds, milestones, problem badges and budget labels', () => {
  const problems = renderSvg(timelineOf(readExample('test/fixtures/timeline/edge-cases.plan.yaml'), '2026-03-15'));
  assert.match(problems, /<g class="deadline"><title>Deadline: 25 Apr 2026<\/title>/);
  assert.match(problems, /<g class="today"><title>Today: 15 Mar 2026<\/title>/);
  assert.match(problems, /<rect class="period"/);
  assert.match(problems, /<g class="ready late"><title>Measurement ready 5 Mar 2026:\nmentions — after a channel reporting it starts/);
  assert.match(problems, /<g class="milestone"><title>Board review: 31 Mar 2026<\/title>/);
  assert.match(problems, /class="budget"[^>]*>€6k · 60%<\/text>/);
  // `landing` has no type (schema error) → error badge; untyped colour class.
  assert.match(problems, /<g class="bar untyped[^"]*" data-channel="landing">[\s\S]*?<g class="badge error">/);
  // `later` has no end: listed under the lanes with the reason.
  assert.match(problems, /<g class="undated owned" data-channel="later">[\s\S]*?no end date/);
  // Today outside the drawn days is not drawn.
  assert.doesNotMatch(renderSvg(timelineOf(readExample('test/fixtures/timeline/edge-cases.plan.yaml'), '2030-01-01')), /<g class="today"><title>/);
});

test('long names are shortened in the column, whole in the tooltip', () => {
  const svg = renderSvg(timelineOf(readExample('test/fixtures/timeline/edge-cases.plan.yaml'), TODAY));
  assert.match(
    svg,
    /<title>Launch press release with a rather long name that does not fit the column \(launch-pr\)<\/title><text[^>]*>Launch press release wi…<\/text>/,
  );
});

function hostileModel(): TimelineModel {
  const payload = `<script>alert(1)</script><img src=x onerror=alert(2)>"><svg onload=alert(3)>'javascript:alert(4)&amp;\u0001\uD800`;
  const timeline = timelineOf(readExample('examples/clean/q3-acquisition.plan.yaml'), TODAY);
  timeline.title = payload;
  timeline.currency = payload;
  for (const bar of timeline.bars) Object.assign(bar, { id: `${bar.id}${payload}`, name: payload, owner: payload, medium: payload, stages: [payload] });
  for (const lane of timeline.lanes) Object.assign(lane, { label: payload, need: payload, id: payload, bars: lane.bars.map((id) => `${id}${payload}`) });
  for (const edge of timeline.edges) Object.assign(edge, { from: `${edge.from}${payload}`, to: `${edge.to}${payload}`, why: payload });
  for (const marker of timeline.readyBy) marker.name = payload;
  timeline.milestones.push({ id: payload, label: payload, date: timeline.deadline! });
  timeline.bars[0]!.diagnostics.messages.push({ severity: 'error', code: payload, message: payload, line: 0 });
  timeline.bars[0]!.diagnostics.errors++;
  timeline.problems.push({ severity: 'error', code: payload, message: payload, line: 0, channel: payload });
  return timeline;
}

test('hostile plan text is escaped everywhere: no tag, attribute or URL from the plan survives', () => {
  const timeline = hostileModel();
  for (const markup of [renderSvg(timeline, { embedStyle: true }), renderHtml(timeline)]) {
    const tags = parseTags(markup);
    assert.deepEqual(
      tags.filter((tag) => ['script', 'img', 'iframe', 'foreignObject', 'a', 'image', 'use'].includes(tag.name)).map((tag) => tag.name),
      [],
    );
    assert.deepEqual(unexpectedAttributes(tags), []);
    assert.deepEqual(nonLocalUrls(tags), []);
    assert.match(markup, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(markup, /&quot;&gt;&lt;svg onload=alert\(3\)&gt;&#39;javascript:/);
    // eslint-disable-next-line no-control-regex -- the payload's control character must be gone
    assert.doesNotMatch(markup, /[\u0001\uD800]/);
  }
  // Every bar is still drawn, keyed by its (escaped) id.
  assert.equal(groupsWith(renderSvg(timeline), 'bar').length, timeline.bars.length);
});

test('500 channels: every bar drawn, constant row height, width from the date span, rendered quickly', () => {
  const timeline = timelineOf(generatePlan(500), TODAY);
  const { value: svg, cpuMs } = withCpuTime(() => renderSvg(timeline));
  assert.equal(groupsWith(svg, 'bar').length, 500);
  assert.equal(groupsWith(svg, 'edge').length, timeline.edges.length);
  const height = Number(/height="(\d+)"/.exec(svg)![1]);
  const small = Number(/height="(\d+)"/.exec(renderSvg(timelineOf(generatePlan(5), TODAY)))![1]);
  assert.equal(height - small, 495 * 24);
  assert.ok(cpuMs < 2000, `used ${cpuMs.toFixed(0)} ms of CPU time (a CPU-time bound: a busy machine does not decide it)`);
});

test('an empty plan renders a note instead of bars', () => {
  const svg = renderSvg(timelineOf('plan: Nothing yet\n'));
  assert.match(svg, /No channels yet/);
  parseTags(svg);
});
