import { factsOf } from '../model/planFacts.js';
import { plural } from '../text/dates.js';
import { budgetShare } from '../model/budget.js';
import type { CodeLens } from '../lspTypes.js';
import { formatMoney, formatPercent } from '../text/money.js';
import type { PlanDocument } from '../planDocument.js';
import { burnLabel, paceLabel } from './tracking/summaries.js';

/** Above each channel: its budget share and dependants; above each KPI: how many channels report it. Labels only. */
export function codeLenses(doc: PlanDocument): CodeLens[] {
  const { model } = doc.analysis;
  const facts = factsOf(model);
  const { budget } = facts;
  const lenses: CodeLens[] = [];
  const label = (title: string) => ({ title, command: '' });
  for (const channel of model.channels.values()) {
    const parts: string[] = [];
    if (channel.budget && budgetShare(budget, channel.budget.value) !== undefined)
      parts.push(`${formatPercent(channel.budget.value, budget.base)} of ${budget.baseLabel} (${formatMoney(channel.budget.value, budget.currency)})`);
    parts.push(plural(facts.graph.downstream.get(channel.id)?.length ?? 0, 'dependant'));
    if (facts.schedule.criticalPath.includes(channel.id)) parts.push('critical path');
    const money = doc.analysis.tracking.channels.get(channel.id);
    const burn = money && burnLabel(money, budget.currency);
    if (burn) parts.push(burn);
    lenses.push({ range: channel.keyRange, command: label(parts.join(' · ')) });
  }
  for (const kpi of model.kpis.values()) {
    const users = facts.kpiUsers.get(kpi.id)?.length ?? 0;
    const pace = doc.analysis.tracking.kpis.get(kpi.id);
    const paced = pace && paceLabel(pace);
    lenses.push({ range: kpi.keyRange, command: label(`reported by ${plural(users, 'channel')}${paced ? ` · ${paced}` : ''}`) });
  }
  return lenses;
}
