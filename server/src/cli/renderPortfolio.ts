import { fileURLToPath } from 'node:url';
import { buildPortfolioTimeline, portfolioTimelineInput, renderPortfolioHtml, renderPortfolioSvg, type Analysis } from '../core/index.js';
import { ExitCode, type CliIo } from './command.js';
import { writeOutput } from './output.js';
import { readPlanInput, type PlanInput } from './planInput.js';
import type { CliWorkspace } from './workspace.js';

// `throughline render <x>.portfolio.yaml`: the portfolio timeline, one lane per member plan,
// each plan checked once for its problem count. Entries that name no plan are warned about
// (their lanes are missing); `throughline check` reports them as diagnostics.

export async function renderPortfolio(
  io: CliIo,
  input: PlanInput,
  portfolio: NonNullable<Analysis['portfolio']>,
  workspace: CliWorkspace,
  options: { output: string; format: 'svg' | 'html' },
): Promise<ExitCode> {
  for (const problem of portfolio.problems) io.stderr(`throughline: warning: ${input.shown}:${problem.range.start.line + 1}: ${problem.message}\n`);
  const problems = new Map<string, number>();
  for (const member of portfolio.members) {
    const plan = await readPlanInput(io, fileURLToPath(member.uri), workspace);
    if (plan) problems.set(member.uri, plan.analysis.diagnostics.length);
  }
  const model = buildPortfolioTimeline(portfolioTimelineInput(portfolio, (uri) => problems.get(uri)));
  const content = options.format === 'html' ? renderPortfolioHtml(model, { source: input.shown }) : `${renderPortfolioSvg(model, { embedStyle: true })}\n`;
  const written = writeOutput(io, options.output, content);
  if (written === false) return ExitCode.UsageOrInput;
  if (written === undefined) return ExitCode.Ok;
  const channels = model.lanes.reduce((sum, lane) => sum + lane.channels.length + lane.hidden + lane.undated, 0);
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  io.stderr(`Wrote ${written} (${count(model.lanes.length, 'plan')}, ${count(channels, 'channel')}).\n`);
  return ExitCode.Ok;
}
