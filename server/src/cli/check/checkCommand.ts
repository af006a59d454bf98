import { resolve } from 'node:path';
import { didYouMean, isIsoDate, PLAN_FILE_NAMES, portfoliosLast } from '../../core/index.js';
import { parseCommandArgs } from '../args.js';
import { ExitCode, UsageError, type Command } from '../command.js';
import { formatNames, formatters } from '../formatters/index.js';
import { displayPath } from '../formatters/paths.js';
import { discoverPlans } from './discoverPlans.js';
import { readPlanFile } from './readPlanFile.js';
import { exitCodeOf, type CheckReport, type FileReport, type InputProblem } from './report.js';
import { cliWorkspace, type CliWorkspace } from '../workspace.js';

const HELP = `Usage: throughline check [options] [paths…]

Checks integrated marketing plans (*.plan.yaml, *.plan.yml) against every rule.
Paths are plan files or directories, searched recursively (not node_modules or .git);
the default is the current directory. Rule severities come from the nearest
.throughline.yaml next to each plan or in a folder above it. A plan's actuals_file
(CSV) is read too; its problems are reported in the CSV file.

Options:
  -f, --format <format>   text (default), json or sarif
      --max-warnings <n>  also fail when there are more than n warnings
  -c, --config <file>     use this config file for every plan instead
      --as-of <date>      read actuals as of this day, YYYY-MM-DD (default: the plan's
                          as_of, else today)
  -h, --help              show this help

Exit codes: 0 nothing failed; 1 errors, or more warnings than --max-warnings;
2 a usage error or a path that could not be checked.
`;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'max-warnings': { type: 'string' },
  config: { type: 'string', short: 'c' },
  'as-of': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface CheckOptions {
  paths: string[];
  format: string;
  maxWarnings: number | undefined;
  config: string | undefined;
  asOf: string | undefined;
}

export const checkCommand: Command = {
  summary: 'check plans and report problems as text, JSON or SARIF',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    const options = checkOptions(values, positionals);
    const workspace = await cliWorkspace(io, options.config);
    if (!workspace) return ExitCode.UsageOrInput;
    const report = await check(options, workspace, io.cwd);
    for (const problem of report.notChecked) io.stderr(`throughline: ${displayPath(io.cwd, problem.path)}: ${problem.message}\n`);
    io.stdout(formatters[options.format]!(report));
    return exitCodeOf(report);
  },
};

function checkOptions(values: Record<string, string | boolean | undefined>, positionals: string[]): CheckOptions {
  const format = typeof values.format === 'string' ? values.format : 'text';
  if (!formatNames.includes(format)) throw new UsageError(`unknown format \`${format}\`: use text, json or sarif.${didYouMean(format, formatNames)}`);
  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    format,
    maxWarnings: maxWarnings(values['max-warnings']),
    config: values.config as string | undefined,
    asOf: asOfOption(values['as-of']),
  };
}

/** `--as-of YYYY-MM-DD`, a day on the calendar. */
export function asOfOption(value: string | boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isIsoDate(value)) throw new UsageError(`--as-of needs a date written YYYY-MM-DD, not \`${String(value)}\``);
  return value;
}

/** A whole number ≥ 0; -1 (as in ESLint) means no limit. */
function maxWarnings(value: string | boolean | undefined): number | undefined {
  if (value === undefined || value === '-1') return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value)) throw new UsageError(`--max-warnings needs a whole number (0 or more), not \`${String(value)}\``);
  return Number(value);
}

async function check(options: CheckOptions, workspace: CliWorkspace, cwd: string): Promise<CheckReport> {
  const discovery = await discoverPlans(options.paths, cwd);
  const notChecked: InputProblem[] = [...discovery.problems];
  const checked = new Map<string, FileReport>();
  // Checked with the portfolios last, as in the editor; reported in the order found.
  for (const path of portfoliosLast(discovery.files)) {
    const read = await readPlanFile(path);
    if ('problem' in read) {
      notChecked.push({ path, message: read.problem });
      continue;
    }
    try {
      const { diagnostics } = await workspace.analyze(path, read.text, options.asOf, true);
      checked.set(path, { path, diagnostics });
    } catch (error) {
      notChecked.push({ path, message: `internal error while checking (please report it): ${(error as Error).message}` });
    }
  }
  const files: FileReport[] = discovery.files.flatMap((path) => checked.get(path) ?? []);
  // Each CSV a plan references is reported once, in itself, after the plans.
  for (const linked of workspace.linkedReports()) if (!files.some((file) => file.path === linked.path)) files.push(linked);
  if (discovery.files.length === 0 && discovery.problems.length === 0) {
    notChecked.push(...options.paths.map((input) => ({ path: resolve(cwd, input), message: `no plan files (${PLAN_FILE_NAMES}) found here` })));
  }
  return { cwd, files, notChecked, maxWarnings: options.maxWarnings, docs: workspace.host.ruleDocs };
}
