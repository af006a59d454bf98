import { formatDay, plural, type Day } from '../text/dates.js';
import { formatNumber } from '../text/markdown.js';
import type { ReadProblemKind } from '../workspace/files.js';
import type { KpiPace, Tracking, ValueSource } from './tracking.js';

// Sentences about actuals shared by the rules, the hover and the review pack.

/** Why a referenced file was not read, in the words of a CSV rather than of a plan. */
export function unreadableReason(kind: ReadProblemKind, problem: string): string {
  switch (kind) {
    case 'missing':
      return 'there is no such file';
    case 'not-a-file':
      return 'it is not a file';
    case 'binary':
      return 'it is a binary file (it contains NUL bytes), not a CSV';
    case 'not-utf8':
      return 'it is not UTF-8 text: save it as CSV UTF-8';
    default:
      return problem.replace(/, not a plan$/, '').replace(/\.$/, '');
  }
}

/** The path of the referenced file a value came from, as the plan writes it. */
export function pathOf(tracking: Tracking, uri: string): string {
  return tracking.files.find((file) => file.reference.uri === uri)?.reference.path.value ?? uri;
}

/** ` (line 14 of q3.actuals.csv)` for a value from the CSV, nothing for one written in the plan. */
export function whereFrom(tracking: Tracking, source: ValueSource): string {
  return source.kind === 'csv' ? ` (line ${source.line + 1} of \`${pathOf(tracking, source.uri)}\`)` : '';
}

export function number(value: number): string {
  return formatNumber(Math.abs(value) >= 100 ? Math.round(value) : value);
}

/** `0 on 2026-07-01 → 2,600 on 2026-09-30, the deadline`. */
export function paceLineText(pace: NonNullable<KpiPace['pace']>): string {
  return `${number(pace.baseline)} on ${formatDay(pace.startDay)} → ${number(pace.target)} on ${formatDay(pace.endDay)}, the ${pace.endLabel}`;
}

/** `32 days before 2026-08-15`. */
export function daysBefore(day: Day, asOf: Day): string {
  return `${plural(asOf - day, 'day')} before ${formatDay(asOf)}`;
}
