import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import {
  buildTimeline,
  didYouMean,
  diffMarkdown,
  diffPlans,
  renderDiffHtml,
  renderDiffSvg,
  type Analysis,
  type PlanDiff,
  type PlanSide,
  isPlanFileName,
} from '../../core/index.js';
import { parseCommandArgs } from '../args.js';
import { discoverPlans } from '../check/discoverPlans.js';
import { readPlanFile, type PlanText } from '../check/readPlanFile.js';
import { ExitCode, UsageError, type CliIo, type Command } from '../command.js';
import { displayPath } from '../formatters/paths.js';
import { localToday, writeOutput } from '../output.js';
import { analyzePlanText } from '../planInput.js';
import { cliWorkspace, type CliWorkspace } from '../workspace.js';
import { GitProblem, plansAtBase, repoPath, resolveBase, showAtBase, type GitBase } from './git.js';

const HELP = `Usage: throughline diff <old-plan> <new-plan> [options]
       throughline diff --base <git-ref> [paths…] [options]

Says what changed between two versions of a plan, in the plan's terms: channels added,
removed, renamed (same content under a new id) or moved (by how many days), the plan's end
date and critical path, budgets, phasing and the share of the total by type, KPI targets,
baselines, ready_by dates and traces, owners, and the problems introduced and fixed (the
rules run on both versions, with the severities of today's .throughline.yaml).

With --base, each plan under the paths (plan files or directories, default: the current
directory) is compared with its version at the git ref; a plan the ref does not have is
an added plan, one that is gone is a removed plan. Unchanged plans are only counted.

Options:
      --base <ref>       compare with the plans at this git ref (branch, tag or commit)
  -f, --format <format>  md: Markdown for a pull request or a job summary (the default, unless
                         the output file is named .json, .svg or .html); json; svg or html:
                         the new timeline over outlines of the old bars (one plan)
  -o, --output <file>    where to write (default, or -: stdout)
      --today <date>     the day marked as today on a timeline, YYYY-MM-DD (default: today)
  -h, --help             show this help

Exit codes: 0 the comparison was written (whatever it found); 2 a usage error, a plan
that could not be read, or a git problem.
`;

const OPTIONS = {
  base: { type: 'string' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  today: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const FORMATS = ['md', 'json', 'svg', 'html'];

/** One plan compared: its two versions (either may be missing) and where they come from. */
interface Pair {
  before: PlanSide | undefined;
  after: PlanSide | undefined;
  baseLabel: string;
}

export const diffCommand: Command = {
  summary: 'say what changed between two versions of a plan (or since a git ref)',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    const output = typeof values.output === 'string' ? values.output : undefined;
    const extension =
      output && output !== '-'
        ? extname(output)
            .toLowerCase()
            .slice(1)
            .replace(/^htm$/, 'html')
            .replace(/^markdown$/, 'md')
        : '';
    const format = typeof values.format === 'string' ? values.format : FORMATS.includes(extension) ? extension : 'md';
    if (!FORMATS.includes(format)) throw new UsageError(`unknown format \`${format}\`: use md, json, svg or html.${didYouMean(format, FORMATS)}`);
    const today = typeof values.today === 'string' ? values.today : localToday();
    const base = typeof values.base === 'string' ? values.base : undefined;
    if (base === undefined && positionals.length !== 2) {
      throw new UsageError('compare what? Give the old and the new plan file, or --base <git-ref> and the plans to compare with it.');
    }

    const lookup = await cliWorkspace(io, undefined);
    if (!lookup) return ExitCode.UsageOrInput;
    const problems: string[] = [];
    let pairs: Pair[];
    try {
      pairs =
        base === undefined ? await filePair(io, positionals as [string, string], lookup, problems) : await basePairs(io, base, positionals, lookup, problems);
    } catch (error) {
      if (!(error instanceof GitProblem)) throw error;
      io.stderr(`throughline: ${error.message}\n`);
      return ExitCode.UsageOrInput;
    }
    for (const problem of problems) io.stderr(`throughline: ${problem}\n`);
    const diffs = pairs.map((pair) => diffPlans(pair.before, pair.after));

    let content: string;
    if (format === 'md') content = diffMarkdown(diffs);
    else if (format === 'json') content = `${JSON.stringify({ base: base ?? null, plans: diffs }, null, 2)}\n`;
    else {
      if (pairs.length !== 1) {
        io.stderr(`throughline: --format ${format} draws one plan, and ${pairs.length} were compared: name one plan file.\n`);
        return ExitCode.UsageOrInput;
      }
      content = picture(pairs[0]!, diffs[0]!, format, today);
    }
    const written = writeOutput(io, output, content);
    if (written === false) return ExitCode.UsageOrInput;
    if (written !== undefined) io.stderr(`Wrote ${written} (${diffs.length} plan${diffs.length === 1 ? '' : 's'} compared).\n`);
    return problems.length > 0 ? ExitCode.UsageOrInput : ExitCode.Ok;
  },
};

async function side(
  text: PlanText,
  path: string,
  shown: string,
  lookup: CliWorkspace,
  problems: string[],
  what: string,
): Promise<PlanSide | undefined | false> {
  if ('problem' in text) {
    problems.push(`${shown}${what}: ${text.problem}`);
    return false;
  }
  const analysis: Analysis = await analyzePlanText(text.text, path, lookup);
  return { info: { path: shown, title: analysis.model.title?.value ?? null }, analysis };
}

async function filePair(io: CliIo, [oldPlan, newPlan]: [string, string], lookup: CliWorkspace, problems: string[]): Promise<Pair[]> {
  const sides: (PlanSide | undefined | false)[] = [];
  for (const plan of [oldPlan, newPlan]) {
    const path = resolve(io.cwd, plan);
    const shown = displayPath(io.cwd, path);
    sides.push(await side(await readPlanFile(path), path, shown, lookup, problems, ''));
  }
  if (sides.includes(false)) return [];
  return [{ before: sides[0] || undefined, after: sides[1] || undefined, baseLabel: displayPath(io.cwd, resolve(io.cwd, oldPlan)) }];
}

async function basePairs(io: CliIo, ref: string, paths: string[], lookup: CliWorkspace, problems: string[]): Promise<Pair[]> {
  const inputs = paths.length > 0 ? paths : ['.'];
  const gitBase = resolveBase(io.cwd, ref);
  const discovery = await discoverPlans(inputs, io.cwd);
  const byRepoPath = new Map<string, string>();
  for (const file of discovery.files) {
    const inRepo = repoPath(gitBase, file);
    if (inRepo === undefined) problems.push(`${displayPath(io.cwd, file)}: not in the git repository at ${gitBase.root}, so it has no version at \`${ref}\``);
    else byRepoPath.set(inRepo, file);
  }
  // A path that no longer exists may still name a plan (or a folder of plans) the base has.
  const prefixes = inputs.map((input) => repoPath(gitBase, resolve(io.cwd, input))).filter((path) => path !== undefined);
  for (const path of plansAtBase(gitBase, prefixes, isPlanFileName)) {
    if (!byRepoPath.has(path)) byRepoPath.set(path, resolve(gitBase.root, ...path.split('/')));
  }
  for (const problem of discovery.problems) {
    const inRepo = repoPath(gitBase, problem.path);
    const gone =
      problem.message === 'no such file or directory' &&
      inRepo !== undefined &&
      [...byRepoPath.keys()].some((path) => path === inRepo || path.startsWith(`${inRepo}/`));
    if (!gone) problems.push(`${displayPath(io.cwd, problem.path)}: ${problem.message}`);
  }
  const pairs: Pair[] = [];
  for (const [inRepo, absolute] of [...byRepoPath].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    pairs.push(await basePair(io, gitBase, inRepo, absolute, lookup, problems));
  }
  return pairs.filter((pair) => pair.before || pair.after);
}

async function basePair(io: CliIo, gitBase: GitBase, inRepo: string, absolute: string, lookup: CliWorkspace, problems: string[]): Promise<Pair> {
  const shown = displayPath(io.cwd, absolute);
  const old = showAtBase(gitBase, inRepo);
  const before = old === undefined ? undefined : await side(old, absolute, shown, lookup, problems, ` at ${gitBase.ref}`);
  const after = existsSync(absolute) ? await side(await readPlanFile(absolute), absolute, shown, lookup, problems, '') : undefined;
  return { before: before || undefined, after: after || undefined, baseLabel: gitBase.ref };
}

function picture(pair: Pair, diff: PlanDiff, format: string, today: string): string {
  const timelineOf = (planSide: PlanSide) => buildTimeline({ uri: planSide.info.path, version: 0, analysis: planSide.analysis }, { today });
  const current = pair.after ?? pair.before!;
  const input = { diff, after: timelineOf(current), before: pair.after && pair.before ? timelineOf(pair.before) : undefined, baseLabel: pair.baseLabel };
  return format === 'svg' ? renderDiffSvg(input) : renderDiffHtml(input, current.info.path);
}
