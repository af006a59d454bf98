import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Analysis } from '../core/index.js';
import { describeFsError } from '../node/fsErrors.js';
import { readPlanFile } from './check/readPlanFile.js';
import type { CliIo } from './command.js';
import { displayPath } from './formatters/paths.js';
import { cliWorkspace } from './workspace.js';

/** One plan named on the command line, read and analyzed with the files it references; undefined after saying why not. */
export async function analyzePlanArgument(io: CliIo, plan: string, asOf?: string): Promise<{ planPath: string; analysis: Analysis } | undefined> {
  const planPath = resolve(io.cwd, plan);
  const read = await readPlanFile(planPath);
  if ('problem' in read) {
    io.stderr(`throughline: ${displayPath(io.cwd, planPath)}: ${read.problem}\n`);
    return undefined;
  }
  const workspace = await cliWorkspace(io, undefined);
  if (!workspace) return undefined;
  return { planPath, analysis: await workspace.analyze(planPath, read.text, asOf) };
}

/** Writes to the file (false after saying why it could not), or to stdout without one. */
export function writeOutput(io: CliIo, output: string | undefined, content: string, summary = ''): boolean {
  if (output === undefined || output === '-') {
    io.stdout(content);
    return true;
  }
  const outputPath = resolve(io.cwd, output);
  try {
    writeFileSync(outputPath, content);
  } catch (error) {
    io.stderr(`throughline: ${displayPath(io.cwd, outputPath)}: cannot write: ${describeFsError(error)}\n`);
    return false;
  }
  io.stderr(`Wrote ${displayPath(io.cwd, outputPath)}${summary}.\n`);
  return true;
}
