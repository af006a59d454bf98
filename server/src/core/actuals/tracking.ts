import { importedOnly } from '../library/imports.js';
import { factsOf } from '../model/planFacts.js';
import type { Aggregation, ChannelModel, DatedValue, KpiModel, PlanModel } from '../model/planModel.js';
import { formatDay, parseIsoDate, todayDay, type Day } from '../text/dates.js';
import type { Range } from '../types.js';
import type { ReadProblemKind } from '../workspace/files.js';
import type { ActualsField, CsvActualRow, CsvProblem, ParsedActualsCsv } from './csv.js';
import { parsedCsv, type LinkedFiles } from './linkedFiles.js';
import { referencedFiles, type FileReference } from './references.js';

// The plan after launch: money per channel and month (phased, committed, actual, out) and
// every KPI against its pace line, as of one date. Inline values and the actuals CSV merge
// here; the model stays what the YAML says.

/** Days in one cadence period: an actual or a review older than this is late. */
export const CADENCE_DAYS: Record<string, number> = { daily: 1, weekly: 7, fortnightly: 14, monthly: 31, quarterly: 92 };

/** How far below (or above) its pace line a KPI may be before it is behind (or ahead): 10 %. */
export const DEFAULT_TOLERANCE = 0.1;

/** The forecast extends the trend of this many latest actuals (about six weeks at a weekly cadence). */
export const FORECAST_POINTS = 6;

export interface TrackingOptions {
  /** `--as-of`: wins over the plan's `as_of`. */
  asOf?: string;
  /** Today where the user is (`host.today()`); the clock's UTC day without it. */
  today?: string;
  /** 0..1: `pacing.tolerance` of `.throughline.yaml` or the editor's `throughline.pacing.tolerance`. */
  tolerance?: number;
  /** The plan's URI: referenced files are resolved against it. */
  planUri?: string;
  files?: LinkedFiles;
}

export type ValueSource = { kind: 'plan'; range: Range } | { kind: 'csv'; uri: string; line: number };

export interface MonthMoney {
  /** `YYYY-MM`. */
  month: string;
  planned: number;
  committed: number;
  actual: number;
  /** Money out: the larger of committed and actual. */
  out: number;
}

export interface MoneyTotals {
  planned: number;
  committed: number;
  actual: number;
  out: number;
}

export interface ChannelMoney extends MoneyTotals {
  channel: ChannelModel;
  /** Months with any money, in calendar order. */
  months: MonthMoney[];
  /** Committed and actual money from the CSV, row by row (where `spend-outside-dates` points). */
  csvRows: { row: CsvActualRow; uri: string }[];
}

export interface KpiPoint {
  day: Day;
  date: string;
  value: number;
  source: ValueSource;
}

export interface PaceLine {
  startDay: Day;
  endDay: Day;
  baseline: number;
  target: number;
  /** What the deadline is: the objective's, or the plan period's end. */
  endLabel: 'deadline' | 'period end';
}

export type PaceStatus = 'on-pace' | 'behind' | 'ahead';

export interface KpiPace {
  kpi: KpiModel;
  aggregation: Aggregation;
  /** Every actual, inline and from the CSV, by date. */
  points: KpiPoint[];
  /** The latest actual on or before the as-of date. */
  latest: KpiPoint | undefined;
  pace: PaceLine | undefined;
  /** The pace line's value on the latest actual's date. */
  expected: number | undefined;
  /** The actuals' trend extended to the pace line's end. */
  forecast: number | undefined;
  /** Undefined without a pace line or an actual. */
  status: PaceStatus | undefined;
  /** The first start of a channel reporting the KPI. */
  firstStart: Day | undefined;
}

export type LinkedState =
  | { status: 'read'; csv: ParsedActualsCsv }
  | { status: 'unreadable'; problem: string; kind: ReadProblemKind }
  | { status: 'refused'; problem: string }
  | { status: 'not-loaded' };

export interface LinkedActuals {
  reference: FileReference;
  state: LinkedState;
}

/** An inline value that the CSV gives too: the plan's value is used. */
export interface Conflict {
  /** What is given twice, in words: `paid-conversions on 2026-07-14`, `committed of paid-search in 2026-07`. */
  what: string;
  range: Range;
  uri: string;
  line: number;
}

export interface Tracking {
  asOf: Day;
  asOfSource: 'option' | 'plan' | 'today';
  /** The plan's first channel start. */
  firstStart: Day | undefined;
  /** The as-of date is on or after the first channel start: the rules that read it apply. */
  started: boolean;
  /**
   * The plan records what happened: it sets `as_of` or an `actuals_file`, or writes any
   * actual, spend or review date. A plan that records nothing is still a plan before launch,
   * whatever the calendar says, so nothing is stale in it.
   */
  tracked: boolean;
  tolerance: number;
  files: LinkedActuals[];
  channels: Map<string, ChannelMoney>;
  plan: MoneyTotals & { months: MonthMoney[] };
  kpis: Map<string, KpiPace>;
  /** Problems of the CSV that depend on this plan (unknown ids, a field a KPI does not have, a value given twice), by the CSV's URI. */
  csvProblems: Map<string, CsvProblem[]>;
  conflicts: Conflict[];
}

export function trackingOf(model: PlanModel, options: TrackingOptions = {}): Tracking {
  const firstStart = minDay([...model.channels.values()].map((channel) => channel.start?.day));
  const { asOf, asOfSource } = resolveAsOf(model, options);
  const tolerance = options.tolerance !== undefined && options.tolerance >= 0 && options.tolerance < 1 ? options.tolerance : DEFAULT_TOLERANCE;
  const files = linkedActuals(model, options);
  const tracking: Tracking = {
    asOf,
    asOfSource,
    firstStart,
    started: firstStart !== undefined && asOf >= firstStart,
    tracked: isTracked(model),
    tolerance,
    files,
    channels: new Map(),
    plan: { planned: 0, committed: 0, actual: 0, out: 0, months: [] },
    kpis: new Map(),
    csvProblems: new Map(),
    conflicts: [],
  };
  const csvByKpi = new Map<string, { row: CsvActualRow; uri: string }[]>();
  const csvByChannel = new Map<string, { row: CsvActualRow; uri: string }[]>();
  for (const file of files) {
    if (file.state.status !== 'read' || !file.reference.uri) continue;
    sortRows(model, file.reference.uri, file.state.csv, csvByKpi, csvByChannel, tracking);
  }
  for (const channel of model.channels.values()) tracking.channels.set(channel.id, channelMoney(channel, csvByChannel.get(channel.id) ?? [], tracking));
  tracking.plan = planMoney(tracking.channels);
  const facts = factsOf(model);
  for (const kpi of model.kpis.values()) {
    const rows = csvByKpi.get(kpi.id) ?? [];
    // A library KPI this plan neither refines, reports nor has actuals for has no pace here (400 of them in a large library).
    if (importedOnly(model, kpi.id) && rows.length === 0 && kpi.actuals.length === 0 && !facts.kpiUsers.has(kpi.id)) continue;
    tracking.kpis.set(kpi.id, kpiPace(model, kpi, rows, tracking));
  }
  return tracking;
}

function isTracked(model: PlanModel): boolean {
  if (model.asOf || model.actualsFile) return true;
  for (const kpi of model.kpis.values()) if (kpi.actuals.length > 0) return true;
  for (const channel of model.channels.values()) if (channel.spend.length > 0) return true;
  for (const review of model.reviews.values()) if (review.held.length > 0) return true;
  return false;
}

function resolveAsOf(model: PlanModel, options: TrackingOptions): { asOf: Day; asOfSource: Tracking['asOfSource'] } {
  const option = options.asOf === undefined ? undefined : parseIsoDate(options.asOf);
  if (option !== undefined) return { asOf: option, asOfSource: 'option' };
  if (model.asOf?.day !== undefined) return { asOf: model.asOf.day, asOfSource: 'plan' };
  const today = options.today === undefined ? undefined : parseIsoDate(options.today);
  return { asOf: today ?? todayDay(), asOfSource: 'today' };
}

function linkedActuals(model: PlanModel, options: TrackingOptions): LinkedActuals[] {
  return referencedFiles(model, options.planUri).map((reference): LinkedActuals => {
    if (!reference.uri) return { reference, state: { status: 'refused', problem: reference.problem ?? 'The path cannot be read.' } };
    const file = options.files?.get(reference.uri);
    if (!file) return { reference, state: { status: 'not-loaded' } };
    if ('problem' in file) return { reference, state: { status: 'unreadable', problem: file.problem, kind: file.kind } };
    return { reference, state: { status: 'read', csv: parsedCsv(reference.uri, file.text) } };
  });
}

/** Gives each CSV row to its KPI or channel; rows that name neither, or a field the id does not have, are problems of the CSV. */
function sortRows(
  model: PlanModel,
  uri: string,
  csv: ParsedActualsCsv,
  byKpi: Map<string, { row: CsvActualRow; uri: string }[]>,
  byChannel: Map<string, { row: CsvActualRow; uri: string }[]>,
  tracking: Tracking,
): void {
  const problems: CsvProblem[] = [];
  const seen = new Map<string, number>();
  const unknown = new Map<string, CsvActualRow[]>();
  for (const row of csv.rows) {
    const isKpi = model.kpis.has(row.id);
    const isChannel = model.channels.has(row.id);
    if (!isKpi && !isChannel) {
      const rows = unknown.get(row.id);
      if (rows) rows.push(row);
      else unknown.set(row.id, [row]);
      continue;
    }
    if (isKpi && row.field === 'committed' && !isChannel) {
      problems.push({
        range: csv.cellRange(row, 'field'),
        message: `\`${row.id}\` is a KPI: a KPI has \`actual\` values; \`committed\` is money, for a channel. The row is not read.`,
        severity: 'error',
      });
      continue;
    }
    const kind = isKpi && row.field === 'actual' ? 'kpi' : 'channel';
    const key = kind === 'kpi' ? `${row.id}\u0000${row.date}` : '';
    if (kind === 'kpi') {
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        problems.push({
          range: csv.rowRange(row),
          message: `\`${row.id}\` has a value for ${row.date} on line ${earlier + 1} already; the first is used. Keep one.`,
          severity: 'warning',
        });
        continue;
      }
      seen.set(key, row.line);
    }
    const target = kind === 'kpi' ? byKpi : byChannel;
    const list = target.get(row.id);
    if (list) list.push({ row, uri });
    else target.set(row.id, [{ row, uri }]);
  }
  for (const [id, rows] of unknown) {
    const suggestion = nearestId(id, [...model.kpis.keys(), ...model.channels.keys()]);
    for (const row of rows) {
      problems.push({
        range: csv.cellRange(row, 'id'),
        message: `No KPI or channel \`${id}\` in the plan${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}. The row is not read.`,
        severity: 'error',
      });
    }
  }
  if (problems.length > 0)
    tracking.csvProblems.set(
      uri,
      problems.sort((a, b) => a.range.start.line - b.range.start.line),
    );
}

function nearestId(id: string, ids: string[]): string | undefined {
  if (ids.length > 5000) return undefined;
  const lower = id.toLowerCase();
  return ids.find((candidate) => candidate.toLowerCase() === lower) ?? ids.find((candidate) => closeEnough(candidate, id));
}

function closeEnough(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2 || a.length < 4) return false;
  let differences = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) differences++;
  return differences <= 2;
}

/** `YYYY-MM` keys sort as text; `localeCompare` would ask ICU, 12 times per channel per keystroke. */
const byMonth = (a: MonthMoney, b: MonthMoney): number => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0);

/** A channel's money from its inline `phasing` and `spend` alone, by its model entry, which a keystroke elsewhere leaves as it was (buildModel's cache). */
const inlineMoney = new WeakMap<ChannelModel, ChannelMoney>();

function channelMoney(channel: ChannelModel, rows: { row: CsvActualRow; uri: string }[], tracking: Tracking): ChannelMoney {
  if (rows.length > 0) return moneyOf(channel, rows, tracking);
  let known = inlineMoney.get(channel);
  if (!known) inlineMoney.set(channel, (known = moneyOf(channel, rows, tracking)));
  return known;
}

function moneyOf(channel: ChannelModel, rows: { row: CsvActualRow; uri: string }[], tracking: Tracking): ChannelMoney {
  const months = new Map<string, MonthMoney>();
  const month = (key: string) => {
    let entry = months.get(key);
    if (!entry) months.set(key, (entry = { month: key, planned: 0, committed: 0, actual: 0, out: 0 }));
    return entry;
  };
  for (const phased of channel.phasing) month(phased.month).planned += phased.amount.value;
  const inline = new Map<string, Range>();
  for (const spent of channel.spend) {
    if (spent.committed) {
      month(spent.month).committed += spent.committed.value;
      inline.set(`${spent.month}:committed`, spent.committed.range);
    }
    if (spent.actual) {
      month(spent.month).actual += spent.actual.value;
      inline.set(`${spent.month}:actual`, spent.actual.range);
    }
  }
  const conflicted = new Set<string>();
  for (const { row, uri } of rows) {
    const key = `${row.month}:${row.field satisfies ActualsField}`;
    const written = inline.get(key);
    if (written) {
      if (!conflicted.has(key))
        tracking.conflicts.push({ what: `the ${row.field} money of \`${channel.id}\` in ${row.month}`, range: written, uri, line: row.line });
      conflicted.add(key);
      continue;
    }
    month(row.month)[row.field] += row.value;
  }
  const sorted = [...months.values()].sort(byMonth);
  const totals = { planned: 0, committed: 0, actual: 0, out: 0 };
  for (const entry of sorted) {
    entry.out = Math.max(entry.committed, entry.actual);
    totals.planned += entry.planned;
    totals.committed += entry.committed;
    totals.actual += entry.actual;
    totals.out += entry.out;
  }
  return { channel, months: sorted, csvRows: rows, ...totals };
}

function planMoney(channels: Map<string, ChannelMoney>): Tracking['plan'] {
  const months = new Map<string, MonthMoney>();
  const totals = { planned: 0, committed: 0, actual: 0, out: 0 };
  for (const money of channels.values()) {
    for (const entry of money.months) {
      const sum = months.get(entry.month) ?? { month: entry.month, planned: 0, committed: 0, actual: 0, out: 0 };
      sum.planned += entry.planned;
      sum.committed += entry.committed;
      sum.actual += entry.actual;
      sum.out += entry.out;
      months.set(entry.month, sum);
    }
    totals.planned += money.planned;
    totals.committed += money.committed;
    totals.actual += money.actual;
    totals.out += money.out;
  }
  return { ...totals, months: [...months.values()].sort(byMonth) };
}

function kpiPace(model: PlanModel, kpi: KpiModel, rows: { row: CsvActualRow; uri: string }[], tracking: Tracking): KpiPace {
  const points = mergedPoints(kpi, kpi.actuals, rows, tracking);
  const reporting = factsOf(model).kpiUsers.get(kpi.id) ?? [];
  const firstStart = minDay(reporting.map((channel) => channel.start?.day));
  const pace = paceLine(model, kpi, firstStart);
  const aggregation = kpi.measure?.aggregation?.value ?? 'cumulative';
  let latest: KpiPoint | undefined;
  for (const point of points) if (point.day <= tracking.asOf) latest = point;
  const expected = pace && latest ? paceAt(pace, latest.day) : undefined;
  const forecast = pace && latest ? forecastAt(points, latest, pace, aggregation) : undefined;
  return { kpi, aggregation, points, latest, pace, expected, forecast, status: statusOf(latest, expected, pace, tracking.tolerance), firstStart };
}

function mergedPoints(kpi: KpiModel, inline: DatedValue[], rows: { row: CsvActualRow; uri: string }[], tracking: Tracking): KpiPoint[] {
  if (rows.length === 0) {
    const known = inlinePoints.get(inline);
    if (known) return known;
    const written = inlineInOrder(inline);
    if (written) {
      inlinePoints.set(inline, written);
      return written;
    }
  }
  const byDate = new Map<string, KpiPoint>();
  for (const actual of inline) {
    byDate.set(actual.date.value, {
      day: actual.date.day!,
      date: actual.date.value,
      value: actual.value.value,
      source: { kind: 'plan', range: actual.date.range },
    });
  }
  for (const { row, uri } of rows) {
    const written = byDate.get(row.date);
    if (written) {
      if (written.source.kind === 'plan') tracking.conflicts.push({ what: `\`${kpi.id}\` on ${row.date}`, range: written.source.range, uri, line: row.line });
      continue;
    }
    byDate.set(row.date, { day: row.day, date: row.date, value: row.value, source: { kind: 'csv', uri, line: row.line } });
  }
  return [...byDate.values()].sort((a, b) => a.day - b.day);
}

/** The points of a KPI's inline actuals, by the model's array: a KPI the keystroke did not touch keeps its model entry (buildModel's cache), so its points too. */
const inlinePoints = new WeakMap<DatedValue[], KpiPoint[]>();

/**
 * The inline actuals as points when they are written in date order, each date once (as people
 * write them): no map and no sort, which the KPIs of a big plan would pay on every keystroke.
 */
function inlineInOrder(inline: DatedValue[]): KpiPoint[] | undefined {
  const points: KpiPoint[] = [];
  let last = -Infinity;
  for (const actual of inline) {
    const day = actual.date.day!;
    if (!(day > last)) return undefined;
    last = day;
    points.push({ day, date: actual.date.value, value: actual.value.value, source: { kind: 'plan', range: actual.date.range } });
  }
  return points;
}

function paceLine(model: PlanModel, kpi: KpiModel, firstStart: Day | undefined): PaceLine | undefined {
  const baseline = kpi.measure?.baseline?.value;
  const target = kpi.measure?.target?.value;
  if (baseline === undefined || target === undefined || firstStart === undefined) return undefined;
  const deadline = model.objectives.length === 1 ? model.objectives[0]!.deadline?.day : undefined;
  const endDay = deadline ?? model.period?.end?.day;
  if (endDay === undefined || endDay <= firstStart) return undefined;
  return { startDay: firstStart, endDay, baseline, target, endLabel: deadline !== undefined ? 'deadline' : 'period end' };
}

/** The pace line's value on a day: the baseline until the first start, the target from the end on, a straight line between. */
export function paceAt(pace: PaceLine, day: Day): number {
  const share = Math.min(1, Math.max(0, (day - pace.startDay) / (pace.endDay - pace.startDay)));
  return pace.baseline + (pace.target - pace.baseline) * share;
}

/**
 * The trend of the latest FORECAST_POINTS actuals up to the as-of date (least squares),
 * evaluated at the pace line's end. One actual: a cumulative KPI keeps the rate from the
 * baseline at the first start to that actual; a per-period KPI keeps its level.
 */
function forecastAt(points: KpiPoint[], latest: KpiPoint, pace: PaceLine, aggregation: Aggregation): number {
  const upTo = points.slice(0, points.indexOf(latest) + 1).slice(-FORECAST_POINTS);
  if (upTo.length === 1) {
    if (aggregation === 'per-period' || latest.day <= pace.startDay) return latest.value;
    return pace.baseline + ((latest.value - pace.baseline) * (pace.endDay - pace.startDay)) / (latest.day - pace.startDay);
  }
  const n = upTo.length;
  const meanX = upTo.reduce((sum, point) => sum + point.day, 0) / n;
  const meanY = upTo.reduce((sum, point) => sum + point.value, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const point of upTo) {
    covariance += (point.day - meanX) * (point.value - meanY);
    variance += (point.day - meanX) ** 2;
  }
  const slope = variance === 0 ? 0 : covariance / variance;
  return meanY + slope * (pace.endDay - meanX);
}

function statusOf(latest: KpiPoint | undefined, expected: number | undefined, pace: PaceLine | undefined, tolerance: number): PaceStatus | undefined {
  if (!latest || expected === undefined || !pace) return undefined;
  const down = pace.target < pace.baseline;
  const low = (1 - tolerance) * expected;
  const high = (1 + tolerance) * expected;
  if (down) return latest.value > high ? 'behind' : latest.value < low ? 'ahead' : 'on-pace';
  return latest.value < low ? 'behind' : latest.value > high ? 'ahead' : 'on-pace';
}

/**
 * When a KPI's actuals are stale as of the tracking date: the plan records actuals, a channel
 * reporting the KPI has started, its measure has a cadence, the deadline has not passed, and
 * the latest actual (or, without one, the first start) is older than one cadence period.
 */
export function staleness(pace: KpiPace, tracking: Tracking): { since: Day; period: number; cadence: string } | undefined {
  if (!tracking.started || !tracking.tracked) return undefined;
  const cadence = pace.kpi.measure?.cadence?.value;
  const period = cadence === undefined ? undefined : CADENCE_DAYS[cadence];
  if (cadence === undefined || period === undefined || pace.firstStart === undefined || pace.firstStart > tracking.asOf) return undefined;
  if (pace.pace && tracking.asOf > pace.pace.endDay) return undefined;
  const since = pace.latest?.day ?? pace.firstStart;
  return tracking.asOf - since > period ? { since, period, cadence } : undefined;
}

function minDay(days: (Day | undefined)[]): Day | undefined {
  let min: Day | undefined;
  for (const day of days) if (day !== undefined && (min === undefined || day < min)) min = day;
  return min;
}

/** `2026-08-15` of a tracking's as-of date. */
export function asOfText(tracking: Tracking): string {
  return formatDay(tracking.asOf);
}
