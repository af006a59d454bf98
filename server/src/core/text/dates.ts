/** Dates are whole days: the number of days since 1970-01-01 (UTC), so arithmetic is exact. */
export type Day = number;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DURATION = /^(\d+)\s*(bd|[dwh])$/;
const MS_PER_DAY = 86_400_000;

export function parseIsoDate(text: string): Day | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return ms / MS_PER_DAY;
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

export function formatDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Today in the time zone the program runs in (the user's, in an editor), `YYYY-MM-DD`. */
export function localToday(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function todayDay(now: Date = new Date()): Day {
  return Math.floor(now.getTime() / MS_PER_DAY);
}

/** `d` days, `w` weeks, `h` hours, `bd` business days (days the plan's calendar does not exclude). */
export type DurationUnit = 'd' | 'w' | 'h' | 'bd';

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

export function parseDuration(text: string): Duration | undefined {
  const match = DURATION.exec(text.trim());
  return match ? { amount: Number(match[1]), unit: match[2] as DurationUnit } : undefined;
}

/**
 * Today's rounding of hours, in one place: hours round up to whole days (`1h` and `24h` → 1,
 * `25h` and `48h` → 2, `0h` → 0), because the schedule counts whole days.
 */
export function hoursToDays(hours: number): number {
  return Math.ceil(hours / 24);
}

/**
 * The whole days a duration stands for: `8w` → 56, `3d` → 3, `48h` → 2 (`hoursToDays`).
 * `5bd` → 5: business days are counted on a calendar, which only the schedule has
 * (`model/workingDays.ts`); callers that schedule read the unit with `parseDuration`.
 */
export function parseDurationDays(text: string): number | undefined {
  const duration = parseDuration(text);
  if (!duration) return undefined;
  switch (duration.unit) {
    case 'w':
      return duration.amount * 7;
    case 'h':
      return hoursToDays(duration.amount);
    default: // d, and bd (counted as days here)
      return duration.amount;
  }
}

/** For a duration in hours, how it counts in days, said in words: `36h` → "36h rounds up to 2 days", `48h` → "48h is 2 days". */
export function hoursAsDays(text: string): string | undefined {
  const match = DURATION.exec(text.trim());
  if (!match || match[2] !== 'h') return undefined;
  const hours = Number(match[1]);
  const days = Math.ceil(hours / 24);
  return `${hours}h ${hours % 24 === 0 ? 'is' : 'rounds up to'} ${plural(days, 'day')}`;
}

export function isDuration(text: string): boolean {
  return DURATION.test(text.trim());
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
