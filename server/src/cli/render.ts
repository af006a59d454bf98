import { extname } from 'node:path';
import { buildTimeline, isIsoDate, isPortfolioFileName, renderHtml, renderSvg } from '../core/index.js';
import { parseCommandArgs } from './args.js';
import { asOfOption } from './check/checkCommand.js';
import { ExitCode, UsageError, type Command } from './command.js';
import { localToday, OUTPUT_EXIT_CODES, OUTPUT_OPTIONS, writeOutput } from './output.js';
import { readPlanInput } from './planInput.js';
import { renderPortfolio } from './renderPortfolio.js';
import { cliWorkspace } from './workspace.js';

const HELP = `Usage: throughline render <plan|portfolio> -o <file.svg|file.html> [options]

Draws the plan's channels as a timeline: bars by date in journey-stage lanes, dependency
arrows, the critical path, the deadline and today, measurement-ready dates, the budget per
channel and a marker on every channel with problems; for a plan after launch, the as-of
date, each bar filled to its burn, KPI pace, and a monthly chart of phased, committed and
actual spend. The same picture as the editor's timeline preview. An .html file is
self-contained (no scripts, nothing loaded from elsewhere) and also lists every problem.

A portfolio (*.portfolio.yaml) is drawn as the portfolio timeline: one lane per plan with
its period and channels, the portfolio objective's deadline, each plan's budget and share
of the portfolio budget, and its problem count; the .html page also lists the plans.

Options:
  -o, --output <file>   where to write: a .svg or .html file, or - for SVG on stdout
  -f, --format <format> svg or html (default: from the output file's extension)
      --today <date>    the day to mark as today, YYYY-MM-DD (default: today)
      --as-of <date>    read actuals as of this day, YYYY-MM-DD (default: the plan's
                        as_of, else today)
  -h, --help            show this help

${OUTPUT_EXIT_CODES}
`;

const OPTIONS = { ...OUTPUT_OPTIONS, 'as-of': { type: 'string' } } as const;

function renderOptions(values: Record<string, string | boolean | undefined>, positionals: string[]) {
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'which plan? Give one plan file.' : 'render takes one plan file at a time.');
  const output = values.output;
  if (typeof output !== 'string' || output === '') throw new UsageError('where to? Give the output file with -o <file.svg|file.html>.');
  const extension = extname(output).toLowerCase().slice(1);
  const format = typeof values.format === 'string' ? values.format : output === '-' ? 'svg' : extension === 'htm' ? 'html' : extension;
  if (format !== 'svg' && format !== 'html')
    throw new UsageError(`cannot tell the format from \`${output}\`: name it .svg or .html, or pass --format svg|html.`);
  const today = typeof values.today === 'string' ? values.today : localToday();
  if (!isIsoDate(today)) throw new UsageError(`--today needs a date written YYYY-MM-DD, not \`${today}\``);
  return { plan: positionals[0]!, output, format: format as 'svg' | 'html', today, asOf: asOfOption(values['as-of']) };
}

export const renderCommand: Command = {
  summary: 'draw a plan, or a portfolio of plans, as a timeline (SVG, or self-contained HTML)',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    const options = renderOptions(values, positionals);
    const workspace = await cliWorkspace(io, undefined);
    if (!workspace) return ExitCode.UsageOrInput;
    const input = await readPlanInput(io, options.plan, workspace, options.asOf);
    if (!input) return ExitCode.UsageOrInput;
    const portfolio = isPortfolioFileName(input.path) ? input.analysis.portfolio : undefined;
    if (portfolio) return renderPortfolio(io, input, portfolio, workspace, { output: options.output, format: options.format });
    const timeline = buildTimeline({ uri: input.path, version: 0, analysis: input.analysis }, { today: options.today });
    const content = options.format === 'html' ? renderHtml(timeline, { source: input.shown }) : `${renderSvg(timeline, { embedStyle: true })}\n`;
    const written = writeOutput(io, options.output, content);
    if (written === false) return ExitCode.UsageOrInput;
    if (written === undefined) return ExitCode.Ok;
    const channels = timeline.bars.length + timeline.undated.length;
    io.stderr(
      `Wrote ${written} (${channels} channel${channels === 1 ? '' : 's'}, ${timeline.problems.length} problem${timeline.problems.length === 1 ? '' : 's'}).\n`,
    );
    return ExitCode.Ok;
  },
};
