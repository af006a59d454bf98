// What the timeline webview needs to drag bars, and the move it posts back. No vscode import:
// the webview bundle shares these types and validators (messages.ts uses them).
import type { BoundKind } from '../../../server/src/core/model/dependencyBounds.js';
import type { TimelineResult } from '../../../server/src/core/index.js';

/** The schedule as the webview draws and checks it: days as numbers, the geometry of the SVG. */
export interface DragSchedule {
  geometry: { first: number; last: number; left: number; pxPerDay: number };
  bars: { id: string; start: number; end: number }[];
  edges: { from: string; to: string; kind: BoundKind; lag: number; bd: boolean }[];
  calendar: { weekends: boolean; holidays: number[] };
  /** The remembered "Move dependants too". */
  cascade: boolean;
}

/** Webview → extension: the user dropped a bar. Dates are `YYYY-MM-DD`; `version` is the timeline's. */
export interface MoveMessage {
  type: 'move';
  channel: string;
  version: number;
  start: string;
  end: string;
  cascade: boolean;
}

const KINDS: readonly BoundKind[] = ['finish-to-start', 'start-to-start', 'finish-to-finish'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** More than any panel can draw; a message with more is not ours. */
const MAX_ITEMS = 200_000;
const MAX_ID_LENGTH = 10_000;

export function dragScheduleOf(result: TimelineResult, cascade: boolean): DragSchedule | undefined {
  const geometry = result.geometry;
  if (!geometry) return undefined;
  const { timeline } = result;
  return {
    geometry,
    bars: timeline.bars.map((bar) => ({ id: bar.id, start: bar.start.day, end: bar.end.day })),
    edges: timeline.edges.map((edge) => ({ from: edge.from, to: edge.to, kind: edge.kind, lag: edge.lag, bd: edge.lagUnit === 'bd' })),
    calendar: { weekends: timeline.calendar?.weekends ?? false, holidays: timeline.calendar?.excluded.map((date) => date.day) ?? [] },
    cascade,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isDay = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 10_000_000;
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
const listOf = <T>(value: unknown, item: (entry: unknown) => entry is T): value is T[] =>
  Array.isArray(value) && value.length <= MAX_ITEMS && value.every(item);

/** The schedule of a render message, or undefined when it is not well formed. */
export function parseDragSchedule(raw: unknown): DragSchedule | undefined {
  if (!isRecord(raw) || !isRecord(raw.geometry) || !isRecord(raw.calendar) || typeof raw.cascade !== 'boolean') return undefined;
  const { first, last, left, pxPerDay } = raw.geometry;
  if (!isDay(first) || !isDay(last) || !isFiniteNumber(left) || !isFiniteNumber(pxPerDay) || pxPerDay <= 0 || last < first) return undefined;
  const bar = (value: unknown): value is DragSchedule['bars'][number] => isRecord(value) && isId(value.id) && isDay(value.start) && isDay(value.end);
  const edge = (value: unknown): value is DragSchedule['edges'][number] =>
    isRecord(value) &&
    isId(value.from) &&
    isId(value.to) &&
    KINDS.includes(value.kind as BoundKind) &&
    isDay(value.lag) &&
    (value.lag as number) >= 0 &&
    typeof value.bd === 'boolean';
  if (!listOf(raw.bars, bar) || !listOf(raw.edges, edge) || typeof raw.calendar.weekends !== 'boolean' || !listOf(raw.calendar.holidays, isDay))
    return undefined;
  return {
    geometry: { first, last, left, pxPerDay },
    bars: raw.bars.map(({ id, start, end }) => ({ id, start, end })),
    edges: raw.edges.map(({ from, to, kind, lag, bd }) => ({ from, to, kind, lag, bd })),
    calendar: { weekends: raw.calendar.weekends, holidays: [...raw.calendar.holidays] },
    cascade: raw.cascade,
  };
}

/** The move message's shape (the extension still checks the channel, version and dates against the timeline it shows). */
export function parseMoveMessage(raw: Record<string, unknown>): MoveMessage | undefined {
  const { channel, version, start, end, cascade } = raw;
  if (!isId(channel) || typeof version !== 'number' || !Number.isInteger(version) || version < 0 || typeof cascade !== 'boolean') return undefined;
  if (typeof start !== 'string' || typeof end !== 'string' || !ISO_DATE.test(start) || !ISO_DATE.test(end)) return undefined;
  return { type: 'move', channel, version, start, end, cascade };
}
