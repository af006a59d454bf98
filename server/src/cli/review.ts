import { buildReviewPack, didYouMean, REVIEW_CADENCES, renderReviewHtml, renderReviewMarkdown, type ReviewCadence } from '../core/index.js';
import { parseCommandArgs } from './args.js';
import { asOfOption } from './check/checkCommand.js';
import { ExitCode, UsageError, type Command } from './command.js';
import { writeOutput } from './output.js';
import { readPlanInput } from './planInput.js';
import { cliWorkspace } from './workspace.js';

const FORMATS = ['md', 'html', 'json'] as const;

const HELP = `Usage: throughline review <plan> [options]

Writes the agenda of the plan's review rhythm from the plan and its actuals:
  weekly     blockers: channels starting in the next 14 days whose upstream dependency
             is not finished or late, whose measurement is not ready, or whose KPI
             actuals are stale
  monthly    tracking to the objective: every KPI with its latest actual, pace,
             forecast at the deadline, owner and trace to the objective
  quarterly  investment: phased against money out by channel and type, over- and
             under-spenders, and reallocation candidates as questions for the meeting
Markdown renders as-is in a GitHub issue or pull request; HTML is one self-contained
page (no scripts, nothing loaded from elsewhere); JSON is documented in docs/cli.md.

Options:
      --as-of <date>      read actuals as of this day, YYYY-MM-DD (default: the plan's
                          as_of, else today)
      --cadence <c>       weekly, monthly or quarterly (default: all three)
  -f, --format <format>   md (default), html or json
  -o, --output <file>     write to this file (default: stdout)
  -h, --help              show this help

Exit codes: 0 written; 2 a usage error, or a plan or output that could not be read or written.
`;

const OPTIONS = {
  'as-of': { type: 'string' },
  cadence: { type: 'string' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

function reviewOptions(values: Record<string, string | boolean | undefined>, positionals: string[]) {
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'which plan? Give one plan file.' : 'review takes one plan file at a time.');
  const format = typeof values.format === 'string' ? values.format : 'md';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`unknown format \`${format}\`: use md, html or json.${didYouMean(format, FORMATS)}`);
  const cadence = values.cadence;
  if (cadence !== undefined && !(REVIEW_CADENCES as readonly string[]).includes(String(cadence)))
    throw new UsageError(`unknown cadence \`${String(cadence)}\`: use weekly, monthly or quarterly.${didYouMean(String(cadence), REVIEW_CADENCES)}`);
  const output = typeof values.output === 'string' && values.output !== '-' ? values.output : undefined;
  return {
    plan: positionals[0]!,
    format: format as (typeof FORMATS)[number],
    cadences: cadence === undefined ? REVIEW_CADENCES : [cadence as ReviewCadence],
    asOf: asOfOption(values['as-of']),
    output,
  };
}

export const reviewCommand: Command = {
  summary: 'write the weekly, monthly and quarterly review pack (Markdown, HTML or JSON)',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    const options = reviewOptions(values, positionals);
    const workspace = await cliWorkspace(io, undefined);
    if (!workspace) return ExitCode.UsageOrInput;
    const input = await readPlanInput(io, options.plan, workspace, options.asOf);
    if (!input) return ExitCode.UsageOrInput;
    const pack = buildReviewPack(input.analysis, options.cadences);
    const content =
      options.format === 'json'
        ? `${JSON.stringify(pack, null, 2)}\n`
        : options.format === 'html'
          ? renderReviewHtml(pack, input.shown)
          : renderReviewMarkdown(pack);
    const written = writeOutput(io, options.output, content);
    if (written === false) return ExitCode.UsageOrInput;
    if (written !== undefined) io.stderr(`Wrote ${written}.\n`);
    return ExitCode.Ok;
  },
};
