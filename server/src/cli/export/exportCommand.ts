import { basename, extname } from 'node:path';
import { didYouMean, EXPORT_FORMATS, exportPlan, isExportFormat, isIsoDate, type ExportFormat } from '../../core/index.js';
import { parseCommandArgs } from '../args.js';
import { ExitCode, UsageError, type Command } from '../command.js';
import { localToday, OUTPUT_EXIT_CODES, OUTPUT_OPTIONS, writeOutput } from '../output.js';
import { readPlanInput, syntaxWarning } from '../planInput.js';
import { cliWorkspace } from '../workspace.js';

const HELP = `Usage: throughline export <plan> --format ics|csv [-o <file>] [options]

Writes the plan for people outside the editor:
  ics   an iCalendar file: channel launches and ends, milestones, the objective's
        deadline, measurement ready_by dates, and the weekly, monthly and quarterly
        reviews as recurring events within the plan period. Event UIDs come from the
        plan file's name and each item's id, so importing the file again updates the
        events instead of adding copies.
  csv   one table: a row per channel (dates, owner, type, mode, stages, budget, a
        column per month of phasing) and a row per KPI (trace, measure, ready_by).
        Cells that a spreadsheet would run as a formula are prefixed with '.
  svg, html  the timeline, as \`throughline render\` draws it.

Options:
  -f, --format <format>  ics, csv, svg or html (default: from the output file's extension)
  -o, --output <file>    where to write (default, or -: stdout)
      --today <date>     the day marked as today on a timeline, YYYY-MM-DD (default: today)
  -h, --help             show this help

${OUTPUT_EXIT_CODES}
`;

const OPTIONS = OUTPUT_OPTIONS;

const EXTENSION_ALIASES: Record<string, string> = { ical: 'ics', htm: 'html' };

function chosenFormat(format: string | boolean | undefined, output: string | undefined): ExportFormat {
  const extension = output && output !== '-' ? extname(output).toLowerCase().slice(1) : undefined;
  const fromExtension = extension === undefined ? undefined : (EXTENSION_ALIASES[extension] ?? extension);
  const chosen = typeof format === 'string' ? format : fromExtension;
  if (chosen === undefined) throw new UsageError('which format? Pass --format ics|csv|svg|html, or name the output file .ics, .csv, .svg or .html.');
  if (!isExportFormat(chosen)) throw new UsageError(`unknown format \`${chosen}\`: use ics, csv, svg or html.${didYouMean(chosen, EXPORT_FORMATS)}`);
  return chosen;
}

export const exportCommand: Command = {
  summary: 'export a plan as an iCalendar (.ics) or CSV file (or its timeline as SVG/HTML)',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'which plan? Give one plan file.' : 'export takes one plan file at a time.');
    const output = typeof values.output === 'string' ? values.output : undefined;
    const format = chosenFormat(values.format, output);
    const today = typeof values.today === 'string' ? values.today : localToday();
    if (!isIsoDate(today)) throw new UsageError(`--today needs a date written YYYY-MM-DD, not \`${today}\``);

    const workspace = await cliWorkspace(io, undefined);
    if (!workspace) return ExitCode.UsageOrInput;
    const input = await readPlanInput(io, positionals[0]!, workspace);
    if (!input) return ExitCode.UsageOrInput;
    const warning = syntaxWarning(input);
    if (warning) io.stderr(`throughline: warning: ${warning}; the export holds what could be read.\n`);
    const result = exportPlan({ uri: input.path, version: 0, analysis: input.analysis }, format, { today, planKey: basename(input.path), source: input.shown });
    const written = writeOutput(io, output, result.content);
    if (written === false) return ExitCode.UsageOrInput;
    for (const note of result.notes) io.stderr(`throughline: note: ${note}\n`);
    if (written !== undefined) io.stderr(`Wrote ${written} (${result.summary}).\n`);
    return ExitCode.Ok;
  },
};
