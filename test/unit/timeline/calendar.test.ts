// The plan's calendar on the timeline: the model carries it (and which lags are in business
// days), the SVG shades excluded days as runs and blackouts as bands with their reason, and
// plans without a calendar render exactly as before.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderHtml } from '../../../server/src/core/features/timeline/renderHtml.js';
import { renderSvg } from '../../../server/src/core/features/timeline/renderSvg.js';
import { timelineCss } from '../../../server/src/core/features/timeline/style.js';
import { parseTags, unexpectedAttributes } from './svgChecks.js';
import { readExample, timelineOf } from './helpers.js';

const CALENDAR_PLAN = readExample('test/fixtures/timeline/calendar.plan.yaml');

test('the model carries the calendar: weekends, the other excluded days, blackouts in order, and bd lags', () => {
  const timeline = timelineOf(CALENDAR_PLAN, '2026-12-01');
  assert.equal(timeline.calendar?.weekends, true);
  assert.deepEqual(
    timeline.calendar?.excluded.map((date) => date.date),
    ['2026-12-25', '2026-12-28', '2027-01-01'],
  );
  assert.deepEqual(
    timeline.calendar?.blackouts.map((blackout) => [blackout.from.date, blackout.to.date, blackout.appliesTo]),
    [
      ['2026-11-23', '2026-11-30', ['email', 'sms']],
      ['2026-12-21', '2026-12-23', undefined],
    ],
  );
  assert.deepEqual(
    timeline.edges.map((edge) => [edge.to, edge.lag, edge.lagUnit]),
    [
      ['email-sale', 5, 'bd'],
      ['paid-social', 0, 'bd'],
    ],
  );
  assert.equal(timelineOf(readExample('examples/clean/q3-acquisition.plan.yaml')).calendar, undefined);
});

test('excluded days are shaded as runs (a weekend, Christmas and the bank holiday together), shown at this scale', () => {
  const svg = renderSvg(timelineOf(CALENDAR_PLAN, '2026-12-01'), { embedStyle: true });
  const tags = parseTags(svg);
  assert.deepEqual(unexpectedAttributes(tags), []);
  assert.match(svg, /^<svg [^>]*class="tl days-visible"/);
  const runs = tags.filter((tag) => tag.attributes.get('class') === 'excluded-day');
  // Weekends from the drawn start (31 Oct) to the drawn end (17 Jan), with Fri 25 – Mon 28 Dec and Fri 1 – Sun 3 Jan as single runs.
  assert.equal(runs.length, 12);
  assert.match(svg, /<title>Not a working day: 25 Dec 2026, 28 Dec 2026<\/title>/);
  assert.match(svg, /<title>Blackout 23 Nov 2026 – 30 Nov 2026: Black Friday freeze\nNo launches for email, sms<\/title>/);
  assert.ok(svg.includes('Site migration &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;cutover&quot;'), 'the reason is escaped');
  assert.ok(svg.includes('.tl.days-visible .excluded-days'), 'the calendar styles are embedded');
  assert.ok(svg.includes('>Blackout</text>'), 'the legend names blackouts');
});

test('a plan without a calendar renders without any of it, stylesheet included', () => {
  const timeline = timelineOf(readExample('examples/clean/q3-acquisition.plan.yaml'), '2026-06-15');
  const svg = renderSvg(timeline, { embedStyle: true });
  assert.match(svg, /^<svg [^>]*class="tl"/);
  assert.ok(!svg.includes('excluded-day') && !svg.includes('blackout'));
  assert.ok(svg.includes(`<style>${timelineCss}</style>`));
  assert.ok(!renderHtml(timeline).includes('days-visible'));
});

test('too wide a span for days to show: no columns at all, blackouts still drawn', () => {
  const long = CALENDAR_PLAN.replace('end: 2027-01-15 }', 'end: 2040-01-15 }').replace('end: 2027-01-08, budget', 'end: 2039-12-31, budget');
  const svg = renderSvg(timelineOf(long), { embedStyle: true });
  assert.match(svg, /^<svg [^>]*class="tl"/);
  assert.ok(!svg.includes('class="excluded-day"'));
  assert.equal((svg.match(/<g class="blackout">/g) ?? []).length, 2);
});
