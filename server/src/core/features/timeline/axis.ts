import type { Day } from '../../text/dates.js';

// Date axis ticks for any span from a few days to centuries: the finest unit whose ticks
// stay at least `minSpacing` pixels apart labels the lower row; the next coarser calendar
// unit labels the upper row.

export type TickUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface Tick {
  day: Day;
  label: string;
}

export interface Axis {
  unit: TickUnit;
  /** Years between ticks when the unit is `year` (1, 2, 5, 10 …); 1 otherwise. */
  step: number;
  /** Labelled ticks of the lower row (also the light grid lines). */
  minor: Tick[];
  /** Labelled ticks of the upper row (months, or years); the first one may be the span's start. */
  major: Tick[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MS_PER_DAY = 86_400_000;
const YEAR_STEPS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000];
const AVERAGE_DAYS = { day: 1, week: 7, month: 30.44, quarter: 91.3, year: 365.25 };

function ymd(day: Day): { year: number; month: number; date: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), date: d.getUTCDate() };
}

/** Day number of the first of a month; months past 11 roll into later years. Works for years below 100 too. */
function firstOfMonth(year: number, month: number): Day {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 1);
  return Math.round(d.getTime() / MS_PER_DAY);
}

export function monthName(day: Day): string {
  return MONTHS[ymd(day).month]!;
}

/** `3 May 2026`. */
export function longDate(day: Day): string {
  const { year, month, date } = ymd(day);
  return `${date} ${MONTHS[month]} ${year}`;
}

/** `3 May`. */
export function shortDate(day: Day): string {
  const { month, date } = ymd(day);
  return `${date} ${MONTHS[month]}`;
}

function chooseUnit(pxPerDay: number, minSpacing: number): { unit: TickUnit; step: number } {
  for (const unit of ['day', 'week', 'month', 'quarter'] as const) {
    if (AVERAGE_DAYS[unit] * pxPerDay >= minSpacing) return { unit, step: 1 };
  }
  const step = YEAR_STEPS.find((years) => years * AVERAGE_DAYS.year * pxPerDay >= minSpacing) ?? YEAR_STEPS[YEAR_STEPS.length - 1]!;
  return { unit: 'year', step };
}

/** Ticks at the starts of calendar months (every `months` months, aligned to January) within [first, last]. */
function monthTicks(first: Day, last: Day, months: number, label: (day: Day) => string): Tick[] {
  const start = ymd(first);
  let index = start.year * 12 + start.month;
  index -= ((index % months) + months) % months;
  const ticks: Tick[] = [];
  for (let day = firstOfMonth(Math.floor(index / 12), index % 12); day <= last; index += months, day = firstOfMonth(Math.floor(index / 12), index % 12)) {
    if (day >= first) ticks.push({ day, label: label(day) });
  }
  return ticks;
}

function yearTicks(first: Day, last: Day, step: number): Tick[] {
  let year = Math.ceil(ymd(first).year / step) * step;
  if (firstOfMonth(year, 0) < first) year += step;
  const ticks: Tick[] = [];
  for (let day = firstOfMonth(year, 0); day <= last; year += step, day = firstOfMonth(year, 0)) ticks.push({ day, label: String(year) });
  // A span inside one step still gets its year named.
  return ticks.length > 0 ? ticks : [{ day: first, label: String(ymd(first).year) }];
}

/**
 * Makes the upper row name the period the span starts in when it starts mid-month or mid-year,
 * unless the first real tick is too close for the label to fit.
 */
function withStartLabel(ticks: Tick[], first: Day, label: string, minDays: number): Tick[] {
  if (ticks.length > 0 && ticks[0]!.day - first < minDays) return ticks;
  return [{ day: first, label }, ...ticks];
}

/**
 * Ticks for the days `first` through `last` (both included) drawn at `pxPerDay` pixels per day.
 * Ticks mark the start of their day.
 */
export function axisTicks(first: Day, last: Day, pxPerDay: number, minSpacing = 40): Axis {
  const { unit, step } = chooseUnit(pxPerDay, minSpacing);
  const monthYear = (day: Day) => `${monthName(day)} ${ymd(day).year}`;
  const year = (day: Day) => String(ymd(day).year);
  // Days an upper-row label needs before the next one ("Sep 2026" is about 60 px).
  const labelDays = 70 / pxPerDay;
  switch (unit) {
    case 'day':
    case 'week': {
      const minor: Tick[] = [];
      const stride = unit === 'day' ? 1 : 7;
      // Weeks start on Monday; day 4 (1970-01-05) was one.
      const firstTick = unit === 'day' ? first : first + ((((4 - first) % 7) + 7) % 7);
      for (let day = firstTick; day <= last; day += stride) minor.push({ day, label: String(ymd(day).date) });
      return { unit, step, minor, major: withStartLabel(monthTicks(first, last, 1, monthYear), first, monthYear(first), labelDays) };
    }
    case 'month':
    case 'quarter': {
      const months = unit === 'month' ? 1 : 3;
      const label = unit === 'month' ? monthName : (day: Day) => `Q${Math.floor(ymd(day).month / 3) + 1}`;
      return { unit, step, minor: monthTicks(first, last, months, label), major: withStartLabel(yearTicks(first, last, 1), first, year(first), labelDays) };
    }
    default:
      return { unit, step, minor: yearTicks(first, last, step), major: [] };
  }
}
