import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axisTicks } from '../../../server/src/core/features/timeline/axis.js';
import { layoutTimeline } from '../../../server/src/core/features/timeline/layout.js';
import { parseIsoDate } from '../../../server/src/core/text/dates.js';
import { timelineOf } from './helpers.js';

/** The axis the renderer draws for a plan with one channel from `start` to `end`. */
function axisFor(start: string, end: string) {
  const layout = layoutTimeline(timelineOf(`plan: Span\nchannels:\n  a: { type: owned, mode: inbound, start: ${start}, end: ${end} }\n`));
  return { layout, axis: axisTicks(layout.first, layout.last, layout.pxPerDay) };
}

function spacings(days: number[], pxPerDay: number): number[] {
  return days.slice(1).map((day, index) => (day - days[index]!) * pxPerDay);
}

test('a 10-day plan: one labelled tick per day, the month above', () => {
  const { layout, axis } = axisFor('2026-03-02', '2026-03-11');
  assert.equal(axis.unit, 'day');
  // 10 days plus a day of padding each side.
  assert.deepEqual(
    axis.minor.map((tick) => tick.label),
    ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
  );
  assert.equal(axis.minor[0]!.day, parseIsoDate('2026-03-01'));
  assert.deepEqual(
    axis.major.map((tick) => tick.label),
    ['Mar 2026'],
  );
  assert.ok(
    spacings(
      axis.minor.map((tick) => tick.day),
      layout.pxPerDay,
    ).every((px) => px >= 40),
  );
});

test('a 6-month plan: weekly ticks on Mondays, months above', () => {
  const { layout, axis } = axisFor('2026-01-01', '2026-06-30');
  assert.equal(axis.unit, 'week');
  const mondays = axis.minor.map((tick) => new Date(tick.day * 86_400_000).getUTCDay());
  assert.ok(
    mondays.every((weekday) => weekday === 1),
    `all Mondays: ${mondays.join(',')}`,
  );
  assert.equal(axis.minor[0]!.label, '29');
  assert.equal(axis.minor[1]!.label, '5');
  assert.deepEqual(
    axis.major.map((tick) => tick.label),
    ['Jan 2026', 'Feb 2026', 'Mar 2026', 'Apr 2026', 'May 2026', 'Jun 2026', 'Jul 2026'],
  );
  assert.ok(
    spacings(
      axis.minor.map((tick) => tick.day),
      layout.pxPerDay,
    ).every((px) => px >= 40),
  );
});

test('a 3-year plan: months below, years above', () => {
  const { layout, axis } = axisFor('2026-01-01', '2028-12-31');
  assert.equal(axis.unit, 'month');
  // 36 months plus January 2029, inside the right-hand padding.
  assert.equal(axis.minor.length, 37);
  assert.deepEqual(
    axis.minor.slice(0, 4).map((tick) => tick.label),
    ['Jan', 'Feb', 'Mar', 'Apr'],
  );
  assert.equal(axis.minor[0]!.day, parseIsoDate('2026-01-01'));
  assert.deepEqual(
    axis.major.map((tick) => tick.label),
    ['2026', '2027', '2028', '2029'],
  );
  assert.equal(layout.chartWidth, 3000, 'wide spans are capped, not stretched');
});

test('decades and centuries get year steps that keep labels apart', () => {
  const decades = axisFor('2020-01-01', '2049-12-31').axis;
  assert.equal(decades.unit, 'year');
  assert.deepEqual(
    decades.minor.slice(0, 3).map((tick) => tick.label),
    ['2020', '2021', '2022'],
  );
  const centuries = axisFor('1000-01-01', '9999-12-31');
  assert.equal(centuries.axis.unit, 'year');
  assert.ok(centuries.axis.step >= 100, `step ${centuries.axis.step}`);
  assert.ok(centuries.axis.minor.length < 100);
  assert.ok(
    spacings(
      centuries.axis.minor.map((tick) => tick.day),
      centuries.layout.pxPerDay,
    ).every((px) => px >= 40),
  );
});

test('quarters when months would be too tight', () => {
  const axis = axisTicks(parseIsoDate('2026-01-01')!, parseIsoDate('2027-12-31')!, 1);
  assert.equal(axis.unit, 'quarter');
  assert.deepEqual(
    axis.minor.slice(0, 5).map((tick) => tick.label),
    ['Q1', 'Q2', 'Q3', 'Q4', 'Q1'],
  );
  assert.deepEqual(
    axis.major.map((tick) => tick.label),
    ['2026', '2027'],
  );
});

test('a span starting mid-month names its month when there is room', () => {
  const first = parseIsoDate('2026-03-10')!;
  const axis = axisTicks(first, parseIsoDate('2026-05-20')!, 8);
  assert.deepEqual(
    axis.major.map((tick) => tick.label),
    ['Mar 2026', 'Apr 2026', 'May 2026'],
  );
  assert.equal(axis.major[0]!.day, first);
});
