import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, CompletionList, Hover, Position } from 'vscode-languageserver/node';
import type { TimelineResult } from '../server/src/protocol.js';
import type { LspClient } from '../test/helpers/lspClient.js';
import { generatePlan } from '../test/helpers/generatePlan.js';
import { PlanText } from './planText.js';
import { memoryOf } from './servers.js';
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
  peakMb: number;
  rssMb: number;
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
  const found = await client.waitForDiagnostics(uri, (params) => params.diagnostics.some((d) => d.message.includes('budgte')), since, 30_000);
  if (!found) throw new Error(`${flavour}: no diagnostic for the unknown key`);
  await client.close(uri);
}

/** Fresh diagnostics for a version: ours carry the version; the peer's are the next it sends. */
function diagnosticsAfter(client: LspClient, flavour: Flavour, uri: string, version: number, since: number) {
  return flavour === 'throughline' ? client.diagnosticsFor(uri, version, since) : client.waitForDiagnostics(uri, () => true, since, 120_000);
}

async function openAndWait(client: LspClient, flavour: Flavour, uri: string, text: string): Promise<number> {
  const since = client.received.length;
  const { ms } = await timed(async () => {
    await client.open(uri, text);
    await diagnosticsAfter(client, flavour, uri, 1, since);
  });
  return ms;
}

async function editAndWait(client: LspClient, flavour: Flavour, uri: string, plan: PlanText, channel: number): Promise<number> {
  const since = client.received.length;
  const change = plan.typeInOwner(channel);
  const { ms } = await timed(async () => {
    await client.change(uri, plan.version, [change]);
    await diagnosticsAfter(client, flavour, uri, plan.version, since);
  });
  return ms;
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

function spread(k: number, count: number, size: number): number {
  return Math.min(size - 1, Math.floor(((k + 0.5) * size) / count));
}

/**
 * One server, one plan: open, edits, completion and hover right after edits, timeline, memory;
 * then repeated opens of the same text under new names for the open latency.
 */
export async function measureServer(client: LspClient, flavour: Flavour, dir: string, size: number, counts: Counts): Promise<ServerSamples> {
  const text = generatePlan(size);
  const uri = (name: string) => pathToFileURL(join(dir, `${name}.plan.yaml`)).href;
  const main = uri(`plan-${size}-${flavour}`);
  const plan = new PlanText(text);
  const openMs = [await openAndWait(client, flavour, main, text)];

  const editMs: number[] = [];
  for (let k = 0; k < counts.edits; k++) editMs.push(await editAndWait(client, flavour, main, plan, spread(k, counts.edits, size)));

  const completionMs: number[] = [];
  const hoverMs: number[] = [];
  let completionItems = 0;
  let hovers = 0;
  for (let k = 0; k < counts.requests; k++) {
    const channel = spread(k, counts.requests, size);
    for (const kind of ['completion', 'hover'] as const) {
      const change = plan.typeInOwner(channel);
      await client.change(main, plan.version, [change]);
      const position = kind === 'completion' ? completionSpot(plan, channel, k) : hoverSpot(plan, channel, k);
      const method = kind === 'completion' ? 'textDocument/completion' : 'textDocument/hover';
      const { ms, value } = await timed(() => client.request<CompletionList | CompletionItem[] | Hover | null>(method, { textDocument: { uri: main }, position }));
      if (kind === 'completion') {
        completionMs.push(ms);
        completionItems += Array.isArray(value) ? value.length : ((value as CompletionList | null)?.items.length ?? 0);
      } else {
        hoverMs.push(ms);
        if (value) hovers++;
      }
    }
  }
  if (counts.requests > 0 && (completionItems === 0 || hovers === 0)) throw new Error(`${flavour}: completion or hover answered nothing at ${size} channels`);

  const timelineMs: number[] = [];
  if (flavour === 'throughline') {
    for (let k = 0; k < counts.timelines; k++) {
      await editAndWait(client, flavour, main, plan, spread(k, counts.timelines, size));
      const { ms, value } = await timed(() => client.request<TimelineResult | null>('throughline/timeline', { uri: main }));
      if (value?.timeline.bars.length !== size) throw new Error(`timeline has ${value?.timeline.bars.length} bars, expected ${size}`);
      timelineMs.push(ms);
    }
  }
  const memory = memoryOf(client);

  await client.close(main);
  for (let k = 1; k < counts.opens; k++) {
    const name = uri(`plan-${size}-${flavour}-open${k}`);
    openMs.push(await openAndWait(client, flavour, name, text));
    await client.close(name);
  }
  return { openMs, editMs, completionMs, hoverMs, timelineMs, ...memory };
}
