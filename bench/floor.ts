import { performance } from 'node:perf_hooks';
import { parseDocument } from 'yaml';
import { yamlOptions } from '../server/src/core/parse/parseYaml.js';

/**
 * The parse floor: `yaml.parseDocument` alone on the same text, with yaml's defaults (what a
 * bare YAML tool pays) and with the options Throughline parses with, `runs` times each.
 */
export function measureFloor(text: string, runs: number): { defaultsMs: number[]; oursMs: number[] } {
  const defaultsMs: number[] = [];
  const oursMs: number[] = [];
  for (let k = 0; k < runs; k++) {
    let started = performance.now();
    parseDocument(text);
    defaultsMs.push(performance.now() - started);
    started = performance.now();
    parseDocument(text, yamlOptions);
    oursMs.push(performance.now() - started);
  }
  return { defaultsMs, oursMs };
}
