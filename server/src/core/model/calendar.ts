import type { Day } from '../text/dates.js';
import type { BlackoutModel, CalendarModel, ChannelModel, PlanModel } from './planModel.js';
import { EVERY_DAY, workingCalendar, type WorkingCalendar } from './workingDays.js';

// The plan's calendar as one self-contained part: the working days (for `bd` lags and the
// timeline's shading) and the blackouts (launch freezes). Everything else reads it through
// `planCalendar`, so a calendar that comes from somewhere else (an imported library) only
// has to produce a `CalendarModel`.

export interface Blackout {
  from: Day;
  to: Day;
  why: string | undefined;
  /** The media it applies to; undefined: every channel. */
  appliesTo: string[] | undefined;
  /** Where it is written, when it comes from the plan. */
  source: BlackoutModel | undefined;
}

export interface PlanCalendar {
  working: WorkingCalendar;
  /** Blackouts with both dates, `from` ≤ `to`, in order of `from`. */
  blackouts: Blackout[];
}

export const NO_CALENDAR: PlanCalendar = { working: EVERY_DAY, blackouts: [] };

export function planCalendar(model: PlanModel): PlanCalendar {
  return model.calendar ? calendarFrom(model.calendar) : NO_CALENDAR;
}

export function calendarFrom(calendar: CalendarModel): PlanCalendar {
  const days = calendar.excluded.map((date) => date.day).filter((day): day is Day => day !== undefined);
  const blackouts: Blackout[] = [];
  for (const blackout of calendar.blackouts) {
    const from = blackout.from?.day;
    const to = blackout.to?.day;
    if (from === undefined || to === undefined || to < from) continue;
    blackouts.push({ from, to, why: blackout.why?.value, appliesTo: blackout.appliesTo?.map((medium) => medium.value), source: blackout });
  }
  blackouts.sort((a, b) => a.from - b.from);
  return { working: workingCalendar(calendar.weekends, days), blackouts };
}

/** Does the blackout freeze launches of a channel of this medium? One without `applies_to` freezes every channel. */
export function appliesTo(blackout: Pick<Blackout, 'appliesTo'>, medium: string | undefined): boolean {
  return blackout.appliesTo === undefined || (medium !== undefined && blackout.appliesTo.includes(medium));
}

export function blackoutsFor(calendar: PlanCalendar, channel: ChannelModel): Blackout[] {
  const medium = channel.medium?.value;
  return calendar.blackouts.filter((blackout) => appliesTo(blackout, medium));
}

/** The first blackout (in order of `from`) that contains `day`. */
export function blackoutOn(blackouts: readonly Blackout[], day: Day): Blackout | undefined {
  return blackouts.find((blackout) => blackout.from <= day && day <= blackout.to);
}

/**
 * The first day on or after `day` outside every blackout of the list (in order of `from`):
 * a start inside one moves to the day after it, and on past any blackout that day falls in.
 */
export function firstAllowedStart(blackouts: readonly Blackout[], day: Day): Day {
  let allowed = day;
  for (const blackout of blackouts) {
    if (blackout.from <= allowed && allowed <= blackout.to) allowed = blackout.to + 1;
  }
  return allowed;
}
