import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { mainThreadCpuMs } from '../test/helpers/cpuTime.js';
import { LspClient } from '../test/helpers/lspClient.js';

export const PEER_COMMAND = [process.execPath, 'node_modules/yaml-language-server/bin/yaml-language-server', '--stdio'];
/** yaml-language-server waits this long after every change before it validates (fixed in 1.25.0, not a setting). */
export const PEER_VALIDATION_DELAY_MS = 200;

/** The built Throughline server; diagnostics are published without a debounce so the analysis itself is timed. */
export function startThroughline(): Promise<LspClient> {
  return LspClient.start({ diagnosticsDelay: 0, settings: { diagnostics: { debounceMs: 0 } } });
}

/** yaml-language-server validating `*.plan.yaml` against the project's generated JSON Schema. */
export async function startPeer(schemaPath: string): Promise<LspClient> {
  const yaml = {
    validate: true,
    hover: true,
    completion: true,
    schemaStore: { enable: false },
    schemas: { [pathToFileURL(schemaPath).href]: ['*.plan.yaml'] },
  };
  const client = await LspClient.start({ command: PEER_COMMAND, configuration: { yaml } });
  // The peer ignores its schema unless the settings also arrive this way.
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml } });
  return client;
}

/** Peak and current resident memory of a server process, in MB (Linux /proc). */
export function memoryOf(client: LspClient): { peakMb: number; rssMb: number } {
  const status = readFileSync(`/proc/${client.process.pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

/** Milliseconds the server's main thread has spent on a CPU (NaN where /proc cannot be read; see test/helpers/cpuTime.ts). */
export function cpuTimeOf(client: LspClient): number {
  return mainThreadCpuMs(client.process.pid!) ?? NaN;
}
