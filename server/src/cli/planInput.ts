import { resolve } from 'node:path';
import { analyzeText, type Analysis } from '../core/index.js';
import { ConfigLookup } from './check/configLookup.js';
import { readPlanFile } from './check/readPlanFile.js';
import { installedRuleDocs } from './check/ruleDocs.js';
import type { CliIo } from './command.js';
import { displayPath } from './formatters/paths.js';

/** One plan named on the command line, read and analyzed with the rules of its nearest `.throughline.yaml`. */
export interface PlanInput {
  /** Absolute. */
  path: string;
  /** As the user reads it. */
  shown: string;
  analysis: Analysis;
}

/** Config lookups warn on stderr, once per config file per run. */
export function configLookupFor(io: CliIo): ConfigLookup {
  return new ConfigLookup((path, problem) => io.stderr(`throughline: warning: ${displayPath(io.cwd, path)}: ${problem}\n`));
}

/** Analyzes a plan's text as the plan at `path` (its config, the installed rule docs). */
export function analyzePlanText(text: string, path: string, lookup: ConfigLookup): Analysis {
  return analyzeText(text, { rules: lookup.rulesFor(path), docsBaseUri: installedRuleDocs().baseUri });
}

/** Reads and analyzes the plan, or says on stderr in one line why it cannot (undefined). */
export function readPlanInput(io: CliIo, plan: string, lookup: ConfigLookup = configLookupFor(io)): PlanInput | undefined {
  const path = resolve(io.cwd, plan);
  const shown = displayPath(io.cwd, path);
  const read = readPlanFile(path);
  if ('problem' in read) {
    io.stderr(`throughline: ${shown}: ${read.problem}\n`);
    return undefined;
  }
  return { path, shown, analysis: analyzePlanText(read.text, path, lookup) };
}

/** `file:line: the plan does not parse (…)`, when it does not. */
export function syntaxWarning(input: { shown: string; analysis: Analysis }): string | undefined {
  const error = input.analysis.parsed.problems.find((problem) => problem.severity === 'error');
  return error && `${input.shown}:${error.range.start.line + 1}: the plan does not parse (${error.message})`;
}
