import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, CompletionList, Hover, Position } from 'vscode-languageserver/node';
import type { TimelineResult } from '../server/src/protocol.js';
import type { LspClient } from '../test/helpers/lspClient.js';
import { generatePlan } from '../test/helpers/generatePlan.js';
import { DEFAULT_DIAGNOSTICS_DELAY } from '../server/src/settings.js';
import { PlanText } from './planText.js';
import { cpuTimeOf, memoryOf } from './servers.js';
import { timed } from './stats.js';

export interface Counts {
  opens: number;
  edits: number;
  /** Completion requests and as many hover requests, each right after its own edit. */
  requests: number;
  timelines: number;
}

export interface ServerSamples {
  openMs: number[];
  editMs: number[];
  completionMs: number[];
  hoverMs: number[];
  timelineMs: number[];
  /** The server main thread's CPU time over the same windows (what each step costs it, without waiting for a core). */
  cpu: { openMs: number[]; editMs: number[]; completionMs: number[]; hoverMs: number[]; timelineMs: number[] };
  peakMb: number;
  rssMb: number;
}

interface Sample {
  ms: number;
  cpuMs: number;
}

/** Wall-clock and server CPU time of one step. */
export async function sample<T>(client: LspClient, step: () => Promise<T>): Promise<Sample & { value: T }> {
  const cpuBefore = cpuTimeOf(client);
  const { ms, value } = await timed(step);
  return { ms, cpuMs: cpuTimeOf(client) - cpuBefore, value };
}

type Flavour = 'throughline' | 'peer';

/**
 * Opens a small plan with an unknown root key and waits for the diagnostic that names it, so a
 * server that silently ignores its schema (or its settings) fails the run instead of looking fast.
 */
export async function checkSchemaErrorShows(client: LspClient, dir: string, flavour: Flavour): Promise<void> {
  const text = `${generatePlan(3)}budgte: 1\n`;
  const uri = pathToFileURL(join(dir, `sanity-${flavour}.plan.yaml`)).href;
  writeFileSync(new URL(uri), text);
  const since = client.received.length;
  await client.open(uri, text);
  const found = await client.waitForDiagnostics(
    uri,
    (params) => params.diagnostics.some((d) => (typeof d.message === 'string' ? d.message : d.message.value).includes('budgte')),
    since,
    30_000,
  );
  if (!found) throw new Error(`${flavour}: no diagnostic for the unknown key`);
  await client.close(uri);
}

/** Fresh diagnostics for a version: ours carry the version; the peer's are the next it sends. */
function diagnosticsAfter(client: LspClient, flavour: Flavour, uri: string, version: number, since: number) {
  return flavour === 'throughline' ? client.diagnosticsFor(uri, version, since) : client.waitForDiagnostics(uri, () => true, since, 120_000);
}

async function openAndWait(client: LspClient, flavour: Flavour, uri: string, text: string): Promise<Sample> {
  const since = client.received.length;
  return sample(client, async () => {
    await client.open(uri, text);
    await diagnosticsAfter(client, flavour, uri, 1, since);
  });
}

export async function editAndWait(client: LspClient, flavour: Flavour, uri: string, plan: PlanText, channel: number): Promise<Sample> {
  const since = client.received.length;
  const change = plan.typeInOwner(channel);
  return sample(client, async () => {
    await client.change(uri, plan.version, [change]);
    await diagnosticsAfter(client, flavour, uri, plan.version, since);
  });
}

/** Collects the wall-clock and CPU times of samples of one kind. */
export class Samples {
  readonly ms: number[] = [];
  readonly cpuMs: number[] = [];
  add(value: Sample): void {
    this.ms.push(value.ms);
    this.cpuMs.push(value.cpuMs);
  }
}

/** Places where an editor asks for completion, in channel `i` (rotating through them). */
function completionSpot(plan: PlanText, i: number, k: number): Position {
  const channel = `  ch-${i}:\n`;
  const kpi = `  kpi-${i}:\n`;
  switch (k % 4) {
    case 0:
      return plan.after('    type: ', channel); // enum values
    case 1:
      return plan.inside('    stages: [', channel, 13); // stage ids
    case 2:
      return plan.after('    traces_to: ', kpi); // objective and KPI ids
    default:
      return plan.inside('    budget:', channel, 4); // keys of a channel
  }
}

/** Places where an editor asks for hover in channel `i`: the channel id, a KPI id, a key, a KPI reference. */
function hoverSpot(plan: PlanText, i: number, k: number): Position {
  const channel = `  ch-${i}:\n`;
  switch (k % 4) {
    case 0:
      return plan.inside(`  ch-${i}:`, '\nchannels:', 3);
    case 1:
      return plan.inside(`  kpi-${i}:`, '\nkpis:', 3);
    case 2:
      return plan.inside('    budget:', channel, 6);
    default:
      return plan.inside(`    kpis: [kpi-${i}]`, channel, 13);
  }
}

export function spread(k: number, count: number, size: number): number {
  return Math.min(size - 1, Math.floor(((k + 0.5) * size) / count));
}

/**
 * Completion and hover, each asked right after its own one-character edit, as an editor asks
 * while the user types: with the server's default diagnostics debounce, so the request is
 * answered from the edit's parse before the rules run, and the diagnostics of the edit are
 * awaited (untimed) before the next one, as when typing pauses.
 */
async function measureRequests(client: LspClient, flavour: Flavour, uri: string, plan: PlanText, size: number, count: number) {
  const completions = new Samples();
  const hovers = new Samples();
  if (count === 0) return { completions, hovers };
  if (flavour === 'throughline') await setDebounce(client, uri, plan.version, EDITOR_DEBOUNCE_MS);
  let completionItems = 0;
  let hovered = 0;
  for (let k = 0; k < count; k++) {
    const channel = spread(k, count, size);
    for (const kind of ['completion', 'hover'] as const) {
      const since = client.received.length;
      const change = plan.typeInOwner(channel);
      await client.change(uri, plan.version, [change]);
      const position = kind === 'completion' ? completionSpot(plan, channel, k) : hoverSpot(plan, channel, k);
      const method = kind === 'completion' ? 'textDocument/completion' : 'textDocument/hover';
      const answered = await sample(client, () =>
        client.request<CompletionList | CompletionItem[] | Hover | null>(method, { textDocument: { uri }, position }),
      );
      const { value } = answered;
      if (kind === 'completion') {
        completions.add(answered);
        completionItems += Array.isArray(value) ? value.length : ((value as CompletionList | null)?.items.length ?? 0);
      } else {
        hovers.add(answered);
        if (value) hovered++;
      }
      await diagnosticsAfter(client, flavour, uri, plan.version, since);
    }
  }
  if (completionItems === 0 || hovered === 0) throw new Error(`${flavour}: completion or hover answered nothing at ${size} channels`);
  if (flavour === 'throughline') await setDebounce(client, uri, plan.version, 0);
  return { completions, hovers };
}

/** The server's diagnostics debounce unless a client sets another (`throughline.diagnostics.debounceMs`). */
export const EDITOR_DEBOUNCE_MS = DEFAULT_DIAGNOSTICS_DELAY;

/** Changes the debounce the way an editor changes a setting; waits for the re-published diagnostics. */
async function setDebounce(client: LspClient, uri: string, version: number, debounceMs: number): Promise<void> {
  const since = client.received.length;
  await client.changeSettings({ diagnostics: { debounceMs } });
  await client.diagnosticsFor(uri, version, since);
}

/**
 * One server, one plan: open, edits, timeline, completion and hover right after edits, memory;
 * then repeated opens of the same text under new names for the open latency.
 */
export async function measureServer(client: LspClient, flavour: Flavour, dir: string, size: number, counts: Counts): Promise<ServerSamples> {
  const text = generatePlan(size);
  const uri = (name: string) => pathToFileURL(join(dir, `${name}.plan.yaml`)).href;
  const main = uri(`plan-${size}-${flavour}`);
  const plan = new PlanText(text);
  const opens = new Samples();
  opens.add(await openAndWait(client, flavour, main, text));

  const edits = new Samples();
  for (let k = 0; k < counts.edits; k++) edits.add(await editAndWait(client, flavour, main, plan, spread(k, counts.edits, size)));

  const timelines = new Samples();
  if (flavour === 'throughline') {
    for (let k = 0; k < counts.timelines; k++) {
      await editAndWait(client, flavour, main, plan, spread(k, counts.timelines, size));
      const answered = await sample(client, () => client.request<TimelineResult | null>('throughline/timeline', { uri: main }));
      if (answered.value?.timeline.bars.length !== size) throw new Error(`timeline has ${answered.value?.timeline.bars.length} bars, expected ${size}`);
      timelines.add(answered);
    }
  }

  const { completions, hovers } = await measureRequests(client, flavour, main, plan, size, counts.requests);
  const memory = memoryOf(client);

  await client.close(main);
  for (let k = 1; k < counts.opens; k++) {
    const name = uri(`plan-${size}-${flavour}-open${k}`);
    opens.add(await openAndWait(client, flavour, name, text));
    await client.close(name);
  }
  return {
    openMs: opens.ms,
    editMs: edits.ms,
    completionMs: completions.ms,
    hoverMs: hovers.ms,
    timelineMs: timelines.ms,
    cpu: { openMs: opens.cpuMs, editMs: edits.cpuMs, completionMs: completions.cpuMs, hoverMs: hovers.cpuMs, timelineMs: timelines.cpuMs },
    ...memory,
  };
}
