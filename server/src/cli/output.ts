import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeFsError } from '../node/fsErrors.js';
import type { CliIo } from './command.js';
import { displayPath } from './formatters/paths.js';

/**
 * Writes a command's result to `-o <file>`, or to stdout when there is no file or it is `-`.
 * Returns the path written (relative for display), undefined for stdout, or false after
 * saying on stderr why the file could not be written.
 */
export function writeOutput(io: CliIo, output: string | undefined, content: string): string | undefined | false {
  if (output === undefined || output === '-') {
    io.stdout(content);
    return undefined;
  }
  const path = resolve(io.cwd, output);
  try {
    writeFileSync(path, content);
  } catch (error) {
    io.stderr(`throughline: ${displayPath(io.cwd, path)}: cannot write: ${describeFsError(error)}\n`);
    return false;
  }
  return displayPath(io.cwd, path);
}

export { localToday } from '../core/index.js';

/** The options of the commands that write a plan out (`render`, `export`). */
export const OUTPUT_OPTIONS = {
  output: { type: 'string', short: 'o' },
  format: { type: 'string', short: 'f' },
  today: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The last line of their help. */
export const OUTPUT_EXIT_CODES = 'Exit codes: 0 written; 2 a usage error, or a plan or output that could not be read or written.';
