import type { Day } from '../text/dates.js';

// Business-day arithmetic over a working calendar: plain data (JSON-serialisable) and pure
// functions with no other import, so the timeline webview bundles the same arithmetic the
// schedule uses. A working day is one the calendar does not exclude. Every function is
// logarithmic in the span and the number of holidays, so `99999bd` costs what `1bd` does.

export interface WorkingCalendar {
  /** Saturdays and Sundays are not working days. */
  weekends: boolean;
  /** The other excluded days: sorted, no duplicates, none on an excluded weekend (`workingCalendar` makes sure). */
  holidays: Day[];
}

/** The calendar of a plan without a `calendar`: every day is a working day. */
export const EVERY_DAY: WorkingCalendar = { weekends: false, holidays: [] };

/** 0 Sunday … 6 Saturday (1970-01-01, day 0, was a Thursday). */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: Day): boolean {
  const d = weekday(day);
  return d === 0 || d === 6;
}

/** A calendar from excluded days in any order (duplicates, non-integers and days the weekends already exclude dropped). */
export function workingCalendar(weekends: boolean, days: Iterable<Day>): WorkingCalendar {
  const holidays = [...new Set(days)].filter((day) => Number.isInteger(day) && !(weekends && isWeekend(day))).sort((a, b) => a - b);
  return { weekends, holidays };
}

export function excludesAnything(calendar: WorkingCalendar): boolean {
  return calendar.weekends || calendar.holidays.length > 0;
}

export function isWorkingDay(calendar: WorkingCalendar, day: Day): boolean {
  if (calendar.weekends && isWeekend(day)) return false;
  const i = firstAtOrAfter(calendar.holidays, day);
  return !(i < calendar.holidays.length && calendar.holidays[i] === day);
}

/** How many working days lie in (after, through]: `after` left out, `through` counted. */
export function workingDaysBetween(calendar: WorkingCalendar, after: Day, through: Day): number {
  if (through <= after) return 0;
  let count = through - after;
  if (calendar.weekends) count -= weekendDaysThrough(through) - weekendDaysThrough(after);
  count -= firstAtOrAfter(calendar.holidays, through + 1) - firstAtOrAfter(calendar.holidays, after + 1);
  return count;
}

/** The `count`-th working day after `day`, or `day` itself when `count` is 0: `day + count` on a calendar that excludes nothing. */
export function addWorkingDays(calendar: WorkingCalendar, day: Day, count: number): Day {
  if (count <= 0) return day;
  if (!excludesAnything(calendar)) return day + count;
  // The smallest t with `count` working days in (day, t]; it lies within `reach` days.
  let low = day + count;
  let high = day + reach(calendar, count);
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (workingDaysBetween(calendar, day, middle) >= count) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The latest `x` with `addWorkingDays(calendar, x, count) <= bound`: the inverse the backward pass needs. */
export function latestBefore(calendar: WorkingCalendar, bound: Day, count: number): Day {
  if (count <= 0) return bound;
  if (!excludesAnything(calendar)) return bound - count;
  // The largest x with `count` working days in (x, bound].
  let low = bound - reach(calendar, count);
  let high = bound - count;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (workingDaysBetween(calendar, middle, bound) >= count) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Moves `day` by `count` working days: the `count`-th working day after it, or (negative) before it. */
export function shiftWorkingDays(calendar: WorkingCalendar, day: Day, count: number): Day {
  if (count >= 0) return addWorkingDays(calendar, day, count);
  return latestBefore(calendar, day - 1, -count) + 1;
}

/** The first working day on or after `day`. */
export function nextWorkingDay(calendar: WorkingCalendar, day: Day): Day {
  return isWorkingDay(calendar, day) ? day : addWorkingDays(calendar, day, 1);
}

// --- internals ---------------------------------------------------------------------------

/** Days within which `count` working days surely lie: at most 2 of 7 days are weekend days, plus every holiday. */
function reach(calendar: WorkingCalendar, count: number): number {
  return Math.ceil((count * 7) / 5) + 2 * calendar.holidays.length + 14;
}

/**
 * Weekend days from the Monday of day 4 (1970-01-05) through `day` (negative before it);
 * differences count the weekend days in (a, b].
 */
function weekendDaysThrough(day: Day): number {
  const sinceMonday = day - 4;
  const weeks = Math.floor(sinceMonday / 7);
  const rest = sinceMonday - weeks * 7; // 0 Monday … 5 Saturday, 6 Sunday
  return weeks * 2 + (rest >= 5 ? rest - 4 : 0);
}

/** The first index whose day is ≥ `day` (binary search). */
function firstAtOrAfter(days: Day[], day: Day): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (days[middle]! < day) low = middle + 1;
    else high = middle;
  }
  return low;
}
