// The after-launch scenarios of `npm run bench`: a plan of 1,000 channels, each phased over 12
// months, each KPI with 52 weekly actuals, edited beside the same plan without phasing and
// actuals; and a 100,000-row actuals CSV changed on disk beside the time the server's own CSV
// reader takes to parse it alone. Both over the real server, as the other scenarios are.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { LspClient } from '../test/helpers/lspClient.js';
import { withCpuTime } from '../test/helpers/cpuTime.js';
import { generatePlan } from '../test/helpers/generatePlan.js';
import type { parseActualsCsv as ParseActualsCsv } from '../server/src/core/actuals/csv.js';
import { PlanText } from './planText.js';
import { editAndWait, sample, Samples, spread } from './scenarios.js';
import { timed } from './stats.js';

export const ACTUALS_CHANNELS = 1000;
export const CSV_ROWS = 100_000;
const MONTHS = 12;
const WEEKS = 52;
const CSV_NAME = 'actuals.csv';

export interface ActualsCounts {
  edits: number;
  csvChanges: number;
  csvParses: number;
}

export interface ActualsSamples {
  channels: number;
  csvRows: number;
  csvKilobytes: number;
  /** Edit → diagnostics of the plan without phasing and actuals, and of the same plan with them. */
  plainEdit: { ms: number[]; cpuMs: number[] };
  actualsEdit: { ms: number[]; cpuMs: number[] };
  /** The CSV rewritten on disk and reported changed → the plan's diagnostics. */
  csvChange: { ms: number[]; cpuMs: number[] };
  /** The server's CSV reader (the Node bundle's, native csv-parse) on the same text, in this process. */
  csvParse: { ms: number[]; cpuMs: number[] };
}

const day = (offset: number) => new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
/** The first day of channel `i` in generatePlan's plans. */
const startOf = (i: number, channels: number) => 10 + Math.floor((i * 300) / channels);
const monthsFrom = (offset: number) => {
  const first = new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000);
  return Array.from({ length: MONTHS }, (_, k) => new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + k, 1)).toISOString().slice(0, 7));
};

/**
 * generatePlan's plan with every channel running a year (so 12 months of phasing fall inside
 * it) and an as-of date; `extra` adds lines after a channel's `kpis:` line and a KPI's
 * `ready_by:` line. Both variants share everything else, so the difference is the actuals.
 */
function planWith(channels: number, extra: { root?: string; channel?: (i: number) => string[]; kpi?: (i: number) => string[] }): string {
  const lines = generatePlan(channels).split('\n');
  const out: string[] = [];
  let channel = -1;
  let kpi = -1;
  for (const line of lines) {
    if (line === 'owner: Head of Growth') out.push(line, 'as_of: 2026-12-15', ...(extra.root ? [extra.root] : []));
    else if (/^ {4}end: /.test(line)) out.push(`    end: ${day(startOf(channel, channels) + 364)}`);
    else out.push(line);
    const channelId = /^ {2}ch-(\d+):$/.exec(line)?.[1];
    if (channelId !== undefined) channel = Number(channelId);
    const kpiId = /^ {2}kpi-(\d+):$/.exec(line)?.[1];
    if (kpiId !== undefined) kpi = Number(kpiId);
    if (/^ {4}kpis: \[kpi-\d+\]$/.test(line) && extra.channel) out.push(...extra.channel(channel));
    if (/^ {6}ready_by: /.test(line) && extra.kpi) out.push(...extra.kpi(kpi));
  }
  return out.join('\n');
}

/** 12 months adding up to the channel's budget of 1,000. */
function phasing(i: number, channels: number): string[] {
  const months = monthsFrom(startOf(i, channels));
  return [`    phasing: { ${months.map((month, k) => `${month}: ${k === MONTHS - 1 ? 1000 - 83 * (MONTHS - 1) : 83}`).join(', ')} }`];
}

/** 52 weekly running totals from the channel's first week. */
function weeklyActuals(i: number, channels: number): string[] {
  const start = startOf(i, channels);
  return [`    actuals: { ${Array.from({ length: WEEKS }, (_, w) => `${day(start + 7 * (w + 1))}: ${(w + 1) * 3}`).join(', ')} }`];
}

export function plainPlan(channels = ACTUALS_CHANNELS): string {
  return planWith(channels, {});
}

export function plannedWithActuals(channels = ACTUALS_CHANNELS): string {
  return planWith(channels, { channel: (i) => phasing(i, channels), kpi: (i) => weeklyActuals(i, channels) });
}

/** The phased plan reading its actuals from the CSV instead of inline. */
export function plannedWithActualsFile(channels = ACTUALS_CHANNELS): string {
  return planWith(channels, { root: `actuals_file: ./${CSV_NAME}`, channel: (i) => phasing(i, channels) });
}

/**
 * `rows` rows: each KPI's weekly running totals, then money per channel in its months, round
 * the channels until there are enough. `variant` changes one value, so each rewrite is a change.
 */
export function actualsCsv(channels = ACTUALS_CHANNELS, rows = CSV_ROWS, variant = 0): string {
  const lines = ['date,id,field,value'];
  const kpiRows = Math.min(channels * WEEKS, Math.floor(rows / 2));
  for (let n = 0; n < kpiRows; n++) {
    const i = n % channels;
    const week = Math.floor(n / channels);
    lines.push(`${day(startOf(i, channels) + 7 * (week + 1))},kpi-${i},actual,${(week + 1) * 3}`);
  }
  for (let n = 0; lines.length <= rows; n++) {
    const i = n % channels;
    const k = Math.floor(n / channels);
    lines.push(`${day(startOf(i, channels) + ((k * 7) % 360))},ch-${i},${k % 2 ? 'committed' : 'actual'},${lines.length === rows ? 20 + variant : 20}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The server's CSV reader as the server bundles it (native csv-parse in Node), loaded into this process. */
async function serverCsvReader(dir: string): Promise<typeof ParseActualsCsv> {
  const outfile = join(dir, 'csv-reader.cjs');
  await build({
    entryPoints: ['server/src/core/actuals/csv.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    alias: { 'csv-parse/browser/esm/sync': 'csv-parse/sync' },
    outfile,
    logLevel: 'warning',
  });
  return (createRequire(outfile)(outfile) as { parseActualsCsv: typeof ParseActualsCsv }).parseActualsCsv;
}

/** The generated phasing fits its channels and budgets: a rule firing on every channel would time the rule, not the plan. */
function checkMoneyAddsUp(published: { diagnostics: { code?: unknown }[] }, name: string): void {
  const money = published.diagnostics.filter((d) => ['phasing-mismatch', 'spend-outside-dates', 'spend-over-budget'].includes(String(d.code)));
  if (money.length > 0) throw new Error(`${name}: ${money.length} money diagnostics (${String(money[0]!.code)}) in the generated plan`);
}

async function measureEdits(client: LspClient, dir: string, name: string, text: string, count: number): Promise<{ ms: number[]; cpuMs: number[] }> {
  const uri = pathToFileURL(join(dir, `${name}.plan.yaml`)).href;
  const plan = new PlanText(text);
  const since = client.received.length;
  await client.open(uri, text);
  checkMoneyAddsUp(await client.diagnosticsFor(uri, 1, since), name);
  const edits = new Samples();
  for (let k = 0; k < count; k++) edits.add(await editAndWait(client, 'throughline', uri, plan, spread(k, count, ACTUALS_CHANNELS)));
  await client.close(uri);
  return { ms: edits.ms, cpuMs: edits.cpuMs };
}

/** Edits of the plain and the phased plan, in one server (each opened, edited, closed in turn). */
export async function measureActualsEdits(client: LspClient, dir: string, count: number): Promise<Pick<ActualsSamples, 'plainEdit' | 'actualsEdit'>> {
  const plainEdit = await measureEdits(client, dir, 'actuals-plain', plainPlan(), count);
  const actualsEdit = await measureEdits(client, dir, 'actuals-phased', plannedWithActuals(), count);
  return { plainEdit, actualsEdit };
}

/** The phased plan open with its 100,000-row CSV on disk; the CSV rewritten and reported changed, the plan's diagnostics awaited. */
export async function measureCsvChanges(client: LspClient, dir: string, counts: ActualsCounts): Promise<Omit<ActualsSamples, 'plainEdit' | 'actualsEdit'>> {
  const csvPath = join(dir, CSV_NAME);
  const csvUri = pathToFileURL(csvPath).href;
  const planUri = pathToFileURL(join(dir, 'actuals-file.plan.yaml')).href;
  const text = plannedWithActualsFile();
  const csv = actualsCsv();
  writeFileSync(csvPath, csv);
  writeFileSync(new URL(planUri), text);
  let since = client.received.length;
  await client.open(planUri, text);
  checkMoneyAddsUp(await client.diagnosticsFor(planUri, 1, since), 'actuals-file');
  const published = await client.waitForDiagnostics(csvUri, () => true, since, 120_000);
  if (published.diagnostics.length > 0) throw new Error(`the bench CSV has problems: ${String(published.diagnostics[0]!.message)}`);

  const changes = new Samples();
  for (let k = 1; k <= counts.csvChanges; k++) {
    writeFileSync(csvPath, actualsCsv(ACTUALS_CHANNELS, CSV_ROWS, k));
    since = client.received.length;
    changes.add(
      await sample(client, async () => {
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: csvUri, type: 2 }] });
        await client.waitForDiagnostics(planUri, () => true, since, 120_000);
      }),
    );
  }
  await client.close(planUri);

  const parseActualsCsv = await serverCsvReader(dir);
  const parses = new Samples();
  for (let k = 0; k < counts.csvParses; k++) {
    const { ms, value } = await timed(async () => withCpuTime(() => parseActualsCsv(csv)));
    if (value.value.rows.length !== CSV_ROWS) throw new Error(`the reader read ${value.value.rows.length} rows of ${CSV_ROWS}`);
    parses.add({ ms, cpuMs: value.cpuMs });
  }
  return {
    channels: ACTUALS_CHANNELS,
    csvRows: CSV_ROWS,
    csvKilobytes: Buffer.byteLength(csv) / 1024,
    csvChange: { ms: changes.ms, cpuMs: changes.cpuMs },
    csvParse: { ms: parses.ms, cpuMs: parses.cpuMs },
  };
}
