import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatText, type FormatSettings } from '../core/index.js';
import { parseCommandArgs } from './args.js';
import { discoverPlans } from './check/discoverPlans.js';
import { describeFsError } from '../node/fsErrors.js';
import { readPlanFile } from './check/readPlanFile.js';
import { ExitCode, UsageError, type CliIo, type Command } from './command.js';
import { displayPath } from './formatters/paths.js';
import { cliWorkspace } from './workspace.js';

const HELP = `Usage: throughline format [--check | --write] [options] [paths…]

Formats plans (*.plan.yaml, *.plan.yml) exactly as the editor's Format Document does:
the file's own indentation, comments, blank lines (at most one in a row), anchors,
quoting, line breaks and byte order mark kept; flow collections on one line unless
longer than the line width. A plan that does not parse is left as it is.

With one plan file and neither option, prints the formatted plan to stdout.

Options:
      --check            list the plans that are not formatted; exit 1 if there are any
  -w, --write            rewrite the plans that are not formatted, in place
  -c, --config <file>    take the format: settings from this file for every plan
  -h, --help             show this help

Paths are plan files or directories, searched recursively (not node_modules or .git);
with --check or --write the default is the current directory. Settings come from the
nearest .throughline.yaml: format: { sortKeys: true, lineWidth: 120 }.

Exit codes: 0 every plan is formatted (or was rewritten); 1 with --check, a plan is not
formatted; 2 a usage error, a path that could not be read, or a plan that does not parse.
`;

const OPTIONS = {
  check: { type: 'boolean' },
  write: { type: 'boolean', short: 'w' },
  config: { type: 'string', short: 'c' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Mode = 'print' | 'check' | 'write';

export const formatCommand: Command = {
  summary: 'format plans as the editor does (--check for CI, --write to rewrite)',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    if (values.check && values.write) throw new UsageError('--check and --write do not go together: --check only reports, --write rewrites.');
    const mode: Mode = values.check ? 'check' : values.write ? 'write' : 'print';
    if (mode === 'print' && positionals.length !== 1) {
      throw new UsageError(
        positionals.length === 0
          ? 'which plan? Give one plan file to print it formatted, or use --check or --write (for the current directory).'
          : 'printing takes one plan file; use --check or --write for several.',
      );
    }
    const workspace = await cliWorkspace(io, typeof values.config === 'string' ? values.config : undefined);
    if (!workspace) return ExitCode.UsageOrInput;
    return formatPlans(mode, positionals.length > 0 ? positionals : ['.'], workspace.formatFor, io);
  },
};

async function formatPlans(mode: Mode, paths: string[], settingsFor: (plan: string) => Promise<FormatSettings>, io: CliIo): Promise<ExitCode> {
  const discovery = await discoverPlans(paths, io.cwd);
  let failed = discovery.problems.length > 0;
  const fail = (path: string, message: string) => {
    io.stderr(`throughline: ${displayPath(io.cwd, path)}: ${message}\n`);
    failed = true;
  };
  for (const problem of discovery.problems) fail(problem.path, problem.message);
  if (discovery.files.length === 0 && discovery.problems.length === 0) {
    for (const input of paths) fail(resolve(io.cwd, input), 'no plan files (*.plan.yaml, *.plan.yml) found here');
  }
  const unformatted: string[] = [];
  for (const path of discovery.files) {
    const read = await readPlanFile(path);
    if ('problem' in read) {
      fail(path, read.problem);
      continue;
    }
    // The formatter sees the text without a byte order mark; the file keeps its own.
    const bom = read.text.startsWith('\ufeff') ? '\ufeff' : '';
    const text = read.text.slice(bom.length);
    const { sortKeys, lineWidth } = await settingsFor(path);
    const result = formatText(text, { sortKeys, lineWidth });
    if ('error' in result) {
      fail(path, result.error);
      continue;
    }
    if (mode === 'print') {
      io.stdout(bom + result.text);
      continue;
    }
    if (result.text === text) continue;
    unformatted.push(path);
    if (mode === 'check') {
      io.stdout(`${displayPath(io.cwd, path)}\n`);
      continue;
    }
    try {
      writeFileSync(path, bom + result.text);
      io.stdout(`${displayPath(io.cwd, path)}\n`);
    } catch (error) {
      fail(path, `cannot write: ${describeFsError(error)}`);
    }
  }
  if (mode === 'print') return failed ? ExitCode.UsageOrInput : ExitCode.Ok;
  const total = discovery.files.length;
  const plans = (count: number) => `${count} plan${count === 1 ? '' : 's'}`;
  const mark = failed || (mode === 'check' && unformatted.length > 0) ? '✖' : '✔';
  if (mode === 'check') {
    io.stderr(
      unformatted.length > 0
        ? `${mark} ${unformatted.length} of ${plans(total)} not formatted; run \`throughline format --write\` to format them\n`
        : `${mark} ${plans(total)} formatted\n`,
    );
  } else {
    io.stderr(`${mark} ${unformatted.length > 0 ? `formatted ${unformatted.length} of ${plans(total)}` : `${plans(total)} already formatted`}\n`);
  }
  if (failed) return ExitCode.UsageOrInput;
  return mode === 'check' && unformatted.length > 0 ? ExitCode.Failed : ExitCode.Ok;
}
