import { parseIsoDate, plural } from '../../text/dates.js';
import { longDate } from '../timeline/axis.js';
import { escapeXml, truncate } from '../timeline/escape.js';
import { formatMoney } from '../../text/money.js';
import { renderHtml } from '../timeline/renderHtml.js';
import { renderSvg } from '../timeline/renderSvg.js';
import type { TimelineModel } from '../timeline/types.js';
import { withBaseline } from './diffTimeline.js';
import type { DiffProblem, PlanDiff } from './types.js';

// The plan diff as a picture: the new timeline over ghost outlines of the old bars (SVG), and
// the same in a self-contained HTML page above a list of what changed (no script; every plan
// string escaped, as in the timeline export).

export interface DiffPictureInput {
  diff: PlanDiff;
  /** The new version's timeline (the old one's for a removed plan). */
  after: TimelineModel;
  /** The old version's timeline, when there is one. */
  before: TimelineModel | undefined;
  /** What the outlines are: `origin/main`, the old file's name. */
  baseLabel: string;
}

export function diffTimeline(input: DiffPictureInput): TimelineModel {
  return input.before ? withBaseline(input.after, input.before, input.diff, input.baseLabel) : input.after;
}

export function renderDiffSvg(input: DiffPictureInput): string {
  return `${renderSvg(diffTimeline(input), { embedStyle: true })}\n`;
}

const id = (value: string) => `<code>${escapeXml(truncate(value, 120))}</code>`;
const day = (value: string | null) => {
  const parsed = value === null ? undefined : parseIsoDate(value);
  return parsed === undefined ? escapeXml(value ?? 'none') : longDate(parsed);
};

function shift(days: number, what: string): string {
  return days === 0 ? '' : `${what} ${plural(Math.abs(days), 'day')} ${days > 0 ? 'later' : 'earlier'}`;
}

function problem(entry: DiffProblem): string {
  const where = entry.channel ? ` (channel ${id(entry.channel)})` : entry.kpi ? ` (KPI ${id(entry.kpi)})` : '';
  return `<li><span class="severity ${entry.severity}">${entry.severity}</span> ${escapeXml(truncate(entry.message, 1000))} <span class="code">(<code>${escapeXml(entry.rule)}</code>)</span>${where}</li>`;
}

/** The changes as escaped HTML list items, the most telling first. */
function changeItems(diff: PlanDiff): string[] {
  const { channels, money, schedule, kpis } = diff;
  const currency = money.currency ?? undefined;
  const cash = (value: number | null) => (value === null ? 'none' : escapeXml(formatMoney(value, currency)));
  return [
    ...diff.parseProblems.map(
      (entry) => `<li>The ${entry.side === 'before' ? 'old' : 'new'} version does not parse (line ${entry.line}: ${escapeXml(entry.message)}).</li>`,
    ),
    ...channels.changed
      .filter((channel) => channel.moved)
      .map(
        (channel) =>
          `<li>${id(channel.id)} ${[shift(channel.moved!.startDays, 'starts'), shift(channel.moved!.endDays, 'ends')].filter(Boolean).join(', ')}</li>`,
      ),
    ...channels.added.map((channel) => `<li>added ${id(channel.id)}: ${day(channel.start)} – ${day(channel.end)}</li>`),
    ...channels.removed.map((channel) => `<li>removed ${id(channel.id)}</li>`),
    ...channels.renamed.map((rename) => `<li>renamed ${id(rename.from)} → ${id(rename.to)}</li>`),
    ...(money.total.before !== money.total.after ? [`<li>budget ${cash(money.total.before)} → ${cash(money.total.after)}</li>`] : []),
    ...money.channels.map((entry) => `<li>${id(entry.id)} budget ${cash(entry.before)} → ${cash(entry.after)}</li>`),
    ...(diff.status === 'changed' && schedule.end.before !== schedule.end.after
      ? [`<li>the last channel ends ${day(schedule.end.before)} → ${day(schedule.end.after)}</li>`]
      : []),
    ...kpis.added.map((kpi) => `<li>KPI added ${id(kpi.id)}</li>`),
    ...kpis.removed.map((kpi) => `<li>KPI removed ${id(kpi.id)}</li>`),
    ...kpis.changed.map((kpi) => `<li>KPI ${id(kpi.id)}: ${kpi.fields.map((field) => escapeXml(field.field)).join(', ')} changed</li>`),
    ...diff.owners.map(
      (owner) =>
        `<li>${escapeXml(owner.what)} ${id(owner.id)} owner: ${escapeXml(truncate(owner.before ?? 'none', 120))} → ${escapeXml(truncate(owner.after ?? 'none', 120))}</li>`,
    ),
  ];
}

export function renderDiffHtml(input: DiffPictureInput, source: string): string {
  const { diff } = input;
  const changes = changeItems(diff);
  const problems = diff.problems;
  const intro = [
    `<h2>What changed against ${escapeXml(truncate(input.baseLabel, 200))}</h2>`,
    changes.length > 0 ? `<ul class="changes">${changes.slice(0, 200).join('')}</ul>` : '<p>No change to channels, money, KPIs or owners.</p>',
    `<h2>Problems introduced (${problems.introduced.length})</h2>`,
    problems.introduced.length > 0 ? `<ul class="problems">${problems.introduced.slice(0, 500).map(problem).join('')}</ul>` : '<p>None.</p>',
    `<h2>Problems fixed (${problems.fixed.length})</h2>`,
    problems.fixed.length > 0 ? `<ul class="problems">${problems.fixed.slice(0, 500).map(problem).join('')}</ul>` : '<p>None.</p>',
    '<h2>Timeline</h2>',
    '<p>Dashed outlines are the bars before the change; moved bars are outlined and an arrow runs from the old start to the new one.</p>',
  ].join('\n');
  return renderHtml(diffTimeline(input), { source, generator: 'throughline diff', intro });
}
