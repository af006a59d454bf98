import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { codeSpan, DEFAULT_DOCS_BASE, escapeMarkdown } from '../../core/index.js';
import { checkCommand } from '../check/checkCommand.js';
import { discoverPlans } from '../check/discoverPlans.js';
import { ExitCode, UsageError, type CliIo, type Command } from '../command.js';
import { diffCommand } from '../diff/diffCommand.js';
import { displayPath } from '../formatters/paths.js';
import { annotation, appendSummary, booleanInput, input, listInput, pullRequestBase, setOutputs, type Env } from './workflow.js';

const HELP = `Usage: throughline github-action

The entry of the GitHub Action (action.yml in this repository): reads its inputs from the
INPUT_* variables the runner sets, checks the plans, writes SARIF to a file for upload,
annotates the problems, writes a Markdown job summary ($GITHUB_STEP_SUMMARY: problems by
file and, on a pull request, what changed in each plan since the base), and sets the
outputs errors, warnings and sarif-file ($GITHUB_OUTPUT). Its exit code is that of
\`throughline check\`. Inputs are documented in action.yml and docs/ci.md.
`;

/** What `throughline check` printed when run in-process. */
interface Captured {
  code: ExitCode;
  stdout: string;
  stderr: string;
}

async function capture(command: Command, args: string[], cwd: string): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) };
  try {
    return { code: await command.run(args, io), stdout, stderr };
  } catch (error) {
    // A bad input (format, max-warnings …) reaches the command as a bad option.
    if (!(error instanceof UsageError)) throw error;
    return { code: ExitCode.UsageOrInput, stdout: '', stderr: `${error.message.replace(/--([a-z-]+)/g, 'input `$1`')}\n` };
  }
}

interface SarifResult {
  ruleId: string;
  level: 'error' | 'warning' | 'note';
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } };
  }[];
}
interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; helpUri: string; help: { text: string } }[] } };
    invocations: { toolExecutionNotifications: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    results: SarifResult[];
  }[];
}

/** Rule links go to the published pages: a path on the runner means nothing in code scanning. */
function withPublishedRuleLinks(log: SarifLog): SarifLog {
  for (const rule of log.runs[0]?.tool.driver.rules ?? []) {
    const helpUri = `${DEFAULT_DOCS_BASE}${rule.id}.md`;
    rule.help.text = rule.help.text.replace(rule.helpUri, helpUri);
    rule.helpUri = helpUri;
  }
  return log;
}

const MAX_ANNOTATIONS = 50;
const MAX_SUMMARY_PROBLEMS = 300;
const ICONS = { error: '✖', warning: '⚠', note: 'ℹ' } as const;

function fileOf(result: SarifResult): string {
  return decodeURIComponent(result.locations[0]?.physicalLocation.artifactLocation.uri ?? '');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function problemsSummary(log: SarifLog, plans: number): string {
  const run = log.runs[0]!;
  const byFile = new Map<string, SarifResult[]>();
  for (const result of run.results) byFile.set(fileOf(result), [...(byFile.get(fileOf(result)) ?? []), result]);
  const count = (results: SarifResult[], level: SarifResult['level']) => results.filter((result) => result.level === level).length;
  const [errors, warnings] = [count(run.results, 'error'), count(run.results, 'warning')];
  const notChecked = run.invocations[0]?.toolExecutionNotifications ?? [];
  const lines = ['## Throughline', ''];
  if (run.results.length === 0) lines.push(`✔ No problems in ${plural(plans, 'plan')}.`, '');
  else
    lines.push(
      `${errors > 0 ? '✖' : '⚠'} ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(byFile.size, 'plan')} of ${plans} checked.`,
      '',
    );
  if (byFile.size > 0) {
    lines.push('| plan | errors | warnings | other |', '| --- | ---: | ---: | ---: |');
    for (const [file, results] of byFile)
      lines.push(`| ${codeSpan(file, 200)} | ${count(results, 'error')} | ${count(results, 'warning')} | ${count(results, 'note')} |`);
    lines.push('');
    let shown = 0;
    for (const [file, results] of byFile) {
      lines.push(`<details><summary>${escapeMarkdown(file)} (${plural(results.length, 'problem')})</summary>`, '');
      for (const result of results.slice(0, Math.max(0, MAX_SUMMARY_PROBLEMS - shown))) {
        const line = result.locations[0]?.physicalLocation.region.startLine ?? 0;
        lines.push(`- ${ICONS[result.level]} line ${line}: ${escapeMarkdown(result.message.text).replace(/@/g, '@\u200b')} (${codeSpan(result.ruleId)})`);
        shown++;
      }
      if (shown >= MAX_SUMMARY_PROBLEMS) lines.push(`- … the SARIF file has the rest`);
      lines.push('', '</details>', '');
    }
  }
  if (notChecked.length > 0) {
    lines.push('**Could not be checked**', '');
    for (const notification of notChecked) {
      const uri = decodeURIComponent(notification.locations[0]?.physicalLocation.artifactLocation.uri ?? '');
      lines.push(`- ${codeSpan(uri, 200)}: ${escapeMarkdown(notification.message.text)}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function git(cwd: string, args: string[]): boolean {
  try {
    execFileSync('git', args, { cwd, stdio: 'ignore', timeout: 120_000 });
    return true;
  } catch {
    return false;
  }
}

/** The commit to diff against, fetched when a shallow checkout does not have it; or why there is none. */
function diffBase(env: Env, cwd: string): { ref: string; label: string } | { note: string } | undefined {
  const explicit = input(env, 'base');
  const pr = pullRequestBase(env);
  const wanted = explicit ?? pr?.sha ?? (pr?.ref ? `origin/${pr.ref}` : undefined);
  if (!wanted) return undefined;
  const label = explicit ?? pr?.ref ?? wanted;
  if (wanted.startsWith('-')) return { note: `\`${wanted}\` is not a git ref.` };
  if (git(cwd, ['cat-file', '-e', `${wanted}^{commit}`])) return { ref: wanted, label };
  if (
    /^[0-9a-f]{40,64}$/i.test(wanted) &&
    git(cwd, ['fetch', '--no-tags', '--depth=1', 'origin', wanted]) &&
    git(cwd, ['cat-file', '-e', `${wanted}^{commit}`])
  ) {
    return { ref: wanted, label };
  }
  return { note: `The base ${codeSpan(label)} is not in this checkout, so the plan changes are not shown. Check out with \`fetch-depth: 0\`.` };
}

export const actionCommand: Command = {
  summary: 'run as a GitHub Actions step (inputs from INPUT_* variables; see action.yml)',
  help: HELP,
  async run(args, io) {
    if (args.includes('-h') || args.includes('--help')) {
      io.stdout(HELP);
      return ExitCode.Ok;
    }
    const env: Env = process.env;
    const workspace = env.GITHUB_WORKSPACE || io.cwd;
    const cwd = resolve(workspace, input(env, 'working-directory') ?? '.');
    let annotate: boolean;
    let showDiff: boolean;
    try {
      annotate = booleanInput(env, 'annotations', true);
      showDiff = booleanInput(env, 'diff', true);
    } catch (error) {
      io.stdout(annotation({ level: 'error', message: (error as Error).message }));
      return ExitCode.UsageOrInput;
    }
    const paths = listInput(env, 'paths');
    const options = [
      ...(input(env, 'config') ? [`--config=${input(env, 'config')}`] : []),
      ...(input(env, 'max-warnings') ? [`--max-warnings=${input(env, 'max-warnings')}`] : []),
    ];
    const checkArgs = [...options, '--', ...(paths.length > 0 ? paths : ['.'])];
    const format = input(env, 'format') ?? 'text';

    const sarifRun = await capture(checkCommand, ['--format', 'sarif', ...checkArgs], cwd);
    if (sarifRun.code === ExitCode.UsageOrInput && sarifRun.stdout === '') {
      for (const line of sarifRun.stderr.trim().split('\n')) io.stdout(annotation({ level: 'error', message: line }));
      return ExitCode.UsageOrInput;
    }
    const log = withPublishedRuleLinks(JSON.parse(sarifRun.stdout) as SarifLog);
    const sarifFile = resolve(cwd, input(env, 'sarif-file') ?? 'throughline.sarif');
    mkdirSync(dirname(sarifFile), { recursive: true });
    writeFileSync(sarifFile, `${JSON.stringify(log, null, 2)}\n`);

    // The report in the log, in the format asked for, and the problems of the input as warnings.
    const shown = format === 'sarif' ? sarifRun : await capture(checkCommand, ['--format', format, ...checkArgs], cwd);
    io.stdout(shown.stdout);
    for (const line of sarifRun.stderr.trim().split('\n').filter(Boolean)) io.stdout(annotation({ level: 'warning', message: line }));
    if (shown !== sarifRun && shown.code === ExitCode.UsageOrInput && shown.stdout === '') {
      for (const line of shown.stderr.trim().split('\n')) io.stdout(annotation({ level: 'error', message: line }));
      return ExitCode.UsageOrInput;
    }

    const results = log.runs[0]!.results;
    if (annotate) {
      for (const level of ['error', 'warning'] as const) {
        for (const result of results.filter((entry) => entry.level === level).slice(0, MAX_ANNOTATIONS)) {
          const region = result.locations[0]?.physicalLocation.region;
          const file = displayPath(workspace, resolve(cwd, fileOf(result)));
          io.stdout(
            annotation({
              level,
              message: result.message.text,
              file,
              line: region?.startLine,
              col: region?.startColumn,
              endLine: region?.endLine,
              endColumn: region?.endColumn,
              title: `Throughline: ${result.ruleId}`,
            }),
          );
        }
      }
    }

    const plans = (await discoverPlans(paths.length > 0 ? paths : ['.'], cwd)).files.length;
    const summary = [problemsSummary(log, plans)];
    const base = showDiff ? diffBase(env, cwd) : undefined;
    if (base && 'note' in base) summary.push('## Plan changes', '', base.note, '');
    else if (base) {
      const diff = await capture(diffCommand, ['--base', base.ref, '--format', 'md', ...checkArgs.slice(checkArgs.indexOf('--'))], cwd);
      summary.push(`## Plan changes since ${codeSpan(base.label)}`, '', diff.stdout || escapeMarkdown(diff.stderr.trim()), '');
      if (diff.stderr.trim()) for (const line of diff.stderr.trim().split('\n')) io.stdout(annotation({ level: 'warning', message: line }));
    }
    appendSummary(env, summary.join('\n'));

    const errors = results.filter((result) => result.level === 'error').length;
    const warnings = results.filter((result) => result.level === 'warning').length;
    setOutputs(env, { errors, warnings, 'sarif-file': displayPath(workspace, sarifFile) });
    return sarifRun.code;
  },
};
