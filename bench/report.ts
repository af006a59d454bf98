import { cpus, loadavg, totalmem } from 'node:os';
import { median, percentile, round } from './stats.js';
import type { FloorSamples } from './floor.js';
import type { ServerSamples } from './scenarios.js';
import type { ActualsSamples } from './actuals.js';

export interface SizeResult {
  channels: number;
  kilobytes: number;
  floor: FloorSamples;
  throughline: ServerSamples;
  peer: ServerSamples | undefined;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  date: string;
  /** 1, 5 and 15 minute load averages when the run started: other work on the machine skews timings. */
  loadAverage: number[];
}

export function machineInfo(): Machine {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    loadAverage: loadavg().map((value) => round(value, 2)),
  };
}

interface Summary {
  channels: number;
  kilobytes: number;
  floorMs: number;
  floorOurOptionsMs: number;
  openMs: number;
  editMs: number;
  completionP50Ms: number;
  completionP95Ms: number;
  hoverP50Ms: number;
  hoverP95Ms: number;
  timelineMs: number;
  peakRssMb: number;
  peerOpenMs: number | undefined;
  peerEditMs: number | undefined;
  peerPeakRssMb: number | undefined;
  /** The same steps in main-thread CPU time: the work itself, without waiting for a core. */
  cpu: {
    floorMs: number;
    openMs: number;
    editMs: number;
    completionP50Ms: number;
    completionP95Ms: number;
    hoverP50Ms: number;
    hoverP95Ms: number;
    timelineMs: number;
    peerOpenMs: number | undefined;
    peerEditMs: number | undefined;
  };
}

function summarise(result: SizeResult): Summary {
  const { throughline: ours, peer } = result;
  return {
    channels: result.channels,
    kilobytes: result.kilobytes,
    floorMs: median(result.floor.defaultsMs),
    floorOurOptionsMs: median(result.floor.oursMs),
    openMs: median(ours.openMs),
    editMs: median(ours.editMs),
    completionP50Ms: percentile(ours.completionMs, 50),
    completionP95Ms: percentile(ours.completionMs, 95),
    hoverP50Ms: percentile(ours.hoverMs, 50),
    hoverP95Ms: percentile(ours.hoverMs, 95),
    timelineMs: median(ours.timelineMs),
    peakRssMb: ours.peakMb,
    peerOpenMs: peer && median(peer.openMs),
    peerEditMs: peer && median(peer.editMs),
    peerPeakRssMb: peer?.peakMb,
    cpu: {
      floorMs: median(result.floor.defaultsCpuMs),
      openMs: median(ours.cpu.openMs),
      editMs: median(ours.cpu.editMs),
      completionP50Ms: percentile(ours.cpu.completionMs, 50),
      completionP95Ms: percentile(ours.cpu.completionMs, 95),
      hoverP50Ms: percentile(ours.cpu.hoverMs, 50),
      hoverP95Ms: percentile(ours.cpu.hoverMs, 95),
      timelineMs: median(ours.cpu.timelineMs),
      peerOpenMs: peer && median(peer.cpu.openMs),
      peerEditMs: peer && median(peer.cpu.editMs),
    },
  };
}

/** What the peer spends on analysis: its wall-clock time less its fixed wait before validating. */
function peerWork(ms: number | undefined, delay: number): number | undefined {
  return ms === undefined ? undefined : Math.max(1, ms - delay);
}

/** How much n·log n grows from `a` to `b` channels: the ceiling for every time in the scaling columns. */
export function nLogNGrowth(a: number, b: number): number {
  return (b * Math.log(b)) / (a * Math.log(a));
}

export interface Target {
  name: string;
  target: string;
  /** Wall-clock, as an editor sees it: the target is judged on this. */
  measured: string;
  holds: boolean;
  /** The same in server CPU time, where it applies: whether the work itself fits the target. */
  cpuMeasured?: string;
  holdsOnCpu?: boolean;
}

function msTarget(name: string, limit: number, wall: number, cpu: number): Target {
  return { name, target: `≤ ${limit} ms`, measured: `${round(wall)} ms`, holds: wall <= limit, cpuMeasured: `${round(cpu)} ms`, holdsOnCpu: cpu <= limit };
}

function targets(rows: Summary[]): Target[] {
  const at = (channels: number) => rows.find((row) => row.channels === channels);
  const list: Target[] = [];
  const thousand = at(1000);
  if (thousand) {
    const { cpu } = thousand;
    list.push(msTarget('edit → diagnostics, 1,000 channels', 50, thousand.editMs, cpu.editMs));
    list.push({
      name: 'open → diagnostics, 1,000 channels',
      target: '≤ 1.2 × parse floor',
      measured: `${round(thousand.openMs / thousand.floorMs, 2)} ×`,
      holds: thousand.openMs <= 1.2 * thousand.floorMs,
      cpuMeasured: `${round(cpu.openMs / cpu.floorMs, 2)} ×`,
      holdsOnCpu: cpu.openMs <= 1.2 * cpu.floorMs,
    });
    list.push(msTarget('completion p95 after an edit, 1,000 channels', 30, thousand.completionP95Ms, cpu.completionP95Ms));
    list.push(msTarget('hover p95 after an edit, 1,000 channels', 30, thousand.hoverP95Ms, cpu.hoverP95Ms));
    list.push(msTarget('timeline model, 1,000 channels', 100, thousand.timelineMs, cpu.timelineMs));
  }
  const fiveThousand = at(5000);
  if (fiveThousand) {
    list.push({
      name: 'peak RSS with the 5,000-channel plan open',
      target: '≤ 150 MB',
      measured: `${round(fiveThousand.peakRssMb)} MB`,
      holds: fiveThousand.peakRssMb <= 150,
    });
  }
  if (thousand && fiveThousand) {
    const ceiling = nLogNGrowth(1000, 5000);
    const worstGrowth = (metrics: Record<string, (row: Summary) => number>) => {
      const growths = Object.entries(metrics).map(([name, pick]) => ({ name, growth: pick(fiveThousand) / pick(thousand) }));
      return growths.reduce((worst, next) => (next.growth > worst.growth ? next : worst));
    };
    const wall = worstGrowth({
      open: (r) => r.openMs,
      edit: (r) => r.editMs,
      completion: (r) => r.completionP50Ms,
      hover: (r) => r.hoverP50Ms,
      timeline: (r) => r.timelineMs,
    });
    const cpu = worstGrowth({
      open: (r) => r.cpu.openMs,
      edit: (r) => r.cpu.editMs,
      completion: (r) => r.cpu.completionP50Ms,
      hover: (r) => r.cpu.hoverP50Ms,
      timeline: (r) => r.cpu.timelineMs,
    });
    list.push({
      name: 'growth 1,000 → 5,000 channels (worst of open, edit, completion p50, hover p50, timeline)',
      target: `≤ n·log n (${round(ceiling, 2)} ×)`,
      measured: `${round(wall.growth, 2)} × (${wall.name})`,
      holds: wall.growth <= ceiling,
      cpuMeasured: `${round(cpu.growth, 2)} × (${cpu.name})`,
      holdsOnCpu: cpu.growth <= ceiling,
    });
  }
  return list;
}

export interface Report {
  machine: Machine;
  settings: Record<string, unknown>;
  rows: Summary[];
  targets: Target[];
  raw: SizeResult[];
  peerDelayMs: number;
  /** The after-launch scenarios (medians), when they ran. */
  actuals?: ActualsSummary;
  rawActuals?: ActualsSamples;
}

export interface ActualsSummary {
  channels: number;
  csvRows: number;
  csvKilobytes: number;
  plainEditMs: number;
  actualsEditMs: number;
  csvChangeMs: number;
  csvParseMs: number;
  cpu: { plainEditMs: number; actualsEditMs: number; csvChangeMs: number; csvParseMs: number };
}

function summariseActuals(samples: ActualsSamples): ActualsSummary {
  const { plainEdit, actualsEdit, csvChange, csvParse } = samples;
  return {
    channels: samples.channels,
    csvRows: samples.csvRows,
    csvKilobytes: samples.csvKilobytes,
    plainEditMs: median(plainEdit.ms),
    actualsEditMs: median(actualsEdit.ms),
    csvChangeMs: median(csvChange.ms),
    csvParseMs: median(csvParse.ms),
    cpu: {
      plainEditMs: median(plainEdit.cpuMs),
      actualsEditMs: median(actualsEdit.cpuMs),
      csvChangeMs: median(csvChange.cpuMs),
      csvParseMs: median(csvParse.cpuMs),
    },
  };
}

/** A ratio of two times measured in the same run, against a ceiling. */
function ratioTarget(name: string, limit: number, wall: [number, number], cpu: [number, number]): Target {
  const wallRatio = wall[0] / wall[1];
  const cpuRatio = cpu[0] / cpu[1];
  return {
    name,
    target: `≤ ${limit} ×`,
    measured: `${round(wallRatio, 2)} × (${round(wall[0])} / ${round(wall[1])} ms)`,
    holds: wallRatio <= limit,
    cpuMeasured: `${round(cpuRatio, 2)} × (${round(cpu[0])} / ${round(cpu[1])} ms)`,
    holdsOnCpu: cpuRatio <= limit,
  };
}

function actualsTargets(a: ActualsSummary): Target[] {
  const channels = a.channels.toLocaleString('en');
  return [
    ratioTarget(
      `edit → diagnostics with 12 months of phasing and 52 weekly actuals per KPI, ${channels} channels, × the same plan without them`,
      1.3,
      [a.actualsEditMs, a.plainEditMs],
      [a.cpu.actualsEditMs, a.cpu.plainEditMs],
    ),
    ratioTarget(
      `CSV change → plan diagnostics, ${a.csvRows.toLocaleString('en')}-row CSV, × parsing that CSV alone with the server's CSV reader`,
      2,
      [a.csvChangeMs, a.csvParseMs],
      [a.cpu.csvChangeMs, a.cpu.csvParseMs],
    ),
  ];
}

export function buildReport(
  results: SizeResult[],
  machine: Machine,
  settings: Record<string, unknown>,
  peerDelayMs: number,
  actualsSamples?: ActualsSamples,
): Report {
  const rows = results.map(summarise);
  const actuals = actualsSamples && summariseActuals(actualsSamples);
  return {
    machine,
    settings,
    rows,
    targets: [...targets(rows), ...(actuals ? actualsTargets(actuals) : [])],
    raw: results,
    peerDelayMs,
    actuals,
    rawActuals: actualsSamples,
  };
}

/** The after-launch scenarios as a table of their own: they run on one plan size, not across sizes. */
export function formatActualsTable(a: ActualsSummary): string {
  const rows: [string, number, number][] = [
    [`edit → diagnostics, ${a.channels.toLocaleString('en')} channels, no phasing or actuals`, a.plainEditMs, a.cpu.plainEditMs],
    ['edit → diagnostics, the same with 12 months of phasing and 52 weekly actuals per KPI', a.actualsEditMs, a.cpu.actualsEditMs],
    [`CSV change on disk → plan diagnostics (${a.csvRows.toLocaleString('en')} rows, ${Math.round(a.csvKilobytes)} KB)`, a.csvChangeMs, a.cpu.csvChangeMs],
    ["parse that CSV alone, the server's CSV reader", a.csvParseMs, a.cpu.csvParseMs],
  ];
  return [
    '| after launch | wall-clock (ms) | CPU, main thread (ms) |',
    '|---|---:|---:|',
    ...rows.map(([name, wall, cpu]) => `| ${name} | ${ms(wall)} | ${ms(cpu)} |`),
  ].join('\n');
}

const ms = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? '–' : value < 10 ? round(value, 1).toFixed(1) : String(Math.round(value));
const times = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '–' : `${round(value, 2).toFixed(2)} ×`);

/** One Markdown table: a metric per row, a plan size per column, then growth between sizes. */
export function formatTable(report: Report): string {
  const { rows, peerDelayMs } = report;
  const delay = peerDelayMs;
  const metrics: [string, (row: Summary) => string, ((row: Summary) => number | undefined)?][] = [
    ['plan size (KB)', (r) => String(Math.round(r.kilobytes))],
    ['parse floor: `yaml.parseDocument` (ms)', (r) => ms(r.floorMs), (r) => r.floorMs],
    ["`parseDocument` with Throughline's options (ms)", (r) => ms(r.floorOurOptionsMs), (r) => r.floorOurOptionsMs],
    ['**open → diagnostics** (ms)', (r) => ms(r.openMs), (r) => r.openMs],
    ['  × parse floor', (r) => times(r.openMs / r.floorMs)],
    [`  × peer (its time less its ${delay} ms delay)`, (r) => times(r.openMs / (peerWork(r.peerOpenMs, delay) ?? NaN))],
    ['**edit → diagnostics** (ms)', (r) => ms(r.editMs), (r) => r.editMs],
    ['  × parse floor', (r) => times(r.editMs / r.floorMs)],
    [`  × peer (its time less its ${delay} ms delay)`, (r) => times(r.editMs / (peerWork(r.peerEditMs, delay) ?? NaN))],
    ['completion after an edit p50 / p95 (ms)', (r) => `${ms(r.completionP50Ms)} / ${ms(r.completionP95Ms)}`, (r) => r.completionP50Ms],
    ['hover after an edit p50 / p95 (ms)', (r) => `${ms(r.hoverP50Ms)} / ${ms(r.hoverP95Ms)}`, (r) => r.hoverP50Ms],
    ['timeline model `throughline/timeline` (ms)', (r) => ms(r.timelineMs), (r) => r.timelineMs],
    ['server peak RSS (MB)', (r) => ms(r.peakRssMb), (r) => r.peakRssMb],
    ['server CPU: open → diagnostics (ms)', (r) => ms(r.cpu.openMs), (r) => r.cpu.openMs],
    ['  × parse floor CPU', (r) => times(r.cpu.openMs / r.cpu.floorMs)],
    ['server CPU: edit → diagnostics (ms)', (r) => ms(r.cpu.editMs), (r) => r.cpu.editMs],
    ['server CPU: completion / hover p95 (ms)', (r) => `${ms(r.cpu.completionP95Ms)} / ${ms(r.cpu.hoverP95Ms)}`, (r) => r.cpu.completionP95Ms],
    ['server CPU: timeline model (ms)', (r) => ms(r.cpu.timelineMs), (r) => r.cpu.timelineMs],
    ['peer: yaml-language-server open → diagnostics (ms)', (r) => ms(r.peerOpenMs), (r) => r.peerOpenMs],
    ['peer: edit → diagnostics (ms)', (r) => ms(r.peerEditMs), (r) => r.peerEditMs],
    ['peer: peak RSS (MB)', (r) => ms(r.peerPeakRssMb), (r) => r.peerPeakRssMb],
    ['peer CPU: open / edit → diagnostics (ms)', (r) => `${ms(r.cpu.peerOpenMs)} / ${ms(r.cpu.peerEditMs)}`, (r) => r.cpu.peerOpenMs],
  ];
  const pairs = rows.slice(1).map((row, i) => [rows[i]!, row] as const);
  const header = [
    '',
    ...rows.map((r) => `${r.channels.toLocaleString('en')} ch.`),
    ...pairs.map(
      ([a, b]) =>
        `growth ${a.channels.toLocaleString('en')} → ${b.channels.toLocaleString('en')} (n·log n: ${round(nLogNGrowth(a.channels, b.channels), 1)} ×)`,
    ),
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  for (const [name, show, value] of metrics) {
    const growth = pairs.map(([a, b]) => {
      const before = value?.(a);
      const after = value?.(b);
      return before && after ? times(after / before) : '';
    });
    lines.push(`| ${[name, ...rows.map(show), ...growth].join(' | ')} |`);
  }
  return lines.join('\n');
}

export function formatTargets(report: Report): string {
  return report.targets
    .map((t) => {
      const cpu = t.cpuMeasured === undefined ? '' : `; server CPU ${t.cpuMeasured}${t.holdsOnCpu ? ', within the target' : ', over the target too'}`;
      return `- ${t.holds ? 'holds' : '**misses**'}: ${t.name}: ${t.measured} (target ${t.target})${cpu}`;
    })
    .join('\n');
}

/** The figures of docs/performance.md: machine, table and targets, in Markdown. */
export function formatMarkdown(report: Report): string {
  const tables = [...(report.rows.length > 0 ? [formatTable(report)] : []), ...(report.actuals ? [formatActualsTable(report.actuals)] : [])];
  return [`Machine: ${formatMachine(report.machine)}.`, ...tables, formatTargets(report)].join('\n\n');
}

export function formatMachine(machine: Machine): string {
  return `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}; load average ${machine.loadAverage.join(' / ')} at start; ${machine.date.slice(0, 16).replace('T', ' ')} UTC`;
}
