// The Scale scenarios of issue 12 (`npm run bench -- --portfolio-only`, and part of the full
// run): 500 plans × 40 channels importing one library of 400 KPIs, and a portfolio over them,
// on disk, none open. Each figure is a ratio to `yaml.parseDocument` of every file, timed in the
// same run (so load on the machine stretches both sides), printed with the machine it ran on.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseDocument } from 'yaml';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { LspClient } from '../test/helpers/lspClient.js';
import { mainThreadCpuMs } from '../test/helpers/cpuTime.js';
import { CHANNELS, LIBRARY_KPIS, LIBRARY_PATH, libraryText, PLANS, planPath, SHARED_KPI, writeWorkspace } from './portfolioWorkspace.js';
import { formatMachine, type Machine } from './report.js';
import { cpuTimeOf, memoryOf } from './servers.js';
import { median, percentile, round } from './stats.js';

export interface PortfolioCounts {
  /** Servers started on the workspace (initialize → every plan's diagnostics). */
  starts: number;
  /** Library edits on disk, and as many in an open editor. */
  edits: number;
  /** References and rename requests each. */
  requests: number;
  floorRuns: number;
}

export interface Timings {
  ms: number[];
  cpuMs: number[];
}

export interface PortfolioSamples {
  plans: number;
  channels: number;
  libraryKpis: number;
  files: number;
  kilobytes: number;
  /** `yaml.parseDocument` of every file, in this process; CPU of its main thread. */
  floor: Timings;
  initialize: Timings;
  diskEdit: Timings;
  openEdit: Timings;
  references: Timings & { locations: number; files: number };
  rename: Timings & { edits: number; files: number };
  /** `throughline check` of the workspace (the built CLI, a process of its own); CPU of all its threads. Not a target: beside the server's. */
  cli?: Timings;
  /** Peak RSS once every plan's diagnostics are in, before the edits and requests. */
  peakAfterInitializeMb: number;
  peakMb: number;
  rssMb: number;
}

const MARKER = 'measurement-incomplete';
const DIAGNOSTICS_TIMEOUT_MS = 600_000;

/** Polls `received` from a cursor until every URI has diagnostics that `accept` takes (no per-URI waiters: 500 of them would cost the bench more than the server). */
function waitForEvery(client: LspClient, uris: ReadonlySet<string>, since: number, accept: (params: PublishDiagnosticsParams) => boolean): Promise<void> {
  const done = new Set<string>();
  let cursor = since;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const poll = () => {
      for (; cursor < client.received.length; cursor++) {
        const params = client.received[cursor]!;
        if (uris.has(params.uri) && accept(params)) done.add(params.uri);
        else if (uris.has(params.uri)) done.delete(params.uri);
      }
      if (done.size === uris.size) return resolve();
      if (!client.alive) return reject(new Error(`the server stopped: ${client.stderr}`));
      if (performance.now() - started > DIAGNOSTICS_TIMEOUT_MS) return reject(new Error(`${uris.size - done.size} plans without the expected diagnostics`));
      setTimeout(poll, 2);
    };
    poll();
  });
}

const hasMarker = (params: PublishDiagnosticsParams) => params.diagnostics.some((d) => d.code === MARKER);

async function timedOnServer(client: LspClient, step: () => Promise<void>): Promise<{ ms: number; cpuMs: number }> {
  const cpu = cpuTimeOf(client);
  const started = performance.now();
  await step();
  return { ms: performance.now() - started, cpuMs: cpuTimeOf(client) - cpu };
}

function measureFloor(texts: string[], runs: number): Timings {
  for (const text of texts) parseDocument(text);
  const result: Timings = { ms: [], cpuMs: [] };
  for (let k = 0; k < runs; k++) {
    const cpu = mainThreadCpuMs() ?? NaN;
    const started = performance.now();
    for (const text of texts) parseDocument(text);
    result.ms.push(performance.now() - started);
    result.cpuMs.push((mainThreadCpuMs() ?? NaN) - cpu);
  }
  return result;
}

/** CPU time of this process's waited-for children (`cutime` + `cstime` of /proc/self/stat), in ms; NaN where there is no /proc. */
function childrenCpuMs(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // After the name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14; clock ticks of 10 ms.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return NaN;
  }
}

function measureCli(dir: string, runs: number): Timings {
  const result: Timings = { ms: [], cpuMs: [] };
  for (let k = 0; k < runs; k++) {
    const cpu = childrenCpuMs();
    const started = performance.now();
    const run = spawnSync(process.execPath, ['out/cli.js', 'check', dir], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
    const ms = performance.now() - started;
    // The summary's last words: `… in 1 file of 502 checked`.
    const checked = Number(/of (\d+) checked/.exec(run.stdout)?.[1]);
    if (checked !== PLANS + 2) throw new Error(`throughline check reported ${checked} files checked (exit ${run.status}): ${run.stderr.slice(0, 500)}`);
    result.ms.push(ms);
    result.cpuMs.push(childrenCpuMs() - cpu);
  }
  return result;
}

/** Where `  kpi-0:` is in the library: references and rename are asked there. */
function sharedKpiPosition(text: string): { line: number; character: number } {
  const line = text.split('\n').indexOf(`  ${SHARED_KPI}:`);
  if (line < 0) throw new Error(`${SHARED_KPI} is not in the library`);
  return { line, character: 3 };
}

interface Location {
  uri: string;
}
interface WorkspaceEditLike {
  changes?: Record<string, unknown[]>;
  documentChanges?: { textDocument?: { uri: string }; edits?: unknown[] }[];
}

function editCount(edit: WorkspaceEditLike | null): { edits: number; files: number } {
  if (!edit) return { edits: 0, files: 0 };
  const files = new Set<string>();
  let edits = 0;
  for (const [uri, list] of Object.entries(edit.changes ?? {})) {
    files.add(uri);
    edits += list.length;
  }
  for (const change of edit.documentChanges ?? []) {
    if (change.textDocument) files.add(change.textDocument.uri);
    edits += change.edits?.length ?? 0;
  }
  return { edits, files: files.size };
}

export async function measurePortfolio(counts: PortfolioCounts, log: (message: string) => void): Promise<PortfolioSamples> {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-portfolio-'));
  try {
    const files = writeWorkspace(dir);
    const texts = [...files.values()];
    const kilobytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1024;
    const folder = pathToFileURL(dir).href;
    const libraryPath = join(dir, LIBRARY_PATH);
    const libraryUri = pathToFileURL(libraryPath).href;
    const plans = new Set(Array.from({ length: PLANS }, (_, p) => pathToFileURL(join(dir, planPath(p))).href));

    log(`parse floor (${files.size} files, ${Math.round(kilobytes)} KB) … `);
    const floor = measureFloor(texts, counts.floorRuns);

    log('throughline check … ');
    const cli = measureCli(dir, counts.starts);

    const initialize: Timings = { ms: [], cpuMs: [] };
    let client: LspClient | undefined;
    for (let k = 0; k < counts.starts; k++) {
      log(`initialize ${k + 1}/${counts.starts} … `);
      await client?.stop();
      const started = performance.now();
      client = await LspClient.start({ diagnosticsDelay: 0, settings: { diagnostics: { debounceMs: 0 } }, workspaceFolders: [folder] });
      await waitForEvery(client, plans, 0, (params) => !hasMarker(params));
      initialize.ms.push(performance.now() - started);
      initialize.cpuMs.push(cpuTimeOf(client));
    }
    const server = client!;
    const peakAfterInitializeMb = memoryOf(server).peakMb;
    try {
      // (b) the library changed on disk: every plan shows the shared KPI's measure incomplete, then complete again.
      const diskEdit: Timings = { ms: [], cpuMs: [] };
      for (let k = 0; k < counts.edits; k++) {
        log(`library edit on disk ${k + 1}/${counts.edits} … `);
        const incomplete = k % 2 === 0;
        writeFileSync(libraryPath, libraryText(incomplete));
        const since = server.received.length;
        const { ms, cpuMs } = await timedOnServer(server, async () => {
          await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: libraryUri, type: 2 }] });
          await waitForEvery(server, plans, since, (params) => hasMarker(params) === incomplete);
        });
        diskEdit.ms.push(ms);
        diskEdit.cpuMs.push(cpuMs);
      }
      if (counts.edits % 2 === 1) {
        writeFileSync(libraryPath, libraryText());
        const since = server.received.length;
        await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: libraryUri, type: 2 }] });
        await waitForEvery(server, plans, since, (params) => !hasMarker(params));
      }

      // The same with the library open, edited (not saved) in the editor.
      log('library edits in an editor … ');
      let version = 1;
      await server.open(libraryUri, libraryText(), version);
      await server.diagnosticsFor(libraryUri, version);
      const openEdit: Timings = { ms: [], cpuMs: [] };
      for (let k = 0; k < counts.edits; k++) {
        const incomplete = k % 2 === 0;
        const since = server.received.length;
        const { ms, cpuMs } = await timedOnServer(server, async () => {
          await server.change(libraryUri, ++version, [{ text: libraryText(incomplete) }]);
          await waitForEvery(server, plans, since, (params) => hasMarker(params) === incomplete);
        });
        openEdit.ms.push(ms);
        openEdit.cpuMs.push(cpuMs);
      }
      if (counts.edits % 2 === 1) {
        const since = server.received.length;
        await server.change(libraryUri, ++version, [{ text: libraryText() }]);
        await waitForEvery(server, plans, since, (params) => !hasMarker(params));
      }

      // (d) references and rename of the shared KPI, asked in the open library.
      log('references and rename … ');
      const position = sharedKpiPosition(libraryText());
      const textDocument = { uri: libraryUri };
      const references: PortfolioSamples['references'] = { ms: [], cpuMs: [], locations: 0, files: 0 };
      for (let k = 0; k < counts.requests; k++) {
        let found: Location[] | null = null;
        const { ms, cpuMs } = await timedOnServer(server, async () => {
          found = await server.request<Location[] | null>('textDocument/references', { textDocument, position, context: { includeDeclaration: true } });
        });
        references.ms.push(ms);
        references.cpuMs.push(cpuMs);
        const locations: Location[] = found ?? [];
        references.locations = locations.length;
        references.files = new Set(locations.map((location) => location.uri)).size;
      }
      const rename: PortfolioSamples['rename'] = { ms: [], cpuMs: [], edits: 0, files: 0 };
      for (let k = 0; k < counts.requests; k++) {
        let edit: WorkspaceEditLike | null = null;
        const { ms, cpuMs } = await timedOnServer(server, async () => {
          edit = await server.request<WorkspaceEditLike | null>('textDocument/rename', { textDocument, position, newName: `${SHARED_KPI}-renamed` });
        });
        rename.ms.push(ms);
        rename.cpuMs.push(cpuMs);
        Object.assign(rename, editCount(edit));
      }
      // (c) the whole workspace analysed, edited, asked about.
      const memory = memoryOf(server);
      return {
        plans: PLANS,
        channels: CHANNELS,
        libraryKpis: LIBRARY_KPIS,
        files: files.size,
        kilobytes,
        floor,
        cli,
        initialize,
        diskEdit,
        openEdit,
        references,
        rename,
        peakAfterInitializeMb,
        peakMb: memory.peakMb,
        rssMb: memory.rssMb,
      };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface PortfolioRow {
  what: string;
  measured: string;
  target: string;
  pass: boolean;
  cpu: string;
}

export function portfolioRows(s: PortfolioSamples): PortfolioRow[] {
  const floor = median(s.floor.ms);
  const floorCpu = median(s.floor.cpuMs);
  const ratio = (ms: number, of = floor) => `${round(ms / of, 2)} ×`;
  const row = (what: string, ms: number, cpuMs: number, target: number, extra = '') => ({
    what,
    measured: `${round(ms, 0)} ms = ${ratio(ms)}${extra}`,
    target: `≤ ${target} ×`,
    pass: ms / floor <= target,
    cpu: `${round(cpuMs, 0)} ms = ${ratio(cpuMs, floorCpu)}`,
  });
  return [
    {
      what: `parse floor: \`yaml.parseDocument\` of all ${s.files} files (${round(s.kilobytes / 1024, 1)} MB)`,
      measured: `${round(floor, 0)} ms`,
      target: '',
      pass: true,
      cpu: `${round(floorCpu, 0)} ms`,
    },
    row(`(a) initialize → diagnostics of all ${s.plans} plans`, median(s.initialize.ms), median(s.initialize.cpuMs), 1.3),
    ...(s.cli
      ? [
          {
            what: `\`throughline check\` of the workspace (no target; CPU of all its threads)`,
            measured: `${round(median(s.cli.ms), 0)} ms = ${ratio(median(s.cli.ms))}`,
            target: '',
            pass: true,
            cpu: `${round(median(s.cli.cpuMs), 0)} ms = ${ratio(median(s.cli.cpuMs), floorCpu)}`,
          },
        ]
      : []),
    row('(b) library KPI edited on disk → fresh diagnostics of all plans', median(s.diskEdit.ms), median(s.diskEdit.cpuMs), 0.5),
    row('(b) library KPI edited in an open editor → fresh diagnostics of all plans', median(s.openEdit.ms), median(s.openEdit.cpuMs), 0.5),
    {
      what: '(c) server peak RSS (`VmHWM`), whole workspace analysed, edited, asked',
      measured: `${round(s.peakMb, 0)} MB (${round(s.peakAfterInitializeMb, 0)} MB after initialize; files: ${round(s.kilobytes / 1024, 1)} MB)`,
      target: '< 400 MB',
      pass: s.peakMb < 400,
      cpu: '',
    },
    row(
      `(d) references of a library KPI, p95`,
      percentile(s.references.ms, 95),
      percentile(s.references.cpuMs, 95),
      0.05,
      `; ${s.references.locations} locations in ${s.references.files} files`,
    ),
    row(
      `(d) rename of a library KPI, p95`,
      percentile(s.rename.ms, 95),
      percentile(s.rename.cpuMs, 95),
      0.05,
      `; ${s.rename.edits} edits in ${s.rename.files} files`,
    ),
  ];
}

export function formatPortfolioTable(s: PortfolioSamples, machine: Machine): string {
  const lines = [
    `${formatMachine(machine)}`,
    '',
    `${s.plans} plans × ${s.channels} channels importing one library of ${s.libraryKpis} KPIs, and a portfolio over them; none open.`,
    '',
    '|  | measured (× parse floor) | target | | server CPU (× parse floor CPU) |',
    '|---|---:|---:|---|---:|',
    ...portfolioRows(s).map((r) => `| ${r.what} | ${r.measured} | ${r.target} | ${r.target ? (r.pass ? 'pass' : '**fail**') : ''} | ${r.cpu} |`),
  ];
  return lines.join('\n');
}
