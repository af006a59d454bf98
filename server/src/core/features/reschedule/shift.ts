import { shiftWorkingDays, type WorkingCalendar } from '../../model/workingDays.js';
import type { ChannelDates } from './plan.js';

// "Shift Channel…" amounts: a signed whole number of days, weeks or business days
// (`+3d`, `-2w`, `5bd`; no sign means later). Hours are not offered: dates are whole days.

export interface Shift {
  amount: number;
  unit: 'd' | 'w' | 'bd';
}

const SHIFT = /^([+\-\u2212]?)\s*(\d{1,7})\s*(bd|d|w)$/i;

export function parseShift(text: string): Shift | undefined {
  const match = SHIFT.exec(text.trim());
  if (!match) return undefined;
  const amount = Number(match[2]) * (match[1] === '' || match[1] === '+' ? 1 : -1);
  return { amount: amount === 0 ? 0 : amount, unit: match[3]!.toLowerCase() as Shift['unit'] };
}

/** The dates moved by the shift, keeping the length: a `bd` shift lands the start on the n-th working day before or after. */
export function shiftDates(dates: ChannelDates, shift: Shift, calendar: WorkingCalendar): ChannelDates {
  const start = shift.unit === 'bd' ? shiftWorkingDays(calendar, dates.start, shift.amount) : dates.start + shift.amount * (shift.unit === 'w' ? 7 : 1);
  return { start, end: start + (dates.end - dates.start) };
}
