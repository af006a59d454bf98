import type { Day } from '../text/dates.js';
import { addWorkingDays, latestBefore, type WorkingCalendar } from './workingDays.js';

// What one dependency allows, as pure functions of dates: the schedule, the rescheduler and
// the timeline webview (live "would break" while dragging) share them. A lag in business
// days (`bd`) moves the bound by working days; any other lag by calendar days.
//
//   finish-to-start   start ≥ the dependency's end + 1 day + lag   (in `bd`: the (lag+1)-th working day after the end)
//   start-to-start    start ≥ the dependency's start + lag          (in `bd`: the lag-th working day after its start)
//   finish-to-finish  end   ≥ the dependency's end + lag            (in `bd`: the lag-th working day after its end)

export type BoundKind = 'finish-to-start' | 'start-to-start' | 'finish-to-finish';

export interface Lag {
  amount: number;
  /** Counted in working days (`bd`), not calendar days. */
  businessDays: boolean;
}

export interface Span {
  start: Day;
  end: Day;
}

export const NO_LAG: Lag = { amount: 0, businessDays: false };

/** `day` moved forward by the lag and `extra` more days (working days when the lag is in `bd`). */
export function advance(calendar: WorkingCalendar, day: Day, lag: Lag, extra = 0): Day {
  return lag.businessDays ? addWorkingDays(calendar, day, lag.amount + extra) : day + lag.amount + extra;
}

/** The latest `x` with `advance(calendar, x, lag, extra) <= bound`. */
export function retreat(calendar: WorkingCalendar, bound: Day, lag: Lag, extra = 0): Day {
  return lag.businessDays ? latestBefore(calendar, bound, lag.amount + extra) : bound - lag.amount - extra;
}

/** The earliest start a dependency on `upstream` allows a dependant that runs `length` days after its start (end − start). */
export function earliestStart(kind: BoundKind, lag: Lag, upstream: Span, length: number, calendar: WorkingCalendar): Day {
  switch (kind) {
    case 'start-to-start':
      return advance(calendar, upstream.start, lag);
    case 'finish-to-finish':
      return advance(calendar, upstream.end, lag) - length;
    default:
      return advance(calendar, upstream.end, lag, 1);
  }
}

/** The latest end of an upstream channel that runs `length` days, for a dependant that must start by `latestStart` and end by `latestEnd`. */
export function latestUpstreamEnd(kind: BoundKind, lag: Lag, length: number, latestStart: Day, latestEnd: Day, calendar: WorkingCalendar): Day {
  switch (kind) {
    case 'start-to-start':
      return retreat(calendar, latestStart, lag) + length;
    case 'finish-to-finish':
      return retreat(calendar, latestEnd, lag);
    default:
      return retreat(calendar, latestStart, lag, 1);
  }
}
