/** Where a command writes; the real process in `main.ts`, a buffer in tests. */
export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const ExitCode = {
  /** Nothing failed the run. */
  Ok: 0,
  /** Errors, or more warnings than `--max-warnings` allows. */
  Failed: 1,
  /** A usage error, or a path that could not be checked. */
  UsageOrInput: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** One subcommand of `throughline`: `check`, `render`, … */
export interface Command {
  /** One line for `throughline --help`. */
  summary: string;
  /** The text `throughline <command> --help` prints. */
  help: string;
  run(args: string[], io: CliIo): Promise<ExitCode>;
}

/** Bad arguments: printed as one line with a pointer to `--help`, exit 2. */
export class UsageError extends Error {}
