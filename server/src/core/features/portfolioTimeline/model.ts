import { formatDay, parseIsoDate, type Day } from '../../text/dates.js';
import type { TimelineDate } from '../timeline/types.js';
import type { PortfolioTimelineInput, PortfolioTimelinePlan } from './types.js';

// From the input (plain data, possibly hostile: it comes from files and from the wire) to what
// the portfolio timeline draws: one lane per plan with its span and its channels packed into
// a few rows, the objective's deadline, and each plan's budget as a share of the portfolio.

/** At most this many plans get a lane; the rest are counted in the header. */
export const MAX_LANES = 2000;
/** Channels read per plan (beyond that they are counted as not drawn). */
const MAX_CHANNELS_READ = 5000;
/** More plans than this and lanes go compact: one line of text, one row of channel bars. */
export const COMPACT_FROM = 40;
/** Rows of channel bars in a lane: channels that do not fit are counted, not drawn. */
const ROWS_NORMAL = 4;
const ROWS_COMPACT = 1;

export interface PortfolioChannelBar {
  id: string;
  name: string;
  start: TimelineDate;
  end: TimelineDate;
  /** Row inside the lane (0 = the first row under the plan's span). */
  row: number;
}

export interface PortfolioLane {
  uri: string;
  title: string;
  /** The plan's period, or the first to the last day of its dated channels; undefined when neither is known. */
  span: { start: TimelineDate; end: TimelineDate; from: 'period' | 'channels' } | undefined;
  budget: number | undefined;
  currency: string | undefined;
  /** Budget as a fraction of the portfolio's `shareBase`; undefined when there is none (or currencies are mixed). */
  share: number | undefined;
  problems: number | undefined;
  channels: PortfolioChannelBar[];
  /** Rows of channel bars drawn. */
  rows: number;
  /** Dated channels left out because the lane has no row free for them. */
  hidden: number;
  /** Channels without usable dates (not drawn). */
  undated: number;
}

export interface PortfolioTimelineModel {
  title: string;
  currency: string | undefined;
  total: number | undefined;
  objective: { id: string | undefined; statement: string | undefined; deadline: TimelineDate | undefined } | undefined;
  lanes: PortfolioLane[];
  /** Plans beyond MAX_LANES, not drawn. */
  plansNotDrawn: number;
  /** First and last day of everything dated (plan spans, channels, the deadline). */
  span: { start: TimelineDate; end: TimelineDate } | undefined;
  /** The currencies the portfolio and its plans name (upper case, in order of appearance). */
  currencies: string[];
  /** More than one currency: budgets are neither summed nor shared. */
  mixedCurrencies: boolean;
  /** The sum of the plans' budgets; undefined with mixed currencies or when no plan has one. */
  allocated: number | undefined;
  /** What shares are a share of: the portfolio total, else the sum of plan budgets. */
  shareBase: { amount: number; of: 'the portfolio total' | 'plan budgets' } | undefined;
  compact: boolean;
  /** Rows of channel bars a lane may have. */
  rowCap: number;
  /** Channels not drawn in all lanes (for lack of rows). */
  hiddenChannels: number;
}

const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const optionalText = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const amount = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined);
const array = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

function date(value: unknown): TimelineDate | undefined {
  const day = typeof value === 'string' ? parseIsoDate(value) : undefined;
  return day === undefined ? undefined : { date: formatDay(day), day };
}

function at(day: Day): TimelineDate {
  return { date: formatDay(day), day };
}

/** Greedy interval packing: each bar (by start) goes to the first row that is free by its start; bars beyond `cap` rows are counted. */
function pack(bars: Omit<PortfolioChannelBar, 'row'>[], cap: number): { channels: PortfolioChannelBar[]; rows: number; hidden: number } {
  const sorted = [...bars].sort((a, b) => a.start.day - b.start.day || a.end.day - b.end.day);
  const rowEnds: Day[] = [];
  const channels: PortfolioChannelBar[] = [];
  let hidden = 0;
  for (const bar of sorted) {
    let row = rowEnds.findIndex((end) => end < bar.start.day);
    if (row < 0 && rowEnds.length < cap) row = rowEnds.push(bar.end.day) - 1;
    if (row < 0) {
      hidden++;
      continue;
    }
    rowEnds[row] = bar.end.day;
    channels.push({ ...bar, row });
  }
  return { channels, rows: rowEnds.length, hidden };
}

function lane(raw: Record<string, unknown>, rowCap: number): PortfolioLane {
  const dated: Omit<PortfolioChannelBar, 'row'>[] = [];
  const rawChannels = array(raw.channels);
  let undated = 0;
  for (const item of rawChannels.slice(0, MAX_CHANNELS_READ)) {
    const channel = record(item);
    const start = date(channel.start);
    const end = date(channel.end);
    const id = text(channel.id);
    if (!start || !end || end.day < start.day) {
      undated++;
      continue;
    }
    dated.push({ id, name: optionalText(channel.name) ?? id, start, end });
  }
  const packed = pack(dated, rowCap);
  const start = date(raw.start);
  const end = date(raw.end);
  let span: PortfolioLane['span'];
  if (start && end && end.day >= start.day) span = { start, end, from: 'period' };
  else if (dated.length > 0) {
    const first = Math.min(...dated.map((bar) => bar.start.day));
    const last = Math.max(...dated.map((bar) => bar.end.day));
    span = { start: at(first), end: at(last), from: 'channels' };
  }
  const budget = record(raw.budget);
  return {
    uri: text(raw.uri),
    title: optionalText(raw.title) ?? (text(raw.uri).split('/').pop() || 'Untitled plan'),
    span,
    budget: amount(budget.total),
    currency: optionalText(budget.currency)?.trim(),
    share: undefined,
    problems: count(raw.problems),
    channels: packed.channels,
    rows: packed.rows,
    hidden: packed.hidden + Math.max(0, rawChannels.length - MAX_CHANNELS_READ),
    undated,
  };
}

/** The portfolio timeline of an input; never throws, whatever the input holds. */
export function buildPortfolioTimeline(input: PortfolioTimelineInput): PortfolioTimelineModel {
  const raw = record(input);
  const rawPlans = array(raw.plans);
  const compact = rawPlans.length > COMPACT_FROM;
  const rowCap = compact ? ROWS_COMPACT : ROWS_NORMAL;
  const lanes = rawPlans.slice(0, MAX_LANES).map((plan) => lane(record(plan as PortfolioTimelinePlan), rowCap));
  const currency = optionalText(raw.currency)?.trim();
  const total = amount(raw.total);

  const currencies: string[] = [];
  for (const code of [currency, ...lanes.map((entry) => entry.currency)]) {
    const upper = code?.toUpperCase();
    if (upper && !currencies.includes(upper)) currencies.push(upper);
  }
  const mixedCurrencies = currencies.length > 1;
  const budgets = lanes.map((entry) => entry.budget).filter((value): value is number => value !== undefined);
  const allocated = mixedCurrencies || budgets.length === 0 ? undefined : budgets.reduce((sum, value) => sum + value, 0);
  let shareBase: PortfolioTimelineModel['shareBase'];
  if (!mixedCurrencies && total !== undefined && total > 0) shareBase = { amount: total, of: 'the portfolio total' };
  else if (!mixedCurrencies && allocated !== undefined && allocated > 0) shareBase = { amount: allocated, of: 'plan budgets' };
  if (shareBase) for (const entry of lanes) if (entry.budget !== undefined) entry.share = entry.budget / shareBase.amount;

  const objectiveRaw = raw.objective === undefined ? undefined : record(raw.objective);
  const objective = objectiveRaw && {
    id: optionalText(objectiveRaw.id),
    statement: optionalText(objectiveRaw.statement),
    deadline: date(objectiveRaw.deadline),
  };
  const days: Day[] = [];
  for (const entry of lanes) if (entry.span) days.push(entry.span.start.day, entry.span.end.day);
  for (const entry of lanes) for (const bar of entry.channels) days.push(bar.start.day, bar.end.day);
  if (objective?.deadline) days.push(objective.deadline.day);
  let first = Infinity;
  let last = -Infinity;
  for (const day of days) {
    if (day < first) first = day;
    if (day > last) last = day;
  }
  return {
    title: optionalText(raw.title) ?? 'Untitled portfolio',
    currency,
    total,
    objective,
    lanes,
    plansNotDrawn: Math.max(0, rawPlans.length - MAX_LANES),
    span: days.length > 0 ? { start: at(first), end: at(last) } : undefined,
    currencies,
    mixedCurrencies,
    allocated,
    shareBase,
    compact,
    rowCap,
    hiddenChannels: lanes.reduce((sum, entry) => sum + entry.hidden, 0),
  };
}
