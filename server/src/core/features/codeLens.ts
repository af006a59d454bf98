import { factsOf } from '../model/planFacts.js';
import { plural } from '../text/dates.js';
import { budgetShare } from '../model/budget.js';
import { ownKpis } from '../library/imports.js';
import { idIndexOf, type IdKind, type IdRole } from '../model/idIndex.js';
import type { CodeLens } from '../lspTypes.js';
import { formatMoney, formatPercent } from '../text/money.js';
import type { PlanDocument } from '../planDocument.js';
import type { Location } from '../types.js';
import { portfolioCodeLenses } from './portfolio/codeLens.js';
import { burnLabel, paceLabel } from './tracking/summaries.js';

/**
 * Commands a client may run from a code lens, when it says it has them (the VS Code extension
 * does, in its `initializationOptions.clientCommands`): the server cannot show a references
 * view or the timeline itself, and a client without them gets the lenses as labels.
 */
export const CLIENT_COMMANDS = {
  /** `[uri, position, locations]` (LSP shapes): show these places in the references view. */
  showReferences: 'throughline.showReferences',
  /** `[uri, channelId]`: open the timeline preview on the plan with the channel's bar highlighted. */
  revealInTimeline: 'throughline.revealInTimeline',
} as const;

export interface CodeLensOptions {
  /** The client commands of `CLIENT_COMMANDS` the client can run. */
  clientCommands?: ReadonlySet<string>;
}

/**
 * Above each channel: its budget share (and whether it is on the critical path), its
 * dependants (a click lists them), and "open in timeline"; above each KPI: the channels that
 * report it (a click lists them).
 */
export function codeLenses(doc: PlanDocument, options: CodeLensOptions = {}): CodeLens[] {
  // A portfolio's lenses are its plans' shares of its budget.
  if (doc.analysis.portfolio) return portfolioCodeLenses(doc);
  const { model } = doc.analysis;
  const facts = factsOf(model);
  const { budget } = facts;
  const index = idIndexOf(model);
  const can = (command: string) => options.clientCommands?.has(command) === true;
  const lenses: CodeLens[] = [];
  const label = (title: string) => ({ title, command: '' });
  const uses = (kind: IdKind, id: string, role: IdRole): Location[] =>
    index
      .of(kind, id)
      .filter((occurrence) => occurrence.role === role)
      .map((occurrence) => ({ uri: doc.uri, range: occurrence.range }));
  const showing = (title: string, at: CodeLens['range'], locations: Location[]) =>
    locations.length > 0 && can(CLIENT_COMMANDS.showReferences)
      ? { title, command: CLIENT_COMMANDS.showReferences, arguments: [doc.uri, at.start, locations] }
      : label(title);
  for (const channel of model.channels.values()) {
    const parts: string[] = [];
    if (channel.budget && budgetShare(budget, channel.budget.value) !== undefined)
      parts.push(`${formatPercent(channel.budget.value, budget.base)} of ${budget.baseLabel} (${formatMoney(channel.budget.value, budget.currency)})`);
    if (facts.schedule.criticalPath.includes(channel.id)) parts.push('critical path');
    const money = doc.analysis.tracking.channels.get(channel.id);
    const burn = money && burnLabel(money, budget.currency);
    if (burn) parts.push(burn);
    if (parts.length > 0) lenses.push({ range: channel.keyRange, command: label(parts.join(' · ')) });
    const dependants = plural(facts.graph.downstream.get(channel.id)?.length ?? 0, 'dependant');
    lenses.push({ range: channel.keyRange, command: showing(dependants, channel.keyRange, uses('channel', channel.id, 'depends-on')) });
    if (can(CLIENT_COMMANDS.revealInTimeline)) {
      lenses.push({
        range: channel.keyRange,
        command: { title: 'open in timeline', command: CLIENT_COMMANDS.revealInTimeline, arguments: [doc.uri, channel.id] },
      });
    }
  }
  for (const kpi of ownKpis(model)) {
    const users = facts.kpiUsers.get(kpi.id)?.length ?? 0;
    const pace = doc.analysis.tracking.kpis.get(kpi.id);
    const paced = pace && paceLabel(pace);
    lenses.push({
      range: kpi.keyRange,
      command: showing(`reported by ${plural(users, 'channel')}${paced ? ` · ${paced}` : ''}`, kpi.keyRange, uses('kpi', kpi.id, 'channel-kpi')),
    });
  }
  return lenses;
}
