import { factsOf } from '../../model/planFacts.js';
import { datesOf } from '../../model/schedule.js';
import type { PlanDocument } from '../../planDocument.js';
import { formatDay, parseIsoDate } from '../../text/dates.js';
import type { DocumentChangesEdit } from '../../types.js';
import { yamlEditContext } from '../../yaml/edits/editContext.js';
import { asWorkspaceEdit, plannedEdit } from './edit.js';
import { moveChannel, type ChannelDates } from './plan.js';
import { parseShift, shiftDates } from './shift.js';

/** Parameters of the `throughline/reschedule` request (from the wire: every field is checked). */
export interface RescheduleParams {
  uri: string;
  /** The document version the move was made on; another version is refused as stale. */
  version: number;
  channel: string;
  /** New dates (`YYYY-MM-DD`); one left out keeps its date … */
  start?: string;
  end?: string;
  /** … or a shift of both: `+3d`, `-2w`, `5bd`. */
  shift?: string;
  /** Move the channels downstream too (see `features/reschedule/plan.ts`). */
  cascade?: boolean;
}

export interface RescheduledChannel {
  channel: string;
  from: { start: string; end: string };
  to: { start: string; end: string };
  /** "`paid-search` +7 days". */
  label: string;
}

export type RescheduleResult =
  { uri: string; version: number; edit: DocumentChangesEdit; moved: RescheduledChannel[] } | { uri: string; version: number; refused: string; stale?: true };

const MAX_ID_LENGTH = 10_000;

/** Answers a reschedule request for an analyzed document (null when the server does not have it). */
export function rescheduleResult(doc: PlanDocument | undefined, params: Partial<RescheduleParams> | null | undefined): RescheduleResult | null {
  if (!doc) return null;
  const refuse = (refused: string, stale?: true): RescheduleResult => ({ uri: doc.uri, version: doc.version, refused, ...(stale ? { stale } : {}) });
  if (typeof params?.version !== 'number' || !Number.isInteger(params.version)) return refuse('The request names no document version.');
  if (params.version !== doc.version)
    return refuse(`The plan has changed since (version ${doc.version}, the move was made on ${params.version}): nothing was moved.`, true);
  const id = params.channel;
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) return refuse('The request names no channel.');
  const { model } = doc.analysis;
  const facts = factsOf(model);
  const channel = model.channels.get(id);
  const from = channel && datesOf(channel);
  if (!from) return refuse(channel ? `\`${id}\` has no start and end dates to move.` : `There is no channel \`${id}\` in the plan.`);
  const to = targetDates(params, from, facts.calendar.working);
  if (typeof to === 'string') return refuse(to);
  const outcome = moveChannel(model, facts, id, to, params.cascade === true);
  if ('refused' in outcome) return refuse(outcome.refused);
  const planned = plannedEdit(model, yamlEditContext(doc.analysis.parsed), outcome.moves);
  if ('refused' in planned) return refuse(planned.refused);
  const edit = asWorkspaceEdit(doc.uri, planned, { form: 'documentChanges', version: doc.version, annotate: false, confirm: false }) as DocumentChangesEdit;
  const moved = outcome.moves.map((move) => ({
    channel: move.id,
    from: { start: formatDay(move.from.start), end: formatDay(move.from.end) },
    to: { start: formatDay(move.to.start), end: formatDay(move.to.end) },
    label: planned.labels.get(move.id)!.label,
  }));
  return { uri: doc.uri, version: doc.version, edit, moved };
}

function targetDates(params: Partial<RescheduleParams>, from: ChannelDates, calendar: Parameters<typeof shiftDates>[2]): ChannelDates | string {
  if (params.shift !== undefined) {
    if (params.start !== undefined || params.end !== undefined) return 'Give new dates or a shift, not both.';
    const shift = typeof params.shift === 'string' && params.shift.length <= 40 ? parseShift(params.shift) : undefined;
    if (!shift) return 'A shift is a whole number of days, weeks or business days, e.g. +3d, -2w, 5bd.';
    return shiftDates(from, shift, calendar);
  }
  const date = (value: unknown, fallback: number): number | string => {
    if (value === undefined) return fallback;
    const day = typeof value === 'string' ? parseIsoDate(value) : undefined;
    return day ?? 'Dates are written YYYY-MM-DD and must exist on the calendar.';
  };
  const start = date(params.start, from.start);
  const end = date(params.end, from.end);
  if (typeof start === 'string') return start;
  if (typeof end === 'string') return end;
  if (params.start === undefined && params.end === undefined) return 'The request gives no new date and no shift.';
  return { start, end };
}
