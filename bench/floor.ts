import { performance } from 'node:perf_hooks';
import { parseDocument } from 'yaml';
import { yamlOptions } from '../server/src/core/parse/parseYaml.js';
import { mainThreadCpuMs } from '../test/helpers/cpuTime.js';

/** CPU time of this process's main thread, in ms (NaN where /proc cannot be read). */
const mainThreadCpu = () => mainThreadCpuMs() ?? NaN;

export interface FloorSamples {
  defaultsMs: number[];
  oursMs: number[];
  /** Main-thread CPU time of each parse with yaml's defaults. */
  defaultsCpuMs: number[];
}

/**
 * The parse floor: `yaml.parseDocument` alone on the same text, with yaml's defaults (what a
 * bare YAML tool pays) and with the options Throughline parses with, `runs` times each, after
 * one parse that warms the JIT up (the server's open is timed warm too, as a median).
 */
export function measureFloor(text: string, runs: number): FloorSamples {
  parseDocument(text);
  const samples: FloorSamples = { defaultsMs: [], oursMs: [], defaultsCpuMs: [] };
  for (let k = 0; k < runs; k++) {
    const cpu = mainThreadCpu();
    let started = performance.now();
    parseDocument(text);
    samples.defaultsMs.push(performance.now() - started);
    samples.defaultsCpuMs.push(mainThreadCpu() - cpu);
    started = performance.now();
    parseDocument(text, yamlOptions);
    samples.oursMs.push(performance.now() - started);
  }
  return samples;
}
