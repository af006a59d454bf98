import type { DependencyEdge } from '../model/dependencyGraph.js';
import { factsOf } from '../model/planFacts.js';
import type { WorkingCalendar } from '../model/workingDays.js';
import type { ChannelModel, PlanModel } from '../model/planModel.js';
import { earliestStartAllowed } from '../model/schedule.js';
import { formatDay, hoursAsDays, plural } from '../text/dates.js';
import type { Position } from '../types.js';
import { budgetShare } from '../model/budget.js';
import { idIndexOf, type IdOccurrence } from '../model/idIndex.js';
import type { Hover } from '../lspTypes.js';
import { code, escapeMarkdown, formatNumber, markdownToPlainText } from '../text/markdown.js';
import { formatMoney, formatPercent } from '../text/money.js';
import { excerpt } from '../text/quote.js';
import type { PlanDocument } from '../planDocument.js';
import { rootSchemaFor } from '../schema/schemaNavigation.js';
import { keyDocumentation } from '../schema/schemaDocs.js';
import { keyAtOffset } from '../yaml/path.js';
import { mergeHover } from './mergeHover.js';
import { portfolioHover } from './portfolio/hover.js';
import { channelMoneyMarkdown, kpiPaceMarkdown } from './tracking/summaries.js';

export interface HoverOptions {
  /** `plaintext` for a client whose `textDocument.hover.contentFormat` lacks markdown. */
  markup?: 'markdown' | 'plaintext';
  /** A portfolio's member plan's problem count (the adapter's latest diagnostics of it); see `portfolioHover`. */
  problemCount?: (uri: string) => number | undefined;
}

/** Hover on an id (channel, KPI, objective, stage) shows what the plan knows about it; on a key, its docs; on merged text, where it is merged (mergeHover.ts). */
export function hover(doc: PlanDocument, position: Position, options: HoverOptions = {}): Hover | null {
  const { model, parsed } = doc.analysis;
  const offset = model.lineIndex.offsetAt(position);
  // A portfolio: its `plans:` entries describe their plans; ids are not a plan's there.
  const portfolio = doc.analysis.portfolio && portfolioHover(doc, position, options);
  if (portfolio) return portfolio;
  const occurrence = doc.analysis.portfolio ? undefined : idIndexOf(model).at(position);
  const merge = mergeHover(parsed.doc, model.lineIndex, offset);
  const contents = (...parts: (string | undefined)[]) => {
    const value = parts.filter((part) => part !== undefined).join('\n\n---\n\n');
    return options.markup === 'plaintext' ? { kind: 'plaintext' as const, value: markdownToPlainText(value) } : { kind: 'markdown' as const, value };
  };
  if (occurrence) {
    const tracking =
      occurrence.kind === 'channel'
        ? channelMoneyMarkdown(doc.analysis, occurrence.id)
        : occurrence.kind === 'kpi'
          ? kpiPaceMarkdown(doc.analysis, occurrence.id)
          : undefined;
    const described = describeId(model, occurrence) + (tracking ? `\n\n${tracking}` : '');
    return { contents: contents(described, merge?.note), range: occurrence.range };
  }
  if (merge) return { contents: contents(merge.keyDocs, merge.note), range: model.lineIndex.range(merge.start, merge.end) };
  const key = keyAtOffset(parsed.doc, offset);
  const docs = key && keyDocumentation(key.path, rootSchemaFor(doc.uri));
  return docs ? { contents: contents(docs), range: model.lineIndex.range(key.start, key.end) } : null;
}

function describeId(model: PlanModel, occurrence: IdOccurrence): string {
  switch (occurrence.kind) {
    case 'channel': {
      const channel = model.channels.get(occurrence.id);
      return channel ? describeChannel(model, channel) : `No channel ${code(occurrence.id)} is defined under \`channels\`.`;
    }
    case 'kpi':
      return describeKpi(model, occurrence.id);
    case 'objective':
      return describeObjective(model, occurrence.id);
    case 'stage':
      return describeStage(model, occurrence.id);
  }
}

function describeChannel(model: PlanModel, channel: ChannelModel): string {
  const facts = factsOf(model);
  const schedule = facts.schedule.channels.get(channel.id);
  const lines: string[] = [];
  lines.push(
    `**Channel** ${code(channel.id)}${channel.name ? ` — ${escapeMarkdown(channel.name.value)}` : ''}${channel.owner ? ` · owner ${escapeMarkdown(channel.owner.value)}` : ''}`,
  );
  const traits = [channel.type?.value, channel.mode?.value, channel.medium?.value].filter((trait): trait is string => !!trait).map(escapeMarkdown);
  if (channel.stages.length > 0) traits.push(`stages ${channel.stages.map((stage) => code(stage.value)).join(', ')}`);
  if (traits.length > 0) lines.push('', traits.join(' · '));

  const summary: string[] = [];
  if (schedule) summary.push(`**${formatDay(schedule.start)} → ${formatDay(schedule.end)}** (${plural(schedule.end - schedule.start + 1, 'day')})`);
  else
    summary.push(`Dates: ${channel.start ? escapeMarkdown(channel.start.value) : 'no start'} → ${channel.end ? escapeMarkdown(channel.end.value) : 'no end'}`);
  if (schedule) summary.push(scheduleSummary(model, channel.id));
  const budget = budgetLine(model, channel);
  if (budget) summary.push(budget);
  lines.push('', summary.join('  \n'));

  const upstream = facts.graph.upstream.get(channel.id) ?? [];
  const downstream = facts.graph.downstream.get(channel.id) ?? [];
  const unknown = facts.graph.unknown.filter((item) => item.channel === channel);
  if (upstream.length > 0 || unknown.length > 0) {
    lines.push('', '**Upstream** (must come first)');
    for (const edge of upstream) lines.push(`- ${code(edge.from.id)} — ${edgeTerms(edge)} — ${datesOf(edge.from)}${allowedFrom(edge, facts.calendar.working)}`);
    for (const item of unknown) lines.push(`- ${code(item.dependency.on.value)} — not a channel of this plan`);
  }
  if (downstream.length > 0) {
    lines.push('', `**Downstream** (${plural(downstream.length, 'dependant')})`);
    for (const edge of downstream) lines.push(`- ${code(edge.to.id)} — ${edgeTerms(edge)} — ${datesOf(edge.to)}`);
  }
  return lines.join('\n');
}

function scheduleSummary(model: PlanModel, id: string): string {
  const schedule = factsOf(model).schedule;
  const item = schedule.channels.get(id)!;
  const parts: string[] = [];
  if (item.earliestStart === undefined) parts.push('no dependency holds it back');
  else {
    const gap = item.start - item.earliestStart;
    const driver = item.drivingEdge ? ` (set by ${code(item.drivingEdge.from.id)})` : '';
    parts.push(`earliest allowed start ${formatDay(item.earliestStart)}${driver}${gap < 0 ? ` — **starts ${plural(-gap, 'day')} too early**` : ''}`);
  }
  const onPath = schedule.criticalPath.includes(id);
  if (onPath) parts.push(`**on the critical path** (${schedule.criticalPath.map(code).join(' → ')})`);
  else if (item.critical) parts.push('no slack');
  else parts.push(`slack ${plural(item.slack, 'day')}, not on the critical path`);
  if (onPath && item.slack > 0) parts.push(`slack ${plural(item.slack, 'day')}`);
  const sentence = parts.join(' · ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function budgetLine(model: PlanModel, channel: ChannelModel): string | undefined {
  if (!channel.budget) return undefined;
  const budget = factsOf(model).budget;
  // The currency is the only plan text in the amount.
  const currency = budget.currency && escapeMarkdown(budget.currency);
  const money = (amount: number) => formatMoney(amount, currency);
  const share =
    budgetShare(budget, channel.budget.value) === undefined
      ? ''
      : ` — ${formatPercent(channel.budget.value, budget.base)} of ${budget.baseLabel} ${money(budget.base)}`;
  return `Budget ${money(channel.budget.value)}${share}`;
}

function edgeTerms(edge: DependencyEdge): string {
  const lag = edge.dependency.lag;
  if (!lag) return `${edge.dependency.kind}, no lag`;
  const hours = hoursAsDays(lag.value);
  return `${edge.dependency.kind}, lag ${hours ? escapeMarkdown(hours) : escapeMarkdown(excerpt(lag.value))}`;
}

function datesOf(channel: ChannelModel): string {
  return `${channel.start ? escapeMarkdown(channel.start.value) : '?'} → ${channel.end ? escapeMarkdown(channel.end.value) : '?'}`;
}

function allowedFrom(edge: DependencyEdge, calendar: WorkingCalendar): string {
  const allowed = earliestStartAllowed(edge, calendar);
  return allowed === undefined ? '' : ` — allows a start from ${formatDay(allowed)}`;
}

function describeKpi(model: PlanModel, id: string): string {
  const kpi = model.kpis.get(id);
  if (!kpi) return `No KPI ${code(id)} is defined under \`kpis\`.`;
  const facts = factsOf(model);
  const lines = [
    `**KPI** ${code(id)}${kpi.name ? ` — ${escapeMarkdown(kpi.name.value)}` : ''}${kpi.owner ? ` · owner ${escapeMarkdown(kpi.owner.value)}` : ' · no owner'}`,
  ];
  lines.push('', `Trace: ${traceLine(model, id)}`);
  const measure = kpi.measure;
  if (measure) {
    const details = [
      measure.source && `source ${escapeMarkdown(measure.source.value)}`,
      measure.unit && escapeMarkdown(measure.unit.value),
      (measure.baseline || measure.target) &&
        `${measure.baseline ? formatNumber(measure.baseline.value) : '?'} → ${measure.target ? formatNumber(measure.target.value) : '?'}`,
      measure.cadence && escapeMarkdown(measure.cadence.value),
      measure.readyBy && `ready by ${escapeMarkdown(measure.readyBy.value)}`,
      measure.owner && `measured by ${escapeMarkdown(measure.owner.value)}`,
    ].filter((detail): detail is string => !!detail);
    lines.push(
      '',
      `Measure: ${measure.definition ? escapeMarkdown(measure.definition.value) : '*no definition*'}${details.length > 0 ? `  \n${details.join(' · ')}` : ''}`,
    );
  } else {
    lines.push('', 'Measure: *none defined* — agree how it is measured before launch.');
  }
  const users = facts.kpiUsers.get(id) ?? [];
  lines.push('', users.length > 0 ? `Reported by ${users.map((channel) => code(channel.id)).join(', ')}` : 'No channel reports against it.');
  return lines.join('\n');
}

function traceLine(model: PlanModel, id: string): string {
  const trace = factsOf(model).traces.get(id);
  if (!trace) return 'unknown';
  const more = trace.length > trace.chain.length ? ` → … (${trace.length} steps)` : '';
  const chain = trace.chain.map(code).join(' → ') + more;
  switch (trace.status) {
    case 'reaches':
      return `${chain} — reaches the objective`;
    case 'missing':
      return `${chain} — **stops** at ${code(trace.last)}, which has no \`traces_to\``;
    case 'dangling':
      return `${chain} → ${code(trace.unknownId)} — **broken**: no KPI or objective has that id`;
    case 'cycle':
      return `**loops**: ${trace.cycle.map(code).join(' → ')}`;
  }
}

function describeObjective(model: PlanModel, id: string): string {
  const objective = model.objectives.find((candidate) => candidate.id?.value === id);
  if (!objective) return `No objective has the id ${code(id)}.`;
  const lines = [`**Objective** ${code(id)}`];
  if (objective.statement) lines.push('', escapeMarkdown(objective.statement.value));
  const target = [
    objective.metric && `metric ${code(objective.metric.value)}`,
    objective.target && `target ${formatNumber(objective.target.value)}`,
    objective.deadline && `by ${escapeMarkdown(objective.deadline.value)}`,
  ].filter((part): part is string => !!part);
  if (target.length > 0) lines.push('', target.join(' · '));
  let direct = 0;
  let reaching = 0;
  for (const kpi of model.kpis.values()) if (kpi.tracesTo?.value === id) direct++;
  for (const trace of factsOf(model).traces.values()) {
    // A chain longer than the kept prefix ends at the objective out of sight.
    const end = trace.length > trace.chain.length && model.objectives.length === 1 ? id : trace.chain[trace.chain.length - 1];
    if (trace.status === 'reaches' && end === id) reaching++;
  }
  lines.push('', `${plural(reaching, 'KPI')} of ${model.kpis.size} trace to it (${direct} directly).`);
  return lines.join('\n');
}

function describeStage(model: PlanModel, id: string): string {
  const index = model.journey.findIndex((stage) => stage.value === id);
  if (index < 0) return `No journey stage ${code(id)} is defined under \`journey\`.`;
  const stage = model.journey[index]!;
  const lines = [`**Journey stage** ${code(id)} (${index + 1} of ${model.journey.length})`];
  if (stage.need) lines.push('', `Need: ${escapeMarkdown(stage.need)}`);
  const users = factsOf(model).stageUsers.get(id) ?? [];
  lines.push('', users.length > 0 ? `Served by ${users.map((channel) => code(channel.id)).join(', ')}` : 'No channel serves this stage.');
  return lines.join('\n');
}
