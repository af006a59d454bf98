import { resolve } from 'node:path';
import type { Analysis } from '../core/index.js';
import { readPlanFile } from './check/readPlanFile.js';
import type { CliIo } from './command.js';
import { displayPath } from './formatters/paths.js';
import type { CliWorkspace } from './workspace.js';

/** One plan named on the command line, read and analyzed with the rules of its nearest `.throughline.yaml`. */
export interface PlanInput {
  /** Absolute. */
  path: string;
  /** As the user reads it. */
  shown: string;
  analysis: Analysis;
}

/** Analyzes a plan's text as the plan at `path` (its config, the installed rule docs, the files it references; `asOf` is `--as-of`). */
export function analyzePlanText(text: string, path: string, workspace: CliWorkspace, asOf?: string): Promise<Analysis> {
  return workspace.analyze(path, text, asOf);
}

/** Reads and analyzes the plan, or says on stderr in one line why it cannot (undefined). */
export async function readPlanInput(io: CliIo, plan: string, workspace: CliWorkspace, asOf?: string): Promise<PlanInput | undefined> {
  const path = resolve(io.cwd, plan);
  const shown = displayPath(io.cwd, path);
  const read = await readPlanFile(path);
  if ('problem' in read) {
    io.stderr(`throughline: ${shown}: ${read.problem}\n`);
    return undefined;
  }
  return { path, shown, analysis: await analyzePlanText(read.text, path, workspace, asOf) };
}

/** `file:line: the plan does not parse (…)`, when it does not. */
export function syntaxWarning(input: { shown: string; analysis: Analysis }): string | undefined {
  const error = input.analysis.parsed.problems.find((problem) => problem.severity === 'error');
  return error && `${input.shown}:${error.range.start.line + 1}: the plan does not parse (${error.message})`;
}
