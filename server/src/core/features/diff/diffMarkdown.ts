import { parseIsoDate, plural } from '../../text/dates.js';
import { codeSpan as code, escapeMarkdown } from '../../text/markdown.js';
import { longDate } from '../timeline/axis.js';
import { formatMoney, formatPercent } from '../../text/money.js';
import { hasChanges, type ChannelChange, type DiffProblem, type DiffValue, type FieldChange, type PlanDiff } from './types.js';

// A plan diff as GitHub-flavoured Markdown, for a pull request comment or a job summary: one
// heading and one summary line per plan, the details folded in <details>. Plan text is escaped
// (no formatting, HTML, links or images from the plan; `@` cannot mention anyone), ids are
// code spans, and long lists stop at MAX_ITEMS so a comment stays within GitHub's limits.

const MAX_ITEMS = 50;

/** Free text from the plan, shown as written. */
function text(value: string, max = 300): string {
  return escapeMarkdown(value.length > max ? `${value.slice(0, max)}…` : value).replace(/@/g, '@\u200b');
}

function date(value: string | null): string {
  if (value === null) return 'none';
  const day = parseIsoDate(value);
  return day === undefined ? text(value) : longDate(day);
}

function amount(value: number | null, currency: string | null): string {
  return value === null ? 'none' : text(formatMoney(value, currency ?? undefined));
}

function shown(value: DiffValue): string {
  if (value === null) return '*none*';
  if (Array.isArray(value)) return value.length === 0 ? '*none*' : value.map((item) => code(item)).join(', ');
  if (typeof value === 'number') return text(String(value));
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? date(value) : text(value);
}

function fieldLine(change: FieldChange): string {
  return `${code(change.field)}: ${shown(change.before)} → ${shown(change.after)}`;
}

function days(count: number): string {
  return plural(Math.abs(count), 'day');
}

function shift(label: string, count: number): string {
  return count === 0 ? '' : `${label} ${days(count)} ${count > 0 ? 'later' : 'earlier'}`;
}

function movedLine(channel: ChannelChange): string | undefined {
  const moved = channel.moved;
  if (!moved) return undefined;
  const parts = [shift('starts', moved.startDays), shift('ends', moved.endDays)].filter(Boolean);
  const { before, after } = moved.days;
  if (before !== after) parts.push(`runs ${plural(after ?? 0, 'day')} (was ${before})`);
  return `${parts.join(', ')} (${date(channel.before.start)} – ${date(channel.before.end)} → ${date(channel.after.start)} – ${date(channel.after.end)})`;
}

function limited(lines: string[]): string[] {
  return lines.length > MAX_ITEMS ? [...lines.slice(0, MAX_ITEMS), `- … and ${lines.length - MAX_ITEMS} more`] : lines;
}

function section(title: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : [`**${title}**`, '', ...limited(lines), ''];
}

function counted(count: number, noun: string, verb: string): string {
  return count === 0 ? '' : `${count} ${noun}${count === 1 ? '' : 's'} ${verb}`;
}

function problemCounts(diff: PlanDiff): string {
  const { before, after } = diff.problems;
  const part = (kind: 'error' | 'warning') => (before[kind] === after[kind] ? plural(after[kind], kind) : `${kind}s ${before[kind]} → ${after[kind]}`);
  return `${part('error')}, ${part('warning')}`;
}

/** The one line under the heading: the changes that matter most, in order. */
function summaryLine(diff: PlanDiff): string {
  if (diff.status === 'unchanged') return 'No changes.';
  const { channels, kpis, money, schedule, problems } = diff;
  const moved = channels.changed.filter((channel) => channel.moved).length;
  const parts = [
    diff.status === 'added' ? 'New plan' : diff.status === 'removed' ? 'Plan removed' : '',
    diff.status === 'added' || diff.status === 'removed' ? '' : counted(moved, 'channel', 'moved'),
    diff.status === 'added' ? plural(channels.added.length, 'channel') : counted(channels.added.length, 'channel', 'added'),
    diff.status === 'removed' ? '' : counted(channels.removed.length, 'channel', 'removed'),
    counted(channels.renamed.length, 'channel', 'renamed'),
    counted(channels.changed.filter((channel) => channel.fields.length > 0).length, 'channel', 'changed'),
    counted(kpis.added.length, 'KPI', 'added'),
    counted(kpis.removed.length, 'KPI', 'removed'),
    counted(kpis.renamed.length, 'KPI', 'renamed'),
    counted(kpis.changed.length, 'KPI', 'changed'),
    counted(diff.owners.length, 'owner', 'changed'),
    money.total.before !== money.total.after ? `budget ${amount(money.total.before, money.currency)} → ${amount(money.total.after, money.currency)}` : '',
    diff.status === 'changed' && schedule.end.before !== schedule.end.after ? `ends ${date(schedule.end.before)} → ${date(schedule.end.after)}` : '',
    problems.introduced.length + problems.fixed.length > 0
      ? `problems: ${problems.introduced.length} introduced, ${problems.fixed.length} fixed (${problemCounts(diff)})`
      : `${problemCounts(diff)}`,
  ].filter(Boolean);
  return parts.join(' · ');
}

function problemLine(problem: DiffProblem): string {
  const where = problem.channel !== undefined ? ` (channel ${code(problem.channel)})` : problem.kpi !== undefined ? ` (KPI ${code(problem.kpi)})` : '';
  return `- ${problem.severity} ${code(problem.rule)}${where}, line ${problem.line}: ${text(problem.message, 1000)}`;
}

function detailLines(diff: PlanDiff): string[] {
  const { channels, kpis, money, schedule, problems } = diff;
  const currency = money.currency;
  const channelLines = [
    ...channels.added.map(
      (channel) =>
        `- added ${code(channel.id)}${channel.type ? ` (${text([channel.type, channel.mode].filter(Boolean).join(', '))})` : ''}: ${date(channel.start)} – ${date(channel.end)}${channel.budget === null ? '' : `, ${amount(channel.budget, currency)}`}`,
    ),
    ...channels.removed.map((channel) => `- removed ${code(channel.id)} (was ${date(channel.start)} – ${date(channel.end)})`),
    ...channels.renamed.map((rename) => `- renamed ${code(rename.from)} → ${code(rename.to)}`),
    ...channels.changed.flatMap((channel) => {
      const lines = [movedLine(channel), ...channel.fields.map(fieldLine)].filter((line) => line !== undefined);
      return [`- ${code(channel.id)}${channel.was ? ` (was ${code(channel.was)})` : ''}: ${lines.join('; ')}`];
    }),
  ];
  const path = (ids: string[] | null) => (ids ?? []).map((item) => code(item)).join(' → ') || '*none*';
  const pathChanged = JSON.stringify(schedule.criticalPath.before) !== JSON.stringify(schedule.criticalPath.after);
  const scheduleLines =
    diff.status !== 'changed'
      ? []
      : [
          ...(schedule.end.before !== schedule.end.after ? [`- last channel ends: ${date(schedule.end.before)} → ${date(schedule.end.after)}`] : []),
          ...(pathChanged
            ? [`- critical path now: ${path(schedule.criticalPath.after)}`, `- critical path before: ${path(schedule.criticalPath.before)}`]
            : []),
        ];
  const share = (value: number | null) => (value === null ? '' : ` (${formatPercent(value, 1)})`);
  const moneyRows = [
    ...(money.total.before !== money.total.after ? [`| total | ${amount(money.total.before, currency)} | ${amount(money.total.after, currency)} |`] : []),
    ...(money.allocated.before !== money.allocated.after
      ? [`| allocated to channels | ${amount(money.allocated.before, currency)} | ${amount(money.allocated.after, currency)} |`]
      : []),
    ...money.byType.map(
      (entry) =>
        `| ${entry.type} | ${amount(entry.before.amount, currency)}${share(entry.before.share)} | ${amount(entry.after.amount, currency)}${share(entry.after.share)} |`,
    ),
    ...money.channels.map((entry) => `| ${code(entry.id)} | ${amount(entry.before, currency)} | ${amount(entry.after, currency)} |`),
    ...money.phasing.map((entry) => `| ${code(entry.channel)} ${entry.month} | ${amount(entry.before, currency)} | ${amount(entry.after, currency)} |`),
  ];
  const kpiLines = [
    ...kpis.added.map((kpi) => `- added ${code(kpi.id)}${kpi.tracesTo ? ` → ${code(kpi.tracesTo)}` : ''}`),
    ...kpis.removed.map((kpi) => `- removed ${code(kpi.id)}`),
    ...kpis.renamed.map((rename) => `- renamed ${code(rename.from)} → ${code(rename.to)}`),
    ...kpis.changed.map((kpi) => `- ${code(kpi.id)}${kpi.was ? ` (was ${code(kpi.was)})` : ''}: ${kpi.fields.map(fieldLine).join('; ')}`),
  ];
  const ownerLines = diff.owners.map(
    (owner) =>
      `- ${owner.what === 'plan' ? 'plan' : `${owner.what} ${code(owner.id)}`}: ${owner.before === null ? '*none*' : text(owner.before)} → ${owner.after === null ? '*none*' : text(owner.after)}`,
  );
  return [
    ...section(
      'Plan',
      diff.plan.map((change) => `- ${fieldLine(change)}`),
    ),
    ...section('Channels', channelLines),
    ...section('Schedule', scheduleLines),
    ...(moneyRows.length > 0 ? ['**Money**', '', '| | before | after |', '| --- | ---: | ---: |', ...limited(moneyRows), ''] : []),
    ...section('KPIs', kpiLines),
    ...section('Owners', ownerLines),
    ...section(`Problems introduced (${problems.introduced.length})`, problems.introduced.map(problemLine)),
    ...section(`Problems fixed (${problems.fixed.length})`, problems.fixed.map(problemLine)),
  ];
}

export interface DiffMarkdownOptions {
  /** Heading level of each plan (default 3). */
  level?: number;
  /** Also list the plans that did not change (default: counted in one line). */
  showUnchanged?: boolean;
}

export function diffMarkdown(diffs: PlanDiff[], options: DiffMarkdownOptions = {}): string {
  const hashes = '#'.repeat(options.level ?? 3);
  const blocks: string[] = [];
  let unchanged = 0;
  for (const diff of diffs) {
    if (!hasChanges(diff) && diff.status !== 'unparsable' && !options.showUnchanged) {
      unchanged++;
      continue;
    }
    const path = diff.after?.path ?? diff.before?.path ?? 'plan';
    const title = diff.after?.title ?? diff.before?.title;
    const lines = [`${hashes} ${code(path)}${title ? ` · ${text(title)}` : ''}`, ''];
    for (const problem of diff.parseProblems) {
      lines.push(
        `> **The ${problem.side === 'before' ? 'old' : 'new'} version does not parse** (line ${problem.line}: ${text(problem.message)}), so only its problems are compared. Fix the YAML to see what changed.`,
        '',
      );
    }
    lines.push(summaryLine(diff), '');
    const details = detailLines(diff);
    if (details.length > 0) lines.push('<details><summary>Details</summary>', '', ...details, '</details>', '');
    blocks.push(lines.join('\n'));
  }
  if (diffs.length === 0) return 'No plans to compare.\n';
  if (unchanged > 0) blocks.push(`${blocks.length > 0 ? 'Unchanged: ' : 'No plan changed: '}${plural(unchanged, 'plan')}.\n`);
  return blocks.join('\n');
}
