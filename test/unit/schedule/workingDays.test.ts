// Business-day arithmetic (core/model/workingDays.ts) against the obvious day-by-day loop,
// across weekends and holidays, forwards and backwards, and on spans nobody would loop over.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatDay, parseIsoDate, type Day } from '../../../server/src/core/text/dates.js';
import {
  addWorkingDays,
  isWorkingDay,
  latestBefore,
  nextWorkingDay,
  shiftWorkingDays,
  weekday,
  workingCalendar,
  workingDaysBetween,
  type WorkingCalendar,
} from '../../../server/src/core/model/workingDays.js';

const day = (iso: string): Day => parseIsoDate(iso)!;
/** Christmas 2026 is a Friday, Boxing Day a Saturday; 2026-12-28 is the Monday bank holiday. */
const UK = workingCalendar(true, [day('2026-12-25'), day('2026-12-26'), day('2026-12-28')]);

function naiveAdd(calendar: WorkingCalendar, from: Day, count: number): Day {
  let current = from;
  for (let left = count; left > 0;) {
    current++;
    if (isWorkingDay(calendar, current)) left--;
  }
  return current;
}

function naiveBetween(calendar: WorkingCalendar, after: Day, through: Day): number {
  let count = 0;
  for (let current = after + 1; current <= through; current++) if (isWorkingDay(calendar, current)) count++;
  return count;
}

test('weekdays: 1970-01-01 was a Thursday, 2026-12-25 is a Friday', () => {
  assert.equal(weekday(0), 4);
  assert.equal(weekday(day('2026-12-25')), 5);
  assert.equal(weekday(day('1969-12-28')), 0, 'a Sunday before day 0');
});

test('working days skip weekends and holidays; a holiday on a weekend is not counted twice', () => {
  assert.equal(isWorkingDay(UK, day('2026-12-24')), true);
  assert.equal(isWorkingDay(UK, day('2026-12-25')), false);
  assert.equal(isWorkingDay(UK, day('2026-12-27')), false, 'Sunday');
  assert.equal(isWorkingDay(UK, day('2026-12-28')), false, 'the bank holiday');
  assert.deepEqual(UK.holidays.map(formatDay), ['2026-12-25', '2026-12-28'], 'Boxing Day falls on the weekend already excluded');
  // Thursday 24th … Thursday 31st: 29, 30, 31 work.
  assert.equal(workingDaysBetween(UK, day('2026-12-24'), day('2026-12-31')), 3);
});

test('adding working days across Christmas, and back again', () => {
  assert.equal(formatDay(addWorkingDays(UK, day('2026-12-24'), 1)), '2026-12-29');
  assert.equal(formatDay(addWorkingDays(UK, day('2026-12-24'), 3)), '2026-12-31');
  assert.equal(formatDay(addWorkingDays(UK, day('2026-12-18'), 4)), '2026-12-24', 'Friday + 4 working days is the next Thursday');
  assert.equal(formatDay(addWorkingDays(UK, day('2026-12-18'), 5)), '2026-12-29', 'the fifth skips Christmas, the weekend and the bank holiday');
  assert.equal(formatDay(addWorkingDays(UK, day('2026-12-26'), 0)), '2026-12-26', 'zero days leaves the day alone, working or not');
  assert.equal(formatDay(shiftWorkingDays(UK, day('2026-12-29'), -1)), '2026-12-24');
  assert.equal(formatDay(shiftWorkingDays(UK, day('2026-12-28'), -1)), '2026-12-24', 'one working day before a holiday');
  assert.equal(formatDay(shiftWorkingDays(UK, day('2026-12-21'), -5)), '2026-12-14');
  assert.equal(formatDay(nextWorkingDay(UK, day('2026-12-25'))), '2026-12-29');
  assert.equal(formatDay(latestBefore(UK, day('2026-12-29'), 1)), '2026-12-28', 'the latest day whose next working day is the 29th');
});

test('a calendar that excludes nothing is plain day arithmetic', () => {
  const every = workingCalendar(false, []);
  assert.equal(addWorkingDays(every, 100, 7), 107);
  assert.equal(latestBefore(every, 100, 7), 93);
  assert.equal(shiftWorkingDays(every, 100, -7), 93);
});

test('huge counts cost no more than small ones and agree with weeks', () => {
  const weekends = workingCalendar(true, []);
  const monday = day('2026-01-05');
  assert.equal(addWorkingDays(weekends, monday, 5 * 52_000), monday + 7 * 52_000);
  // Counting back 260,000 working days through a Monday ends on the Tuesday after `monday`.
  assert.equal(latestBefore(weekends, monday + 7 * 52_000, 5 * 52_000), monday);
});

test('agrees with the day-by-day loop on random calendars (property)', () => {
  const calendars = fc.record({
    weekends: fc.boolean(),
    holidays: fc.array(fc.integer({ min: 20_400, max: 20_600 }), { maxLength: 40 }),
  });
  fc.assert(
    fc.property(calendars, fc.integer({ min: 20_380, max: 20_620 }), fc.integer({ min: 0, max: 90 }), ({ weekends, holidays }, from, count) => {
      const calendar = workingCalendar(weekends, holidays);
      const added = addWorkingDays(calendar, from, count);
      assert.equal(added, naiveAdd(calendar, from, count));
      assert.equal(workingDaysBetween(calendar, from, added), count);
      assert.equal(workingDaysBetween(calendar, from - 3, from + count), naiveBetween(calendar, from - 3, from + count));
      // latestBefore is the inverse: the latest x whose `count` working days end by the bound.
      const latest = latestBefore(calendar, from, count);
      assert.ok(addWorkingDays(calendar, latest, count) <= from);
      assert.ok(addWorkingDays(calendar, latest + 1, count) > from);
      if (count > 0)
        assert.equal(shiftWorkingDays(calendar, shiftWorkingDays(calendar, nextWorkingDay(calendar, from), count), -count), nextWorkingDay(calendar, from));
    }),
    { numRuns: 400 },
  );
});
