// The library's browser build: the Node one reads `Buffer`, which a browser worker (the web extension's server) lacks.
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { Analysis } from '../../analyze.js';
import { entriesData, phasingOf } from '../../model/entryData.js';
import { factsOf } from '../../model/planFacts.js';
import type { ChannelModel, DependencyModel, KpiModel, Located, PlanModel } from '../../model/planModel.js';
import { datesOf } from '../../model/schedule.js';

// The plan as one CSV table for spreadsheets: a row per channel, then a row per KPI, every row
// with every column (the `record` column says which kind it is). The column contract is in
// docs/cli.md; its order and names are stable. RFC 4180 (CRLF, quotes as needed) with a UTF-8
// byte-order mark so spreadsheet programs read £ and accents right. A text cell that starts
// with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, so no spreadsheet runs it as a formula.

export const CSV_COLUMNS = [
  'record',
  'id',
  'name',
  'owner',
  'type',
  'mode',
  'medium',
  'stages',
  'start',
  'end',
  'days',
  'budget',
  'currency',
  'budget_share',
  'depends_on',
  'kpis',
  'channels',
  'traces_to',
  'definition',
  'source',
  'unit',
  'baseline',
  'target',
  'cadence',
  'ready_by',
] as const;

/** Prefix of the columns added per month of `phasing`: `phasing 2026-07`. */
export const PHASING_COLUMN_PREFIX = 'phasing ';

type Cell = string | number | undefined;
type Row = Partial<Record<(typeof CSV_COLUMNS)[number], Cell>> & Record<string, Cell>;

export interface CsvExport {
  text: string;
  channels: number;
  kpis: number;
}

export function planCsv(analysis: Analysis): CsvExport {
  const { model, parsed } = analysis;
  const channelData = entriesData(parsed, 'channels');
  const months = new Set<string>();
  const channelRows = [...model.channels.values()].map((channel) => {
    const row = channelRow(model, channel);
    for (const [month, amount] of phasingOf(channelData.get(channel.id))) {
      months.add(month);
      row[`${PHASING_COLUMN_PREFIX}${month}`] = amount;
    }
    return row;
  });
  const kpiRows = [...model.kpis.values()].map((kpi) => kpiRow(model, kpi));
  const columns = [...CSV_COLUMNS, ...[...months].sort().map((month) => `${PHASING_COLUMN_PREFIX}${month}`)];
  const text = stringify([...channelRows, ...kpiRows], {
    header: true,
    columns,
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
  });
  return { text, channels: channelRows.length, kpis: kpiRows.length };
}

const value = <T>(located: Located<T> | undefined): T | undefined => located?.value;
const list = (items: Located<string>[]): string | undefined => (items.length > 0 ? items.map((item) => item.value).join('; ') : undefined);

function dependency(dependency: DependencyModel): string {
  const kind = dependency.kind === 'finish-to-start' ? '' : dependency.kind;
  const lag = dependency.lag ? `+${dependency.lag.value}` : '';
  const details = [kind, lag].filter(Boolean).join(' ');
  return details ? `${dependency.on.value} (${details})` : dependency.on.value;
}

function channelRow(model: PlanModel, channel: ChannelModel): Row {
  const dates = datesOf(channel);
  const budget = value(channel.budget);
  const base = factsOf(model).budget.base;
  return {
    record: 'channel',
    id: channel.id,
    name: value(channel.name) || channel.id,
    owner: value(channel.owner),
    type: value(channel.type),
    mode: value(channel.mode),
    medium: value(channel.medium),
    stages: list(channel.stages),
    start: value(channel.start),
    end: value(channel.end),
    days: dates ? dates.end - dates.start + 1 : undefined,
    budget,
    currency: budget === undefined ? undefined : model.budget?.currency,
    budget_share: budget !== undefined && base > 0 ? Math.round((budget / base) * 10_000) / 10_000 : undefined,
    depends_on: channel.dependsOn.length > 0 ? channel.dependsOn.map(dependency).join('; ') : undefined,
    kpis: list(channel.kpis),
  };
}

function kpiRow(model: PlanModel, kpi: KpiModel): Row {
  const measure = kpi.measure;
  const users = factsOf(model).kpiUsers.get(kpi.id) ?? [];
  return {
    record: 'kpi',
    id: kpi.id,
    name: value(kpi.name) || kpi.id,
    owner: value(kpi.owner) ?? value(measure?.owner),
    channels: users.length > 0 ? users.map((channel) => channel.id).join('; ') : undefined,
    traces_to: value(kpi.tracesTo),
    definition: value(measure?.definition),
    source: value(measure?.source),
    unit: value(measure?.unit),
    baseline: value(measure?.baseline),
    target: value(measure?.target),
    cadence: value(measure?.cadence),
    ready_by: value(measure?.readyBy),
  };
}
