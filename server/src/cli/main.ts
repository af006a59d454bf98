import { didYouMean } from '../core/index.js';
import { actionCommand } from './action/actionCommand.js';
import { checkCommand } from './check/checkCommand.js';
import { ExitCode, UsageError, type CliIo, type Command } from './command.js';
import { diffCommand } from './diff/diffCommand.js';
import { exportCommand } from './export/exportCommand.js';
import { formatCommand } from './format.js';
import { renderCommand } from './render.js';
import { reviewCommand } from './review.js';
import { version } from './version.js';

/**
 * The subcommands. A new one is a `Command` in its own file, added here:
 * `render: renderCommand` (issue 4: `throughline render <plan> -o file.svg|html`, in ./render.ts).
 */
const commands: Record<string, Command> = {
  check: checkCommand,
  format: formatCommand,
  render: renderCommand,
  diff: diffCommand,
  export: exportCommand,
  'github-action': actionCommand,
  review: reviewCommand,
};

function help(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const list = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return `Usage: throughline <command> [options]

Commands:
${list.join('\n')}

Options:
  -h, --help     show this help (throughline <command> --help for a command's options)
  -v, --version  print the version

Plans are YAML files named *.plan.yaml or *.plan.yml.
`;
}

export async function main(argv: string[], io: CliIo): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(help());
    return ExitCode.UsageOrInput;
  }
  if (first === '-h' || first === '--help' || first === 'help') {
    io.stdout(help());
    return ExitCode.Ok;
  }
  if (first === '-v' || first === '--version') {
    io.stdout(`${version}\n`);
    return ExitCode.Ok;
  }
  const command = Object.hasOwn(commands, first) ? commands[first] : undefined;
  try {
    if (!command) throw new UsageError(`unknown command \`${first}\`.${didYouMean(first, Object.keys(commands))}`);
    if (asksForHelp(rest)) {
      io.stdout(command.help);
      return ExitCode.Ok;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`throughline: ${error.message}\nRun \`throughline ${command ? `${first} ` : ''}--help\` for usage.\n`);
      return ExitCode.UsageOrInput;
    }
    io.stderr(`throughline: internal error (please report it): ${(error as Error)?.message ?? String(error)}\n`);
    return ExitCode.UsageOrInput;
  }
}

/** `-h` / `--help` anywhere before a `--` (after it, `-h` is a file name). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '-h' || arg === '--help');
}

function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}

// `throughline check … | head` closes the pipe early: stop quietly instead of throwing EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

void main(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
